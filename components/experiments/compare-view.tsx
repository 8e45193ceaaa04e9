'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { ErrorText } from '@/components/ui/error-text';
import { formatMetric } from './format';
import { MetricCharts } from './metric-charts';
import { ParamDiffTable } from './param-diff-table';
import { runHref } from './run-link';

/** Runs side by side: which params differ, their latest metrics, and every metric's curves overlaid. */
export function CompareView({ experimentId, runUuids }: { experimentId: number; runUuids: string[] }) {
  const { project } = useProject();
  const trpc = useTRPC();
  const compared = useQuery(trpc.experiments.compare.queryOptions({ projectId: project.id, runUuids }, { enabled: runUuids.length > 0 }));
  if (runUuids.length === 0) return <p className="p-6 text-sm text-slate-500">Select runs in the experiment to compare them.</p>;
  if (compared.isError) return <div className="p-6"><ErrorText error={compared.error} /></div>;
  if (compared.isPending) return <p className="p-6 text-sm text-slate-500">Loading runs…</p>;
  const { runs, metricKeys } = compared.data;
  const label = (r: { name: string; runUuid: string }) => r.name || r.runUuid.slice(0, 8);
  return (
    <main className="space-y-6 p-4">
      <div className="flex items-center gap-3">
        <Link href={`/experiments/${experimentId}`} className="text-sm text-slate-500 hover:text-slate-800">
          Experiment /
        </Link>
        <h1 className="font-semibold">Compare {runs.length} runs</h1>
      </div>
      <ParamDiffTable runs={runs} />
      <section className="space-y-2">
        <h2 className="text-sm font-semibold">Latest metrics</h2>
        <div className="overflow-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>
                <th className="px-3 py-2 font-medium">metric</th>
                {runs.map((r) => (
                  <th key={r.runUuid} className="px-3 py-2 font-medium">
                    <Link href={runHref(r)} className="text-indigo-700 hover:underline">
                      {label(r)}
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {metricKeys.map((key) => (
                <tr key={key}>
                  <td className="px-3 py-1.5 font-mono text-xs">{key}</td>
                  {runs.map((r) => (
                    <td key={r.runUuid} className="px-3 py-1.5 font-mono text-xs tabular-nums">
                      {formatMetric(r.metrics[key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="space-y-2">
        <h2 className="text-sm font-semibold">Metrics over steps</h2>
        <MetricCharts projectId={project.id} runs={runs.map((r) => ({ runUuid: r.runUuid, label: label(r) }))} keys={metricKeys.slice(0, 50)} />
      </section>
    </main>
  );
}
