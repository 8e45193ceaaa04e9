CREATE TYPE "public"."approval_kind" AS ENUM('run_gate', 'model_promotion');--> statement-breakpoint
CREATE TABLE "model_aliases" (
	"model_id" uuid NOT NULL,
	"alias" text NOT NULL,
	"version_id" uuid NOT NULL,
	CONSTRAINT "model_aliases_model_id_alias_pk" PRIMARY KEY("model_id","alias")
);
--> statement-breakpoint
CREATE TABLE "model_version_tags" (
	"version_id" uuid NOT NULL,
	"key" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "model_version_tags_version_id_key_pk" PRIMARY KEY("version_id","key")
);
--> statement-breakpoint
CREATE TABLE "model_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"source" text NOT NULL,
	"run_id" text,
	"description" text DEFAULT '' NOT NULL,
	"user_id" text NOT NULL,
	"creation_time" bigint NOT NULL,
	"last_updated_time" bigint NOT NULL,
	CONSTRAINT "model_versions_modelId_version_unique" UNIQUE("model_id","version")
);
--> statement-breakpoint
CREATE TABLE "registered_model_tags" (
	"model_id" uuid NOT NULL,
	"key" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "registered_model_tags_model_id_key_pk" PRIMARY KEY("model_id","key")
);
--> statement-breakpoint
CREATE TABLE "registered_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"protected_aliases" text[] DEFAULT '{"champion"}' NOT NULL,
	"creation_time" bigint NOT NULL,
	"last_updated_time" bigint NOT NULL,
	CONSTRAINT "registered_models_projectId_name_unique" UNIQUE("project_id","name")
);
--> statement-breakpoint
ALTER TABLE "approvals" ALTER COLUMN "run_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "approvals" ALTER COLUMN "node_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "approvals" ADD COLUMN "kind" "approval_kind" DEFAULT 'run_gate' NOT NULL;--> statement-breakpoint
ALTER TABLE "approvals" ADD COLUMN "model_version_id" uuid;--> statement-breakpoint
ALTER TABLE "approvals" ADD COLUMN "alias" text;--> statement-breakpoint
ALTER TABLE "approvals" ADD COLUMN "evidence" jsonb;--> statement-breakpoint
ALTER TABLE "model_aliases" ADD CONSTRAINT "model_aliases_model_id_registered_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."registered_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_aliases" ADD CONSTRAINT "model_aliases_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_version_tags" ADD CONSTRAINT "model_version_tags_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_model_id_registered_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."registered_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_run_id_tracking_runs_run_uuid_fk" FOREIGN KEY ("run_id") REFERENCES "public"."tracking_runs"("run_uuid") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registered_model_tags" ADD CONSTRAINT "registered_model_tags_model_id_registered_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."registered_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registered_models" ADD CONSTRAINT "registered_models_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_model_version_id_model_versions_id_fk" FOREIGN KEY ("model_version_id") REFERENCES "public"."model_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "approvals_model_version_id_alias_index" ON "approvals" USING btree ("model_version_id","alias") WHERE "approvals"."status" = 'pending';--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_target" CHECK (("approvals"."kind" = 'run_gate' and "approvals"."run_id" is not null and "approvals"."node_id" is not null) or ("approvals"."kind" = 'model_promotion' and "approvals"."model_version_id" is not null and "approvals"."alias" is not null));