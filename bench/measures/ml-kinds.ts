// The overhead of each ML node kind over the bare Python work it does: the same compiled steps as
// a Weft run (warm fork, sandbox, artifacts handed over through the store, records) and as plain
// function calls in one python process (bench/python/ml_kinds_bare.py).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { stepAttempts } from '../../drizzle/schema';
import { compileSpec, type TPipelineSpec } from '../../workflows/dsl';
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
    node('evaluate', 'evaluate_model', { target: 'target' }, 4),
    node('drift', 'drift_check', { exclude: 'target', psiThreshold: 0.2 }, 4),
    node('predict', 'batch_predict', {}, 4),
  ],
  edges: [
    wire('load', 'dataset', 'validate', 'dataset'),
    wire('load', 'dataset', 'validate', 'reference'),
    wire('validate', 'dataset', 'split', 'dataset'),
    wire('split', 'train', 'train', 'dataset'),
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
  const steps = compiled.plan.steps.map((s) => ({ id: s.nodeId, kind: s.kind, ...(s.config as { module: string; params: unknown; ports: unknown }) }));
  const reps = QUICK ? 1 : 3;

  const bare = await bareTimes(b.python, steps, reps);
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
    for (const a of attempts) if (a.endedAt) weft.set(a.nodeId, [...(weft.get(a.nodeId) ?? []), a.endedAt.getTime() - a.startedAt.getTime()]);
  }
  for (const s of steps) {
    const times = weft.get(s.id);
    if (!times?.length) throw new Error(`no attempt of ${s.id} was recorded`);
    const w = median(times);
    const plain = bare[s.id]!;
    report.rows.push({ measure: `ML kind ${s.kind}: attempt on a pool worker vs the bare python work (median of ${reps})`, weft: `${fmtMs(w)} (+${fmtMs(Math.max(0, w - plain))})`, hand: `${fmtMs(plain)} bare`, target: 'report', ok: '—' });
  }
}

function bareTimes(python: string, steps: { id: string; module: string; params: unknown; ports: unknown }[], reps: number): Promise<Record<string, number>> {
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
    child.stdin.end(JSON.stringify(steps.map(({ id, module, params, ports }) => ({ id, module, params, ports }))));
  });
}
