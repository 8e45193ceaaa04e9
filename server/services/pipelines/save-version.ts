import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { pipelines, pipelineVersions, user } from '../../../drizzle/schema';
import { diffSpecs } from '../../../workflows/dsl/spec-diff';
import { canonicalJson, compileSpec, NODE_CATALOG, type TPipelineSpec, type TResolvedSubpipelines } from '../../../workflows/dsl';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { poolCatalog } from '../pools/pool-catalog';
import { secretProblems } from '../secrets/secret-problems';
import { findPipeline } from './get-pipeline';

export const planHash = (plan: unknown) => createHash('sha256').update(canonicalJson(plan)).digest('hex');

/**
 * Validates and compiles the spec, then stores an immutable version numbered after the last one.
 * An invalid spec is refused with every problem per node and nothing is stored.
 */
export async function saveVersion(
  db: TDatabase,
  params: {
    projectId: string;
    pipelineId: string;
    spec: TPipelineSpec;
    message: string;
    userId: string;
    /** the version the editor started from (0: none yet); another saved since is a conflict. Left out: no check (API clients that mean to overwrite). */
    baseVersion?: number;
  },
) {
  const compiled = compileSpec(params.spec, await resolveSubpipelines(db, params), await poolCatalog(db));
  const problems = compiled.ok ? await secretProblems(db, params.projectId, params.spec) : compiled.problems;
  if (!compiled.ok || problems.length > 0) {
    throw new AppError('BAD_REQUEST', `The pipeline has ${problems.length} problem(s)`, { problems });
  }
  return db.transaction(async (tx) => {
    const pipeline = await findPipeline(tx, params.projectId, params.pipelineId);
    if (pipeline.archivedAt) throw new AppError('CONFLICT', 'The pipeline is archived: restore it before saving a version');
    // lock the pipeline row so two saves cannot take the same number
    await tx.execute(sql`select 1 from ${pipelines} where ${pipelines.id} = ${params.pipelineId} for update`);
    const [last] = await tx
      .select({ number: pipelineVersions.number, spec: pipelineVersions.spec, createdAt: pipelineVersions.createdAt, createdByName: user.name })
      .from(pipelineVersions)
      .leftJoin(user, eq(user.id, pipelineVersions.createdBy))
      .where(eq(pipelineVersions.pipelineId, params.pipelineId))
      .orderBy(desc(pipelineVersions.number))
      .limit(1);
    if (params.baseVersion !== undefined && (last?.number ?? 0) !== params.baseVersion) {
      // optimistic concurrency: never a silent overwrite of a colleague's version
      const who = last?.createdByName ?? 'someone';
      throw new AppError('CONFLICT', `Version ${last!.number} was saved by ${who} after you started from ${params.baseVersion ? `version ${params.baseVersion}` : 'an unsaved pipeline'}: review what changed, then save again`, {
        conflict: { number: last!.number, createdByName: who, createdAt: last!.createdAt.toISOString(), diff: diffSpecs(last!.spec, params.spec) },
      });
    }
    if (last && canonicalJson(last.spec) === canonicalJson(params.spec)) throw new AppError('BAD_REQUEST', `Nothing changed since version ${last.number}`);
    const number = (last?.number ?? 0) + 1;
    const [version] = await tx
      .insert(pipelineVersions)
      .values({
        pipelineId: params.pipelineId,
        number,
        message: params.message,
        spec: params.spec,
        plan: compiled.plan,
        planHash: planHash(compiled.plan),
        createdBy: params.userId,
      })
      .returning({ id: pipelineVersions.id });
    await tx.update(pipelines).set({ draft: params.spec }).where(eq(pipelines.id, params.pipelineId));
    await recordAudit(tx, {
      projectId: params.projectId,
      actor: params.userId,
      action: 'pipeline.save_version',
      targetType: 'pipeline_version',
      targetId: version!.id,
      details: { pipelineId: params.pipelineId, number },
    });
    return { versionId: version!.id, number };
  });
}

/**
 * Looks up the saved versions that sub-pipeline nodes refer to (same project only; never the
 * pipeline itself). Their plans are embedded in this version's plan, so it stays immutable.
 */
async function resolveSubpipelines(db: TDatabase, params: { projectId: string; pipelineId: string; spec: TPipelineSpec }): Promise<TResolvedSubpipelines> {
  const resolved: TResolvedSubpipelines = {};
  for (const node of params.spec.nodes) {
    if (node.kind !== 'subpipeline') continue;
    const config = NODE_CATALOG.subpipeline.configSchema.safeParse(node.config);
    if (!config.success || config.data.pipelineId === params.pipelineId) continue; // reported by compile
    const [version] = await db
      .select({ id: pipelineVersions.id, plan: pipelineVersions.plan })
      .from(pipelineVersions)
      .innerJoin(pipelines, eq(pipelines.id, pipelineVersions.pipelineId))
      .where(and(eq(pipelines.id, config.data.pipelineId), eq(pipelines.projectId, params.projectId), eq(pipelineVersions.number, config.data.versionNumber)));
    if (version) resolved[node.id] = { versionId: version.id, plan: version.plan };
  }
  return resolved;
}
