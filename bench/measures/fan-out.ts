// 5b. A static 1,000-wide fan-out of no-op nodes (start → 1,000 nodes → end).
import { FAN_OUT, FAN_OUT_LIMIT_MS } from '../lib/config';
import { activityTimeline, phasesOf } from '../lib/history';
import { report } from '../lib/report';
import { isHandStep, isWeftStep, runHand, runWeft, saveVersion } from '../lib/runs';
import { fanOutSpec } from '../lib/specs';
import { fmtMs } from '../lib/stats';
import { verdict } from '../lib/table';
import { errorText, short } from '../lib/util';
import type { TBench } from '../lib/workers';

const { rows, notes } = report;

export async function measureFanOut(b: TBench): Promise<void> {
  const version = await saveVersion(b, `bench fan-out ${FAN_OUT}`, fanOutSpec(FAN_OUT));
  let weft: string;
  let weftOk: boolean | undefined;
  try {
    const r = await runWeft(b, version, FAN_OUT_LIMIT_MS);
    weft = fmtMs(r.ms);
    weftOk = r.ms < 4_000;
    notes.push(`${FAN_OUT}-way fan-out, Weft (history): ${phasesOf(await activityTimeline(r.handle), isWeftStep)}`);
  } catch (error) {
    weft = short(`did not complete: ${errorText(error)}`);
    weftOk = false;
  }
  const hand = await runHand(b, 'handFanOut', [FAN_OUT], FAN_OUT_LIMIT_MS);
  notes.push(`${FAN_OUT}-way fan-out, hand-written (history): ${phasesOf(await activityTimeline(hand.handle), isHandStep)}`);
  rows.push({ measure: `${FAN_OUT.toLocaleString('en')}-wide static fan-out: start → ${FAN_OUT} no-op nodes → end, start → done`, weft, hand: fmtMs(hand.ms), target: '< 4 s (as for-each)', ok: verdict(weftOk) });
}
