// 5. A 1,000-way for-each, against the hand-written workflow's 1,000 activities at once.
import { compileSpec } from '../../workflows/dsl';
import { FAN_OUT, FAN_OUT_LIMIT_MS } from '../lib/config';
import { activityTimeline } from '../lib/history';
import { report } from '../lib/report';
import { runHand, runWeft, saveVersion } from '../lib/runs';
import { foreachSpec } from '../lib/specs';
import { fmtMs } from '../lib/stats';
import { verdict, type TRow } from '../lib/table';
import { errorText, short } from '../lib/util';
import type { TBench } from '../lib/workers';

const { rows, notes } = report;

/** The row when the DSL has no foreach kind. */
export const foreachUnsupported: TRow = { measure: '1,000-way for-each', weft: 'not supported yet (no foreach kind)', hand: '—', target: '< 4 s', ok: 'NO' };

export async function measureForeach(b: TBench): Promise<void> {
  const built = foreachSpec(FAN_OUT, 500, (spec) => compileSpec(spec).ok);
  if (!built) {
    const probe = compileSpec(foreachSpec(FAN_OUT, 500, () => true)!.spec);
    const why = probe.ok ? '' : probe.problems.map((p) => p.message).join('; ');
    rows.push({ measure: '1,000-way for-each', weft: short(`no for-each spec of this bench validates: ${why}`), hand: '—', target: '< 4 s', ok: '' });
    return;
  }
  const version = await saveVersion(b, `bench foreach ${built.items}`, built.spec);
  let weft: string;
  let ok: boolean;
  try {
    const r = await runWeft(b, version, FAN_OUT_LIMIT_MS);
    weft = fmtMs(r.ms);
    ok = r.ms < 4_000;
    const children: string[] = [];
    for await (const wf of b.temporal.workflow.list({ query: `WorkflowType = 'foreachChunk'` })) children.push(wf.workflowId);
    const own = children.filter((id) => id.startsWith(`${r.handle.workflowId}/`)).length;
    notes.push(`for-each (${built.items} no-op items, concurrency ${built.concurrency}, items = ${built.expression}): ${own} child workflows of the run; the run's own history ${(await activityTimeline(r.handle)).events} events`);
  } catch (error) {
    weft = short(`did not complete: ${errorText(error)}`);
    ok = false;
  }
  const hand = await runHand(b, 'handFanOut', [FAN_OUT], FAN_OUT_LIMIT_MS);
  rows.push({
    measure: `1,000-way for-each (${built.items === FAN_OUT ? '' : `${built.items} items: 1,000 do not fit the expression; `}no-op body, concurrency ${built.concurrency}) start → done`,
    weft,
    hand: `${fmtMs(hand.ms)} (1,000 at once)`,
    target: '< 4 s',
    ok: verdict(ok),
  });
}
