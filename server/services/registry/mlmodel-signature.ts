// Pure: a model's signature from its MLmodel file (YAML written by MLflow with PyYAML). Only the
// shape MLflow writes is read: `signature:` with `inputs`/`outputs` as single-quoted JSON strings,
// which PyYAML folds over several lines. No YAML library is a dependency of ours for this one key.

export type TSignatureColumn = { name: string | null; type: string };
export type TModelSignature = { inputs: TSignatureColumn[]; outputs: TSignatureColumn[] };

/** The value of a single-quoted YAML scalar that starts at `text[0]` (a quote), folded lines joined by one space. */
function singleQuoted(text: string): string | null {
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'") {
      if (text[i + 1] === "'") {
        value += "'";
        i++;
        continue;
      }
      return value;
    }
    if (c === '\n') {
      value = value.replace(/[ \t]+$/, '') + ' ';
      while (text[i + 1] === ' ' || text[i + 1] === '\t') i++;
      continue;
    }
    value += c;
  }
  return null;
}

/** A column of MLflow's schema JSON: a named column (`type`), or a tensor (`tensor-spec`). */
function columns(json: string | null): TSignatureColumn[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return parsed.map((c: { name?: unknown; type?: unknown; 'tensor-spec'?: { dtype?: unknown; shape?: unknown } }) => {
      const tensor = c['tensor-spec'];
      const type = tensor ? `tensor ${String(tensor.dtype)} ${JSON.stringify(tensor.shape)}` : String(c.type ?? 'unknown');
      return { name: typeof c.name === 'string' ? c.name : null, type };
    });
  } catch {
    return [];
  }
}

/** The signature in an MLmodel file, or null when it has none. */
export function mlmodelSignature(yaml: string): TModelSignature | null {
  const start = yaml.search(/^signature:[ \t]*$/m);
  if (start < 0) return null;
  const block = yaml.slice(start).split('\n').slice(1);
  // the block ends at the next top-level key
  const end = block.findIndex((line) => /^\S/.test(line));
  const body = (end < 0 ? block : block.slice(0, end)).join('\n');
  const field = (key: string) => {
    const at = body.search(new RegExp(`^  ${key}: '`, 'm'));
    return at < 0 ? null : singleQuoted(body.slice(body.indexOf("'", at)));
  };
  const signature = { inputs: columns(field('inputs')), outputs: columns(field('outputs')) };
  return signature.inputs.length || signature.outputs.length ? signature : null;
}
