'use client';

import type { TColumns } from './use-column-choice';

type TProps = { available: TColumns; columns: TColumns; onToggle: (kind: keyof TColumns, key: string) => void };

/** Which params and metrics the runs table shows: a checkbox per key the experiment's runs have. */
export function ColumnPicker({ available, columns, onToggle }: TProps) {
  const group = (kind: keyof TColumns, title: string) => (
    <fieldset className="min-w-40 space-y-1">
      <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</legend>
      {available[kind].length === 0 ? <p className="text-xs text-slate-400">none logged</p> : null}
      {available[kind].map((key) => (
        <label key={key} className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={columns[kind].includes(key)} onChange={() => onToggle(kind, key)} aria-label={`${kind === 'params' ? 'Param' : 'Metric'} ${key}`} />
          <span className="truncate font-mono text-xs">{key}</span>
        </label>
      ))}
    </fieldset>
  );
  return (
    <details className="relative">
      <summary className="cursor-pointer select-none rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">Columns</summary>
      <div className="absolute right-0 z-20 mt-1 flex max-h-96 gap-6 overflow-auto rounded-lg border border-slate-200 bg-white p-4 shadow-lg">
        {group('params', 'Params')}
        {group('metrics', 'Metrics')}
      </div>
    </details>
  );
}
