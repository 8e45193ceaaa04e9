ALTER TABLE "runs" ADD COLUMN "priority" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "steps" ADD COLUMN "pool" text;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_priority" CHECK ("runs"."priority" between 1 and 5);