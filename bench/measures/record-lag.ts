// 8. How far the run's records in Postgres (what the UI reads) trail the step's real state:
// the time from an event in the run's Temporal history to the matching row change in Postgres.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { steps } from '../../drizzle/schema';
import { LATENCY_REPS } from '../lib/config';
import { activityTimeline } from '../lib/history';
import { report } from '../lib/report';
import { saveVersion } from '../lib/runs';
import { chainSpec } from '../lib/specs';
import { fmtMs, median } from '../lib/stats';
import { verdict } from '../lib/table';
import { now } from '../lib/util';
import type { TBench } from '../lib/workers';

const { rows, notes } = report;
const POLL_MS = 5;

/** Polls a step's row until `done`, returning the wall time (ms since epoch) it was first seen so. */
async function seen(b: TBench, runId: string, nodeId: string, done: (status: string) => boolean, limitMs = 30_000): Promise<number> {
  const deadline = now() + limitMs;
  while (now() < deadline) {
    const [row] = await b.db.select({ status: steps.status }).from(steps).where(and(eq(steps.runId, runId), eq(steps.nodeId, nodeId)));
    if (row && done(row.status)) return Date.now();
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error(`step ${nodeId} of run ${runId} never reached the awaited status in Postgres`);
}

export async function measureRecordLag(b: TBench): Promise<void> {
  // a quick step, then one that runs a while: its "running" must show while it runs
  const spec = chainSpec(2, 'noop', { sleepMs: 0 });
  spec.nodes[1]!.config = { sleepMs: 1_000 };
  const versionId = await saveVersion(b, 'bench record lag', spec);
  const finished: number[] = [];
  const started: number[] = [];
  for (let i = 0; i < LATENCY_REPS; i++) {
    const { runId } = await b.api.runs.start({ projectId: b.projectId, versionId, requestId: randomUUID() });
    const [firstDone, secondRunning] = await Promise.all([seen(b, runId, 's1', (s) => s === 'succeeded'), seen(b, runId, 's2', (s) => s === 'running')]);
    const handle = b.temporal.workflow.getHandle(`run-${runId}`);
    await handle.result();
    const [first, second] = (await activityTimeline(handle)).activities;
    finished.push(firstDone - first!.closedAt!);
    started.push(secondRunning - second!.scheduledAt);
  }
  const worst = Math.max(...finished, ...started);
  rows.push({
    measure: `run records in Postgres behind the step (step done / next step started; median of ${LATENCY_REPS}, max)`,
    weft: `${fmtMs(median(finished))} / ${fmtMs(median(started))}, max ${fmtMs(worst)}`,
    hand: '—',
    target: '< 1 s (ARCHITECTURE)',
    ok: verdict(worst < 1_000),
  });
  notes.push(`record lag: Temporal history event time (activity completed; next activity scheduled) → first poll (every ${POLL_MS} ms) that sees the step's row change`);
}
