import { eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { TViewType } from './requests';

/** MLflow's view types: active (default), deleted, or all. */
export function lifecycleCondition(column: AnyPgColumn, view: TViewType): SQL {
  if (view === 'ALL') return sql`true`;
  return eq(column, view === 'ACTIVE_ONLY' ? 'active' : 'deleted');
}
