ALTER TABLE "registered_models" ADD COLUMN "last_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Models registered before the counter: it starts at their highest version number.
UPDATE "registered_models" AS m SET "last_version" = v."max_version" FROM (SELECT "model_id", max("version") AS "max_version" FROM "model_versions" GROUP BY "model_id") AS v WHERE v."model_id" = m."id";
