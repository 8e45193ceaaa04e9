import { z } from 'zod';

/**
 * Step resources and worker pools. A node asks for resources (a pool, or any pool with a label;
 * cpus, memory, gpus of a type); compile resolves them against the project's pools to one pool,
 * hence one Temporal task queue, per step. Pure: the canvas checks a spec against the same pools.
 */

/** A pool name becomes part of a Temporal task queue name (`weft-pool-<name>`). */
export const ZPoolNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'A pool name is 1-40 lower-case letters, digits or "-", starting with a letter or digit');

const LABEL_PART = /^[A-Za-z0-9_.-]{1,64}$/;
/** `key=value`, e.g. `gpu=a100` or `mem=80g`. */
export const ZPoolLabelSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}=[A-Za-z0-9_.-]{1,64}$/, 'A label is key=value (letters, digits, "_", "." or "-")');
export const ZPoolLabelsSchema = z
  .record(z.string().regex(LABEL_PART, 'A label key is letters, digits, "_", "." or "-"'), z.string().regex(LABEL_PART, 'A label value is letters, digits, "_", "." or "-"'))
  .refine((labels) => Object.keys(labels).length <= 20, 'At most 20 labels');

export const ZStepResourcesSchema = z.object({
  cpus: z.number().min(0.1).max(512),
  memoryMb: z.number().int().min(16).max(8_388_608),
  gpus: z.number().int().min(0).max(64),
});

/** What a node may ask for; anything left out comes from its pool's defaults. */
export const ZNodeResourcesSchema = z.object({
  /** a pool by name */
  pool: ZPoolNameSchema.optional(),
  /** or any pool with this label */
  poolLabel: ZPoolLabelSchema.optional(),
  cpus: ZStepResourcesSchema.shape.cpus.optional(),
  memoryMb: ZStepResourcesSchema.shape.memoryMb.optional(),
  gpus: ZStepResourcesSchema.shape.gpus.optional(),
  /** GPU type: the pool must carry the label `gpu=<type>` */
  gpuType: z.string().regex(LABEL_PART, 'A GPU type is letters, digits, "_", "." or "-"').optional(),
});

export const ZPoolKindSchema = z.enum(['cpu', 'gpu']);

/** A pool as compile sees it (the pools table, without bookkeeping). */
export const ZPoolCatalogEntrySchema = z.object({
  name: ZPoolNameSchema,
  kind: ZPoolKindSchema,
  labels: ZPoolLabelsSchema,
  defaults: ZStepResourcesSchema,
  /** how long a step may wait for a worker of the pool before the run flags it (a node may override) */
  scheduleToStartSeconds: z.number().int().min(1).max(7 * 86_400).optional(),
});

export type TNodeResources = z.infer<typeof ZNodeResourcesSchema>;
export type TStepResources = z.infer<typeof ZStepResourcesSchema>;
export type TPoolKind = z.infer<typeof ZPoolKindSchema>;
export type TPoolCatalogEntry = z.infer<typeof ZPoolCatalogEntrySchema>;

/** The pool every project has; also what compile assumes when given no pools. */
export const DEFAULT_CPU_POOL: TPoolCatalogEntry = { name: 'cpu', kind: 'cpu', labels: {}, defaults: { cpus: 1, memoryMb: 2_048, gpus: 0 } };
export const DEFAULT_POOLS: readonly TPoolCatalogEntry[] = [DEFAULT_CPU_POOL];

export type TResourceResolution =
  | { ok: true; pool: TPoolCatalogEntry; resources: TStepResources }
  | { ok: false; field: string; message: string };

const hasLabel = (pool: TPoolCatalogEntry, label: string) => {
  const [key, value] = label.split('=') as [string, string];
  return pool.labels[key] === value;
};

/**
 * The pool a pool-run node goes to, and its resources with the pool's defaults filled in.
 * `defaultPool` is the node kind's default. Several pools with the asked label: the first by
 * name that can serve the request (deterministic, so a version always compiles the same).
 */
export function resolveResources(asked: TNodeResources | undefined, defaultPool: string, pools: readonly TPoolCatalogEntry[]): TResourceResolution {
  const want = asked ?? {};
  const gpuLabel = want.gpuType ? `gpu=${want.gpuType}` : undefined;
  const byName = [...pools].sort((a, b) => a.name.localeCompare(b.name));
  let field = 'resources.pool';
  let candidates: TPoolCatalogEntry[];
  if (want.pool) {
    candidates = byName.filter((p) => p.name === want.pool);
    if (candidates.length === 0) return { ok: false, field, message: `Pool "${want.pool}" does not exist` };
  } else if (want.poolLabel) {
    field = 'resources.poolLabel';
    candidates = byName.filter((p) => hasLabel(p, want.poolLabel!));
    if (candidates.length === 0) return { ok: false, field, message: `No pool has the label "${want.poolLabel}"` };
  } else if ((want.gpus ?? 0) > 0) {
    field = 'resources.gpus';
    candidates = byName.filter((p) => p.kind === 'gpu' && (!gpuLabel || hasLabel(p, gpuLabel)));
    if (candidates.length === 0) return { ok: false, field, message: `Asks for ${want.gpus} GPU${want.gpus === 1 ? '' : 's'}${want.gpuType ? ` of type ${want.gpuType}` : ''}, but no GPU pool${gpuLabel ? ` has the label "${gpuLabel}"` : ' exists'}` };
  } else {
    candidates = byName.filter((p) => p.name === defaultPool);
    if (candidates.length === 0) return { ok: false, field, message: `Pool "${defaultPool}" does not exist` };
  }
  const needsGpu = (want.gpus ?? 0) > 0 || Boolean(want.gpuType);
  const fitting = candidates.filter((p) => (!needsGpu || p.kind === 'gpu') && (!gpuLabel || hasLabel(p, gpuLabel)));
  const pool = fitting[0];
  if (!pool) {
    const which = candidates.length === 1 ? `pool "${candidates[0]!.name}"` : `every pool with the label "${want.poolLabel}"`;
    if (candidates.every((p) => p.kind === 'cpu')) {
      const n = want.gpus ?? 1;
      return { ok: false, field: 'resources.gpus', message: `Asks for ${n} GPU${n === 1 ? '' : 's'}, but ${which} is a CPU pool` };
    }
    return { ok: false, field: 'resources.gpuType', message: `Asks for GPU type ${want.gpuType}, but ${which} lacks the label "${gpuLabel}"` };
  }
  const gpus = want.gpus ?? (pool.kind === 'gpu' ? pool.defaults.gpus : 0);
  return { ok: true, pool, resources: { cpus: want.cpus ?? pool.defaults.cpus, memoryMb: want.memoryMb ?? pool.defaults.memoryMb, gpus } };
}
