import { and, eq, inArray, sql } from 'drizzle-orm';
import { pipelineVersions, projectSecrets, runs, stepAttempts, steps } from '../../../drizzle/schema';
import type { TStepSecretsRequest } from '../../../workflows/contract/step-secrets';
import { isFinalStep, isOpenRun } from '../../../workflows/dsl';
import type { TDatabase } from '../../db/client';
import { AppError, notFound } from '../../errors';
import { secretsKeyring } from './master-key';
import { missingText } from './missing-secrets';
import { openSecret } from './sealed-secret';

/**
 * The values a pool worker hands to one step attempt (asked at attempt time, so they never travel
 * through Temporal). Postgres decides, not the worker: the run must be open, the step and the
 * attempt not finished, and the node of the run's version must name the secrets.
 */
export async function stepSecrets(db: TDatabase, request: TStepSecretsRequest): Promise<Record<string, string>> {
  const { runId, nodeId, attempt } = request;
  const [step] = await db
    .select({
      projectId: runs.projectId,
      runStatus: runs.status,
      stepStatus: steps.status,
      // the node's names in the plan the run executes (a version never changes)
      names: sql<string[] | null>`(select s->'secrets' from jsonb_array_elements(${pipelineVersions.plan}->'steps') s where s->>'nodeId' = ${nodeId} limit 1)`,
      attemptStatus: sql<string | null>`(select ${stepAttempts.status} from ${stepAttempts} where ${stepAttempts.runId} = ${runs.id} and ${stepAttempts.nodeId} = ${nodeId} and ${stepAttempts.attempt} = ${attempt})`,
    })
    .from(runs)
    .innerJoin(pipelineVersions, eq(pipelineVersions.id, runs.versionId))
    .leftJoin(steps, and(eq(steps.runId, runs.id), eq(steps.nodeId, nodeId)))
    .where(eq(runs.id, runId));
  if (!step) throw notFound('Run');
  if (!step.stepStatus) throw notFound(`Step "${nodeId}" of the run`);
  if (!isOpenRun(step.runStatus)) throw new AppError('FORBIDDEN', `The run has ended (${step.runStatus})`);
  if (isFinalStep(step.stepStatus)) throw new AppError('FORBIDDEN', `Step "${nodeId}" has finished (${step.stepStatus})`);
  if (step.attemptStatus && step.attemptStatus !== 'running') throw new AppError('FORBIDDEN', `Attempt ${attempt} of step "${nodeId}" has finished`);
  const names = step.names ?? [];
  if (names.length === 0) throw new AppError('FORBIDDEN', `Step "${nodeId}" gets no secrets`);

  const rows = await db
    .select()
    .from(projectSecrets)
    .where(and(eq(projectSecrets.projectId, step.projectId), inArray(projectSecrets.name, names)));
  const missing = names.filter((name) => !rows.some((row) => row.name === name));
  if (missing.length) throw new AppError('PRECONDITION_FAILED', `${missingText(missing)}: an admin must set ${missing.length === 1 ? 'it' : 'them'} in the project's Secrets`);
  const keyring = secretsKeyring();
  return Object.fromEntries(rows.map((row) => [row.name, openSecret(keyring, row)]));
}

