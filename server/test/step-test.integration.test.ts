import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPipelineSpec } from '../../workflows/dsl';
import { startHarness, type THarness } from '../testing/harness';
import { saveNewPipeline } from '../testing/pipeline-runs';
import { waitFor } from '../testing/wait-for';

let h: THarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

const node = (id: string, kind: string, config: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ id, kind, label: id, config, position: { x: 0, y: 0 }, ...extra });
const PRODUCE = 'import weft_step as weft\nopen(weft.output_path("rows.csv"), "w").write("a,b\\n1,2\\n")\n';
const USE = [
  'import mlflow',
  'import weft_step as weft',
  'rows = open(weft.input_path("rows.csv")).read()',
  'print("read", len(rows.splitlines()), "lines")',
  'mlflow.log_metric("rows", 2)  # goes to a throwaway store: the test is no run',
  'weft.log_metric("rows", len(rows.splitlines()) - 1)',
].join('\n');

describe('test a step alone', () => {
  it("runs the draft's node on its pool with the last run's upstream outputs, and shows its log and outputs", async () => {
    const spec: TPipelineSpec = {
      nodes: [node('produce', 'python', { code: PRODUCE }), node('use', 'python', { code: USE })],
      edges: [{ id: 'e', source: 'produce', sourcePort: 'out', target: 'use', targetPort: 'in' }],
      parameters: {},
      maxParallelism: 4,
    };
    const editor = h.as('editor');
    const { pipelineId, versionId } = await saveNewPipeline(editor, h.projectId, spec);
    const before = await editor.stepTests.start({ projectId: h.projectId, pipelineId, spec, nodeId: 'use' });
    expect(before.missingInputs).toEqual(['produce']); // no run yet: the step gets no input, and says why it fails
    const failed = await waitFor(() => editor.stepTests.get({ projectId: h.projectId, testId: before.testId }), (t) => t.status !== 'running', { what: 'the first test' });
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed.status === 'failed' && failed.error).toMatch(/rows\.csv/);

    const { runId } = await editor.runs.start({ projectId: h.projectId, versionId, requestId: randomUUID() });
    await waitFor(() => editor.runs.get({ projectId: h.projectId, runId }), (r) => r.run.status === 'succeeded', { what: 'the run' });
    // the draft changed since: the test runs the draft's code, not the saved version's
    const draft = { ...spec, nodes: spec.nodes.map((n) => (n.id === 'use' ? { ...n, config: { code: `${USE}\nprint("draft code")` } } : n)) };
    const test = await editor.stepTests.start({ projectId: h.projectId, pipelineId, spec: draft, nodeId: 'use' });
    expect(test.missingInputs).toEqual([]);
    const done = await waitFor(() => editor.stepTests.get({ projectId: h.projectId, testId: test.testId }), (t) => t.status !== 'running', { what: 'the second test' });
    expect(done).toMatchObject({ status: 'succeeded', outputs: { metrics: { rows: 1 } } });
    expect(done.log).toContain('read 2 lines');
    expect(done.log).toContain('draft code');
    // no run was made by either test
    expect((await editor.runs.list({ projectId: h.projectId, pipelineId })).length).toBe(1);
  });

  it('refuses what cannot run alone, and hides tests from other projects and from viewers', async () => {
    const spec: TPipelineSpec = {
      nodes: [node('gate', 'approval', { instructions: '', timeoutHours: 1 }), node('secretive', 'shell', { command: 'echo $TOKEN' }, { secrets: ['TOKEN'] }), node('ok', 'noop', {})],
      edges: [],
      parameters: {},
      maxParallelism: 4,
    };
    const editor = h.as('editor');
    // (a draft: a gate with no input is a problem of the draft, not of the node tested)
    const { id: pipelineId } = await editor.pipelines.create({ projectId: h.projectId, name: `p-${randomUUID()}` });
    await expect(editor.stepTests.start({ projectId: h.projectId, pipelineId, spec, nodeId: 'gate' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('only Python, shell and no-op') });
    await expect(editor.stepTests.start({ projectId: h.projectId, pipelineId, spec, nodeId: 'secretive' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('secrets') });
    await expect(editor.stepTests.start({ projectId: h.projectId, pipelineId, spec, nodeId: 'nope' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(h.as('viewer').stepTests.start({ projectId: h.projectId, pipelineId, spec, nodeId: 'ok' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { testId } = await editor.stepTests.start({ projectId: h.projectId, pipelineId, spec, nodeId: 'ok' });
    await expect(editor.stepTests.get({ projectId: randomUUID(), testId })).rejects.toBeDefined();
    await waitFor(() => editor.stepTests.get({ projectId: h.projectId, testId }), (t) => t.status === 'succeeded', { what: 'the no-op test' });
  });
});
