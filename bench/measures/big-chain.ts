// 6. A 2,000-node no-op chain: does it complete (continue-as-new), and how far it got if not.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TPipelineRunResult } from '../../workflows/contract/run-workflow';
import { BIG_CHAIN, BIG_CHAIN_LIMIT_MS } from '../lib/config';
import { report } from '../lib/report';
import { awaitResult, saveVersion } from '../lib/runs';
import { noopChain } from '../lib/specs';
import { verdict, type TRow } from '../lib/table';
import { errorText, now, short } from '../lib/util';
import type { TBench } from '../lib/workers';

const { rows, notes } = report;

/** The row under BENCH_QUICK, which leaves the 2,000-node chain out. */
export const bigChainSkipped: TRow = { measure: `${BIG_CHAIN.toLocaleString('en')}-node pipeline (no-op chain)`, weft: 'skipped (BENCH_QUICK)', hand: '—', target: 'completes', ok: '' };

/** How many executions (continue-as-new) a workflow id has had, with their history lengths. */
async function executionsOf(b: TBench, workflowId: string): Promise<string> {
  try {
    const lengths: number[] = [];
    for await (const wf of b.temporal.workflow.list({ query: `WorkflowId = '${workflowId}'` })) lengths.push(wf.historyLength);
    return `${lengths.length} execution${lengths.length === 1 ? '' : 's'} (history lengths ${lengths.join(', ')})`;
  } catch (error) {
    return `executions unknown (${short(errorText(error), 60)})`;
  }
}

export async function measureBigChain(b: TBench): Promise<void> {
  const version = await saveVersion(b, `bench chain ${BIG_CHAIN}`, noopChain(BIG_CHAIN));
  const t0 = now();
  let weft: string;
  let ok: boolean;
  let handle: WorkflowHandle | undefined;
  try {
    const { runId } = await b.api.runs.start({ projectId: b.projectId, versionId: version, requestId: randomUUID() });
    handle = b.temporal.workflow.getHandle(`run-${runId}`);
    const result = await awaitResult<TPipelineRunResult>(b, handle, BIG_CHAIN_LIMIT_MS);
    ok = result?.status === 'succeeded';
    weft = ok ? `completed in ${((now() - t0) / 1000).toFixed(1)} s` : `ended ${result?.status}: ${result?.error ?? ''}`;
    notes.push(`${BIG_CHAIN}-node chain: ${weft}; ${await executionsOf(b, handle.workflowId)}`);
  } catch (error) {
    ok = false;
    let progress = '';
    if (handle) {
      const runId = handle.workflowId.replace(/^run-/, '');
      const [steps, events] = await Promise.all([
        b.api.runs
          .get({ projectId: b.projectId, runId })
          .then((r) => `${r.steps.filter((s) => s.status === 'succeeded').length} of ${BIG_CHAIN} steps done`)
          .catch(() => ''),
        handle
          .describe()
          .then((d) => `${d.historyLength} history events`)
          .catch(() => ''),
      ]);
      progress = [steps, events, await executionsOf(b, handle.workflowId)].filter(Boolean).join(', ');
    }
    weft = `not completed after ${((now() - t0) / 1000).toFixed(0)} s${progress ? ` (${progress})` : ''}`;
    notes.push(`${BIG_CHAIN}-node chain: ${weft}: ${errorText(error)}`);
    weft = short(`${weft}: ${errorText(error)}`, 120);
  }
  rows.push({ measure: `${BIG_CHAIN.toLocaleString('en')}-node pipeline (no-op chain, ${BIG_CHAIN_LIMIT_MS / 1000} s limit)`, weft, hand: '—', target: 'completes', ok: verdict(ok) });
}
