import { syntaxError, tokenize, type TToken } from './filter-tokens';

/** What a clause is about: MLflow's identifier prefixes, normalised. */
export type TEntity = 'metric' | 'param' | 'tag' | 'attribute' | 'dataset';
export type TComparator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'ILIKE' | 'IN' | 'NOT IN' | 'IS NULL' | 'IS NOT NULL';
export type TComparison = { entity: TEntity; key: string; comparator: TComparator; value: string | number | string[] | null };
export type TOrderBy = { entity: TEntity; key: string; ascending: boolean };

const ENTITIES: Record<string, TEntity> = {
  metric: 'metric',
  metrics: 'metric',
  param: 'param',
  params: 'param',
  parameter: 'param',
  parameters: 'param',
  tag: 'tag',
  tags: 'tag',
  attribute: 'attribute',
  attributes: 'attribute',
  attr: 'attribute',
  run: 'attribute',
  dataset: 'dataset',
  datasets: 'dataset',
};

/** An identifier's entity; an unprefixed name (`status`) is an attribute, as MLflow's UI writes them. */
function entityOf(token: Extract<TToken, { kind: 'ident' }>): TEntity {
  if (token.entity === null) return 'attribute';
  const entity = ENTITIES[token.entity];
  if (!entity) throw syntaxError(`unknown prefix "${token.entity}" (use metrics., params., tags., attributes. or datasets.)`, token.at);
  return entity;
}

/**
 * Parses MLflow's filter syntax: comparisons joined by AND (MLflow has no OR), e.g.
 * `metrics.acc > 0.9 and params.model = 'rf' and tags.x != 'y' and attributes.status = 'FINISHED'`.
 * An empty filter is no comparison. Throws BAD_REQUEST naming the position.
 */
export function parseFilter(text: string): TComparison[] {
  const tokens = tokenize(text);
  let i = 0;
  const end = text.length;
  const peek = () => tokens[i];
  const next = (what: string): TToken => {
    const token = tokens[i++];
    if (!token) throw syntaxError(`expected ${what}, found the end`, end);
    return token;
  };
  const isWord = (token: TToken | undefined, word: string) => token?.kind === 'word' && token.value === word;
  const literal = (): string | number => {
    const token = next('a quoted string or a number');
    if (token.kind === 'string' || token.kind === 'number') return token.value;
    throw syntaxError('expected a quoted string or a number', token.at);
  };

  const comparisons: TComparison[] = [];
  if (tokens.length === 0) return comparisons;
  for (;;) {
    const ident = next('an identifier');
    if (ident.kind !== 'ident') throw syntaxError('expected an identifier such as metrics.acc or params.model', ident.at);
    const entity = entityOf(ident);
    const op = next('a comparator');
    if (op.kind === 'op') {
      comparisons.push({ entity, key: ident.key, comparator: op.value, value: literal() });
    } else if (isWord(op, 'LIKE') || isWord(op, 'ILIKE')) {
      comparisons.push({ entity, key: ident.key, comparator: op.kind === 'word' && op.value === 'LIKE' ? 'LIKE' : 'ILIKE', value: literal() });
    } else if (isWord(op, 'IN') || (isWord(op, 'NOT') && isWord(peek(), 'IN'))) {
      if (isWord(op, 'NOT')) i++;
      comparisons.push({ entity, key: ident.key, comparator: isWord(op, 'NOT') ? 'NOT IN' : 'IN', value: list() });
    } else if (isWord(op, 'IS')) {
      const negated = isWord(peek(), 'NOT');
      if (negated) i++;
      const nul = next('NULL');
      if (!isWord(nul, 'NULL')) throw syntaxError('expected NULL', nul.at);
      comparisons.push({ entity, key: ident.key, comparator: negated ? 'IS NOT NULL' : 'IS NULL', value: null });
    } else {
      throw syntaxError('expected a comparator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN, IS NULL)', op.at);
    }
    const joint = peek();
    if (!joint) return comparisons;
    if (isWord(joint, 'OR')) throw syntaxError('MLflow search joins conditions with AND only', joint.at);
    if (!isWord(joint, 'AND')) throw syntaxError('expected AND between conditions', joint.at);
    i++;
  }

  function list(): string[] {
    const open = next('(');
    if (open.kind !== 'punct' || open.value !== '(') throw syntaxError('expected ( after IN', open.at);
    const values: string[] = [];
    for (;;) {
      const item = next('a quoted string');
      if (item.kind !== 'string') throw syntaxError('IN lists hold quoted strings', item.at);
      values.push(item.value);
      const sep = next(', or )');
      if (sep.kind === 'punct' && sep.value === ')') return values;
      if (sep.kind !== 'punct' || sep.value !== ',') throw syntaxError('expected , or )', sep.at);
    }
  }
}

/** Parses one order_by clause: `metrics.acc DESC`, `attributes.start_time`, `params.model ASC`. */
export function parseOrderBy(text: string): TOrderBy {
  const tokens = tokenize(text);
  const [ident, direction, extra] = tokens;
  if (!ident || ident.kind !== 'ident') throw syntaxError('expected an identifier such as metrics.acc', ident?.at ?? 0);
  if (direction && !(direction.kind === 'word' && (direction.value === 'ASC' || direction.value === 'DESC'))) throw syntaxError('expected ASC or DESC', direction.at);
  if (extra) throw syntaxError('an order_by clause is one identifier and ASC or DESC', extra.at);
  return { entity: entityOf(ident), key: ident.key, ascending: direction?.kind !== 'word' || direction.value === 'ASC' };
}
