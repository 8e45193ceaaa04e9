import { and, desc, eq, sql } from 'drizzle-orm';
import { approvals, modelVersions, runs } from '../../../drizzle/schema';
import type { TOpenPromotion } from '../../../workflows/contract/activities';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { findProjectModel } from './find-project-version';
import { requestAlias } from './request-alias';

/**
 * A "Promote model" step asks for an alias by the registry's one rule (requestAlias), on behalf of
 * its run's requester as Postgres holds it (never the workflow's word), so they may not approve it.
 * Idempotent: the promotion this run and node opened before is the answer to a retried activity.
 * Version 0 is the newest version this run registered.
 */
export async function openStepPromotion(db: TDatabase, p: TOpenPromotion) {
  const model = await findProjectModel(db, { projectId: p.projectId, name: p.modelName });
  const [version] = await db
    .select()
    .from(modelVersions)
    .where(and(eq(modelVersions.modelId, model.id), p.version ? eq(modelVersions.version, p.version) : eq(modelVersions.weftRunId, p.runId)))
    .orderBy(desc(modelVersions.version))
    .limit(1);
  if (!version) throw new AppError('NOT_FOUND', p.version ? `Model "${p.modelName}" has no version ${p.version}` : `This run registered no version of "${p.modelName}" (add a "Register model" step before, or name the version)`);
  return db.transaction(async (tx) => {
    const [mine] = await tx.select({ id: approvals.id }).from(approvals).where(and(eq(approvals.runId, p.runId), eq(approvals.nodeId, p.nodeId)));
    if (mine) return { status: 'pending' as const, approvalId: mine.id, version: version.version };
    const outcome = await requestAlias(tx, {
      model,
      version,
      alias: p.alias,
      actor: 'system:pipeline',
      requestedBy: sql`(select ${runs.startedBy} from ${runs} where ${runs.id} = ${p.runId})`,
      expiresAt: new Date(Date.now() + p.timeoutHours * 3_600_000),
      step: { runId: p.runId, nodeId: p.nodeId },
    });
    if (outcome.status === 'conflict') throw new AppError('CONFLICT', `A promotion of ${model.name} version ${version.version} to "${p.alias}" already waits (approval ${outcome.approvalId}): decide it in Approvals first`);
    if (outcome.status === 'set') return { status: 'set' as const, version: version.version };
    return { status: 'pending' as const, approvalId: outcome.approvalId, version: version.version };
  });
}
