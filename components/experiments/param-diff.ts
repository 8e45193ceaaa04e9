/** Params of compared runs: every key, and which keys differ between them (a key a run lacks counts as a difference). */
export function paramDiff(runs: { params: Record<string, string> }[]): { keys: string[]; differing: Set<string> } {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r.params)))].sort();
  const differing = new Set(keys.filter((key) => new Set(runs.map((r) => r.params[key] ?? null)).size > 1));
  return { keys, differing };
}
