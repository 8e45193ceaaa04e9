CREATE TABLE "gpu_quota_leases" (
	"run_id" uuid NOT NULL,
	"node_id" text NOT NULL,
	"team_id" uuid NOT NULL,
	"pool" text NOT NULL,
	"gpus" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gpu_quota_leases_run_id_node_id_pk" PRIMARY KEY("run_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "gpu_quota_waiters" (
	"run_id" uuid NOT NULL,
	"node_id" text NOT NULL,
	"team_id" uuid NOT NULL,
	"pool" text NOT NULL,
	"workflow_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gpu_quota_waiters_run_id_node_id_pk" PRIMARY KEY("run_id","node_id")
);
--> statement-breakpoint
ALTER TABLE "gpu_quota_leases" ADD CONSTRAINT "gpu_quota_leases_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gpu_quota_leases" ADD CONSTRAINT "gpu_quota_leases_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gpu_quota_waiters" ADD CONSTRAINT "gpu_quota_waiters_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gpu_quota_waiters" ADD CONSTRAINT "gpu_quota_waiters_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gpu_quota_leases_team_id_pool_index" ON "gpu_quota_leases" USING btree ("team_id","pool");--> statement-breakpoint
CREATE INDEX "gpu_quota_waiters_team_id_pool_created_at_index" ON "gpu_quota_waiters" USING btree ("team_id","pool","created_at");