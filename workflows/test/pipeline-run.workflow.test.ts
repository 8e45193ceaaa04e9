import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, DefaultLogger, Worker, type InjectedSinks } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TControlActivities, TRunStepInput, TRunStepResult } from '../contract/activities';
import { weftDataConverter } from '../data-converter';
import type { TRunRecordSinks } from '../contract/run-records';
import { approvalDecidedSignal, PIPELINE_RUN_WORKFLOW, type TPipelineRunInput, type TPipelineRunWorkflow } from '../contract/run-workflow';
import { CONTROL_TASK_QUEUE, type TPlan, type TPlanStep, type TRunRecord } from '../dsl';
import { planOf } from '../dsl/test-specs';
import type { TStepConfigPart } from '../dsl/plan';
import { controlBundlerOptions, controlWorkflowInterceptors } from '../worker-factory';

/**
 * The interpreter (the reducer's driver) on a real Temporal server with fake control and pool
 * activities: what a run does when a runner throws, a child workflow is terminated or an approval
 * times out. Time skipping needs Temporal's test server, which cannot be downloaded here, so the
 * timeouts are short instead (plans built by hand may go below the editor's minimums).
 */
const workflowsPath = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'definitions', 'index.ts');
const POOL_QUEUE = 'weft-pool-wftest';
const address = process.env.TEMPORAL_ADDRESS;
const namespace = `weft-test-${process.env.VITEST_POOL_ID ?? '1'}`;

type TControl = TControlActivities;
let env: TestWorkflowEnvironment;
let workers: Worker[] = [];
let running: Promise<unknown>;
const records = new Map<string, TRunRecord[]>();
const closed: { approvalId: string; status: string }[] = [];
const stepInputs = new Map<string, TRunStepInput['inputs']>();
/** what Postgres would hold: decisions by approval id */
const decided = new Map<string, 'approved' | 'rejected'>();
let createApproval: TControl['createApproval'] = async (params) => ({ approvalId: `approval-${params.runId}-${params.nodeId}` });

const control: Partial<TControl> = {
  createApproval: (params) => createApproval(params),
  closeApproval: async (params) => void closed.push(params),
  readApprovalDecision: async ({ approvalId }) => {
    const status = decided.get(approvalId) ?? (closed.find((c) => c.approvalId === approvalId)?.status as 'expired' | 'cancelled' | undefined);
    return status ? { status, comment: '' } : { status: 'pending' };
  },
  lookupStepCache: async () => ({ cacheKey: 'k', hit: null }),
  writeRecords: async (batch) => {
    records.set(batch.runId, [...(records.get(batch.runId) ?? []), ...batch.records]);
    return { written: batch.records.length };
  },
  beginRun: async (input) => ({ runId: input.workflowId, dispatch: { fairnessKey: 't', fairnessWeights: {}, priority: 3 } }),
};
const pool = {
  async runStep(input: TRunStepInput): Promise<TRunStepResult> {
    stepInputs.set(`${input.runId}/${input.step.nodeId}`, input.inputs);
    if (input.step.nodeId.startsWith('boom')) throw ApplicationFailure.nonRetryable('exploded', 'StepFailed');
    const at = new Date().toISOString();
    return { outputs: { artifacts: { [`${input.step.nodeId}.bin`]: { hash: `h-${input.step.nodeId}`, size: 1 } }, metrics: {} }, attempt: { attempt: 1, workerIdentity: 'fake', startedAt: at, endedAt: at, exitCode: 0, log: '' } };
  },
};
const sinks: InjectedSinks<TRunRecordSinks> = {
  runRecords: { write: { fn: (_info, batch) => void records.set(batch.runId, [...(records.get(batch.runId) ?? []), ...batch.records]), callDuringReplay: false } },
};

beforeAll(async () => {
  if (!address) return;
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  env = await TestWorkflowEnvironment.createFromExistingServer({ address, namespace, client: { dataConverter: weftDataConverter } });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace,
    taskQueue: CONTROL_TASK_QUEUE,
    workflowsPath,
    dataConverter: weftDataConverter,
    activities: { ...control, ...pool },
    sinks,
    interceptors: controlWorkflowInterceptors,
    bundlerOptions: controlBundlerOptions,
  });
  const poolWorker = await Worker.create({ connection: env.nativeConnection, namespace, taskQueue: POOL_QUEUE, dataConverter: weftDataConverter, activities: pool });
  workers = [worker, poolWorker];
  running = Promise.all(workers.map((w) => w.run()));
});

afterAll(async () => {
  for (const w of workers) w.shutdown();
  await running;
  await env?.teardown();
});

const onPool = (plan: TPlan): TPlan => ({ ...plan, steps: plan.steps.map((s) => (s.executor === 'python' ? { ...s, taskQueue: POOL_QUEUE, cache: false } : s)) });
const kind = (plan: TPlan, nodeId: string, step: TStepConfigPart & Partial<TPlanStep>): TPlan => ({ ...plan, steps: plan.steps.map((s) => (s.nodeId === nodeId ? { ...s, ...step } : s)) });
const gate = (timeoutHours: number) => ({ executor: 'approval', kind: 'approval', config: { instructions: '', timeoutHours }, taskQueue: CONTROL_TASK_QUEUE }) as const;

function startRun(plan: TPlan) {
  const runId = randomUUID();
  const input: TPipelineRunInput = {
    runId,
    dispatch: { fairnessKey: 't', fairnessWeights: {}, priority: 3 },
    projectId: 'p',
    pipelineId: 'pl',
    versionId: 'v',
    plan,
    params: {},
    trigger: { kind: 'manual', userId: 'u' },
  };
  const handle = env.client.workflow.start<TPipelineRunWorkflow>(PIPELINE_RUN_WORKFLOW, { workflowId: `run-${runId}`, taskQueue: CONTROL_TASK_QUEUE, args: [input] });
  return { runId, handle };
}

/** The statuses a step went through in the run's records, in order. */
const statusesOf = (runId: string, nodeId: string) => (records.get(runId) ?? []).flatMap((r) => (r.type === 'step' && r.nodeId === nodeId ? [r.status] : []));

async function waitUntil(check: () => Promise<boolean> | boolean, what: string) {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!address)('pipelineRun on a real Temporal server (fake activities)', () => {
  it('an approval gate without a decision fails at its timeout and closes its approval as expired', async () => {
    const { runId, handle } = startRun(onPool(kind(planOf({ train: [], approve: ['train'], deploy: ['approve'] }), 'approve', gate(0.0004))));
    const result = await (await handle).result();
    expect(result).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Step "approve" failed/) });
    expect(closed).toContainEqual({ approvalId: `approval-${runId}-approve`, status: 'expired' });
    expect(statusesOf(runId, 'approve')).toEqual(['running', 'waiting_approval', 'failed']);
    expect(statusesOf(runId, 'deploy')).toEqual(['skipped']);
  });

  it('a gate moves on the decision in Postgres, never on the doorbell alone; approved, it passes the model on', async () => {
    const { runId, handle } = startRun(onPool(kind(planOf({ train: [], approve: ['train'], deploy: ['approve'] }), 'approve', gate(1))));
    const started = await handle;
    const approvalId = `approval-${runId}-approve`;
    await waitUntil(() => statusesOf(runId, 'approve').includes('waiting_approval'), 'the gate to wait');
    await started.signal(approvalDecidedSignal, { approvalId }); // forged: nothing was decided
    await new Promise((r) => setTimeout(r, 500));
    expect(statusesOf(runId, 'approve')).toEqual(['running', 'waiting_approval']);
    decided.set(approvalId, 'approved');
    await started.signal(approvalDecidedSignal, { approvalId });
    expect((await started.result()).status).toBe('succeeded');
    expect(stepInputs.get(`${runId}/deploy`)).toEqual({ approve: { 'train.bin': { hash: 'h-train', size: 1 } } });
  });

  it('a runner that throws fails its step and ends the run (it once hung the run for ever)', async () => {
    createApproval = async () => {
      throw ApplicationFailure.nonRetryable('the approvals table is gone', 'Broken');
    };
    try {
      const { runId, handle } = startRun(onPool(kind(planOf({ a: [], approve: ['a'], b: ['approve'] }), 'approve', gate(1))));
      const result = await (await handle).result();
      expect(result).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Step "approve" failed/) });
      expect(records.get(runId)).toContainEqual(expect.objectContaining({ type: 'step', nodeId: 'approve', status: 'failed', error: 'the approvals table is gone' }));
    } finally {
      createApproval = async (params) => ({ approvalId: `approval-${params.runId}-${params.nodeId}` });
    }
  });

  it('a sub-pipeline whose child workflow is terminated fails its step, and the parent run ends', async () => {
    const child = onPool(kind(planOf({ wait: [] }), 'wait', gate(1)));
    const plan = onPool(kind(planOf({ a: [], sub: ['a'], b: ['sub'] }), 'sub', { executor: 'subpipeline', kind: 'subpipeline', taskQueue: CONTROL_TASK_QUEUE, config: { pipelineId: 'c', versionNumber: 1, versionId: 'cv', plan: child } }));
    const { runId, handle } = startRun(plan);
    const childHandle = env.client.workflow.getHandle(`run-${runId}/sub`);
    await waitUntil(() => childHandle.describe().then((d) => d.status.name === 'RUNNING', () => false), 'the child workflow');
    await childHandle.terminate('by hand');
    const result = await (await handle).result();
    expect(result).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Step "sub" failed/) });
    expect(records.get(runId)).toContainEqual(expect.objectContaining({ type: 'step', nodeId: 'sub', status: 'failed', error: `Its child workflow run-${runId}/sub was terminated` }));
    expect(statusesOf(runId, 'b')).toEqual(['skipped']);
  });
});
