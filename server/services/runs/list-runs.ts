import { and, desc, eq } from 'drizzle-orm';
import { pipelineVersions, runs, schedules, user } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';

export async function listRuns(db: TDatabase, params: { projectId: string; pipelineId: string; limit?: number }) {
  return db
    .select({
      id: runs.id,
      status: runs.status,
      trigger: runs.trigger,
      versionNumber: pipelineVersions.number,
      startedByName: user.name,
      scheduleName: schedules.name,
      createdAt: runs.createdAt,
      endedAt: runs.endedAt,
      error: runs.error,
    })
    .from(runs)
    .innerJoin(pipelineVersions, eq(pipelineVersions.id, runs.versionId))
    .leftJoin(user, eq(user.id, runs.startedBy))
    .leftJoin(schedules, eq(schedules.id, runs.scheduleId))
    .where(and(eq(runs.projectId, params.projectId), eq(runs.pipelineId, params.pipelineId)))
    .orderBy(desc(runs.createdAt))
    .limit(params.limit ?? 50);
}
