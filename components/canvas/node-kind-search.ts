import { NODE_CATALOG, NODE_KINDS, type TNodeKind } from '@/workflows/dsl';

/**
 * The node kinds a quick-add query finds, best first: every word of the query must appear in the
 * kind, its title or its description; a match in the title or kind ranks above one in the
 * description only. An empty query lists the whole catalog in its order.
 */
export function searchNodeKinds(query: string): TNodeKind[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...NODE_KINDS];
  const scored = NODE_KINDS.flatMap((kind, order) => {
    const def = NODE_CATALOG[kind];
    const name = `${kind} ${def.title}`.toLowerCase();
    const text = `${name} ${def.description}`.toLowerCase();
    if (!words.every((w) => text.includes(w))) return [];
    const score = words.filter((w) => name.includes(w)).length * 10 + (name.startsWith(words[0]!) ? 5 : 0);
    return [{ kind, score, order }];
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((s) => s.kind);
}
