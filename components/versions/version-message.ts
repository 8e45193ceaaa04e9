import type { TSpecDiff } from '@/workflows/dsl/spec-diff';

const MAX_IDS = 3;
const names = (ids: readonly string[]) => (ids.length > MAX_IDS ? `${ids.slice(0, MAX_IDS).join(', ')} and ${ids.length - MAX_IDS} more` : ids.join(', '));
const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * A version message made from what changed, for a version saved without one (Run on the draft):
 * "Added train_2; changed prep; removed 1 edge". A diff with no change (nodes only moved) says so.
 */
export function versionMessageOf(diff: TSpecDiff): string {
  const parts = [
    diff.nodes.added.length ? `added ${names(diff.nodes.added)}` : '',
    diff.nodes.removed.length ? `removed ${names(diff.nodes.removed)}` : '',
    diff.nodes.changed.length ? `changed ${names(diff.nodes.changed.map((c) => c.id))}` : '',
    diff.edges.added.length ? `added ${count(diff.edges.added.length, 'edge')}` : '',
    diff.edges.removed.length ? `removed ${count(diff.edges.removed.length, 'edge')}` : '',
    diff.parameters.length ? `parameters ${names(diff.parameters.map((p) => p.path))}` : '',
    diff.settings.length ? `settings ${names(diff.settings.map((p) => p.path))}` : '',
  ].filter(Boolean);
  const text = parts.length ? parts.join('; ') : 'moved nodes';
  return (text.charAt(0).toUpperCase() + text.slice(1)).slice(0, 500);
}
