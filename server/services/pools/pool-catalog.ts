import { asc } from 'drizzle-orm';
import { pools } from '../../../drizzle/schema';
import type { TPoolCatalogEntry } from '../../../workflows/dsl';
import type { TDbOrTx } from '../../db/client';

/** The pools as compile and the canvas see them (name, kind, labels, default step resources). */
export async function poolCatalog(db: TDbOrTx): Promise<TPoolCatalogEntry[]> {
  const rows = await db.select().from(pools).orderBy(asc(pools.name));
  return rows.map(toCatalogEntry);
}

export const toCatalogEntry = (row: typeof pools.$inferSelect): TPoolCatalogEntry => ({
  name: row.name,
  kind: row.kind,
  labels: row.labels,
  defaults: { cpus: row.defaultCpus, memoryMb: row.defaultMemoryMb, gpus: row.defaultGpus },
  scheduleToStartSeconds: row.scheduleToStartSeconds,
});
