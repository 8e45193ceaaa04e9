import { and, desc, eq, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { approvals, modelVersions, pipelines, pipelineVersions, registeredModels, runs, schedules, user } from '../../../drizzle/schema';
import { isOpenRun } from '../../../workflows/dsl';
import type { TDatabase } from '../../db/client';
import { roleRank, type TRole } from '../access/roles';
import { gateEvidence, type TStepEvidence } from './gate-evidence';

const requester = alias(user, 'requester');
const decider = alias(user, 'decider');

/** The inbox (run gates and model promotions): `canDecide` applies the same rules as decideApproval, so the UI shows what the server allows. */
export async function listApprovals(db: TDatabase, params: { projectId: string; status: 'pending' | 'decided'; userId: string; role: TRole }, opts: { evidence?: boolean } = {}) {
  const rows = await db
    .select({
      id: approvals.id,
      kind: approvals.kind,
      status: approvals.status,
      runId: approvals.runId,
      nodeId: approvals.nodeId,
      pipelineId: pipelines.id,
      pipelineName: pipelines.name,
      versionNumber: pipelineVersions.number,
      /** a scheduled run's approval says so: its requester is the schedule's creator or who ran it now */
      trigger: runs.trigger,
      scheduleName: schedules.name,
      instructions: approvals.instructions,
      /** a promotion's model, version, alias and evidence */
      modelName: registeredModels.name,
      modelVersion: modelVersions.version,
      alias: approvals.alias,
      evidence: approvals.evidence,
      requestedBy: approvals.requestedBy,
      runStatus: runs.status,
      requestedByName: requester.name,
      requestedByEmail: requester.email,
      decidedByName: decider.name,
      comment: approvals.comment,
      createdAt: approvals.createdAt,
      decidedAt: approvals.decidedAt,
    })
    .from(approvals)
    .leftJoin(runs, eq(runs.id, approvals.runId))
    .leftJoin(pipelines, eq(pipelines.id, runs.pipelineId))
    .leftJoin(pipelineVersions, eq(pipelineVersions.id, runs.versionId))
    .leftJoin(modelVersions, eq(modelVersions.id, approvals.modelVersionId))
    .leftJoin(registeredModels, eq(registeredModels.id, modelVersions.modelId))
    .leftJoin(schedules, eq(schedules.id, runs.scheduleId))
    .leftJoin(requester, eq(requester.id, approvals.requestedBy))
    .leftJoin(decider, eq(decider.id, approvals.decidedBy))
    .where(and(eq(approvals.projectId, params.projectId), params.status === 'pending' ? eq(approvals.status, 'pending') : ne(approvals.status, 'pending')))
    .orderBy(desc(approvals.createdAt))
    .limit(200);
  const mayApprove = roleRank(params.role) >= roleRank('approver');
  const gates = rows.flatMap((r) => (r.kind === 'run_gate' && r.runId && r.nodeId ? [{ id: r.id, runId: r.runId, nodeId: r.nodeId }] : []));
  const evidenceOf = opts.evidence === false ? new Map<string, TStepEvidence[]>() : await gateEvidence(db, gates);
  return rows.map(({ requestedBy, runStatus, ...row }) => ({
    ...row,
    gateEvidence: evidenceOf.get(row.id) ?? [],
    // (a promotion a pipeline's step asked for closes with its run, as a gate does)
    canDecide: row.status === 'pending' && (row.kind === 'model_promotion' && row.runId === null ? true : runStatus !== null && isOpenRun(runStatus)) && mayApprove && requestedBy !== params.userId,
  }));
}

/** The nav's badge: how many pending approvals this user may decide (no evidence read). */
export async function countDecidable(db: TDatabase, params: { projectId: string; userId: string; role: TRole }): Promise<number> {
  const pending = await listApprovals(db, { ...params, status: 'pending' }, { evidence: false });
  return pending.filter((a) => a.canDecide).length;
}
