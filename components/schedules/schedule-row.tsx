'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import type { TApiOutputs } from '@/components/providers/api-types';
import { parameterValuesText } from '@/components/parameters/parameter-values-text';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorText } from '@/components/ui/error-text';
import { Time } from '@/components/ui/time';
import { describeTiming } from './timing';

type TSchedule = TApiOutputs['schedules']['list'][number];

export function ScheduleRow({ projectId, schedule, canChange }: { projectId: string; schedule: TSchedule; canChange: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: trpc.schedules.list.queryKey() });
  const pause = useMutation(trpc.schedules.pause.mutationOptions({ onSettled }));
  const resume = useMutation(trpc.schedules.resume.mutationOptions({ onSettled }));
  const trigger = useMutation(trpc.schedules.trigger.mutationOptions({ onSettled }));
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(trpc.schedules.delete.mutationOptions({ onSettled, onSuccess: () => setConfirming(false) }));
  const ref = { projectId, scheduleId: schedule.id };
  const busy = pause.isPending || resume.isPending || trigger.isPending || remove.isPending;
  const error = pause.error ?? resume.error ?? trigger.error ?? remove.error;

  return (
    <article className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid={`schedule-${schedule.id}`}>
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="font-medium">{schedule.name}</h2>
        {schedule.paused ? <span className="rounded bg-slate-200 px-1.5 text-xs font-medium text-slate-700">paused</span> : null}
        <Link href={`/pipelines/${schedule.pipelineId}`} className="text-sm text-indigo-700 hover:underline">
          {schedule.pipelineName} v{schedule.versionNumber}
        </Link>
        <span className="text-sm text-slate-600">
          {describeTiming(schedule)} · {schedule.timezone}
        </span>
        {Object.keys(schedule.params).length > 0 ? (
          <span className="font-mono text-xs text-slate-600" data-testid="schedule-params">
            {parameterValuesText(schedule.params)}
          </span>
        ) : null}
        {canChange ? (
          <div className="ml-auto flex gap-2">
            {schedule.paused ? (
              <Button disabled={busy} onClick={() => resume.mutate(ref)}>
                Resume
              </Button>
            ) : (
              <Button disabled={busy} onClick={() => pause.mutate(ref)}>
                Pause
              </Button>
            )}
            <Button disabled={busy} onClick={() => trigger.mutate(ref)}>
              {trigger.isSuccess ? 'Triggered' : 'Trigger now'}
            </Button>
            <Button variant="danger" disabled={busy} onClick={() => setConfirming(true)}>
              Delete
            </Button>
          </div>
        ) : null}
      </div>
      <div className="text-xs text-slate-500">
        Next runs:{' '}
        {schedule.paused ? (
          'none while paused'
        ) : schedule.nextRunTimes.length === 0 ? (
          'unknown'
        ) : (
          <span className="inline-flex flex-wrap gap-x-3">
            {schedule.nextRunTimes.map((t) => (
              <Time key={t.toISOString()} value={t} />
            ))}
          </span>
        )}
      </div>
      <ErrorText error={confirming ? null : error} />
      {confirming ? (
        <ConfirmDialog title={`Delete schedule “${schedule.name}”?`} confirmLabel="Delete" onConfirm={() => remove.mutate(ref)} onClose={() => setConfirming(false)} pending={remove.isPending} error={remove.error}>
          It starts no more runs. The runs it started are kept.
        </ConfirmDialog>
      ) : null}
    </article>
  );
}
