import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, text, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { createdAt, id, updatedAt } from './columns';
import { runs } from './runs';

export const poolKindEnum = pgEnum('pool_kind', ['cpu', 'gpu']);

/**
 * A worker pool: the workers polling task queue `weft-pool-<name>`. Workers themselves are not
 * registered here: Temporal knows who polls (DescribeTaskQueue); this is what steps may ask for.
 */
export const pools = pgTable(
  'pools',
  {
    id: id(),
    name: text().notNull().unique(),
    kind: poolKindEnum().notNull(),
    /** e.g. {"gpu": "a100", "mem": "80g"} */
    labels: jsonb().$type<Record<string, string>>().notNull().default({}),
    description: text().notNull().default(''),
    defaultCpus: real().notNull().default(1),
    defaultMemoryMb: integer().notNull().default(2048),
    defaultGpus: integer().notNull().default(0),
    /** a step waiting longer than this for a worker is flagged "no worker in pool" (a node may set its own) */
    scheduleToStartSeconds: integer().notNull().default(60),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('pools_cpu_without_gpus', sql`${t.kind} = 'gpu' or ${t.defaultGpus} = 0`)],
);

/** Teams share pools: runs are attributed to their project's team (fair share, quotas, accounting). */
export const teams = pgTable('teams', {
  id: id(),
  name: text().notNull().unique(),
  createdAt: createdAt(),
});

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid()
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
);

/** A team's share of one pool: its fairness weight and an optional cap on the GPUs it holds at once. */
export const teamPoolShares = pgTable(
  'team_pool_shares',
  {
    teamId: uuid()
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    poolId: uuid()
      .notNull()
      .references(() => pools.id, { onDelete: 'cascade' }),
    weight: doublePrecision().notNull().default(1),
    gpuQuota: integer(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.poolId] }), check('team_pool_shares_weight', sql`${t.weight} > 0`)],
);

/** Users who manage the platform itself (pools, teams); project roles stay per project. */
export const platformAdmins = pgTable('platform_admins', {
  userId: text()
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
});

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
