'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { ErrorText } from '@/components/ui/error-text';
import { AlertList } from './alert-list';
import { AlertRuleForm } from './alert-rule-form';
import { AlertRules } from './alert-rules';
import { ModelMetricsChart } from './model-metrics-chart';
import { MonitoringCharts } from './monitoring-charts';

/** A registered model's Monitoring page: drift and metrics over time, its alert rules and the alerts they fired. */
export function ModelMonitoring({ name }: { name: string }) {
  const { project, canEdit } = useProject();
  const trpc = useTRPC();
  const monitoring = useQuery(trpc.models.monitoring.queryOptions({ projectId: project.id, name }, { refetchInterval: 10_000 }));
  const m = monitoring.data;
  return (
    <main className="mx-auto max-w-5xl space-y-6 p-6">
      <nav className="text-sm text-slate-500">
        <Link href="/models" className="hover:underline">
          Models
        </Link>{' '}
        /{' '}
        <Link href={`/models/${encodeURIComponent(name)}`} className="hover:underline">
          {name}
        </Link>{' '}
        / Monitoring
      </nav>
      <ErrorText error={monitoring.error} />
      {m ? (
        <>
          <section className="space-y-2">
            <h2 className="font-semibold">Drift</h2>
            <MonitoringCharts checks={m.checks} />
          </section>
          <section className="space-y-2">
            <h2 className="font-semibold">Model metrics</h2>
            <ModelMetricsChart projectId={project.id} name={name} />
          </section>
          <section className="space-y-2">
            <h2 className="font-semibold">Alert rules</h2>
            <AlertRules projectId={project.id} rules={m.rules} canEdit={canEdit} />
            {canEdit ? <AlertRuleForm projectId={project.id} modelName={name} /> : null}
          </section>
          <section className="space-y-2">
            <h2 className="font-semibold">Alerts</h2>
            <AlertList alerts={m.alerts} />
          </section>
        </>
      ) : null}
    </main>
  );
}
