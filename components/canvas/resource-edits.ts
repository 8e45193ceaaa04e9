import type { TNodeResources } from '@/workflows/dsl';
import { omitUndefined } from './spec-edits';

/**
 * Pure edits of a node's `resources` for the property panel. The spec stays minimal: an emptied
 * field is removed, and a node asking for nothing has no `resources` at all (its kind's default pool).
 */

/** Pool select values besides pool names; neither can be a pool name (those start with a letter or digit). */
export const DEFAULT_POOL_CHOICE = '';
export const LABEL_POOL_CHOICE = '@label';

/** The resources with the patch applied; keys patched to undefined are removed, and nothing left is undefined. */
export function patchResources(resources: TNodeResources | undefined, patch: Partial<TNodeResources>): TNodeResources | undefined {
  const next = omitUndefined({ ...resources, ...patch });
  return Object.keys(next).length === 0 ? undefined : next;
}

/** A pool select choice: a pool by name drops the label, and the reverse; the default drops both. */
export function choosePool(resources: TNodeResources | undefined, choice: string): TNodeResources | undefined {
  if (choice === DEFAULT_POOL_CHOICE) return patchResources(resources, { pool: undefined, poolLabel: undefined });
  if (choice === LABEL_POOL_CHOICE) return patchResources(resources, { pool: undefined });
  return patchResources(resources, { pool: choice, poolLabel: undefined });
}

