import { eq } from 'drizzle-orm';
import { trackingExperiments } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../errors';
import { findExperiment } from './find-experiment';
import type { TTrackingCaller } from './tracking-access';

type TChange = { kind: 'rename'; name: string } | { kind: 'delete' } | { kind: 'restore' };

/**
 * experiments/update (rename), experiments/delete and experiments/restore. Deleting is MLflow's
 * soft delete: the experiment and its runs stay, marked deleted, until restored.
 */
export async function changeExperiment(db: TDatabase, caller: TTrackingCaller, experimentId: string, change: TChange) {
  const row = await findExperiment(db, caller, experimentId, 'write');
  const set =
    change.kind === 'rename' ? { name: change.name } : { lifecycleStage: change.kind === 'delete' ? ('deleted' as const) : ('active' as const) };
  try {
    await db
      .update(trackingExperiments)
      .set({ ...set, lastUpdateTime: Date.now() })
      .where(eq(trackingExperiments.id, row.id));
  } catch (error) {
    if (change.kind === 'rename' && isUniqueViolation(error)) {
      throw new AppError('CONFLICT', `An experiment named "${change.name}" already exists`);
    }
    throw error;
  }
  return {};
}
