import { and, eq, inArray } from 'drizzle-orm';
import { trackingExperiments, trackingRuns } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { AppError } from '../../errors';

// The Experiments UI reads tracking data inside one project: the tRPC procedure has checked the
// caller's role there, and these checks make sure every id asked for belongs to that project
// (an id of another project, even one the caller can read, is "not found" here).

export type TExperimentRow = typeof trackingExperiments.$inferSelect;

export async function findProjectExperiment(db: TDbOrTx, projectId: string, experimentId: number): Promise<TExperimentRow> {
  const [row] = await db
    .select()
    .from(trackingExperiments)
    .where(and(eq(trackingExperiments.id, experimentId), eq(trackingExperiments.projectId, projectId)));
  if (!row) throw new AppError('NOT_FOUND', `Experiment ${experimentId} not found in this project`);
  return row;
}

/** The tracking runs of `runUuids`, all of which must be the project's (NOT_FOUND names the first that is not). */
export async function findProjectRuns(db: TDbOrTx, projectId: string, runUuids: readonly string[]) {
  const unique = [...new Set(runUuids)];
  if (!unique.length) return [];
  const rows = await db
    .select({ run: trackingRuns })
    .from(trackingRuns)
    .innerJoin(trackingExperiments, eq(trackingExperiments.id, trackingRuns.experimentId))
    .where(and(inArray(trackingRuns.runUuid, unique), eq(trackingExperiments.projectId, projectId)));
  const found = new Map(rows.map((r) => [r.run.runUuid, r.run]));
  const missing = unique.find((id) => !found.has(id));
  if (missing) throw new AppError('NOT_FOUND', `Run ${missing} not found in this project`);
  return unique.map((id) => found.get(id)!);
}
