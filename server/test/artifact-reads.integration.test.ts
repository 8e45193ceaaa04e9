// A step reads a stored artifact by its sha256 (Load dataset's artifact source) only when the
// artifact is its project's: the store is shared by content and the pool worker has no database,
// so web refuses a run, or a step test, that names another project's artifact, before anything
// runs, naming the step and the field. Through the real parts: Postgres, Temporal, a pool worker.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runs, stepArtifacts } from '../../drizzle/schema';
import type { TPipelineSpec } from '../../workflows/dsl';
import { startHarness, type THarness } from '../testing/harness';
import { errorMessage, httpApi } from '../testing/http-api';
import { saveNewPipeline, startNewPipeline } from '../testing/pipeline-runs';
import { waitFor } from '../testing/wait-for';

type TNode = TPipelineSpec['nodes'][number];
const node = (id: string, kind: string, config: Record<string, unknown> = {}): TNode => ({ id, kind, label: id, config, position: { x: 0, y: 0 } });
const pipeline = (nodes: TNode[], parameters: TPipelineSpec['parameters'] = {}): TPipelineSpec => ({ nodes, edges: [], parameters, maxParallelism: 4 });

let h: THarness;
let api: ReturnType<typeof httpApi>;
beforeAll(async () => {
  h = await startHarness();
  api = httpApi(h);
});
afterAll(async () => h?.stop());

const finished = (runId: string) =>
  waitFor(() => h.as('viewer').runs.get({ projectId: h.projectId, runId }), (r) => ['succeeded', 'failed', 'cancelled'].includes(r.run.status), { timeoutMs: 180_000, what: `run ${runId} to finish` });

describe('artifacts read by hash stay in their project', () => {
  it('refuses a run or a step test of another project that names an artifact by hash (in the config, a parameter or a sub-pipeline), and runs nothing; its own project reads it', { timeout: 300_000 }, async () => {
    // project A loads a dataset: its parquet output is an artifact of A
    const { runId } = await startNewPipeline(h.as('editor'), h.projectId, pipeline([node('load', 'load_dataset', { source: 'sklearn', dataset: 'iris' })]));
    expect((await finished(runId)).run.status).toBe('succeeded');
    const [output] = await h.db.select({ hash: stepArtifacts.hash }).from(stepArtifacts).where(and(eq(stepArtifacts.runId, runId), eq(stepArtifacts.direction, 'output')));
    const hash = output!.hash;

    // project B (its admin may run) names that hash three ways
    const { id: other } = await h.as('admin').projects.create({ name: 'Other', slug: `other-${randomUUID().slice(0, 8)}` });
    const admin = h.as('admin');
    const literal = await saveNewPipeline(admin, other, pipeline([node('load', 'load_dataset', { source: 'artifact', artifact: hash })]));
    const byParameter = await saveNewPipeline(admin, other, pipeline([node('load', 'load_dataset', { source: 'artifact', artifact: 'params.data' })], { data: '' }));
    const parent = await saveNewPipeline(admin, other, pipeline([node('child', 'subpipeline', { pipelineId: literal.pipelineId, versionNumber: 1 })]));
    const start = (versionId: string, params: Record<string, string> = {}) => api.mutate('admin', 'runs.start', { projectId: other, versionId, requestId: randomUUID(), params });

    const refusedLiteral = await start(literal.versionId);
    expect(refusedLiteral.status).toBe(400);
    expect(errorMessage(refusedLiteral)).toBe(`Step "load": config.artifact: no artifact of this project has sha256 ${hash}`);
    const refusedParameter = await start(byParameter.versionId, { data: hash });
    expect(refusedParameter.status).toBe(400);
    expect(errorMessage(refusedParameter)).toBe(`Step "load": params.data: no artifact of this project has sha256 ${hash}`);
    const refusedChild = await start(parent.versionId);
    expect(refusedChild.status).toBe(400);
    expect(errorMessage(refusedChild)).toContain(`Step "child" → Step "load": config.artifact: no artifact of this project has sha256 ${hash}`);
    const test = await api.mutate('admin', 'stepTests.start', { projectId: other, pipelineId: literal.pipelineId, nodeId: 'load', spec: pipeline([node('load', 'load_dataset', { source: 'artifact', artifact: hash })]) });
    expect(test.status).toBe(400);
    expect(errorMessage(test)).toContain('config.artifact: no artifact of this project has sha256');
    // nothing was started or written for them
    expect(await h.db.select().from(runs).where(eq(runs.projectId, other))).toEqual([]);

    // in project A, the same read by parameter runs and reads exactly those bytes
    const own = await saveNewPipeline(h.as('editor'), h.projectId, pipeline([node('load', 'load_dataset', { source: 'artifact', artifact: 'params.data' })], { data: '' }));
    const { runId: ownRun } = await h.as('editor').runs.start({ projectId: h.projectId, versionId: own.versionId, requestId: randomUUID(), params: { data: hash } });
    expect((await finished(ownRun)).run.status).toBe('succeeded');
    const read = await h.db.select({ name: stepArtifacts.name, hash: stepArtifacts.hash }).from(stepArtifacts).where(and(eq(stepArtifacts.runId, ownRun), eq(stepArtifacts.direction, 'input')));
    expect(read).toEqual([{ name: '@store/params.data', hash }]);
  });
});
