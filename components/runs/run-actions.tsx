'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isOpenRun, type TRunStatus } from '@/workflows/dsl';
import { useRetryRun } from '@/hooks/use-retry-run';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';

const RETRYABLE: ReadonlySet<TRunStatus> = new Set(['failed', 'cancelled']);

type TProps = { projectId: string; runId: string; status: TRunStatus };

/** Cancel (while the run is live) or retry from failure (once it failed or was cancelled); editors only, the caller checks. */
export function RunActions({ projectId, runId, status }: TProps) {
  if (isOpenRun(status)) return <CancelRun projectId={projectId} runId={runId} />;
  if (RETRYABLE.has(status)) return <RetryRun projectId={projectId} runId={runId} />;
  return null;
}

/** Asks once more before cancelling; the run turns cancelled when the workflow has stopped its steps, so the button waits for that. */
function CancelRun({ projectId, runId }: { projectId: string; runId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation(
    trpc.runs.cancel.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        void queryClient.invalidateQueries({ queryKey: trpc.runs.get.queryKey({ projectId, runId }) });
        void queryClient.invalidateQueries({ queryKey: trpc.runs.list.queryKey() });
      },
    }),
  );
  const requested = cancel.isPending || cancel.isSuccess;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {confirming ? (
        <>
          <span className="text-sm text-slate-700">Cancel this run? Running steps are stopped.</span>
          <Button variant="danger" disabled={requested} onClick={() => cancel.mutate({ projectId, runId })} data-testid="cancel-run-confirm">
            Yes, cancel run
          </Button>
          <Button variant="ghost" disabled={requested} onClick={() => setConfirming(false)}>
            Keep running
          </Button>
        </>
      ) : (
        <Button disabled={requested} onClick={() => setConfirming(true)} data-testid="cancel-run">
          {requested ? 'Cancelling…' : 'Cancel run'}
        </Button>
      )}
      <ErrorText error={cancel.error} />
    </div>
  );
}

function RetryRun({ projectId, runId }: { projectId: string; runId: string }) {
  const { retryRun, isPending, error } = useRetryRun(projectId);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant="primary"
        disabled={isPending}
        onClick={() => retryRun(runId)}
        title="Start a new run that reuses the outputs of the steps that succeeded and runs the others again"
        data-testid="retry-run"
      >
        {isPending ? 'Retrying…' : 'Retry from failure'}
      </Button>
      <ErrorText error={error} />
    </div>
  );
}
