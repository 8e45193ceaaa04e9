import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { runs, steps } from '../../../drizzle/schema';
import { STEP_TEST_WORKFLOW, stepTestWorkflowId, type TStepTestInput } from '../../../workflows/contract/step-test';
import { CONTROL_TASK_QUEUE, compileSpec, isPoolExecutor, nodeKindDefinition, planArtifactReads, type TPipelineSpec, type TStepInputs } from '../../../workflows/dsl';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import type { TServiceDeps } from '../deps';
import { findPipeline } from '../pipelines/get-pipeline';
import { poolCatalog } from '../pools/pool-catalog';
import { checkArtifactReads } from '../runs/check-artifact-reads';

export type TStartStepTest = { projectId: string; pipelineId: string; spec: TPipelineSpec; nodeId: string; userId: string };

/**
 * "Test this step": the draft's node alone, compiled as a run would compile it (its config, pool,
 * timeouts), on its pool, with the outputs of the latest run of this pipeline in which each
 * upstream step succeeded. Problems elsewhere in the draft do not stop it; the node's own do.
 * A step that gets secrets is not tested alone: secrets are handed only to the steps of a run
 * that Postgres holds (the worker asks web for them by run).
 */
export async function startStepTest(deps: TServiceDeps, params: TStartStepTest): Promise<{ testId: string; missingInputs: string[] }> {
  const pipeline = await findPipeline(deps.db, params.projectId, params.pipelineId);
  if (pipeline.archivedAt) throw new AppError('PRECONDITION_FAILED', 'The pipeline is archived: restore it to test its steps');
  const node = params.spec.nodes.find((n) => n.id === params.nodeId);
  if (!node) throw new AppError('BAD_REQUEST', `nodeId: no node "${params.nodeId}" in the draft`);
  const definition = nodeKindDefinition(node.kind);
  if (!definition || !isPoolExecutor(definition.executor)) throw new AppError('BAD_REQUEST', `${label(node)} is a ${definition?.title ?? node.kind} step: only Python, shell and no-op steps run alone`);
  if (node.secrets?.length) throw new AppError('BAD_REQUEST', `${label(node)} gets secrets (${node.secrets.join(', ')}): run the pipeline to test it; secrets reach only the steps of a run`);

  // the node alone: its own problems (config, pool) are reported, the rest of the draft's are not
  const alone: TPipelineSpec = { ...params.spec, nodes: [node], edges: [] };
  const compiled = compileSpec(alone, {}, await poolCatalog(deps.db));
  if (!compiled.ok) throw new AppError('BAD_REQUEST', `${label(node)} cannot run: ${compiled.problems.map((p) => p.message).join('; ')}`);
  const step = compiled.plan.steps[0]!;
  if (!isPoolExecutor(step.executor)) throw new AppError('BAD_REQUEST', `${label(node)}: only Python, shell and no-op steps run alone`);

  await checkArtifactReads(deps.db, params.projectId, planArtifactReads(compiled.plan, compiled.plan.parameters));

  const upstream = [...new Set(params.spec.edges.filter((e) => e.target === node.id).map((e) => e.source))];
  const inputs = await latestUpstreamOutputs(deps, params.projectId, params.pipelineId, upstream);
  const testId = randomUUID();
  const input: TStepTestInput = {
    testId,
    projectId: params.projectId,
    step: { nodeId: step.nodeId, executor: step.executor, config: step.config, maxAttempts: 1, ...(step.resources?.gpus ? { gpus: step.resources.gpus } : {}) } as TStepTestInput['step'],
    taskQueue: step.taskQueue,
    startToCloseTimeoutMs: step.startToCloseTimeoutMs,
    heartbeatTimeoutMs: step.heartbeatTimeoutMs,
    params: compiled.plan.parameters,
    inputs,
  };
  await recordAudit(deps.db, { projectId: params.projectId, actor: params.userId, action: 'step.test', targetType: 'pipeline', targetId: params.pipelineId, details: { nodeId: node.id, testId } });
  await deps.temporal.workflow.start(STEP_TEST_WORKFLOW, {
    workflowId: stepTestWorkflowId(params.projectId, testId),
    taskQueue: CONTROL_TASK_QUEUE,
    args: [input],
    // a test nobody waits for still ends: its step's own limit, and a margin for a worker to pick it up
    workflowExecutionTimeout: step.startToCloseTimeoutMs + step.scheduleToStartTimeoutMs + 60_000,
  });
  return { testId, missingInputs: upstream.filter((id) => !inputs[id]) };
}

const label = (node: { id: string; label: string }) => `Step "${node.label || node.id}"`;

/** Each upstream step's artifacts from the latest run of the pipeline in which it succeeded. */
async function latestUpstreamOutputs(deps: TServiceDeps, projectId: string, pipelineId: string, nodeIds: string[]): Promise<TStepInputs> {
  if (!nodeIds.length) return {};
  const rows = await deps.db
    .selectDistinctOn([steps.nodeId], { nodeId: steps.nodeId, outputs: steps.outputs })
    .from(steps)
    .innerJoin(runs, eq(runs.id, steps.runId))
    .where(and(eq(runs.projectId, projectId), eq(runs.pipelineId, pipelineId), inArray(steps.nodeId, nodeIds), eq(steps.status, 'succeeded')))
    .orderBy(steps.nodeId, desc(runs.createdAt));
  return Object.fromEntries(rows.flatMap((r) => (r.outputs ? [[r.nodeId, r.outputs.artifacts]] : [])));
}
