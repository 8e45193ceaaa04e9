import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { pipelines, pipelineVersions } from '../../../drizzle/schema';
import { canonicalJson, compileSpec, type TPipelineSpec } from '../../../workflows/dsl';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { findPipeline } from './get-pipeline';

export const planHash = (plan: unknown) => createHash('sha256').update(canonicalJson(plan)).digest('hex');

/**
 * Validates and compiles the spec, then stores an immutable version numbered after the last one.
 * An invalid spec is refused with every problem per node and nothing is stored.
 */
export async function saveVersion(
  db: TDatabase,
  params: { projectId: string; pipelineId: string; spec: TPipelineSpec; message: string; userId: string },
) {
  const compiled = compileSpec(params.spec);
  if (!compiled.ok) {
    throw new AppError('BAD_REQUEST', `The pipeline has ${compiled.problems.length} problem(s)`, { problems: compiled.problems });
  }
  return db.transaction(async (tx) => {
    await findPipeline(tx, params.projectId, params.pipelineId);
    // lock the pipeline row so two saves cannot take the same number
    await tx.execute(sql`select 1 from ${pipelines} where ${pipelines.id} = ${params.pipelineId} for update`);
    const [last] = await tx
      .select({ number: sql<number>`coalesce(max(${pipelineVersions.number}), 0)` })
      .from(pipelineVersions)
      .where(eq(pipelineVersions.pipelineId, params.pipelineId));
    const number = Number(last?.number ?? 0) + 1;
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
