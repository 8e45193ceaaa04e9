import { WorkflowNotFoundError, type Client, type WorkflowExecutionStatusName } from '@temporalio/client';
import { and, eq, inArray, lt } from 'drizzle-orm';
import { runs, steps } from '../../../drizzle/schema';
import { OPEN_RUN_STATUSES, OPEN_STEP_STATUSES, type TRunRecord } from '../../../workflows/dsl';
import { PIPELINE_RUN_WORKFLOW, type TPipelineRunResult } from '../../../workflows/contract/run-workflow';
import type { TDatabase } from '../../db/client';
import { writeRunRecords } from './write-run-records';
import { startAlertDispatch } from '../monitoring/start-alert-dispatch';

/** How a closed workflow that never recorded its end is written down. */
const ENDINGS: Partial<Record<WorkflowExecutionStatusName, { status: 'failed' | 'cancelled'; error: string }>> = {
  FAILED: { status: 'failed', error: 'Its workflow failed' },
  TERMINATED: { status: 'failed', error: 'Its workflow was terminated in Temporal' },
  TIMED_OUT: { status: 'failed', error: 'Its workflow timed out' },
  CANCELLED: { status: 'cancelled', error: 'Cancelled' },
};

type TDeps = { db: TDatabase; temporal: Client };
export type TOpenRun = { id: string; projectId: string; workflowId: string };
type TOpenRunRow = TOpenRun & { createdAt: Date };
/** the latest execution of a run's workflow (continue-as-new makes several) */
type TExecution = { runId: string; status: WorkflowExecutionStatusName } | 'gone';

/**
 * Runs whose workflow closed after `since` but whose row is still open get their end written:
 * a run that completed from the records its result carries (its control worker died before the
 * live writer wrote them), one that failed, was terminated or timed out as such, with its open
 * steps cancelled. Idempotent: rows already closed are left alone. Returns the runs it closed.
 */
export async function reconcileRuns(deps: TDeps, since: Date): Promise<string[]> {
  const closed = new Map<string, TExecution>();
  const query = `WorkflowType = '${PIPELINE_RUN_WORKFLOW}' AND ExecutionStatus != 'Running' AND ExecutionStatus != 'ContinuedAsNew' AND CloseTime >= '${since.toISOString()}'`;
  for await (const execution of deps.temporal.workflow.list({ query })) {
    closed.set(execution.workflowId, { runId: execution.runId, status: execution.status.name });
  }
  if (closed.size === 0) return [];
  const open = await openRuns(deps.db, [...closed.keys()]);
  return closeRuns(deps, open, closed);
}

/**
 * The same for every open run, asking Temporal about each: what a control worker does as it
 * starts, since runs may have closed while none ran (without listing everything closed since).
 * A run whose workflow Temporal no longer knows (past its retention) is closed as failed.
 */
export async function reconcileOpenRuns(deps: TDeps): Promise<string[]> {
  return reconcileEach(deps, await openRuns(deps.db));
}

/**
 * Queued runs past the grace a start takes whose workflow Temporal does not know: web wrote the
 * row but died before its workflow started (web starts the two side by side). Closed as failed;
 * a scan that costs one indexed query when there are none (every tick).
 */
export async function reconcileStrandedRuns(deps: TDeps): Promise<string[]> {
  const queued = await deps.db
    .select({ id: runs.id, projectId: runs.projectId, workflowId: runs.workflowId, createdAt: runs.createdAt })
    .from(runs)
    .where(and(eq(runs.status, 'queued'), lt(runs.createdAt, new Date(Date.now() - START_GRACE_MS))));
  return queued.length ? reconcileEach(deps, queued) : [];
}

/** A run's row is written beside its workflow's start: until this old, a workflow not found may still be on its way. */
const START_GRACE_MS = 60_000;

async function reconcileEach(deps: TDeps, open: TOpenRunRow[]): Promise<string[]> {
  const closed = new Map<string, TExecution>();
  for (const run of open) {
    const execution = await closedExecution(deps, run.workflowId);
    if (execution === 'gone' && Date.now() - run.createdAt.getTime() < START_GRACE_MS) continue;
    if (execution) closed.set(run.workflowId, execution);
  }
  return closeRuns(deps, open, closed);
}

/**
 * One run that Postgres holds open, asked about now because someone acts on it (decides its
 * approval): its end is written if its workflow closed. Says whether it was.
 */
export async function reconcileRun(deps: TDeps, run: TOpenRun): Promise<boolean> {
  const execution = await closedExecution(deps, run.workflowId);
  return execution !== undefined && (await closeRuns(deps, [run], new Map([[run.workflowId, execution]]))).length > 0;
}

/** The latest execution of a workflow that no longer runs; undefined while it runs or when Temporal cannot say. */
async function closedExecution(deps: TDeps, workflowId: string): Promise<TExecution | undefined> {
  const latest = await deps.temporal.workflow
    .getHandle(workflowId)
    .describe()
    .then((d): TExecution => ({ runId: d.runId, status: d.status.name }))
    .catch((error: unknown): TExecution | undefined => (error instanceof WorkflowNotFoundError ? 'gone' : undefined));
  return latest && (latest === 'gone' || (latest.status !== 'RUNNING' && latest.status !== 'CONTINUED_AS_NEW')) ? latest : undefined;
}

const openRuns = (db: TDatabase, workflowIds?: string[]): Promise<TOpenRunRow[]> =>
  db
    .select({ id: runs.id, projectId: runs.projectId, workflowId: runs.workflowId, createdAt: runs.createdAt })
    .from(runs)
    .where(and(inArray(runs.status, OPEN_RUN_STATUSES), workflowIds ? inArray(runs.workflowId, workflowIds) : undefined));

async function closeRuns(deps: TDeps, open: TOpenRun[], closed: Map<string, TExecution>): Promise<string[]> {
  const done: string[] = [];
  for (const run of open) {
    const execution = closed.get(run.workflowId);
    if (!execution) continue;
    const { alerts } = await writeRunRecords(deps.db, [{ runId: run.id, projectId: run.projectId, records: await endOf(deps, run.id, run.workflowId, execution) }]);
    // a drift check whose success only the reconciler recorded fires its alerts here (the sweep starts any not started now)
    await startAlertDispatch(deps.temporal, alerts);
    done.push(run.id);
  }
  return done;
}

async function endOf(deps: TDeps, runId: string, workflowId: string, execution: TExecution): Promise<TRunRecord[]> {
  const at = new Date().toISOString();
  if (execution !== 'gone' && execution.status === 'COMPLETED') {
    const result = await deps.temporal.workflow.getHandle<() => Promise<TPipelineRunResult>>(workflowId, execution.runId).result();
    return result.records ?? [{ type: 'finish', status: result.status, ...(result.error ? { error: result.error } : {}), at }];
  }
  const ending =
    execution === 'gone'
      ? { status: 'failed' as const, error: 'Its workflow no longer exists in Temporal' }
      : (ENDINGS[execution.status] ?? { status: 'failed' as const, error: `Its workflow ended ${execution.status}` });
  const unfinished = await deps.db
    .select({ nodeId: steps.nodeId })
    .from(steps)
    .where(and(eq(steps.runId, runId), inArray(steps.status, OPEN_STEP_STATUSES)));
  return [
    ...unfinished.map(({ nodeId }): TRunRecord => ({ type: 'step', nodeId, status: 'cancelled', at })),
    { type: 'finish', status: ending.status, error: ending.error, at },
  ];
}

const RECONCILE_EVERY_MS = 10_000;
/** visibility lags a little behind a workflow's close: each scan looks back this much further */
const VISIBILITY_MARGIN_MS = 15_000;
const WARN_EVERY_MS = 5 * 60_000;

/**
 * The control worker's reconciler: at start every open run (`reconcileOpenRuns`), then every
 * 10 s the workflows closed since the last scan (`reconcileRuns`) and the runs whose workflow
 * never started (`reconcileStrandedRuns`). Failures are warned about (at
 * most every 5 min) and tried again on the next tick. The scans need a visibility store that
 * answers CloseTime queries (the dev server's SQLite, SQL or Elasticsearch visibility on a cluster).
 */
export function startRunReconciler(deps: TDeps, warn: (message: string) => void = (m) => console.warn(m)) {
  let since: Date | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let warnedAt = 0;
  const tick = async () => {
    const startedAt = Date.now();
    try {
      await (since ? reconcileRuns(deps, since) : reconcileOpenRuns(deps));
      await reconcileStrandedRuns(deps);
      since = new Date(startedAt - VISIBILITY_MARGIN_MS);
    } catch (error) {
      // (a server whose visibility store cannot answer the query would say so every tick)
      if (startedAt - warnedAt >= WARN_EVERY_MS) {
        warnedAt = startedAt;
        warn(`[weft] run reconciler: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (!stopped) timer = setTimeout(() => void tick(), RECONCILE_EVERY_MS);
  };
  timer = setTimeout(() => void tick(), 0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
