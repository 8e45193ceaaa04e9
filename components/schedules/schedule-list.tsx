'use client';

import { useQuery } from '@tanstack/react-query';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { ErrorText } from '@/components/ui/error-text';
import { ScheduleForm } from './schedule-form';
import { ScheduleRow } from './schedule-row';

export function ScheduleList() {
  const { project, canSchedule } = useProject();
  const trpc = useTRPC();
  const schedules = useQuery(trpc.schedules.list.queryOptions({ projectId: project.id }, { refetchInterval: 15_000 }));
  return (
    <main className="mx-auto max-w-5xl space-y-6 p-6">
      <h1 className="text-lg font-semibold">Schedules</h1>
      {canSchedule ? <ScheduleForm projectId={project.id} /> : null}
      <ErrorText error={schedules.error} />
      {schedules.isPending ? <p className="text-sm text-slate-500">Loading…</p> : null}
      {schedules.data?.length === 0 ? <p className="text-sm text-slate-500">No schedules yet.</p> : null}
      <ul className="space-y-3">
        {schedules.data?.map((s) => (
          <li key={s.id}>
            <ScheduleRow projectId={project.id} schedule={s} canChange={canSchedule} />
          </li>
        ))}
      </ul>
    </main>
  );
}
