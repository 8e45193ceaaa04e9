import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { trackingLoggedModels } from '../../../../drizzle/schema';
import type { TDatabase } from '../../../db/client';
import { AppError } from '../../../errors';
import { findExperiment } from '../find-experiment';
import type { TTrackingCaller } from '../tracking-access';
import { loggedModelJson } from './logged-model-json';
import type { ZSearchLoggedModelsSchema } from './requests';

// The one filter the client itself sends (runs:/<run>/<name> resolves a run's model by name); more of
// MLflow's logged-model filter syntax comes with the registry's UI.
const BY_NAME = /^\s*name\s*=\s*'((?:[^'\\]|\\.)*)'\s*$/;

/** logged-models/search: an experiment's logged models, newest first, optionally by name; paged by offset. */
export async function searchLoggedModels(db: TDatabase, caller: TTrackingCaller, body: z.infer<typeof ZSearchLoggedModelsSchema>) {
  const experiments = await Promise.all(body.experiment_ids.map((id) => findExperiment(db, caller, id, 'read')));
  const byName = body.filter ? BY_NAME.exec(body.filter) : null;
  if (body.filter && !byName) throw new AppError('BAD_REQUEST', "filter: Weft supports only name = '<name>' for logged models");
  const offset = body.page_token ? Number(body.page_token) : 0;
  const m = trackingLoggedModels;
  const rows = await db
    .select()
    .from(m)
    .where(and(inArray(m.experimentId, experiments.map((e) => e.id)), byName ? eq(m.name, byName[1]!.replace(/\\(.)/g, '$1')) : undefined))
    .orderBy(desc(m.creationTime), m.modelId)
    .limit(body.max_results + 1)
    .offset(offset);
  const more = rows.length > body.max_results;
  return { models: rows.slice(0, body.max_results).map(loggedModelJson), ...(more ? { next_page_token: String(offset + body.max_results) } : {}) };
}
