import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { pools } from '../../../drizzle/schema';
import { ZPoolKindSchema, ZPoolLabelsSchema, ZPoolNameSchema, ZStepResourcesSchema } from '../../../workflows/dsl';
import type { TDatabase } from '../../db/client';
import { AppError, notFound } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import type { TActor } from '../deps';
import { toCatalogEntry } from './pool-catalog';

export const ZPoolInputSchema = z
  .object({
    name: ZPoolNameSchema,
    kind: ZPoolKindSchema,
    labels: ZPoolLabelsSchema.default({}),
    description: z.string().max(500).default(''),
    defaults: ZStepResourcesSchema.default({ cpus: 1, memoryMb: 2_048, gpus: 0 }),
    /** a step waiting longer for a worker is flagged "no worker in pool" on its run */
    scheduleToStartSeconds: z.number().int().min(1).max(7 * 86_400).default(60),
  })
  .refine((p) => p.kind === 'gpu' || p.defaults.gpus === 0, { message: 'A CPU pool gives its steps no GPUs', path: ['defaults', 'gpus'] });
export type TPoolInput = z.infer<typeof ZPoolInputSchema>;

const columns = (input: TPoolInput) => ({
  name: input.name,
  kind: input.kind,
  labels: input.labels,
  description: input.description,
  defaultCpus: input.defaults.cpus,
  defaultMemoryMb: input.defaults.memoryMb,
  defaultGpus: input.defaults.gpus,
  scheduleToStartSeconds: input.scheduleToStartSeconds,
});

/** Creates a pool (its workers start with `npm run worker -- --pool <name>`). */
export async function createPool(db: TDatabase, actor: TActor, input: TPoolInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(pools).values(columns(input)).onConflictDoNothing({ target: pools.name }).returning();
    if (!row) throw new AppError('CONFLICT', `A pool named "${input.name}" exists already`);
    await recordAudit(tx, { projectId: null, actor: actor.userId, action: 'pool.create', targetType: 'pool', targetId: row.id, details: columns(input) });
    return { id: row.id, ...toCatalogEntry(row) };
  });
}

/**
 * Changes a pool's labels, defaults and description. Its name and kind stay: saved versions were
 * compiled to its task queue, and steps that asked for its GPUs must keep finding them.
 */
export async function updatePool(db: TDatabase, actor: TActor, input: TPoolInput & { id: string }) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(pools).where(eq(pools.id, input.id)).for('update');
    if (!current) throw notFound('Pool');
    if (current.name !== input.name || current.kind !== input.kind) {
      throw new AppError('BAD_REQUEST', 'A pool keeps its name and kind (saved versions route steps to it); create a new pool instead');
    }
    const [row] = await tx.update(pools).set(columns(input)).where(eq(pools.id, input.id)).returning();
    await recordAudit(tx, { projectId: null, actor: actor.userId, action: 'pool.update', targetType: 'pool', targetId: input.id, details: columns(input) });
    return { id: row!.id, ...toCatalogEntry(row!) };
  });
}
