CREATE TYPE "public"."logged_model_status" AS ENUM('LOGGED_MODEL_PENDING', 'LOGGED_MODEL_READY', 'LOGGED_MODEL_UPLOAD_FAILED');--> statement-breakpoint
CREATE TABLE "tracking_artifacts" (
	"run_uuid" text,
	"model_id" text,
	"path" text NOT NULL,
	"sha256" char(64) NOT NULL,
	"size" bigint NOT NULL,
	"media_type" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracking_artifacts_one_owner" CHECK (("tracking_artifacts"."run_uuid" is null) <> ("tracking_artifacts"."model_id" is null))
);
--> statement-breakpoint
CREATE TABLE "tracking_logged_models" (
	"model_id" text PRIMARY KEY NOT NULL,
	"experiment_id" bigint NOT NULL,
	"name" text NOT NULL,
	"model_type" text DEFAULT '' NOT NULL,
	"source_run_uuid" text,
	"status" "logged_model_status" DEFAULT 'LOGGED_MODEL_PENDING' NOT NULL,
	"status_message" text DEFAULT '' NOT NULL,
	"artifact_uri" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"creation_time" bigint NOT NULL,
	"last_update_time" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracking_run_outputs" (
	"run_uuid" text NOT NULL,
	"model_id" text NOT NULL,
	"step" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "tracking_run_outputs_run_uuid_model_id_pk" PRIMARY KEY("run_uuid","model_id")
);
--> statement-breakpoint
ALTER TABLE "tracking_artifacts" ADD CONSTRAINT "tracking_artifacts_run_uuid_tracking_runs_run_uuid_fk" FOREIGN KEY ("run_uuid") REFERENCES "public"."tracking_runs"("run_uuid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_artifacts" ADD CONSTRAINT "tracking_artifacts_model_id_tracking_logged_models_model_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."tracking_logged_models"("model_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_logged_models" ADD CONSTRAINT "tracking_logged_models_experiment_id_tracking_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."tracking_experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_logged_models" ADD CONSTRAINT "tracking_logged_models_source_run_uuid_tracking_runs_run_uuid_fk" FOREIGN KEY ("source_run_uuid") REFERENCES "public"."tracking_runs"("run_uuid") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_run_outputs" ADD CONSTRAINT "tracking_run_outputs_run_uuid_tracking_runs_run_uuid_fk" FOREIGN KEY ("run_uuid") REFERENCES "public"."tracking_runs"("run_uuid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_run_outputs" ADD CONSTRAINT "tracking_run_outputs_model_id_tracking_logged_models_model_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."tracking_logged_models"("model_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_artifacts_run_uuid_path_index" ON "tracking_artifacts" USING btree ("run_uuid","path" text_pattern_ops) WHERE "tracking_artifacts"."run_uuid" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_artifacts_model_id_path_index" ON "tracking_artifacts" USING btree ("model_id","path" text_pattern_ops) WHERE "tracking_artifacts"."model_id" is not null;