// What "Register model" steps do with their config and inputs: pure and free of zod, so that the
// workflow sandbox imports this file alone (not the DSL barrel). It imports nothing: the config
// schemas use it, and the run records' types lead back to them.

/** what upstream steps wrote, by step and name (TStepInputs, written out) */
type TUpstream = Record<string, Record<string, { hash: string; size: number }>>;

const TAG_LINE = /^([^=\s][^=]*?)\s*=\s*(.*)$/;

/** A "Register model" node's tags: one `key=value` per line (blank lines ignored). */
export function parseTagLines(text: string): { ok: true; tags: { key: string; value: string }[] } | { ok: false; error: string } {
  const tags: { key: string; value: string }[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const match = TAG_LINE.exec(line);
    if (!match) return { ok: false, error: `line ${i + 1}: write key=value` };
    tags.push({ key: match[1]!, value: match[2]! });
  }
  return { ok: true, tags };
}

export type TPickedArtifact = { fromNode: string; name: string; hash: string; size: number };

/**
 * The model artifact a "Register model" step registers, from what its upstream steps wrote: the one
 * named `name`, or, when no name is given, the only artifact there is.
 */
export function pickModelArtifact(inputs: TUpstream, name: string): { ok: true; artifact: TPickedArtifact } | { ok: false; error: string } {
  const all = Object.entries(inputs).flatMap(([fromNode, artifacts]) => Object.entries(artifacts).map(([n, ref]) => ({ fromNode, name: n, ...ref })));
  const found = name ? all.filter((a) => a.name === name) : all;
  if (found.length === 1) return { ok: true, artifact: found[0]! };
  if (found.length === 0) return { ok: false, error: name ? `No upstream step wrote an artifact named "${name}" (it wrote: ${all.map((a) => a.name).join(', ') || 'nothing'})` : 'No upstream step wrote an artifact to register' };
  return { ok: false, error: name ? `Several upstream steps wrote "${name}": ${found.map((a) => a.fromNode).join(', ')}` : `Name the model artifact: the upstream steps wrote ${found.map((a) => a.name).join(', ')}` };
}
