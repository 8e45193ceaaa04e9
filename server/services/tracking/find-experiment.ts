import { and, eq } from 'drizzle-orm';
import { trackingExperiments } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { AppError } from '../../errors';
import type { TExperimentRow } from './experiment-json';
import { callerProject, requireStepScope, requireTrackingAccess, type TNeed, type TTrackingCaller } from './tracking-access';

/** MLflow's "Default" experiment: the client's experiment "0" when a script sets none; one per project, made on first use. */
export const DEFAULT_EXPERIMENT_ID = '0';
export const DEFAULT_EXPERIMENT_NAME = 'Default';

async function defaultExperiment(db: TDbOrTx, projectId: string): Promise<TExperimentRow> {
  const now = Date.now();
  await db.insert(trackingExperiments).values({ projectId, name: DEFAULT_EXPERIMENT_NAME, creationTime: now, lastUpdateTime: now }).onConflictDoNothing();
  const [row] = await db
    .select()
    .from(trackingExperiments)
    .where(and(eq(trackingExperiments.projectId, projectId), eq(trackingExperiments.name, DEFAULT_EXPERIMENT_NAME)));
  return row!;
}

/** The experiment of an id ("0": the project's Default), if the caller may `need` it; RESOURCE_DOES_NOT_EXIST otherwise. */
export async function findExperiment(db: TDbOrTx, caller: TTrackingCaller, experimentId: string, need: TNeed): Promise<TExperimentRow> {
  const what = `Experiment ${experimentId}`;
  if (experimentId === DEFAULT_EXPERIMENT_ID) {
    const projectId = callerProject(caller);
    await requireTrackingAccess(db, caller, projectId, need, what);
    if (need === 'write') requireStepScope(caller, false);
    return defaultExperiment(db, projectId);
  }
  const [row] = await db.select().from(trackingExperiments).where(eq(trackingExperiments.id, Number(experimentId)));
  if (!row) throw new AppError('NOT_FOUND', `${what} not found`);
  await requireTrackingAccess(db, caller, row.projectId, need, what);
  if (need === 'write') requireStepScope(caller, row.id === caller.step?.experimentId);
  return row;
}

/** Logging and creating runs need an active experiment (MLflow's rule). */
export function requireActiveExperiment(row: TExperimentRow): void {
  if (row.lifecycleStage !== 'active') throw new AppError('BAD_REQUEST', `Experiment ${row.id} is deleted: restore it first`);
}
