import { eq } from 'drizzle-orm';
import { runs } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';

export async function finishRun(db: TDatabase, params: { runId: string; status: 'succeeded' | 'failed' | 'cancelled'; error?: string }) {
  await db
    .update(runs)
    .set({ status: params.status, error: params.error ?? null, endedAt: new Date() })
    .where(eq(runs.id, params.runId));
}
