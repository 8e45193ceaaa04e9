// A Sweep through the real parts: compiled into a for-each over its candidates, each trained and
// cross-validated by the pool worker (real Python, sandbox, MLflow bridge) in a tracking run of
// its own, the best picked by the reduce step and handed on through the `model` port to Evaluate
// and Register model; a bad search space fails the run naming the hyperparameter.
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelVersions, steps, trackingLatestMetrics, trackingParams, trackingRuns, trackingTags } from '../../drizzle/schema';
import type { TPipelineSpec } from '../../workflows/dsl';
import { startHarness, type THarness } from '../testing/harness';
import { startNewPipeline } from '../testing/pipeline-runs';
import { waitFor } from '../testing/wait-for';

const noRetry = { retry: { maxAttempts: 1, initialIntervalSeconds: 1, backoffCoefficient: 1 } };
type TNode = TPipelineSpec['nodes'][number];
const node = (id: string, kind: string, config: Record<string, unknown> = {}): TNode => ({ id, kind, label: id, config, position: { x: 0, y: 0 }, ...noRetry });
const wire = (source: string, sourcePort: string, target: string, targetPort: string) => ({ id: `${source}_${sourcePort}-${target}_${targetPort}`, source, sourcePort, target, targetPort });

/** load → split → sweep → evaluate (on the test set) and register, with two candidates at a time */
const sweepPipeline = (sweep: Record<string, unknown>): TPipelineSpec => ({
  nodes: [
    node('load', 'load_dataset', { source: 'sklearn', dataset: 'breast_cancer' }),
    node('split', 'split_dataset', { target: 'target', testFraction: 0.3 }),
    node('sweep', 'sweep', sweep),
    node('evaluate', 'evaluate_model', { target: 'target', bootstrap: 100 }),
    node('register', 'register_model', { modelName: 'swept', artifact: 'model.pkl' }),
  ],
  edges: [
    wire('load', 'dataset', 'split', 'dataset'),
    wire('split', 'train', 'sweep', 'dataset'),
    wire('sweep', 'model', 'evaluate', 'model'),
    wire('split', 'test', 'evaluate', 'dataset'),
    wire('sweep', 'model', 'register', 'model'),
  ],
  parameters: {},
  maxParallelism: 2,
});

let h: THarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

const runOf = (runId: string) => h.as('viewer').runs.get({ projectId: h.projectId, runId });
const finished = (runId: string) => waitFor(() => runOf(runId), (r) => ['succeeded', 'failed', 'cancelled'].includes(r.run.status), { timeoutMs: 240_000, what: `run ${runId} to finish` });
async function outputsOf(runId: string, nodeId: string) {
  const [row] = await h.db.select({ outputs: steps.outputs }).from(steps).where(and(eq(steps.runId, runId), eq(steps.nodeId, nodeId)));
  return row!.outputs!;
}

describe('Sweep', () => {
  it('trains every candidate as a for-each item with its own tracking run, and the best flows on to Evaluate and Register', { timeout: 300_000 }, async () => {
    const { runId } = await startNewPipeline(h.as('editor'), h.projectId, sweepPipeline({ target: 'target', estimator: 'logistic_regression', searchSpace: 'C=0.0001, 0.01, 1\nmax_iter=5000', metric: 'accuracy', cvFolds: 3, concurrency: 8 }));
    const run = await finished(runId);
    expect(run.run.status, JSON.stringify(run.steps.map((s) => [s.nodeId, s.status, s.error]))).toBe('succeeded');

    const sweep = await outputsOf(runId, 'sweep');
    const scores = sweep.items!.map((item) => item.metrics.accuracy!);
    expect(scores).toHaveLength(3);
    const best = scores.indexOf(Math.max(...scores));
    // the tiny C underfits: a larger one wins
    expect(best).toBeGreaterThan(0);
    expect(sweep.metrics).toEqual({ items: 3, accuracy: scores[best], best_candidate: best, candidates: 3 });
    // the winner's own model is what flows on
    expect(sweep.artifacts['model.pkl']!.hash).toBe(sweep.items![best]!.artifacts['model.pkl']!.hash);
    expect(Object.keys(sweep.artifacts).sort()).toEqual(['model.pkl', 'report.html', 'sweep.json']);
    expect((await outputsOf(runId, 'evaluate')).metrics.accuracy).toBeGreaterThan(0.9);
    // registered from the sweep step's tracking run, which logged the winner's model and params
    const [version] = await h.db.select().from(modelVersions).where(eq(modelVersions.weftRunId, runId));
    expect(version).toMatchObject({ weftNodeId: 'sweep', artifactSha256: sweep.artifacts['model.pkl']!.hash });

    // every candidate is a nested tracking run with its params and score; the sweep's own run has the best
    const tracked = await h.db
      .select({ node: trackingRuns.weftNodeId, value: trackingLatestMetrics.value, C: trackingParams.value })
      .from(trackingRuns)
      .innerJoin(trackingLatestMetrics, and(eq(trackingLatestMetrics.runUuid, trackingRuns.runUuid), eq(trackingLatestMetrics.key, 'accuracy')))
      .innerJoin(trackingParams, and(eq(trackingParams.runUuid, trackingRuns.runUuid), eq(trackingParams.key, 'C')))
      .where(and(eq(trackingRuns.weftRunId, runId), like(trackingRuns.weftNodeId, 'sweep%')));
    expect(tracked.sort((a, b) => a.node!.localeCompare(b.node!))).toEqual([
      { node: 'sweep', value: scores[best], C: ['0.0001', '0.01', '1'][best] },
      { node: 'sweep[0]', value: scores[0], C: '0.0001' },
      { node: 'sweep[1]', value: scores[1], C: '0.01' },
      { node: 'sweep[2]', value: scores[2], C: '1' },
    ]);
    const parents = await h.db
      .select({ node: trackingRuns.weftNodeId })
      .from(trackingRuns)
      .innerJoin(trackingTags, and(eq(trackingTags.runUuid, trackingRuns.runUuid), eq(trackingTags.key, 'mlflow.parentRunId')))
      .where(and(eq(trackingRuns.weftRunId, runId), like(trackingRuns.weftNodeId, 'sweep[%')));
    expect(parents).toHaveLength(3);
  });

  it('fails on a hyperparameter the estimator does not have, naming it', { timeout: 300_000 }, async () => {
    const { runId } = await startNewPipeline(h.as('editor'), h.projectId, sweepPipeline({ target: 'target', estimator: 'random_forest', strategy: 'random', searchSpace: 'depth=randint(2, 6)', trials: 2 }));
    const run = await finished(runId);
    expect(run.run.status).toBe('failed');
    expect(run.steps.find((s) => s.nodeId === 'sweep')!.error).toMatch(/^2 of 2 items failed; item 0: .*Sweep candidate: RandomForestClassifier has no hyperparameter depth \(it has: /);
    expect(run.steps.find((s) => s.nodeId === 'evaluate')!.status).toBe('skipped');
  });
});
