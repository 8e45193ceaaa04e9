/**
 * Fresh ids in the spec's own style (`python_1`, `e_7`): `<base>_<n>` with n above every number
 * already used after that base. Scans the taken ids once, so a 1,000-node paste costs one pass.
 */
export function idAllocator(taken: Iterable<string>): (base: string) => string {
  const max = new Map<string, number>();
  const used = new Set<string>();
  for (const id of taken) {
    used.add(id);
    const match = SUFFIXED.exec(id);
    if (match) max.set(match[1]!, Math.max(max.get(match[1]!) ?? 0, Number(match[2])));
  }
  return (wanted) => {
    const base = idBase(wanted);
    let n = (max.get(base) ?? 0) + 1;
    while (used.has(`${base}_${n}`)) n++;
    max.set(base, n);
    const id = `${base}_${n}`;
    used.add(id);
    return id;
  };
}

const SUFFIXED = /^(.+)_(\d{1,9})$/;
// Room for `_<n>` within the DSL's 64 characters.
const MAX_BASE = 54;

/** `train_3` → `train`, `load-data` → `load-data`: what a copy of that node is numbered after. */
export function idBase(id: string): string {
  return (SUFFIXED.exec(id)?.[1] ?? id).slice(0, MAX_BASE) || 'node';
}
