CREATE TYPE "public"."alert_metric" AS ENUM('feature_psi', 'drifted_features');--> statement-breakpoint
ALTER TYPE "public"."run_trigger" ADD VALUE 'alert';--> statement-breakpoint
CREATE TABLE "alert_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"model_name" text NOT NULL,
	"name" text NOT NULL,
	"metric" "alert_metric" NOT NULL,
	"threshold" double precision NOT NULL,
	"consecutive" integer DEFAULT 1 NOT NULL,
	"notify_secret" text,
	"retrain_pipeline_id" uuid,
	"retrain_parameter" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_rules_projectId_modelName_name_unique" UNIQUE("project_id","model_name","name")
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"check_id" uuid NOT NULL,
	"model_name" text NOT NULL,
	"message" text NOT NULL,
	"fired_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_at" timestamp with time zone,
	"notify_error" text,
	"retrain_run_id" uuid,
	"retrain_error" text,
	CONSTRAINT "alerts_ruleId_checkId_unique" UNIQUE("rule_id","check_id")
);
--> statement-breakpoint
CREATE TABLE "model_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"model_name" text NOT NULL,
	"run_id" uuid NOT NULL,
	"node_id" text NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"drifted" boolean NOT NULL,
	"drifted_features" integer NOT NULL,
	"psi_max" double precision NOT NULL,
	"scores" jsonb NOT NULL,
	CONSTRAINT "model_checks_runId_nodeId_unique" UNIQUE("run_id","node_id")
);
--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_retrain_pipeline_id_pipelines_id_fk" FOREIGN KEY ("retrain_pipeline_id") REFERENCES "public"."pipelines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_rule_id_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."alert_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_check_id_model_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."model_checks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_retrain_run_id_runs_id_fk" FOREIGN KEY ("retrain_run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_checks" ADD CONSTRAINT "model_checks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_checks" ADD CONSTRAINT "model_checks_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alerts_project_id_model_name_fired_at_index" ON "alerts" USING btree ("project_id","model_name","fired_at");--> statement-breakpoint
CREATE INDEX "alerts_retrain_run_id_index" ON "alerts" USING btree ("retrain_run_id");--> statement-breakpoint
CREATE INDEX "model_checks_project_id_model_name_checked_at_index" ON "model_checks" USING btree ("project_id","model_name","checked_at");