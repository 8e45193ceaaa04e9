import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../../../errors';
import type { TComparator, TComparison, TEntity, TOrderBy } from './filter-parser';

// Compiles parsed filters and order_by clauses into parameterized SQL: values are always bound
// parameters; only comparators from a closed list and column references are written into the text.

export type TAttribute = { column: AnyPgColumn | SQL; type: 'string' | 'number' };

/** How one searchable entity (runs, experiments) maps MLflow's identifiers to SQL. */
export type TSearchTarget = {
  what: string;
  attributes: Record<string, TAttribute>;
  /** the key/value tables of the other prefixes, each as an EXISTS over the row: (key, compare) → condition */
  related: Partial<Record<Exclude<TEntity, 'attribute'>, { type: 'string' | 'number'; keys?: readonly string[]; exists: (key: string, compare: (value: AnyPgColumn | SQL) => SQL) => SQL; value?: (key: string) => SQL }>>;
};

const invalid = (message: string) => new AppError('BAD_REQUEST', message);
const OPS: Record<'string' | 'number', ReadonlySet<TComparator>> = {
  string: new Set(['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN']),
  number: new Set(['=', '!=', '<', '<=', '>', '>=']),
};

function comparison(left: AnyPgColumn | SQL, type: 'string' | 'number', c: TComparison, name: string): SQL {
  if (!OPS[type].has(c.comparator)) throw invalid(`${name}: ${c.comparator} does not apply to a ${type} (use ${[...OPS[type]].join(', ')})`);
  if (c.comparator === 'IN' || c.comparator === 'NOT IN') {
    const values = c.value as string[];
    return sql`${left} ${sql.raw(c.comparator)} (${sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    )})`;
  }
  if (type === 'number' && typeof c.value !== 'number') throw invalid(`${name}: compare it with a number, not a string`);
  if (type === 'string' && typeof c.value !== 'string') throw invalid(`${name}: compare it with a quoted string`);
  return sql`${left} ${sql.raw(c.comparator)} ${c.value}`;
}

/** One condition per comparison, all joined by AND (true for none). */
export function filterSql(target: TSearchTarget, comparisons: TComparison[]): SQL {
  const parts = comparisons.map((c) => {
    const name = `${c.entity === 'attribute' ? 'attributes' : `${c.entity}s`}.${c.key}`;
    if (c.entity === 'attribute') {
      const attribute = target.attributes[c.key];
      if (!attribute) throw invalid(`${name}: ${target.what} have no such attribute (searchable: ${Object.keys(target.attributes).join(', ')})`);
      if (c.comparator === 'IS NULL' || c.comparator === 'IS NOT NULL') return sql`${attribute.column} ${sql.raw(c.comparator)}`;
      return comparison(attribute.column, attribute.type, c, name);
    }
    const related = target.related[c.entity];
    if (!related) throw invalid(`${name}: ${target.what} cannot be searched by ${c.entity}s`);
    if (related.keys && !related.keys.includes(c.key)) throw invalid(`${name}: searchable ${c.entity} fields are ${related.keys.join(', ')}`);
    if (c.comparator === 'IS NULL') return sql`not ${related.exists(c.key, () => sql`true`)}`;
    if (c.comparator === 'IS NOT NULL') return related.exists(c.key, () => sql`true`);
    return related.exists(c.key, (value) => comparison(value, related.type, c, name));
  });
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/** ORDER BY terms: rows without the value sort last in either direction (as MLflow does). */
export function orderSql(target: TSearchTarget, clauses: TOrderBy[]): SQL[] {
  return clauses.flatMap((clause) => {
    const name = `${clause.entity === 'attribute' ? 'attributes' : `${clause.entity}s`}.${clause.key}`;
    let value: AnyPgColumn | SQL;
    if (clause.entity === 'attribute') {
      const attribute = target.attributes[clause.key];
      if (!attribute) throw invalid(`order_by ${name}: ${target.what} have no such attribute (sortable: ${Object.keys(target.attributes).join(', ')})`);
      value = attribute.column;
    } else {
      const related = target.related[clause.entity]?.value;
      if (!related) throw invalid(`order_by ${name}: ${target.what} cannot be sorted by ${clause.entity}s`);
      value = related(clause.key);
    }
    return [sql`(${value}) is null`, sql`(${value}) ${sql.raw(clause.ascending ? 'asc' : 'desc')}`];
  });
}
