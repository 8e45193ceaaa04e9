'use client';

import { ErrorText } from '@/components/ui/error-text';
import { Field, Select } from '@/components/ui/field';
import { PERIODS, type TPeriodId } from './periods';
import { Table, TD } from './table';
import { useGpuUsage } from './use-gpu-usage';

const hours = (n: number) => n.toFixed(2);

/** GPU-hours per team and per pipeline over a chosen period: who used the GPUs. */
export function GpuUsage() {
  const { periodId, choose, usage } = useGpuUsage();
  const empty = usage.isPending ? 'Loading…' : usage.data && usage.data.byPipeline.length === 0 ? 'No GPU time in this period.' : null;
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="gpu-usage">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 className="text-sm font-semibold">GPU usage</h2>
        <div className="w-48">
          <Field label="Period">
            <Select value={periodId} onChange={(e) => choose(e.target.value as TPeriodId)}>
              {PERIODS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </div>
      <ErrorText error={usage.error} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-[1fr_2fr]">
        <Table headers={['Team', 'GPU-hours']} empty={empty}>
          {usage.data?.byTeam.map((r) => (
            <tr key={r.team}>
              <td className={TD}>{r.team}</td>
              <td className={`${TD} tabular-nums`}>{hours(r.gpuHours)}</td>
            </tr>
          ))}
        </Table>
        <Table headers={['Team', 'Project', 'Pipeline', 'GPU-hours', 'Attempts']} empty={empty}>
          {usage.data?.byPipeline.map((r) => (
            <tr key={`${r.team}/${r.project}/${r.pipeline}`}>
              <td className={TD}>{r.team}</td>
              <td className={TD}>{r.project}</td>
              <td className={TD}>{r.pipeline}</td>
              <td className={`${TD} tabular-nums`}>{hours(r.gpuHours)}</td>
              <td className={`${TD} tabular-nums`}>{r.attempts}</td>
            </tr>
          ))}
        </Table>
      </div>
    </section>
  );
}
