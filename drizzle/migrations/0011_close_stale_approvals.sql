-- Approvals still pending whose run already ended can never be decided: close them as the run's end
-- now does (cancelled, the end as the reason, audited).
WITH "closed" AS (
  UPDATE "approvals" AS a
  SET "status" = 'cancelled', "decided_at" = now(),
    "comment" = 'Its run ended (' || r."status" || ')' || coalesce(': ' || r."error", '')
  FROM "runs" AS r
  WHERE a."run_id" = r."id" AND a."status" = 'pending' AND r."status" IN ('succeeded', 'failed', 'cancelled')
  RETURNING a."id", a."project_id", a."run_id", a."comment"
)
INSERT INTO "audit_log" ("project_id", "actor", "action", "target_type", "target_id", "details")
SELECT "project_id", 'system:run-ended', 'approval.cancel', 'approval', "id"::text, jsonb_build_object('runId', "run_id", 'reason', "comment") FROM "closed";
