// The overhead of each ML node kind over the bare Python work it does: the same compiled steps as
// a Weft run (warm fork, sandbox, artifacts handed over through the store, records) and as plain
// function calls in one python process (bench/python/ml_kinds_bare.py). A Sweep (a for-each over
// its candidates and a reduce step) is timed as its step, from start to end, against its
// candidates' and its pick's bare work one after the other (its concurrency is 1 here).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { stepAttempts, steps as stepRows } from '../../drizzle/schema';
import { compileSpec, type TPipelineSpec, type TPlanStep } from '../../workflows/dsl';
import { waitFor } from '../../server/testing/wait-for';
import { repoRoot } from '../../scripts/lib/venv';
import { QUICK } from '../lib/config';
import { report } from '../lib/report';
import { runWeft, saveVersion } from '../lib/runs';
import { fmtMs, median } from '../lib/stats';
import type { TBench } from '../lib/workers';

const node = (id: string, kind: string, config: Record<string, unknown>, x: number): TPipelineSpec['nodes'][number] => ({ id, kind, label: id, config, position: { x: x * 260, y: 0 }, cache: false });
const wire = (source: string, sourcePort: string, target: string, targetPort: string) => ({ id: `${source}_${sourcePort}-${target}_${targetPort}`, source, sourcePort, target, targetPort });

/** Every ML kind that needs neither the registry nor a webhook, chained as a data scientist would. */
export const ML_KINDS_SPEC: TPipelineSpec = {
  nodes: [
    node('load', 'load_dataset', { source: 'sklearn', dataset: 'breast_cancer' }, 0),
    node('validate', 'validate_data', {}, 1),
    node('split', 'split_dataset', { target: 'target', testFraction: 0.3 }, 2),
    node('train', 'train_model', { target: 'target', estimator: 'random_forest' }, 3),
    node('sweep', 'sweep', { target: 'target', estimator: 'logistic_regression', searchSpace: 'C=0.1, 1, 10\nmax_iter=5000', cvFolds: 3 }, 3),
    node('evaluate', 'evaluate_model', { target: 'target' }, 4),
    node('drift', 'drift_check', { exclude: 'target', psiThreshold: 0.2 }, 4),
    node('predict', 'batch_predict', {}, 4),
  ],
  edges: [
    wire('load', 'dataset', 'validate', 'dataset'),
    wire('load', 'dataset', 'validate', 'reference'),
    wire('validate', 'dataset', 'split', 'dataset'),
    wire('split', 'train', 'train', 'dataset'),
    wire('split', 'train', 'sweep', 'dataset'),
    wire('train', 'model', 'evaluate', 'model'),
    wire('split', 'test', 'evaluate', 'dataset'),
    wire('split', 'train', 'drift', 'reference'),
    wire('split', 'test', 'drift', 'current'),
    wire('train', 'model', 'predict', 'model'),
    wire('split', 'test', 'predict', 'dataset'),
  ],
  parameters: {},
  maxParallelism: 1, // one at a time, as the bare script runs them
};

export async function measureMlKinds(b: TBench): Promise<void> {
  const compiled = compileSpec(ML_KINDS_SPEC);
  if (!compiled.ok) throw new Error(`the ML kinds' spec does not compile: ${compiled.problems.map((p) => p.message).join('; ')}`);
  const steps = compiled.plan.steps.map((s) => ({ id: s.nodeId, kind: s.kind }));
  const reps = QUICK ? 1 : 3;

  const bareCalls = compiled.plan.steps.flatMap(bareWork);
  const bareById = await bareTimes(b.python, bareCalls, reps);
  // a sweep's bare work: its candidates' and its pick's, one after the other
  const bare = Object.fromEntries(steps.map((s) => [s.id, bareCalls.filter((c) => c.id === s.id || c.id.startsWith(`${s.id}[`)).reduce((sum, c) => sum + bareById[c.id]!, 0)]));
  const versionId = await saveVersion(b, 'bench ML kinds', ML_KINDS_SPEC);
  const weft = new Map<string, number[]>();
  for (let i = 0; i < reps; i++) {
    const { handle } = await runWeft(b, versionId, 300_000);
    const runId = handle.workflowId.replace(/^run-/, '');
    // (the last step's attempt record may land a moment after the run's result)
    const attempts = await waitFor(
      () => b.db.select({ nodeId: stepAttempts.nodeId, startedAt: stepAttempts.startedAt, endedAt: stepAttempts.endedAt }).from(stepAttempts).where(eq(stepAttempts.runId, runId)),
      (rows) => rows.filter((r) => r.endedAt).length >= steps.length,
      { what: `the attempts of run ${runId}`, timeoutMs: 15_000 },
    );
    // (a sweep's one attempt is its pick's: the step's own start and end time the whole of it)
    const sweeps = new Set(compiled.plan.steps.filter((s) => s.executor === 'foreach').map((s) => s.nodeId));
    const rows = await b.db.select({ nodeId: stepRows.nodeId, startedAt: stepRows.startedAt, endedAt: stepRows.endedAt }).from(stepRows).where(eq(stepRows.runId, runId));
    for (const a of [...attempts.filter((a) => !sweeps.has(a.nodeId)), ...rows.filter((r) => sweeps.has(r.nodeId))]) {
      if (a.startedAt && a.endedAt) weft.set(a.nodeId, [...(weft.get(a.nodeId) ?? []), a.endedAt.getTime() - a.startedAt.getTime()]);
    }
  }
  for (const s of steps) {
    const times = weft.get(s.id);
    if (!times?.length) throw new Error(`no attempt of ${s.id} was recorded`);
    const w = median(times);
    const plain = bare[s.id]!;
    const what = s.kind === 'sweep' ? `the step (${bareCalls.filter((c) => c.id.startsWith(`${s.id}[`)).length} candidates one at a time, then the pick)` : 'attempt';
    report.rows.push({ measure: `ML kind ${s.kind}: ${what} on a pool worker vs the bare python work (median of ${reps})`, weft: `${fmtMs(w)} (+${fmtMs(Math.max(0, w - plain))})`, hand: `${fmtMs(plain)} bare`, target: 'report', ok: '—' });
  }
}

type TBareCall = { id: string; module: string; params: unknown; ports: Record<string, { node: string; port: string }>; item?: number; inputs?: Record<string, string> };

/** The module calls a step's bare work is: a library step's one, a sweep's per candidate (`<id>[i]`) and its pick (fed `item-<i>`). */
function bareWork(step: TPlanStep): TBareCall[] {
  if (step.executor === 'python_library') return [{ id: step.nodeId, ...step.config }];
  if (step.executor !== 'foreach' || step.config.step.kind !== 'python_library' || !step.config.reduce) throw new Error(`the ML kinds' bench has no bare form of ${step.nodeId}`);
  const { kind: _kind, ...body } = step.config.step;
  const count = (body.params.candidates as unknown[]).length;
  const candidates = Array.from({ length: count }, (_, i) => ({ id: `${step.nodeId}[${i}]`, ...body, item: i }));
  const inputs = Object.fromEntries(candidates.map((c, i) => [`item-${i}`, c.id]));
  return [...candidates, { id: step.nodeId, ...step.config.reduce, inputs }];
}

function bareTimes(python: string, steps: TBareCall[], reps: number): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, [path.join(repoRoot, 'bench', 'python', 'ml_kinds_bare.py'), String(reps)], {
      env: { ...process.env, PYTHONPATH: path.join(repoRoot, 'workflows', 'executors', 'python-lib'), MPLBACKEND: 'Agg', MLFLOW_RUN_ID: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>) : reject(new Error(`ml_kinds_bare.py exited ${code}: ${err.slice(-2000)}`))));
    child.stdin.end(JSON.stringify(steps));
  });
}
