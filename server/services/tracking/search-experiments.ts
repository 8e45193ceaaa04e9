import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { memberships, projects, trackingExperiments } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { experimentJson } from './experiment-json';
import { experimentTags } from './experiment-tags';
import type { ZSearchExperimentsSchema } from './requests';
import { EXPERIMENT_TARGET } from './search/experiment-target';
import { parseFilter, parseOrderBy } from './search/filter-parser';
import { decodePageToken, encodePageToken } from './search/page-token';
import { filterSql, orderSql } from './search/search-sql';
import { lifecycleCondition } from './lifecycle';
import { requireTrackingAccess, type TTrackingCaller } from './tracking-access';

/**
 * experiments/search: the experiments of the token's project, or (a browser session) of every
 * project the user is a member of, filtered and sorted with MLflow's syntax, paged.
 */
export async function searchExperiments(db: TDbOrTx, caller: TTrackingCaller, body: z.infer<typeof ZSearchExperimentsSchema>) {
  const where = filterSql(EXPERIMENT_TARGET, parseFilter(body.filter));
  const order = orderSql(EXPERIMENT_TARGET, body.order_by.map(parseOrderBy));
  const offset = decodePageToken(body.page_token);
  let scope;
  if (caller.projectId) {
    await requireTrackingAccess(db, caller, caller.projectId, 'read', 'Project');
    scope = eq(trackingExperiments.projectId, caller.projectId);
  } else {
    const mine = db.select({ id: memberships.projectId }).from(memberships).innerJoin(projects, eq(projects.id, memberships.projectId)).where(eq(memberships.userId, caller.userId));
    scope = inArray(trackingExperiments.projectId, mine);
  }
  const rows = await db
    .select()
    .from(trackingExperiments)
    .where(and(scope, lifecycleCondition(trackingExperiments.lifecycleStage, body.view_type), where))
    .orderBy(...order, desc(trackingExperiments.creationTime), asc(trackingExperiments.id))
    .limit(body.max_results + 1)
    .offset(offset);
  const page = rows.slice(0, body.max_results);
  const tags = await experimentTags(db, page.map((r) => r.id));
  return {
    experiments: page.map((row) => experimentJson(row, tags.get(row.id) ?? [])),
    ...(rows.length > body.max_results ? { next_page_token: encodePageToken(offset + body.max_results) } : {}),
  };
}

