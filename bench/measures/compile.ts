// Validate + compile time of large specs: pure DSL work, no services needed.
import { compileSpec, type TPipelineSpec } from '../../workflows/dsl';
import { report } from '../lib/report';
import { fanOutSpec, noopChain } from '../lib/specs';
import { fmtMs, median } from '../lib/stats';
import { verdict } from '../lib/table';
import { now } from '../lib/util';

export function measureCompile(): void {
  const cases: [string, TPipelineSpec][] = [
    ['validate + compile, 1,000-node chain', noopChain(1_000)],
    ['validate + compile, 1,000-wide fan-out (1,002 nodes)', fanOutSpec(998)],
  ];
  for (const [what, spec] of cases) {
    for (let i = 0; i < 3; i++) compileSpec(spec); // warm up
    const times: number[] = [];
    let ok = true;
    for (let i = 0; i < 10; i++) {
      const t0 = now();
      const result = compileSpec(spec);
      times.push(now() - t0);
      ok &&= result.ok;
    }
    if (!ok) throw new Error(`${what}: compileSpec refused the spec`);
    report.rows.push({ measure: `${what} (median of 10)`, weft: `${fmtMs(median(times))} (max ${fmtMs(Math.max(...times))})`, hand: '—', target: '< 100 ms', ok: verdict(Math.max(...times) < 100) });
  }
}
