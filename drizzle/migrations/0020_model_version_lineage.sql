ALTER TABLE "model_versions" ADD COLUMN "weft_run_id" uuid;--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "weft_node_id" text;--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "artifact_sha256" char(64);--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_weft_run_id_runs_id_fk" FOREIGN KEY ("weft_run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "model_versions_artifact_sha256_index" ON "model_versions" USING btree ("artifact_sha256");--> statement-breakpoint
CREATE INDEX "model_versions_run_id_index" ON "model_versions" USING btree ("run_id");