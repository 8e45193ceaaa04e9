import { sql } from 'drizzle-orm';

/**
 * One column of many rows as a single array parameter, for `unnest(...)`: the statement's text
 * stays the same whatever the number of rows, so building it costs nothing per row (a VALUES list
 * of a parameter per cell made query building a hot spot under load). Cast it in the SQL
 * (`${arrayParam(ids)}::uuid[]`).
 */
export const arrayParam = (values: readonly unknown[]) => sql.param(values);
