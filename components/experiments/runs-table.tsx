'use client';

import Link from 'next/link';
import type { TApiOutputs } from '@/components/providers/api-types';
import { formatMetric } from './format';
import { runHref } from './run-link';
import type { TColumns } from './use-column-choice';

export type TRunsRow = TApiOutputs['experiments']['runs']['rows'][number];
export type TSort = { entity: 'attribute' | 'param' | 'metric'; key: string; ascending: boolean } | null;

type TProps = {
  experimentId: number;
  rows: TRunsRow[];
  columns: TColumns;
  sort: TSort;
  onSort: (sort: TSort) => void;
  selected: ReadonlySet<string>;
  onSelect: (runUuid: string, on: boolean) => void;
};

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });
const TH = 'whitespace-nowrap px-3 py-2 font-medium';

/** The runs of one page; a click on a header sorts by it (again: the other way), on the server. */
export function RunsTable({ experimentId, rows, columns, sort, onSort, selected, onSelect }: TProps) {
  const header = (entity: NonNullable<TSort>['entity'], key: string, label: string) => {
    const active = sort?.entity === entity && sort.key === key;
    const next = () => onSort({ entity, key, ascending: active ? !sort.ascending : entity === 'attribute' && key !== 'start_time' });
    return (
      <th key={`${entity}.${key}`} className={TH} aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
        <button type="button" onClick={next} className="inline-flex items-center gap-1 uppercase hover:text-slate-900" title={`Sort by ${entity === 'attribute' ? '' : `${entity}s.`}${key}`}>
          {label}
          <span aria-hidden className="text-slate-400">
            {active ? (sort.ascending ? '▲' : '▼') : ''}
          </span>
        </button>
      </th>
    );
  };
  return (
    <table className="w-full text-left text-sm" data-testid="runs-table">
      <thead className="sticky top-0 bg-slate-50 text-xs tracking-wide text-slate-500">
        <tr>
          <th className={TH}>
            <span className="sr-only">Select</span>
          </th>
          {header('attribute', 'run_name', 'Run')}
          <th className={`${TH} uppercase`}>Step</th>
          {header('attribute', 'status', 'Status')}
          {header('attribute', 'start_time', 'Started')}
          {columns.params.map((key) => header('param', key, key))}
          {columns.metrics.map((key) => header('metric', key, key))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((run) => (
          <tr key={run.runUuid} data-run={run.runUuid} className={selected.has(run.runUuid) ? 'bg-indigo-50' : 'hover:bg-slate-50'}>
            <td className="px-3 py-1.5">
              <input type="checkbox" aria-label={`Select ${run.name}`} checked={selected.has(run.runUuid)} onChange={(e) => onSelect(run.runUuid, e.target.checked)} />
            </td>
            <td className="max-w-64 truncate px-3 py-1.5">
              <Link href={runHref({ ...run, experimentId })} className="font-medium text-indigo-700 hover:underline">
                {run.name || run.runUuid.slice(0, 8)}
              </Link>
            </td>
            <td className="px-3 py-1.5 font-mono text-xs text-slate-600">{run.weftNodeId ? `${run.weftNodeId}${run.weftAttempt && run.weftAttempt > 1 ? ` #${run.weftAttempt}` : ''}` : ''}</td>
            <td className="px-3 py-1.5 text-xs">{run.status.toLowerCase()}</td>
            <td className="whitespace-nowrap px-3 py-1.5 text-xs text-slate-500" suppressHydrationWarning>
              {TIME.format(run.startTime)}
            </td>
            {columns.params.map((key) => (
              <td key={`p.${key}`} className="max-w-48 truncate px-3 py-1.5 font-mono text-xs" title={run.params[key]}>
                {run.params[key] ?? ''}
              </td>
            ))}
            {columns.metrics.map((key) => (
              <td key={`m.${key}`} className="px-3 py-1.5 text-right font-mono text-xs tabular-nums" data-metric={key}>
                {formatMetric(run.metrics[key])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
