import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runs, stepArtifacts, stepCache, steps } from '../../drizzle/schema';
import type { TPipelineSpec } from '../../workflows/dsl';
import { chainSpec, seedMembers } from '../testing/fixtures';
import { startHarness, type THarness } from '../testing/harness';
import { processesWith, sharedFilesStartingWith, sharedPath, uniqueSleep } from '../testing/step-evidence';
import { waitFor } from '../testing/wait-for';
import { createCaller } from '../trpc/root';
import { saveNewPipeline } from '../testing/pipeline-runs';

let h: THarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

const version = (spec: TPipelineSpec, api = h.as('editor'), projectId = h.projectId) => saveNewPipeline(api, projectId, spec).then((v) => v.versionId);
const start = (versionId: string, api = h.as('editor'), projectId = h.projectId) => api.runs.start({ projectId, versionId, requestId: randomUUID() }).then((r) => r.runId);
const get = (runId: string) => h.as('viewer').runs.get({ projectId: h.projectId, runId });
const finished = (runId: string) => waitFor(() => get(runId), (r) => ['succeeded', 'failed', 'cancelled'].includes(r.run.status), { what: `run ${runId} to end` });
const byNode = (r: Awaited<ReturnType<typeof get>>) => Object.fromEntries(r.steps.map((s) => [s.nodeId, s]));

describe('execution engine', () => {
  it('runs parallel branches at once, bounded by max parallelism', async () => {
    const stamp = (id: string) => ['shell', { command: `date +%s%N > ${sharedPath(`weft-par-${id}`)}-start; sleep 0.6; date +%s%N > ${sharedPath(`weft-par-${id}`)}-end` }, { cache: false }] as const;
    const token = randomUUID();
    const ids = ['a', 'b', 'c'].map((x) => `${x}${token.slice(0, 8)}`);
    const spec: TPipelineSpec = {
      nodes: ids.map((id, i) => ({ id, kind: stamp(id)[0], label: id, config: stamp(id)[1], position: { x: 0, y: i * 100 }, cache: false })),
      edges: [],
      parameters: {},
      maxParallelism: 2,
    };
    const result = await finished(await start(await version(spec)));
    expect(result.run.status).toBe('succeeded');
    const times = await Promise.all(ids.map(async (id) => ({ start: Number(await readFile(`${sharedPath(`weft-par-${id}`)}-start`, 'utf8')), end: Number(await readFile(`${sharedPath(`weft-par-${id}`)}-end`, 'utf8')) })));
    const overlapping = (t: number) => times.filter((x) => x.start <= t && t < x.end).length;
    const peak = Math.max(...times.map((t) => overlapping(t.start)));
    expect(peak).toBe(2); // two ran together, never three
  });

  it('cancels a running step: its process group is killed and the run ends cancelled', async () => {
    const sleep = `sleep ${uniqueSleep(300)}`;
    const spec = chainSpec([
      ['long', 'shell', { command: `${sleep} & wait` }, { cache: false }],
      ['after', 'shell', { command: 'echo never' }],
    ]);
    const runId = await start(await version(spec));
    await waitFor(() => processesWith(sleep), (pids) => pids.length > 0, { what: 'the step to start' });
    await waitFor(() => get(runId), (r) => byNode(r).long?.status === 'running', { what: 'running status' });
    await h.as('editor').runs.cancel({ projectId: h.projectId, runId });
    const result = await finished(runId);
    expect(result.run.status).toBe('cancelled');
    expect(byNode(result).long!.status).toBe('cancelled');
    expect(byNode(result).after!.status).toBe('cancelled');
    await waitFor(() => processesWith(sleep), (pids) => pids.length === 0, { what: 'the grandchild `sleep` to be gone', timeoutMs: 5_000 });
    await expect(h.as('editor').runs.cancel({ projectId: h.projectId, runId })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('retries from failure: succeeded steps are reused, the failed one runs again', async () => {
    const marker = sharedPath(`weft-retry-${randomUUID()}`);
    const spec = chainSpec([
      ['prepare', 'shell', { command: `echo prepared >> ${marker}.prepare` }, { cache: false }],
      ['train', 'shell', { command: `test -f ${marker}.fixed` }, { cache: false, retry: { maxAttempts: 1, initialIntervalSeconds: 1, backoffCoefficient: 2 } }],
      ['report', 'shell', { command: 'echo report' }, { cache: false }],
    ]);
    const first = await finished(await start(await version(spec)));
    expect(first.run.status).toBe('failed');
    expect(byNode(first).report!.status).toBe('skipped');

    await writeFile(`${marker}.fixed`, ''); // the fix arrives
    const retryId = (await h.as('editor').runs.retry({ projectId: h.projectId, runId: first.run.id, requestId: randomUUID() })).runId;
    const second = await finished(retryId);
    expect(second.run).toMatchObject({ status: 'succeeded', retryOfRunId: first.run.id });
    expect(byNode(second).prepare).toMatchObject({ status: 'succeeded', origin: 'reused' });
    expect(byNode(second).train).toMatchObject({ status: 'succeeded', origin: 'executed' });
    expect(byNode(second).report).toMatchObject({ status: 'succeeded', origin: 'executed' });
    expect((await readFile(`${marker}.prepare`, 'utf8')).trim().split('\n')).toHaveLength(1); // prepare ran once
    await expect(h.as('editor').runs.retry({ projectId: h.projectId, runId: second.run.id, requestId: randomUUID() })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('serves an identical step from the cache, within the project only, unless the node opts out', async () => {
    // (a file per execution: each runs as a uid of its own, which may not write another's file)
    const marker = `weft-cache-${randomUUID()}`;
    const spec = chainSpec([
      ['features', 'shell', { command: `touch ${sharedPath(marker)}-features-$WEFT_RUN_ID` }],
      ['fresh', 'shell', { command: `touch ${sharedPath(marker)}-fresh-$WEFT_RUN_ID` }, { cache: false }],
    ]);
    const executions = (node: string) => sharedFilesStartingWith(`${marker}-${node}-`).then((files) => files.length);
    const versionId = await version(spec);
    const first = await finished(await start(versionId));
    const second = await finished(await start(versionId));
    expect(byNode(first).features!.origin).toBe('executed');
    expect(byNode(second).features).toMatchObject({ status: 'succeeded', origin: 'cached' });
    expect(byNode(second).fresh!.origin).toBe('executed');
    expect(await executions('features')).toBe(1);
    expect(await executions('fresh')).toBe(2);
    // the cached step's log is the execution it reused, and names that run
    const cachedLog = await h.as('viewer').runs.stepLog({ projectId: h.projectId, runId: second.run.id, nodeId: 'features' });
    expect(cachedLog.cachedFrom).toEqual({ runId: first.run.id, nodeId: 'features' });
    expect(cachedLog.attempts).toHaveLength(1);

    // another project with the very same step executes it: caches never cross projects
    const other = await seedMembers(h.db);
    const otherApi = createCaller({ db: h.db, temporal: h.temporal, user: other.members.editor });
    const otherRun = await start(await version(spec, otherApi, other.projectId), otherApi, other.projectId);
    const otherResult = await waitFor(() => otherApi.runs.get({ projectId: other.projectId, runId: otherRun }), (r) => r.run.status === 'succeeded', { what: 'other project run' });
    expect(otherResult.steps.find((s) => s.nodeId === 'features')!.origin).toBe('executed');
    expect(await executions('features')).toBe(2);
    expect(await h.db.select().from(stepCache).where(eq(stepCache.projectId, other.projectId))).toHaveLength(1);
  });

  it('takes the branch a condition chooses, skips the other, and runs the join after it', async () => {
    const node = (id: string, kind: string, config: Record<string, unknown>) => ({ id, kind, label: id, config, position: { x: 0, y: 0 } });
    const edge = (source: string, sourcePort: string, target: string) => ({ id: `${source}-${sourcePort}-${target}`, source, sourcePort, target, targetPort: 'in' });
    const spec: TPipelineSpec = {
      nodes: [
        node('evaluate', 'noop', {}),
        node('good_enough', 'condition', { expression: 'steps.evaluate.status == "succeeded" and params.accuracy >= params.threshold' }),
        node('deploy', 'noop', {}),
        node('retrain', 'noop', {}),
        node('retrain_report', 'noop', {}),
        node('notify', 'noop', {}),
      ],
      edges: [
        edge('evaluate', 'out', 'good_enough'),
        edge('good_enough', 'true', 'deploy'),
        edge('good_enough', 'false', 'retrain'),
        edge('retrain', 'out', 'retrain_report'),
        edge('deploy', 'out', 'notify'),
        edge('retrain_report', 'out', 'notify'),
      ],
      parameters: { accuracy: 0.93, threshold: 0.9 },
      maxParallelism: 4,
    };
    const versionId = await version(spec);
    const high = byNode(await finished(await start(versionId)));
    expect(Object.fromEntries(Object.entries(high).map(([id, s]) => [id, s.status]))).toEqual({
      evaluate: 'succeeded',
      good_enough: 'succeeded',
      deploy: 'succeeded',
      retrain: 'skipped',
      retrain_report: 'skipped',
      notify: 'succeeded',
    });
    const low = await h.as('editor').runs.start({ projectId: h.projectId, versionId, requestId: randomUUID(), params: { accuracy: 0.5 } });
    const lowResult = await finished(low.runId);
    expect(lowResult.run.status).toBe('succeeded');
    expect(byNode(lowResult).deploy!.status).toBe('skipped');
    expect(byNode(lowResult).retrain_report!.status).toBe('succeeded');
    expect(byNode(lowResult).notify!.status).toBe('succeeded');
  });

  it('fans out a for-each over a list, in parallel, collecting results in order (children for large lists)', async () => {
    const dir = sharedPath(`weft-foreach-${randomUUID()}`);
    const spec = chainSpec([
      ['regions', 'foreach', { items: '[]', concurrency: 4, step: { kind: 'shell', command: `echo "$WEFT_ITEM_INDEX" > ${dir}-$WEFT_ITEM` } }],
      ['many', 'foreach', { items: '[]', concurrency: 50, step: { kind: 'noop', sleepMs: 0 } }],
    ]);
    // parameters are scalars, so the lists here are literals
    spec.nodes[0]!.config.items = '["eu", "us", "asia"]';
    spec.nodes[1]!.config.items = '[' + Array.from({ length: 300 }, (_, i) => i).join(',') + ']';
    const result = await finished(await start(await version(spec)));
    expect(result.run.status).toBe('succeeded');
    for (const [i, region] of ['eu', 'us', 'asia'].entries()) expect((await readFile(`${dir}-${region}`, 'utf8')).trim()).toBe(String(i));
    const [many] = await h.db.select({ outputs: steps.outputs }).from(steps).where(and(eq(steps.runId, result.run.id), eq(steps.nodeId, 'many')));
    expect(many!.outputs!.items).toHaveLength(300);
    expect(many!.outputs!.metrics.items).toBe(300);
    const children = [];
    for await (const wf of h.temporal.workflow.list({ query: `WorkflowType = "foreachChunk"` })) children.push(wf.workflowId);
    expect(children.filter((id) => id.startsWith(`run-${result.run.id}/many/`))).toHaveLength(2);
  });

  it("holds a for-each's items within the pipeline's max parallelism: one slot per item at once, of those free as it starts", async () => {
    // max parallelism 2: `other` (first in plan order) holds one slot, so the for-each (concurrency 8) runs its items one by one
    const dir = sharedPath(`weft-slots-${randomUUID()}`);
    const item = `mkdir -p ${dir}; touch ${dir}/running-$WEFT_ITEM; sleep 0.3; ls ${dir} | grep -c '^running-' > ${dir}/seen-$WEFT_ITEM; sleep 0.3; rm ${dir}/running-$WEFT_ITEM`;
    const spec = { ...chainSpec([['other', 'shell', { command: 'sleep 1' }], ['each', 'foreach', { items: 'range(5)', concurrency: 8, step: { kind: 'shell', command: item } }]]), edges: [], maxParallelism: 2 };
    const result = await finished(await start(await version(spec)));
    expect(result.run.status).toBe('succeeded');
    const seen = await Promise.all(Array.from({ length: 5 }, async (_, i) => Number((await readFile(`${dir}/seen-${i}`, 'utf8')).trim())));
    expect(Math.max(...seen)).toBe(1);
  });

  it("says why a python step failed in one line: the exception and the step's own line, not Weft's frames", async () => {
    const code = 'def load():\n    raise ValueError("column label is missing")\n\nload()\n';
    const spec = chainSpec([['train', 'python', { code }, { retry: { maxAttempts: 1, initialIntervalSeconds: 1, backoffCoefficient: 1 } }]]);
    const result = await finished(await start(await version(spec)));
    expect(result.run.status).toBe('failed');
    expect(byNode(result).train!.error).toBe("ValueError: column label is missing (line 2 of the step's code)");
  });

  it('fails a for-each whose item fails, naming the item', async () => {
    const spec = chainSpec([['each', 'foreach', { items: '[1, 2, 3]', step: { kind: 'shell', command: '[ "$WEFT_ITEM" != 2 ]' } }, { retry: { maxAttempts: 1, initialIntervalSeconds: 1, backoffCoefficient: 1 } }]]);
    const result = await finished(await start(await version(spec)));
    expect(result.run.status).toBe('failed');
    expect(byNode(result).each!.error).toBe('1 of 3 items failed; item 1: Exited with code 1');
  });

  it('gives every for-each item a scratch directory of its own', async () => {
    const command = 'echo "$WEFT_ITEM" > mine.txt; sleep 0.3; [ "$(cat mine.txt)" = "$WEFT_ITEM" ]';
    const spec = chainSpec([['each', 'foreach', { items: 'range(12)', concurrency: 12, step: { kind: 'shell', command } }, { retry: { maxAttempts: 1, initialIntervalSeconds: 1, backoffCoefficient: 1 } }]]);
    const result = await finished(await start(await version(spec)));
    expect(byNode(result).each).toMatchObject({ status: 'succeeded', error: null });
  });

  it('runs another pipeline\'s saved version as a sub-pipeline step, with its own run and its outputs', async () => {
    const api = h.as('editor');
    const { id: childPipelineId } = await api.pipelines.create({ projectId: h.projectId, name: `child-${randomUUID()}` });
    const childSpec = chainSpec([
      ['prep', 'noop', {}],
      ['score', 'python', { code: 'import weft_step as weft\nweft.log_metric("score", 0.8)' }, { cache: false }],
    ]);
    await api.pipelines.saveVersion({ projectId: h.projectId, pipelineId: childPipelineId, spec: childSpec, message: 'v1' });
    const spec = chainSpec([
      ['child', 'subpipeline', { pipelineId: childPipelineId, versionNumber: 1 }],
      ['gate', 'condition', { expression: 'steps.child.metrics.score > 0.5' }],
      ['after', 'noop', {}],
    ]);
    spec.edges[1]!.sourcePort = 'true';
    const parent = await finished(await start(await version(spec)));
    expect(parent.run.status).toBe('succeeded');
    expect(byNode(parent).after!.status).toBe('succeeded');
    const [childRun] = await h.db.select().from(runs).where(eq(runs.parentRunId, parent.run.id));
    // on behalf of whoever the parent run is: its gates' four-eyes rule holds against them too
    expect(childRun).toMatchObject({ trigger: 'pipeline', parentNodeId: 'child', pipelineId: childPipelineId, status: 'succeeded', startedBy: h.members.editor.id });

    // a missing version is refused at save time, on the node
    const missing = chainSpec([['child', 'subpipeline', { pipelineId: childPipelineId, versionNumber: 9 }]]);
    const { id: pipelineId } = await api.pipelines.create({ projectId: h.projectId, name: `p-${randomUUID()}` });
    const error = await api.pipelines.saveVersion({ projectId: h.projectId, pipelineId, spec: missing, message: '' }).catch((e) => e);
    expect(error.cause.details.problems).toEqual([expect.objectContaining({ nodeId: 'child', field: 'config.versionNumber' })]);
  });

  it('refuses a condition that reads a step that does not run before it', async () => {
    const spec = chainSpec([
      ['a', 'noop', {}],
      ['check', 'condition', { expression: 'steps.later.status == "succeeded"' }],
      ['later', 'noop', {}],
    ]);
    spec.edges[1]!.sourcePort = 'true';
    const { id: pipelineId } = await h.as('editor').pipelines.create({ projectId: h.projectId, name: `p-${randomUUID()}` });
    const error = await h.as('editor').pipelines.saveVersion({ projectId: h.projectId, pipelineId, spec, message: '' }).catch((e) => e);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.cause.details.problems).toEqual([expect.objectContaining({ nodeId: 'check', field: 'config.expression', message: expect.stringContaining('"later"') })]);
  });

  it('passes data as artifacts: a 50 MB output reaches the next step by content hash, with lineage and metrics', async () => {
    const spec = chainSpec([
      [
        'make',
        'python',
        {
          code: [
            'import os, weft_step as weft',
            'with open(weft.output_path("blob.bin"), "wb") as f:',
            '    f.write(os.urandom(50 * 1024 * 1024))',
            'weft.log_metric("rows", 1234)',
          ].join('\n'),
        },
        { cache: false },
      ],
      [
        'use',
        'python',
        {
          code: [
            'import hashlib, weft_step as weft',
            'data = open(weft.input_path("blob.bin"), "rb").read()',
            'print("got", len(data), hashlib.sha256(data).hexdigest())',
            'weft.log_metric("size_mb", len(data) / 2**20)',
          ].join('\n'),
        },
        { cache: false },
      ],
    ]);
    const result = await finished(await start(await version(spec)));
    expect(result.run.status).toBe('succeeded');
    const rows = await h.db.select().from(steps).where(eq(steps.runId, result.run.id));
    const make = rows.find((r) => r.nodeId === 'make')!;
    const blob = make.outputs!.artifacts['blob.bin']!;
    expect(blob.size).toBe(50 * 1024 * 1024);
    expect(make.outputs!.metrics).toEqual({ rows: 1234 });
    expect(rows.find((r) => r.nodeId === 'use')!.outputs!.metrics).toEqual({ size_mb: 50 });
    const log = await h.as('viewer').runs.stepLog({ projectId: h.projectId, runId: result.run.id, nodeId: 'use' });
    expect(log.attempts[0]!.log).toContain(`got ${50 * 1024 * 1024} ${blob.hash}`);
    const lineage = await h.db.select().from(stepArtifacts).where(eq(stepArtifacts.runId, result.run.id));
    expect(lineage.map((l) => [l.nodeId, l.direction, l.name, l.hash]).sort()).toEqual([
      ['make', 'output', 'blob.bin', blob.hash],
      ['use', 'input', 'make/blob.bin', blob.hash],
    ]);
  });

  it('runs a version as it was saved, whatever the draft becomes meanwhile', async () => {
    const api = h.as('editor');
    const { id: pipelineId } = await api.pipelines.create({ projectId: h.projectId, name: `p-${randomUUID()}` });
    const spec = chainSpec([['step', 'shell', { command: 'sleep 0.5; echo v1' }, { cache: false }]]);
    const { versionId } = await api.pipelines.saveVersion({ projectId: h.projectId, pipelineId, spec, message: '' });
    const runId = await start(versionId);
    await api.pipelines.saveDraft({ projectId: h.projectId, pipelineId, spec: chainSpec([['other', 'shell', { command: 'exit 1' }]]) });
    await api.pipelines.saveVersion({ projectId: h.projectId, pipelineId, spec: chainSpec([['other', 'shell', { command: 'exit 1' }]]), message: 'v2' });
    const result = await finished(runId);
    expect(result.run.status).toBe('succeeded');
    expect(result.steps.map((s) => s.nodeId)).toEqual(['step']);
    const [row] = await h.db.select({ versionId: runs.versionId }).from(runs).where(eq(runs.id, runId));
    expect(row!.versionId).toBe(versionId);
  });
});
