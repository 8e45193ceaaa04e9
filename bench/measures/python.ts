// 4. The same chains with Python steps: what a process start adds per step.
import { PY_REPS, SIZES } from '../lib/config';
import type { TStepTimings } from '../lib/history';
import { report } from '../lib/report';
import { isHandStep, isWeftStep, runHand, runWeft, saveVersion, timingsOf } from '../lib/runs';
import { measureSeries, mediansOf, perStep, slopeOf } from '../lib/series';
import { pythonChain } from '../lib/specs';
import { fmtMs, median } from '../lib/stats';
import type { TBench } from '../lib/workers';
import type { TSlopes } from './chains';

const { rows, notes } = report;

/** `noopSlopes`: the no-op chains' slopes, when they were measured in this run. */
export async function measurePython(b: TBench, noopSlopes: TSlopes | undefined): Promise<void> {
  const versions = new Map<number, string>();
  for (const n of SIZES) versions.set(n, await saveVersion(b, `bench python ${n}`, pythonChain(n)));
  await runWeft(b, versions.get(1)!); // warm the page cache for python
  await runHand(b, 'handPythonChain', [1, b.python]);
  const series = await measureSeries('python chains (Weft / hand)', SIZES, PY_REPS, [
    ['weft', (n) => runWeft(b, versions.get(n)!, 60_000 + n * 2_000)],
    ['hand', (n) => runHand(b, 'handPythonChain', [n, b.python])],
  ], 50);
  const py = { weft: slopeOf(series.get('weft')!), hand: slopeOf(series.get('hand')!) };
  rows.push({
    measure: `python chains ${SIZES.join('/')} (code \`pass\`; slope, ${PY_REPS} rep${PY_REPS > 1 ? 's' : ''})`,
    weft: perStep(py.weft),
    hand: perStep(py.hand),
    target: 'report',
    ok: '',
  });
  rows.push({
    measure: '  process start per step (python slope − no-op slope)',
    weft: noopSlopes ? perStep(py.weft - noopSlopes.weft) : '—',
    hand: noopSlopes ? perStep(py.hand - noopSlopes.hand) : '—',
    target: 'report',
    ok: '',
  });
  await measureLibraryImports(b);
  notes.push(`python chain medians (start → done): Weft ${mediansOf(series.get('weft')!)}; hand-written ${mediansOf(series.get('hand')!)} (python: ${b.python})`);
  const [w, h] = await Promise.all([timingsOf(series.get('weft')!.handles, isWeftStep), timingsOf(series.get('hand')!.handles, isHandStep)]);
  const per = (t: TStepTimings) =>
    `activity (started→completed) ${fmtMs(median(t.exec))}, completed→next started ${fmtMs(median(t.gaps))}, scheduled→started ${fmtMs(median(t.dispatch))}`;
  notes.push(`50-step python chains, per step (medians, history): Weft: ${per(w)}; hand-written: ${per(h)}`);
}

/** What the warm interpreter is for: steps that import the usual libraries start with them imported. */
const IMPORTS = 'import pandas, sklearn.ensemble';
const IMPORT_STEPS = 5;

async function measureLibraryImports(b: TBench): Promise<void> {
  const versionId = await saveVersion(b, 'bench python imports', pythonChain(IMPORT_STEPS, IMPORTS));
  await runWeft(b, versionId); // the warm interpreter has started (and preloaded) by now
  const reps = Math.max(PY_REPS, 2);
  const weft: number[] = [];
  const hand: number[] = [];
  for (let i = 0; i < reps; i++) {
    weft.push((await runWeft(b, versionId, 120_000)).ms / IMPORT_STEPS);
    hand.push((await runHand(b, 'handPythonChain', [IMPORT_STEPS, b.python, IMPORTS], 120_000)).ms / IMPORT_STEPS);
  }
  rows.push({
    measure: `python step \`${IMPORTS}\` (${IMPORT_STEPS}-step chain, per step; Weft warm, hand-written cold)`,
    weft: fmtMs(median(weft)),
    hand: fmtMs(median(hand)),
    target: 'report',
    ok: '',
  });
}
