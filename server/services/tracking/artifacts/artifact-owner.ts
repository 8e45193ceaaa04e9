import type { TDbOrTx } from '../../../db/client';
import { AppError } from '../../../errors';
import { findActiveRun, findRun } from '../find-run';
import { findLoggedModel } from '../logged-models/find-logged-model';
import type { TNeed, TTrackingCaller } from '../tracking-access';
import type { TArtifactTarget } from './artifact-path';

/** The owner columns of tracking_artifacts: exactly one is set. */
export type TArtifactOwner = { runUuid: string; modelId: null } | { runUuid: null; modelId: string };

/**
 * The run or logged model a proxy path names, if the caller may `need` it; writing to a run needs
 * an active one. The experiment in the path must be the owner's: a path is an address, not a
 * way to reach another experiment's files.
 */
export async function artifactOwner(db: TDbOrTx, caller: TTrackingCaller, target: TArtifactTarget, need: TNeed): Promise<TArtifactOwner> {
  if (target.owner.kind === 'run') {
    const { runUuid } = target.owner;
    const run = need === 'write' ? await findActiveRun(db, caller, runUuid) : await findRun(db, caller, runUuid, need);
    if (run.experimentId !== target.experimentId) throw new AppError('NOT_FOUND', `Run ${runUuid} not found in experiment ${target.experimentId}`);
    return { runUuid, modelId: null };
  }
  const { modelId } = target.owner;
  const model = await findLoggedModel(db, caller, modelId, need);
  if (model.experimentId !== target.experimentId) throw new AppError('NOT_FOUND', `Logged model ${modelId} not found in experiment ${target.experimentId}`);
  return { runUuid: null, modelId };
}
