import { nodeKindDefinition } from './catalog';
import { configForm } from './config-form';
import { tokenize, type TToken } from './expression/tokenize';
import type { TPipelineNode } from './spec';

/** A node id an expression can write after `steps.`: an identifier; other ids need `steps["my-id"]`. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What a reference starts with: a step (`steps.train…`) or a pipeline parameter (`params.epochs`). */
export type TReferenceRoot = 'steps' | 'params';

/**
 * The expression with every `steps.<old>` and `steps["<old>"]` (or `params.…`, as `root` says)
 * renamed as `renames` says, the rest of the text (spacing, comments of layout) untouched. Text that
 * does not tokenize is returned as is: it references nothing the editor could follow. A rename to
 * an id that is not an identifier writes the index form, so the result still parses.
 */
export function renameExpressionReferences(source: string, renames: ReadonlyMap<string, string>, root: TReferenceRoot = 'steps'): string {
  let tokens: TToken[];
  try {
    tokens = tokenize(source);
  } catch {
    return source;
  }
  const replacements: { start: number; end: number; text: string }[] = [];
  tokens.forEach((token, i) => {
    if (token.kind !== 'name' || token.text !== root || isSymbol(tokens[i - 1], '.')) return;
    const opener = tokens[i + 1];
    const target = tokens[i + 2];
    if (isSymbol(opener, '.') && target?.kind === 'name' && renames.has(target.text)) {
      const next = renames.get(target.text)!;
      if (NAME.test(next)) replacements.push({ start: target.position, end: target.position + target.text.length, text: next });
      else replacements.push({ start: opener!.position, end: target.position + target.text.length, text: `[${JSON.stringify(next)}]` });
    } else if (isSymbol(opener, '[') && target?.kind === 'string' && renames.has(target.value) && isSymbol(tokens[i + 3], ']')) {
      replacements.push({ start: target.position, end: target.position + target.text.length, text: JSON.stringify(renames.get(target.value)!) });
    }
  });
  let out = source;
  for (const r of replacements.reverse()) out = out.slice(0, r.start) + r.text + out.slice(r.end);
  return out;
}

const isSymbol = (token: TToken | undefined, text: string) => token?.kind === 'symbol' && token.text === text;

/**
 * The node with the step (or parameter) references in its expression fields (those its kind's
 * config form shows as expressions: a condition's, a for-each's items) renamed; the same object
 * when nothing changed, so that unchanged nodes keep their identity (memoized canvas nodes).
 */
export function renameNodeReferences(node: TPipelineNode, renames: ReadonlyMap<string, string>, root: TReferenceRoot = 'steps'): TPipelineNode {
  const definition = nodeKindDefinition(node.kind);
  if (!definition || renames.size === 0) return node;
  let config: Record<string, unknown> | undefined;
  for (const field of configForm(definition.configSchema)) {
    const value = node.config[field.key];
    if (field.widget !== 'expression' || typeof value !== 'string') continue;
    const renamed = renameExpressionReferences(value, renames, root);
    if (renamed !== value) config = { ...(config ?? node.config), [field.key]: renamed };
  }
  return config ? { ...node, config } : node;
}
