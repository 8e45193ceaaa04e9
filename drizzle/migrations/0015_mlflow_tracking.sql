CREATE TYPE "public"."lifecycle_stage" AS ENUM('active', 'deleted');--> statement-breakpoint
CREATE TYPE "public"."tracking_run_status" AS ENUM('RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED');--> statement-breakpoint
CREATE TYPE "public"."api_token_role" AS ENUM('viewer', 'editor');--> statement-breakpoint
CREATE TABLE "tracking_datasets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"experiment_id" bigint NOT NULL,
	"name" text NOT NULL,
	"digest" text NOT NULL,
	"source_type" text NOT NULL,
	"source" text NOT NULL,
	"schema" text,
	"profile" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracking_datasets_experimentId_name_digest_unique" UNIQUE("experiment_id","name","digest")
);
--> statement-breakpoint
CREATE TABLE "tracking_experiment_tags" (
	"experiment_id" bigint NOT NULL,
	"key" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "tracking_experiment_tags_experiment_id_key_pk" PRIMARY KEY("experiment_id","key")
);
--> statement-breakpoint
CREATE TABLE "tracking_experiments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tracking_experiments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"artifact_location" text,
	"lifecycle_stage" "lifecycle_stage" DEFAULT 'active' NOT NULL,
	"pipeline_id" uuid,
	"creation_time" bigint NOT NULL,
	"last_update_time" bigint NOT NULL,
	CONSTRAINT "tracking_experiments_projectId_name_unique" UNIQUE("project_id","name")
);
--> statement-breakpoint
CREATE TABLE "tracking_inputs" (
	"run_uuid" text NOT NULL,
	"dataset_id" uuid NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "tracking_inputs_run_uuid_dataset_id_pk" PRIMARY KEY("run_uuid","dataset_id")
);
--> statement-breakpoint
CREATE TABLE "tracking_latest_metrics" (
	"run_uuid" text NOT NULL,
	"key" text NOT NULL,
	"step" bigint NOT NULL,
	"timestamp" bigint NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "tracking_latest_metrics_run_uuid_key_pk" PRIMARY KEY("run_uuid","key")
);
--> statement-breakpoint
CREATE TABLE "tracking_metrics" (
	"run_uuid" text NOT NULL,
	"key" text NOT NULL,
	"step" bigint NOT NULL,
	"timestamp" bigint NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "tracking_metrics_run_uuid_key_step_timestamp_value_pk" PRIMARY KEY("run_uuid","key","step","timestamp","value")
);
--> statement-breakpoint
CREATE TABLE "tracking_params" (
	"run_uuid" text NOT NULL,
	"key" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "tracking_params_run_uuid_key_pk" PRIMARY KEY("run_uuid","key")
);
--> statement-breakpoint
CREATE TABLE "tracking_runs" (
	"run_uuid" text PRIMARY KEY NOT NULL,
	"experiment_id" bigint NOT NULL,
	"name" text NOT NULL,
	"user_id" text DEFAULT '' NOT NULL,
	"status" "tracking_run_status" DEFAULT 'RUNNING' NOT NULL,
	"start_time" bigint NOT NULL,
	"end_time" bigint,
	"lifecycle_stage" "lifecycle_stage" DEFAULT 'active' NOT NULL,
	"artifact_uri" text NOT NULL,
	"weft_run_id" uuid,
	"weft_node_id" text,
	"weft_attempt" integer
);
--> statement-breakpoint
CREATE TABLE "tracking_tags" (
	"run_uuid" text NOT NULL,
	"key" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "tracking_tags_run_uuid_key_pk" PRIMARY KEY("run_uuid","key")
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"role" "api_token_role" NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_tokens_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "tracking_datasets" ADD CONSTRAINT "tracking_datasets_experiment_id_tracking_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."tracking_experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_experiment_tags" ADD CONSTRAINT "tracking_experiment_tags_experiment_id_tracking_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."tracking_experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_experiments" ADD CONSTRAINT "tracking_experiments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_experiments" ADD CONSTRAINT "tracking_experiments_pipeline_id_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."pipelines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_inputs" ADD CONSTRAINT "tracking_inputs_run_uuid_tracking_runs_run_uuid_fk" FOREIGN KEY ("run_uuid") REFERENCES "public"."tracking_runs"("run_uuid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_inputs" ADD CONSTRAINT "tracking_inputs_dataset_id_tracking_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."tracking_datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_latest_metrics" ADD CONSTRAINT "tracking_latest_metrics_run_uuid_tracking_runs_run_uuid_fk" FOREIGN KEY ("run_uuid") REFERENCES "public"."tracking_runs"("run_uuid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_metrics" ADD CONSTRAINT "tracking_metrics_run_uuid_tracking_runs_run_uuid_fk" FOREIGN KEY ("run_uuid") REFERENCES "public"."tracking_runs"("run_uuid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_params" ADD CONSTRAINT "tracking_params_run_uuid_tracking_runs_run_uuid_fk" FOREIGN KEY ("run_uuid") REFERENCES "public"."tracking_runs"("run_uuid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_runs" ADD CONSTRAINT "tracking_runs_experiment_id_tracking_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."tracking_experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_runs" ADD CONSTRAINT "tracking_runs_weft_run_id_runs_id_fk" FOREIGN KEY ("weft_run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_tags" ADD CONSTRAINT "tracking_tags_run_uuid_tracking_runs_run_uuid_fk" FOREIGN KEY ("run_uuid") REFERENCES "public"."tracking_runs"("run_uuid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_experiments_pipeline_id_index" ON "tracking_experiments" USING btree ("pipeline_id") WHERE "tracking_experiments"."pipeline_id" is not null;--> statement-breakpoint
CREATE INDEX "tracking_inputs_dataset_id_index" ON "tracking_inputs" USING btree ("dataset_id");--> statement-breakpoint
CREATE INDEX "tracking_latest_metrics_key_value_index" ON "tracking_latest_metrics" USING btree ("key","value");--> statement-breakpoint
CREATE INDEX "tracking_params_key_value_index" ON "tracking_params" USING btree ("key","value");--> statement-breakpoint
CREATE INDEX "tracking_runs_experiment_id_start_time_run_uuid_index" ON "tracking_runs" USING btree ("experiment_id","start_time" DESC NULLS LAST,"run_uuid");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_runs_weft_run_id_weft_node_id_weft_attempt_index" ON "tracking_runs" USING btree ("weft_run_id","weft_node_id","weft_attempt") WHERE "tracking_runs"."weft_run_id" is not null;--> statement-breakpoint
CREATE INDEX "tracking_tags_key_value_index" ON "tracking_tags" USING btree ("key","value");--> statement-breakpoint
CREATE INDEX "api_tokens_user_id_project_id_index" ON "api_tokens" USING btree ("user_id","project_id");