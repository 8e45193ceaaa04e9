import { sql } from 'drizzle-orm';
import { check, doublePrecision, integer, jsonb, pgEnum, pgTable, primaryKey, real, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { teams } from './teams';

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
