import { sql } from 'drizzle-orm';
import { check, jsonb, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { createdAt, id } from './columns';
import { projects } from './projects';
import { modelVersions } from './registry';
import { runs } from './runs';

export const approvalStatusEnum = pgEnum('approval_status', ['pending', 'approved', 'rejected', 'expired', 'cancelled']);
/** what an approval lets happen: a run's gate opens, or a model version takes a protected alias */
export const approvalKindEnum = pgEnum('approval_kind', ['run_gate', 'model_promotion']);

/** The evidence of a promotion: the candidate's metrics (its source run's latest) against the alias's current holder's. */
export type TPromotionEvidence = {
  candidate: { version: number; runId: string | null; metrics: Record<string, number> };
  current: { version: number; runId: string | null; metrics: Record<string, number> } | null;
};

/** A run gate waiting for a decision (one per run and node), or a model promotion (one pending per version and alias). */
export const approvals = pgTable(
  'approvals',
  {
    id: id(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: approvalKindEnum().notNull().default('run_gate'),
    runId: uuid().references(() => runs.id, { onDelete: 'cascade' }),
    nodeId: text(),
    modelVersionId: uuid().references(() => modelVersions.id, { onDelete: 'cascade' }),
    alias: text(),
    evidence: jsonb().$type<TPromotionEvidence>(),
    status: approvalStatusEnum().notNull().default('pending'),
    instructions: text().notNull().default(''),
    /** whom the run is on behalf of (who started it, or its schedule's creator), or who asked for the promotion: they may not approve it (four-eyes) */
    requestedBy: text().references(() => user.id),
    decidedBy: text().references(() => user.id),
    comment: text(),
    createdAt: createdAt(),
    decidedAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    unique().on(t.runId, t.nodeId),
    // asking again for a promotion that waits finds the one that waits
    uniqueIndex().on(t.modelVersionId, t.alias).where(sql`${t.status} = 'pending'`),
    check(
      'approvals_target',
      sql`(${t.kind} = 'run_gate' and ${t.runId} is not null and ${t.nodeId} is not null) or (${t.kind} = 'model_promotion' and ${t.modelVersionId} is not null and ${t.alias} is not null)`,
    ),
  ],
);
