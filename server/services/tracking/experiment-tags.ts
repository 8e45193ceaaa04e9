import { asc, inArray } from 'drizzle-orm';
import { trackingExperimentTags } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import type { TKeyValue } from './experiment-json';

/** The tags of some experiments, by experiment id (one query for a page). */
export async function experimentTags(db: TDbOrTx, experimentIds: number[]): Promise<Map<number, TKeyValue[]>> {
  const byId = new Map<number, TKeyValue[]>(experimentIds.map((id) => [id, []]));
  if (!experimentIds.length) return byId;
  const rows = await db.select().from(trackingExperimentTags).where(inArray(trackingExperimentTags.experimentId, experimentIds)).orderBy(asc(trackingExperimentTags.key));
  for (const row of rows) byId.get(row.experimentId)?.push({ key: row.key, value: row.value });
  return byId;
}
