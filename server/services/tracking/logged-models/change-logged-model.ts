import { eq, sql } from 'drizzle-orm';
import { trackingLoggedModels } from '../../../../drizzle/schema';
import type { TDatabase } from '../../../db/client';
import type { TTrackingCaller } from '../tracking-access';
import { findLoggedModel, type TLoggedModelRow } from './find-logged-model';
import { loggedModelJson } from './logged-model-json';

type TKeyValue = { key: string; value: string };

/** What the client changes on a logged model after creating it. */
export type TLoggedModelChange =
  | { kind: 'finalize'; status: TLoggedModelRow['status'] }
  | { kind: 'params'; params: TKeyValue[] }
  | { kind: 'set-tags'; tags: TKeyValue[] }
  | { kind: 'delete-tag'; key: string };

const asMap = (pairs: TKeyValue[]) => JSON.stringify(Object.fromEntries(pairs.map((p) => [p.key, p.value])));

/**
 * Finalizes a logged model, logs its params (a key keeps its first value, as a run's params do)
 * or sets and deletes its tags, each one UPDATE (jsonb merged in SQL, so concurrent calls do not
 * lose each other's keys); answers the model as it is now.
 */
export async function changeLoggedModel(db: TDatabase, caller: TTrackingCaller, modelId: string, change: TLoggedModelChange) {
  await findLoggedModel(db, caller, modelId, 'write');
  const m = trackingLoggedModels;
  const set =
    change.kind === 'finalize'
      ? { status: change.status }
      : change.kind === 'params'
        ? { params: sql`${asMap(change.params)}::jsonb || ${m.params}` }
        : change.kind === 'set-tags'
          ? { tags: sql`${m.tags} || ${asMap(change.tags)}::jsonb` }
          : { tags: sql`${m.tags} - ${change.key}::text` };
  const [row] = await db
    .update(m)
    .set({ ...set, lastUpdateTime: Date.now() })
    .where(eq(m.modelId, modelId))
    .returning();
  return { model: loggedModelJson(row!) };
}
