import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { pipelineVersions, runs, stepAttempts, auditLog, projects, memberships } from '../../drizzle/schema';
import { runIdOf, startRun } from '../services/runs/start-run';
import { reconcileStrandedRuns } from '../services/runs/reconcile-runs';
import { writeRunRecords } from '../services/runs/write-run-records';
import { RESULT_LOG_BUDGET_CHARS, SHORTENED_LOG_MARK, type TRunRecord } from '../../workflows/dsl';
import { PIPELINE_RUN_WORKFLOW, runWorkflowId, type TPipelineRunInput } from '../../workflows/contract/run-workflow';
import { CONTROL_TASK_QUEUE } from '../../workflows/dsl';
import { chainSpec } from '../testing/fixtures';
import { insertStepRows } from '../services/runs/begin-run';
import { startHarness, type THarness } from '../testing/harness';
import { waitFor } from '../testing/wait-for';
import { startNewPipeline } from '../testing/pipeline-runs';

let h: THarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

const saveAndStart = (spec: ReturnType<typeof chainSpec>) => startNewPipeline(h.as('editor'), h.projectId, spec);

const finished = (r: { run: { status: string } }) => ['succeeded', 'failed', 'cancelled'].includes(r.run.status);
const awaitRun = (runId: string) => waitFor(() => h.as('viewer').runs.get({ projectId: h.projectId, runId }), finished, { what: `run ${runId}` });

describe('runs through real Temporal and Postgres', () => {
  it('starts a 4,000-node pipeline: its plan travels compressed, under Temporal\'s 2 MB payload limit', async () => {
    const spec = chainSpec(Array.from({ length: 4_000 }, (_, i) => [`n${i}`, 'noop', {}] as [string, string, Record<string, unknown>]));
    const { runId } = await saveAndStart(spec);
    await waitFor(() => h.as('viewer').runs.get({ projectId: h.projectId, runId }), (r) => r.steps.some((s) => s.status === 'succeeded'), { what: 'the first steps of the big run' });
    await h.as('editor').runs.cancel({ projectId: h.projectId, runId });
    expect((await awaitRun(runId)).run.status).toBe('cancelled');
  });

  // beginRun waits for the row; a run web prepared (dispatch in its input, no beginRun) waits in its drain
  for (const prepared of [false, true]) {
    it(`waits for a run row that commits after its workflow started (web starts it inside the transaction)${prepared ? ', web-prepared run' : ''}`, async () => {
      const { pipelineId, versionId } = await saveAndStart(chainSpec([['one', 'noop', {}]]));
      const [version] = await h.db.select().from(pipelineVersions).where(eq(pipelineVersions.id, versionId));
      const runId = randomUUID();
      const input: TPipelineRunInput = {
        runId,
        projectId: h.projectId,
        pipelineId,
        versionId,
        plan: version!.plan,
        params: {},
        trigger: { kind: 'manual', userId: h.members.editor.id },
        ...(prepared ? { dispatch: { fairnessKey: h.teamId, fairnessWeights: {}, priority: 3 } } : {}),
      };
      await h.temporal.workflow.start(PIPELINE_RUN_WORKFLOW, { workflowId: runWorkflowId(runId), taskQueue: CONTROL_TASK_QUEUE, args: [input] });
      await new Promise((r) => setTimeout(r, 1_500)); // the row "commits" late
      await h.db.transaction(async (tx) => {
        await tx.insert(runs).values({ id: runId, projectId: h.projectId, pipelineId, versionId, workflowId: runWorkflowId(runId), requestId: randomUUID(), startedBy: h.members.editor.id, params: {} });
        if (prepared) await insertStepRows(tx, runId, version!.plan);
      });
      const done = await awaitRun(runId);
      expect(done.run.status).toBe('succeeded');
      expect(done.steps.map((s) => [s.nodeId, s.status])).toEqual([['one', 'succeeded']]);
    });
  }

  it('runs a 3-step pipeline (python, shell, python) to success and records every step', async () => {
    const spec = chainSpec([
      ['prepare', 'python', { code: 'import sklearn, pandas\nprint("prepared", sklearn.__version__)' }],
      ['shell', 'shell', { command: 'echo "hello $WEFT_NODE_ID"' }],
      ['report', 'python', { code: 'print("done")' }],
    ]);
    const { runId } = await saveAndStart(spec);
    const result = await awaitRun(runId);
    expect(result.run.status).toBe('succeeded');
    expect(result.steps.map((s) => [s.nodeId, s.status, s.attempts]).sort()).toEqual([
      ['prepare', 'succeeded', 1],
      ['report', 'succeeded', 1],
      ['shell', 'succeeded', 1],
    ]);
    const log = await h.as('viewer').runs.stepLog({ projectId: h.projectId, runId, nodeId: 'shell' });
    expect(log.attempts).toHaveLength(1);
    expect(log.attempts[0]).toMatchObject({ status: 'succeeded', exitCode: 0 });
    expect(log.attempts[0]!.log).toContain('hello shell');
    expect(log.attempts[0]!.workerIdentity).toMatch(/^test-cpu-/);

    const { pipelineId, versionId } = await h.db.query.runs.findFirst({ where: eq(runs.id, runId) }).then((r) => r!);
    const listed = (await h.as('viewer').pipelines.list({ projectId: h.projectId })).find((p) => p.id === pipelineId);
    expect(listed).toMatchObject({ latestVersion: { id: versionId, number: 1 }, lastRun: { id: runId, status: 'succeeded' } });
  });

  it('ends a run whose steps printed more than Temporal takes in one payload: its result carries their logs shortened, Postgres has them whole', { timeout: 240_000 }, async () => {
    // 16 logs of 256 KB that do not compress: 4 MB, twice what a workflow's result may hold
    // (each command its own: the same config would be served from the cache of the first to finish)
    const noisy = chainSpec(Array.from({ length: 16 }, (_, i) => [`n${i}`, 'shell', { command: `head -c 300000 /dev/urandom | base64 -w 120 # n${i}` }] as [string, string, Record<string, unknown>]));
    const { runId } = await saveAndStart({ ...noisy, edges: [] });
    const handle = h.temporal.workflow.getHandle(runWorkflowId(runId));
    const result = await handle.result(); // (the workflow task that completes it failed for ever before)
    expect(result.status).toBe('succeeded');
    // (the records since its last durable write: all of them, or those after a continue-as-new the history's size asked for)
    const logs = (result.records as TRunRecord[]).flatMap((r) => (r.type === 'step' && r.attempt ? [r.attempt.log] : []));
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.reduce((sum, log) => sum + log.length, 0)).toBeLessThanOrEqual(RESULT_LOG_BUDGET_CHARS);
    // whole in Postgres (the reconciler may write the result's shortened copy before the live writer's
    // whole one lands: the longer log stays, whichever comes last)
    // (whole: the worker's own tail of each log, 256 KB; the result's copies are 32 K characters each)
    // (each log as its node, length and start: what a failure prints)
    const logsOf = () =>
      h.db.select({ nodeId: stepAttempts.nodeId, length: sql<number>`length(${stepAttempts.log})`, start: sql<string>`left(${stepAttempts.log}, 48)` }).from(stepAttempts).where(eq(stepAttempts.runId, runId)).orderBy(stepAttempts.nodeId);
    const whole = (rows: Awaited<ReturnType<typeof logsOf>>) => rows.length === 16 && rows.every((r) => (r.length ?? 0) > 100_000 && !r.start.startsWith(SHORTENED_LOG_MARK));
    await waitFor(logsOf, whole, { what: 'the 16 whole logs in Postgres', timeoutMs: 60_000 });
    // the reconciler writing the result again leaves the whole logs in place
    await writeRunRecords(h.db, [{ runId, projectId: h.projectId, records: result.records }]);
    expect(whole(await logsOf())).toBe(true);
  });

  it('records three attempts for a step that fails twice, then succeeds', async () => {
    const spec = chainSpec([
      ['flaky', 'shell', { command: 'echo "attempt $WEFT_ATTEMPT"; [ "$WEFT_ATTEMPT" -ge 3 ]' }, { retry: { maxAttempts: 3, initialIntervalSeconds: 0.1, backoffCoefficient: 1 } }],
    ]);
    const { runId } = await saveAndStart(spec);
    const result = await awaitRun(runId);
    expect(result.run.status).toBe('succeeded');
    expect(result.steps[0]).toMatchObject({ status: 'succeeded', attempts: 3 });
    const attempts = await h.db.select().from(stepAttempts).where(eq(stepAttempts.runId, runId));
    expect(attempts.map((a) => [a.attempt, a.status, a.exitCode]).sort()).toEqual([
      [1, 'failed', 1],
      [2, 'failed', 1],
      [3, 'succeeded', 0],
    ]);
  });

  it('fails the run after the max attempts of a step that always fails, and skips what follows', async () => {
    const spec = chainSpec([
      ['broken', 'python', { code: 'raise SystemExit(3)' }, { retry: { maxAttempts: 2, initialIntervalSeconds: 0.1, backoffCoefficient: 1 } }],
      ['after', 'shell', { command: 'echo never' }],
    ]);
    const { runId } = await saveAndStart(spec);
    const result = await awaitRun(runId);
    expect(result.run.status).toBe('failed');
    expect(result.run.error).toContain('broken');
    const byNode = Object.fromEntries(result.steps.map((s) => [s.nodeId, s]));
    expect(byNode.broken).toMatchObject({ status: 'failed', attempts: 2 });
    expect(byNode.broken!.error).toContain('code 3');
    expect(byNode.after!.status).toBe('skipped');
  });

  it('makes one run of a double-submitted start', async () => {
    const api = h.as('editor');
    const { id: pipelineId } = await api.pipelines.create({ projectId: h.projectId, name: `p-${randomUUID()}` });
    const { versionId } = await api.pipelines.saveVersion({ projectId: h.projectId, pipelineId, spec: chainSpec([['a', 'shell', { command: 'true' }]]), message: '' });
    const requestId = randomUUID();
    // (several at once: their inserts collide on the run id as well as on the request id)
    const [first, ...others] = await Promise.all(Array.from({ length: 6 }, () => api.runs.start({ projectId: h.projectId, versionId, requestId })));
    const later = await api.runs.start({ projectId: h.projectId, versionId, requestId });
    for (const other of [...others, later]) expect(other.runId).toBe(first!.runId);
    expect(await h.db.select().from(runs).where(eq(runs.versionId, versionId))).toHaveLength(1);
    await awaitRun(first!.runId);
  });

  it('leaves no row when Temporal refuses the start, and no workflow when the row cannot be written', async () => {
    const { id: pipelineId } = await h.as('editor').pipelines.create({ projectId: h.projectId, name: `p-${randomUUID()}` });
    const { versionId } = await h.as('editor').pipelines.saveVersion({ projectId: h.projectId, pipelineId, spec: chainSpec([['a', 'shell', { command: 'sleep 30' }]]), message: '' });
    // Temporal unreachable: the row written meanwhile is taken back; the audit trail says so
    const unreachable = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 }), namespace: h.temporal.options.namespace });
    const refusedRequest = randomUUID();
    await expect(startRun({ db: h.db, temporal: unreachable }, { projectId: h.projectId, versionId, params: {}, requestId: refusedRequest, userId: h.members.editor.id })).rejects.toThrow();
    expect(await h.db.select().from(runs).where(eq(runs.requestId, refusedRequest))).toHaveLength(0);
    const trail = await h.db.select().from(auditLog).where(eq(auditLog.targetId, runIdOf(h.projectId, refusedRequest))).orderBy(auditLog.id);
    expect(trail.map((e) => e.action)).toEqual(['run.start', 'run.start_refused']);
    // the row refused (its requester does not exist): the workflow started beside it is terminated
    const orphanRequest = randomUUID();
    await expect(startRun({ db: h.db, temporal: h.temporal }, { projectId: h.projectId, versionId, params: {}, requestId: orphanRequest, userId: 'nobody' })).rejects.toThrow();
    const orphan = await h.temporal.workflow.getHandle(runWorkflowId(runIdOf(h.projectId, orphanRequest))).describe();
    expect(orphan.status.name).toBe('TERMINATED');
  });

  it('closes a run whose row was written but whose workflow never started, once its start is overdue', async () => {
    const { id: pipelineId } = await h.as('editor').pipelines.create({ projectId: h.projectId, name: `p-${randomUUID()}` });
    const { versionId } = await h.as('editor').pipelines.saveVersion({ projectId: h.projectId, pipelineId, spec: chainSpec([['a', 'shell', { command: 'true' }]]), message: '' });
    const stranded = (ageMs: number) => {
      const id = randomUUID();
      return { id, projectId: h.projectId, pipelineId, versionId, workflowId: runWorkflowId(id), requestId: randomUUID(), startedBy: h.members.editor.id, params: {}, createdAt: new Date(Date.now() - ageMs) };
    };
    const [old, fresh] = [stranded(5 * 60_000), stranded(1_000)];
    await h.db.insert(runs).values([old, fresh]);
    const closed = await reconcileStrandedRuns({ db: h.db, temporal: h.temporal });
    expect(closed).toContain(old.id);
    expect(closed).not.toContain(fresh.id); // (its workflow may still be starting)
    const [row] = await h.db.select().from(runs).where(eq(runs.id, old.id));
    expect(row).toMatchObject({ status: 'failed' });
  });

  it('answers a request id used in another project with CONFLICT and runs nothing for it', async () => {
    const api = h.as('editor');
    const { id: pipelineId } = await api.pipelines.create({ projectId: h.projectId, name: `p-${randomUUID()}` });
    const { versionId } = await api.pipelines.saveVersion({ projectId: h.projectId, pipelineId, spec: chainSpec([['a', 'shell', { command: 'true' }]]), message: '' });
    const requestId = randomUUID();
    const { runId } = await api.runs.start({ projectId: h.projectId, versionId, requestId });
    await awaitRun(runId);
    // the same request id again, after its run ended: the same run, no second workflow
    expect((await api.runs.start({ projectId: h.projectId, versionId, requestId })).runId).toBe(runId);
    const [other] = await h.db.insert(projects).values({ name: 'other', slug: `other-${randomUUID().slice(0, 8)}` }).returning();
    await h.db.insert(memberships).values({ projectId: other!.id, userId: h.members.editor.id, role: 'editor' });
    const { id: otherPipeline } = await api.pipelines.create({ projectId: other!.id, name: 'p' });
    const { versionId: otherVersion } = await api.pipelines.saveVersion({ projectId: other!.id, pipelineId: otherPipeline, spec: chainSpec([['a', 'shell', { command: 'sleep 30' }]]), message: '' });
    await expect(api.runs.start({ projectId: other!.id, versionId: otherVersion, requestId })).rejects.toMatchObject({ code: 'CONFLICT' });
    const stray = await h.temporal.workflow.getHandle(runWorkflowId(runIdOf(other!.id, requestId))).describe();
    expect(stray.status.name).toBe('TERMINATED');
  });

  it('answers NOT_FOUND for a version that does not exist, and writes nothing', async () => {
    const before = await h.db.select().from(runs);
    await expect(h.as('editor').runs.start({ projectId: h.projectId, versionId: randomUUID(), requestId: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await h.db.select().from(runs)).toHaveLength(before.length);
  });

  it('refuses to save an invalid spec, names the problems per node and stores nothing', async () => {
    const api = h.as('editor');
    const { id: pipelineId } = await api.pipelines.create({ projectId: h.projectId, name: `p-${randomUUID()}` });
    const spec = chainSpec([
      ['a', 'shell', { command: '' }],
      ['gate', 'approval', {}],
    ]);
    spec.edges = [];
    const error = await api.pipelines.saveVersion({ projectId: h.projectId, pipelineId, spec, message: '' }).catch((e) => e);
    expect(error.code).toBe('BAD_REQUEST');
    const problems = (error.cause as { details: { problems: { nodeId: string; code: string }[] } }).details.problems;
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ nodeId: 'a', code: 'invalid_config' }), expect.objectContaining({ nodeId: 'gate', code: 'missing_input' })]));
    expect(await h.db.select().from(pipelineVersions).where(eq(pipelineVersions.pipelineId, pipelineId))).toHaveLength(0);
  });

  it('forbids a viewer to mutate and an outsider to read', async () => {
    const { id: pipelineId } = await h.as('editor').pipelines.create({ projectId: h.projectId, name: `p-${randomUUID()}` });
    await expect(h.as('viewer').pipelines.create({ projectId: h.projectId, name: 'nope' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.as('viewer').pipelines.saveDraft({ projectId: h.projectId, pipelineId, spec: chainSpec([]) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.as('outsider').pipelines.list({ projectId: h.projectId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.as('viewer').pipelines.list({ projectId: h.projectId })).toEqual(expect.arrayContaining([expect.objectContaining({ id: pipelineId })]));
  });

  it('keeps an append-only audit trail', async () => {
    const rows = await h.db.select().from(auditLog).where(eq(auditLog.projectId, h.projectId));
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['pipeline.create', 'pipeline.save_version', 'run.start']));
    await expect(h.db.delete(auditLog).where(eq(auditLog.id, rows[0]!.id))).rejects.toThrow();
  });
});
