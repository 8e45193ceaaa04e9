'use client';

import Link from 'next/link';
import { parameterValuesText } from '@/components/parameters/parameter-values-text';
import { useProject } from '@/components/project/project-context';
import type { TApiOutputs } from '@/components/providers/api-types';
import { StatusBadge } from '@/components/ui/status-badge';
import { Elapsed } from '@/components/ui/elapsed';
import { Time } from '@/components/ui/time';
import { isOpenRun } from '@/workflows/dsl';
import { originCounts } from './origin-counts';
import { RunActions } from './run-actions';
import { RunAlertLinks } from './run-alert-links';

type TRunData = TApiOutputs['runs']['get'];

type TProps = Pick<TRunData, 'run' | 'pipeline' | 'steps' | 'startedByAlert' | 'firedAlerts'> & { version: Pick<TRunData['version'], 'number'> };

export function RunHeader({ run, pipeline, version, steps, startedByAlert, firedAlerts }: TProps) {
  const { project, canRun } = useProject();
  const origins = originCounts(steps);
  return (
    <div className="shrink-0 space-y-2 border-b border-slate-200 bg-white px-4 py-3">
      <div className="flex flex-wrap items-center gap-3">
        <Link href={`/pipelines/${pipeline.id}`} className="font-semibold text-indigo-700 hover:underline">
          {pipeline.name}
        </Link>
        <span className="text-sm text-slate-600">v{version.number}</span>
        <span data-testid="run-status" data-status={run.status}>
          <StatusBadge status={run.status} />
        </span>
        <span className="text-sm text-slate-600">
          {run.trigger === 'schedule' ? (
            <span className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-800">by schedule</span>
          ) : (
            <>started by {run.startedByName ?? 'unknown'}</>
          )}
        </span>
        {run.retryOfRunId ? (
          <span className="text-sm text-slate-600" data-testid="retry-of">
            retry of{' '}
            <Link href={`/runs/${run.retryOfRunId}`} className="font-mono text-indigo-700 hover:underline" title={run.retryOfRunId}>
              run {run.retryOfRunId.slice(0, 8)}
            </Link>
          </span>
        ) : null}
        <RunAlertLinks startedByAlert={startedByAlert} firedAlerts={firedAlerts} />
        <span className="text-xs text-slate-500">
          <Time value={run.createdAt} />
          {run.startedAt ? (
            <>
              {' · '}
              <Elapsed from={run.startedAt} to={run.endedAt ?? (isOpenRun(run.status) ? null : run.startedAt)} className="tabular-nums" />
            </>
          ) : null}
        </span>
        {Object.keys(run.params).length > 0 ? (
          <span className="font-mono text-xs text-slate-600" data-testid="run-params" title="The run's parameter values">
            {parameterValuesText(run.params)}
          </span>
        ) : null}
        {origins ? (
          <span className="text-xs text-sky-800" data-testid="origin-counts" title="Steps whose outputs were not computed by this run">
            {origins}
          </span>
        ) : null}
        {canRun ? (
          <div className="ml-auto">
            <RunActions projectId={project.id} runId={run.id} status={run.status} />
          </div>
        ) : null}
      </div>
      {run.error ? (
        // a cancelled run was stopped on purpose: said plainly, not as a failure
        <p
          role={run.status === 'cancelled' ? 'status' : 'alert'}
          data-testid="run-error"
          className={`rounded-md border px-3 py-2 text-sm ${run.status === 'cancelled' ? 'border-slate-300 bg-slate-100 text-slate-700' : 'border-red-200 bg-red-50 text-red-800'}`}
        >
          {run.error}
        </p>
      ) : null}
    </div>
  );
}
