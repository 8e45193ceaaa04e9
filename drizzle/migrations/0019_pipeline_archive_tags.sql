ALTER TABLE "pipelines" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "pipelines" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "pipelines_project_lower_name_idx" ON "pipelines" USING btree ("project_id",lower("name"));