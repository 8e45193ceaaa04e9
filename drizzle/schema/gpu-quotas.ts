import { index, integer, primaryKey, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { runs } from './runs';
import { teams } from './teams';

/** A run step (run, node) of a team on a pool: what a quota lease and a quota waiter are about. */
const quotaStepColumns = () => ({
  runId: uuid()
    .notNull()
    .references(() => runs.id, { onDelete: 'cascade' }),
  nodeId: text().notNull(),
  teamId: uuid()
    .notNull()
    .references(() => teams.id, { onDelete: 'cascade' }),
  pool: text().notNull(),
});

/**
 * GPUs a team holds on a pool under its quota, one row per step while it runs (retries included).
 * Kept in Postgres, not in a worker: a killed worker or control worker loses no lease and leaks
 * none (the run releases it when the step ends; a finished run's leases no longer count).
 */
export const gpuQuotaLeases = pgTable(
  'gpu_quota_leases',
  {
    ...quotaStepColumns(),
    gpus: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.nodeId] }), index().on(t.teamId, t.pool)],
);

/** Steps waiting for their team's quota: a released lease wakes them (oldest first) with a signal. */
export const gpuQuotaWaiters = pgTable(
  'gpu_quota_waiters',
  {
    ...quotaStepColumns(),
    workflowId: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.nodeId] }), index().on(t.teamId, t.pool, t.createdAt)],
);
