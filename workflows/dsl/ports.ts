/**
 * What flows along an edge, by type: the canvas refuses a connection whose types do not fit.
 * Its own file so that the catalog's parts (ml-steps/) can use it without importing the catalog.
 */
export const PORT_TYPES = ['dataset', 'model', 'metrics', 'report', 'file', 'json', 'any'] as const;
export type TPortType = (typeof PORT_TYPES)[number];

export type TPort = { name: string; type: TPortType; required: boolean; label: string };

/** A target port accepts a source port when the types match or either side is `any`. */
export function portsFit(source: TPortType, target: TPortType): boolean {
  return source === target || source === 'any' || target === 'any';
}

/** What every node kind declares besides its executor and config (catalog.ts). */
export type TKindBasics = {
  kind: string;
  title: string;
  description: string;
  inputs: TPort[];
  outputs: TPort[];
  defaultPool: string;
  /** bumped when the executor's behaviour changes, so cached outputs of the old one are not reused */
  executorVersion: string;
  /** false for kinds whose effect is the point (approvals): never served from the cache */
  cacheable: boolean;
};
