CREATE TYPE "public"."artifact_direction" AS ENUM('input', 'output');--> statement-breakpoint
CREATE TYPE "public"."step_origin" AS ENUM('executed', 'cached', 'reused');--> statement-breakpoint
ALTER TYPE "public"."approval_status" ADD VALUE 'cancelled';--> statement-breakpoint
CREATE TABLE "step_artifacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"node_id" text NOT NULL,
	"direction" "artifact_direction" NOT NULL,
	"name" text NOT NULL,
	"hash" text NOT NULL,
	"size" bigint NOT NULL,
	CONSTRAINT "step_artifacts_runId_nodeId_direction_name_unique" UNIQUE("run_id","node_id","direction","name")
);
--> statement-breakpoint
CREATE TABLE "step_cache" (
	"project_id" uuid NOT NULL,
	"cache_key" text NOT NULL,
	"outputs" jsonb NOT NULL,
	"source_run_id" uuid,
	"source_node_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "step_cache_project_id_cache_key_pk" PRIMARY KEY("project_id","cache_key")
);
--> statement-breakpoint
CREATE TABLE "step_metrics" (
	"run_id" uuid NOT NULL,
	"node_id" text NOT NULL,
	"key" text NOT NULL,
	"value" double precision NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "step_metrics_run_id_node_id_key_pk" PRIMARY KEY("run_id","node_id","key")
);
--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "retry_of_run_id" uuid;--> statement-breakpoint
ALTER TABLE "steps" ADD COLUMN "origin" "step_origin" DEFAULT 'executed' NOT NULL;--> statement-breakpoint
ALTER TABLE "steps" ADD COLUMN "outputs" jsonb;--> statement-breakpoint
ALTER TABLE "steps" ADD COLUMN "cache_key" text;--> statement-breakpoint
ALTER TABLE "steps" ADD COLUMN "flag" text;--> statement-breakpoint
ALTER TABLE "step_artifacts" ADD CONSTRAINT "step_artifacts_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_cache" ADD CONSTRAINT "step_cache_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_cache" ADD CONSTRAINT "step_cache_source_run_id_runs_id_fk" FOREIGN KEY ("source_run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_metrics" ADD CONSTRAINT "step_metrics_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "step_artifacts_hash_index" ON "step_artifacts" USING btree ("hash");--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_retry_of_run_id_runs_id_fk" FOREIGN KEY ("retry_of_run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;