import { parseTagLines, pickModelArtifact } from '../../dsl/model-steps';
import { control } from '../control-activities';
import { outcomeOf } from './approval-runner';
import { awaitDecision } from './await-decision';
import type { TRunner } from './runner-context';

/**
 * "Register model": the upstream model artifact becomes a new version of the registered model,
 * its source the tracking run of the step that wrote it (a control activity: the registry is in
 * Postgres). The artifact passes on (the reducer), the step's outputs name the version.
 */
export const runRegisterModel: TRunner<'register_model'> = async (ctx, { step, inputs }) => {
  const picked = pickModelArtifact(inputs, step.config.artifact);
  if (!picked.ok) return { status: 'failed', error: picked.error };
  const tags = parseTagLines(step.config.tags);
  if (!tags.ok) return { status: 'failed', error: `Tags: ${tags.error}` };
  const model = await control.registerModelVersion({ runId: ctx.runId, projectId: ctx.projectId, nodeId: step.nodeId, modelName: step.config.modelName, artifact: picked.artifact, tags: tags.tags });
  return { status: 'succeeded', outputs: { artifacts: {}, metrics: { version: model.version }, model } };
};

/**
 * "Promote model": asks for the alias as the registry's rule says (control activity). An
 * unprotected alias moves at once; a protected one opens a promotion approval on behalf of the
 * run's requester (who may not decide it) and the step waits for the decision like a gate.
 */
export const runPromoteModel: TRunner<'promote_model'> = async (ctx, { step }) => {
  const { config } = step;
  const opened = await control.openPromotion({ runId: ctx.runId, projectId: ctx.projectId, nodeId: step.nodeId, modelName: config.modelName, alias: config.alias, version: config.version, timeoutHours: config.timeoutHours });
  const model = { name: config.modelName, version: opened.version };
  if (opened.status === 'pending') {
    ctx.emit({ type: 'approvalOpened', nodeId: step.nodeId, at: ctx.now() });
    const outcome = outcomeOf(await awaitDecision(ctx, { approvalId: opened.approvalId, nodeId: step.nodeId, timeoutHours: config.timeoutHours }), config.timeoutHours);
    if (outcome.status !== 'succeeded') return outcome;
  }
  return { status: 'succeeded', outputs: { artifacts: {}, metrics: { version: model.version }, model } };
};
