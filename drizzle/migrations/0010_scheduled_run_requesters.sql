-- Runs started by a schedule are on behalf of its creator, sub-pipelines on behalf of their parent
-- run's requester, and an approval's requester is its run's: fill in those recorded before, so
-- that four-eyes holds for the gates still waiting. (A past "run now" is credited to the
-- schedule's creator: who triggered it was not recorded.)
UPDATE "runs" AS r SET "started_by" = s."created_by" FROM "schedules" AS s WHERE r."schedule_id" = s."id" AND r."started_by" IS NULL;
--> statement-breakpoint
WITH RECURSIVE "lineage" ("id", "started_by") AS (
  SELECT "id", "started_by" FROM "runs" WHERE "parent_run_id" IS NULL AND "started_by" IS NOT NULL
  UNION ALL
  SELECT c."id", coalesce(c."started_by", l."started_by") FROM "runs" AS c JOIN "lineage" AS l ON c."parent_run_id" = l."id"
)
UPDATE "runs" AS r SET "started_by" = l."started_by" FROM "lineage" AS l WHERE r."id" = l."id" AND r."started_by" IS NULL;
--> statement-breakpoint
UPDATE "approvals" AS a SET "requested_by" = r."started_by" FROM "runs" AS r WHERE a."run_id" = r."id" AND a."requested_by" IS NULL AND r."started_by" IS NOT NULL;
