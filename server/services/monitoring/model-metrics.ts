import { and, eq, sql } from 'drizzle-orm';
import { modelAliases, modelVersions, registeredModels } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { metricPoints, type TMetricRow } from './model-metric-points';

/** the most evaluations a page charts (the newest) */
export const MAX_METRIC_POINTS = 500;

/**
 * A model's metrics over time, from the tracking store: the latest metrics of the finished
 * Evaluate and Compare-with-production steps of the Weft runs that used the model, one point per
 * step's tracking run at its end. A run used the model when it registered one of its versions (the
 * point is that version's evaluation) or when a step of its plan names the model (`modelName`:
 * a Compare with production against its champion, a Batch predict, a Drift check). Also says which
 * version is the champion now. Read through the tracking runs' (Weft run, node) index.
 */
export async function modelMetrics(db: TDbOrTx, params: { projectId: string; name: string }) {
  const [model] = await db
    .select({ id: registeredModels.id })
    .from(registeredModels)
    .where(and(eq(registeredModels.projectId, params.projectId), eq(registeredModels.name, params.name)));
  const modelId = model?.id ?? null;
  const rows = await db.execute<TMetricRow>(sql`
    with used as (
      select r.id, r.version_id from runs r
      where r.project_id = ${params.projectId}
        and (exists (select 1 from model_versions mv where mv.model_id = ${modelId} and mv.weft_run_id = r.id)
          or exists (select 1 from pipeline_versions pv, jsonb_array_elements(pv.plan->'steps') o
                     where pv.id = r.version_id and ${params.name} in (o->'config'->'params'->>'modelName', o->'config'->>'modelName')))
    )
    select tr.weft_run_id as "runId", tr.weft_node_id as "nodeId", s->>'kind' as kind,
      coalesce(tr.end_time, tr.start_time) as at,
      (select max(mv.version) from model_versions mv where mv.model_id = ${modelId} and mv.weft_run_id = u.id) as version,
      jsonb_object_agg(lm.key, lm.value) as metrics
    from used u
    join pipeline_versions v on v.id = u.version_id
    cross join jsonb_array_elements(v.plan->'steps') s
    join tracking_runs tr on tr.weft_run_id = u.id and tr.weft_node_id = s->>'nodeId' and tr.status = 'FINISHED'
    join tracking_latest_metrics lm on lm.run_uuid = tr.run_uuid
    where s->>'kind' in ('evaluate_model', 'compare_production')
    group by tr.run_uuid, tr.weft_run_id, tr.weft_node_id, s->>'kind', u.id
    order by at desc
    limit ${MAX_METRIC_POINTS}`);
  const [champion] = modelId
    ? await db
        .select({ version: modelVersions.version })
        .from(modelAliases)
        .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
        .where(and(eq(modelAliases.modelId, modelId), eq(modelAliases.alias, 'champion')))
    : [];
  return { points: metricPoints(rows.rows.reverse()), championVersion: champion?.version ?? null };
}
