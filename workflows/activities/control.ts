import { ApplicationFailure } from '@temporalio/activity';
import type { TDatabase } from '../../server/db/client';
import { createApproval } from '../../server/services/approvals/create-approval';
import { expireApproval } from '../../server/services/approvals/expire-approval';
import { beginRun, RunRowMissingError } from '../../server/services/runs/begin-run';
import { finishRun } from '../../server/services/runs/finish-run';
import { recordStepAttempts } from '../../server/services/runs/record-step-attempts';
import { recordStepStatus } from '../../server/services/runs/record-step-status';
import type { TPipelineRunInput, TStepAttemptEvent } from '../definitions/messages';
import type { TStepStatus } from '../dsl';

/** Control activities: the only code a run uses to write Postgres. Each one is idempotent. */
export function createControlActivities(deps: { db: TDatabase }) {
  const { db } = deps;
  return {
    async beginRun(input: TPipelineRunInput & { workflowId: string }) {
      try {
        return await beginRun(db, input);
      } catch (error) {
        // a run whose row never committed (web's request failed after starting it) must stop, not retry forever
        if (error instanceof RunRowMissingError) throw ApplicationFailure.nonRetryable(error.message, 'RunRowMissing');
        throw error;
      }
    },
    recordStepAttempts: (params: { runId: string; events: TStepAttemptEvent[] }) => recordStepAttempts(db, params.runId, params.events),
    recordStepStatus: (params: { runId: string; nodeId: string; status: TStepStatus; error?: string }) => recordStepStatus(db, params),
    createApproval: (params: Parameters<typeof createApproval>[1]) => createApproval(db, params),
    expireApproval: (params: { approvalId: string }) => expireApproval(db, params.approvalId),
    finishRun: (params: Parameters<typeof finishRun>[1]) => finishRun(db, params),
  };
}
