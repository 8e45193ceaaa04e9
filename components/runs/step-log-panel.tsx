'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { isExecuting, type TStepOrigin, type TStepStatus } from '@/workflows/dsl';
import { useTRPC } from '@/components/providers/trpc';
import { ErrorText } from '@/components/ui/error-text';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatDuration, Time } from '@/components/ui/time';
import { LogViewer } from './log-viewer';

export const LOG_POLL_MS = 1_000;

type TProps = { projectId: string; runId: string; nodeId: string; label: string; status: TStepStatus; origin: TStepOrigin; flag: string | null; stepError: string | null; childRunId?: string };

const ORIGIN_NOTE: Partial<Record<TStepOrigin, string>> = {
  cached: 'From cache: the outputs of an identical earlier execution were used; this run did not execute the step.',
  reused: 'Reused: the step succeeded in the run this one retries, and its outputs were used again.',
};

/** One step's attempts and log; polled every second while the step runs, fetched once more when it ends. */
export function StepLogPanel({ projectId, runId, nodeId, label, status, origin, flag, stepError, childRunId }: TProps) {
  const trpc = useTRPC();
  const active = isExecuting(status);
  const log = useQuery(trpc.runs.stepLog.queryOptions({ projectId, runId, nodeId }, { staleTime: 0, refetchInterval: active ? LOG_POLL_MS : false }));
  const { refetch } = log;
  useEffect(() => {
    void refetch(); // the final log is recorded when the status changes
  }, [status, refetch]);

  const [picked, setPicked] = useState<number | null>(null);
  const attempts = log.data?.attempts ?? [];
  const shown = attempts.find((a) => a.attempt === picked) ?? attempts.at(-1);
  const text = picked === null && log.data?.live != null ? log.data.live : (shown?.log ?? '');
  const cachedFrom = log.data?.cachedFrom ?? null;

  return (
    <div className="flex h-full flex-col" data-testid="step-log-panel">
      <div className="space-y-2 border-b border-slate-100 p-4">
        <div className="flex items-center gap-2">
          <span className="text-sm font-medium">{label}</span>
          {label !== nodeId ? <span className="font-mono text-xs text-slate-400">{nodeId}</span> : null}
          <StatusBadge status={status} />
        </div>
        {status === 'waiting_approval' ? (
          <Link href="/approvals" className="text-sm font-medium text-violet-700 underline">
            Waiting for a decision: open Approvals
          </Link>
        ) : null}
        {childRunId ? (
          <Link href={`/runs/${childRunId}`} className="text-sm font-medium text-violet-700 underline" data-testid="child-run">
            Open the sub-pipeline&apos;s run
          </Link>
        ) : null}
        {ORIGIN_NOTE[origin] ? <p className="text-sm text-sky-800">{ORIGIN_NOTE[origin]}</p> : null}
        {cachedFrom ? (
          <p className="text-sm text-sky-800">
            The log below is that execution&apos;s:{' '}
            <Link href={`/runs/${cachedFrom.runId}?step=${encodeURIComponent(cachedFrom.nodeId)}`} className="font-medium underline" data-testid="cached-from">
              run {cachedFrom.runId.slice(0, 8)}
              {cachedFrom.nodeId !== nodeId ? `, step ${cachedFrom.nodeId}` : ''}
            </Link>
          </p>
        ) : null}
        {flag ? <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{flag}</p> : null}
        {stepError ? <p className="text-sm text-red-700">{stepError}</p> : null}
        <ErrorText error={log.error} />
        {attempts.length > 0 ? (
          <ul className="space-y-1 text-xs">
            {attempts.map((a) => (
              <li key={a.attempt}>
                <button
                  type="button"
                  onClick={() => setPicked(a.attempt === attempts.at(-1)?.attempt ? null : a.attempt)}
                  className={`flex w-full flex-wrap items-center gap-2 rounded px-2 py-1 text-left ${a === shown ? 'bg-slate-100' : 'hover:bg-slate-50'}`}
                >
                  <span className="font-medium">Attempt {a.attempt}</span>
                  <StatusBadge status={a.status} />
                  {a.exitCode !== null ? <span className="text-slate-500">exit {a.exitCode}</span> : null}
                  <span className="text-slate-500">{formatDuration(a.startedAt, a.endedAt)}</span>
                  {a.workerIdentity ? <span className="truncate text-slate-400">{a.workerIdentity}</span> : null}
                  {a.gpuDevices?.length ? (
                    <span className="text-emerald-700" data-testid="attempt-gpus">
                      GPU {a.gpuDevices.join(', ')}
                      {a.gpuSeconds !== null ? ` · ${a.gpuSeconds.toFixed(1)} GPU-s` : ''}
                    </span>
                  ) : null}
                  <span className="text-slate-400">
                    <Time value={a.startedAt} />
                  </span>
                  {a.error ? <span className="w-full text-red-700">{a.error}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-xs text-slate-500">{log.isPending ? 'Loading…' : 'No attempts yet.'}</p>
        )}
      </div>
      <LogViewer text={text} live={active} startedAt={shown?.startedAt} fileName={`${runId.slice(0, 8)}-${nodeId}-attempt-${shown?.attempt ?? 1}.log`} />
    </div>
  );
}
