// Train (PyTorch), the GPU pools' example, through the real parts (worker, sandbox, Python,
// tracking): where the configured interpreter (WEFT_PYTHON) has torch, it trains on the CPU and
// Evaluate scores its model; where it has not (the default steps venv), the step fails with one
// line that says which requirements file and setting install it.
import { execFileSync } from 'node:child_process';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steps } from '../../drizzle/schema';
import type { TPipelineSpec } from '../../workflows/dsl';
import { startHarness, type THarness } from '../testing/harness';
import { startNewPipeline } from '../testing/pipeline-runs';
import { waitFor } from '../testing/wait-for';

const python = process.env.WEFT_PYTHON ?? 'python3';
const hasTorch = (() => {
  try {
    execFileSync(python, ['-c', 'import torch'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const NO_TORCH = `torch is not importable in ${python} (WEFT_PYTHON): install requirements/torch.txt there to run the example`;

const noRetry = { retry: { maxAttempts: 1, initialIntervalSeconds: 1, backoffCoefficient: 1 } };
const node = (id: string, kind: string, config: Record<string, unknown> = {}): TPipelineSpec['nodes'][number] => ({ id, kind, label: id, config, position: { x: 0, y: 0 }, ...noRetry });
const wire = (source: string, sourcePort: string, target: string, targetPort: string) => ({ id: `${source}_${sourcePort}-${target}_${targetPort}`, source, sourcePort, target, targetPort });
const SPEC: TPipelineSpec = {
  nodes: [
    node('load', 'load_dataset', { source: 'sklearn', dataset: 'breast_cancer' }),
    node('split', 'split_dataset', { target: 'target', testFraction: 0.3 }),
    node('train', 'train_torch', { target: 'target', hiddenLayers: '32, 16', epochs: 30 }),
    node('evaluate', 'evaluate_model', { target: 'target', bootstrap: 100 }),
  ],
  edges: [wire('load', 'dataset', 'split', 'dataset'), wire('split', 'train', 'train', 'dataset'), wire('train', 'model', 'evaluate', 'model'), wire('split', 'test', 'evaluate', 'dataset')],
  parameters: {},
  maxParallelism: 4,
};

let h: THarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

async function runExample() {
  const { runId } = await startNewPipeline(h.as('editor'), h.projectId, SPEC);
  const run = await waitFor(() => h.as('viewer').runs.get({ projectId: h.projectId, runId }), (r) => ['succeeded', 'failed', 'cancelled'].includes(r.run.status), { timeoutMs: 240_000, what: `run ${runId} to finish` });
  const outputs = async (nodeId: string) => (await h.db.select({ outputs: steps.outputs }).from(steps).where(and(eq(steps.runId, runId), eq(steps.nodeId, nodeId))))[0]?.outputs;
  return { run, outputs };
}

describe('Train (PyTorch)', () => {
  it('trains an MLP on the CPU (no GPU given) and Evaluate scores its model', { timeout: 300_000 }, async (ctx) => {
    if (!hasTorch) return ctx.skip(NO_TORCH);
    const { run, outputs } = await runExample();
    expect(run.run.status, JSON.stringify(run.steps.map((s) => [s.nodeId, s.status, s.error]))).toBe('succeeded');
    expect((await outputs('train'))!.metrics).toMatchObject({ cuda: 0, train_score: expect.any(Number) });
    expect(Object.keys((await outputs('train'))!.artifacts).sort()).toEqual(['metrics.json', 'model.pkl']);
    expect((await outputs('evaluate'))!.metrics.accuracy).toBeGreaterThan(0.9);
  });

  it('fails in one line naming requirements/torch.txt and WEFT_TORCH where torch is missing', { timeout: 300_000 }, async (ctx) => {
    if (hasTorch) return ctx.skip(`torch is importable in ${python}: the step does not fail`);
    const { run } = await runExample();
    expect(run.run.status).toBe('failed');
    expect(run.steps.find((s) => s.nodeId === 'train')!.error).toMatch(
      /Train \(PyTorch\): PyTorch is not installed in this step's Python: it comes from requirements\/torch\.txt, which a GPU pool's worker installs with WEFT_TORCH=on/,
    );
    expect(run.steps.find((s) => s.nodeId === 'evaluate')!.status).toBe('skipped');
  });
});
