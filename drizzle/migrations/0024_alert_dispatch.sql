CREATE TYPE "public"."alert_dispatch" AS ENUM('pending', 'done', 'failed');--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "dispatch" "alert_dispatch" DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "retrain_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "notify_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "alerts_dispatch_fired_at_index" ON "alerts" USING btree ("dispatch","fired_at");--> statement-breakpoint
-- alerts fired before durable dispatch were dispatched once, as they fired: not again
UPDATE "alerts" SET "dispatch" = CASE WHEN "retrain_error" IS NOT NULL OR "notify_error" IS NOT NULL THEN 'failed'::"alert_dispatch" ELSE 'done'::"alert_dispatch" END;
