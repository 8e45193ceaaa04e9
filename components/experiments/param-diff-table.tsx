'use client';

import { useState } from 'react';
import { paramDiff } from './param-diff';

type TRun = { runUuid: string; name: string; params: Record<string, string> };

/** Params of the compared runs side by side; rows whose values differ are highlighted, and may be shown alone. */
export function ParamDiffTable({ runs }: { runs: TRun[] }) {
  const [onlyDiffering, setOnlyDiffering] = useState(false);
  const { keys, differing } = paramDiff(runs);
  const shown = onlyDiffering ? keys.filter((k) => differing.has(k)) : keys;
  return (
    <section className="space-y-2">
      <div className="flex items-center gap-4">
        <h2 className="text-sm font-semibold">Parameters</h2>
        <label className="flex items-center gap-1.5 text-xs text-slate-600">
          <input type="checkbox" checked={onlyDiffering} onChange={(e) => setOnlyDiffering(e.target.checked)} />
          Only differences ({differing.size})
        </label>
      </div>
      <div className="overflow-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="param-diff">
          <thead className="bg-slate-50 text-xs text-slate-500">
            <tr>
              <th className="px-3 py-2 font-medium">param</th>
              {runs.map((r) => (
                <th key={r.runUuid} className="px-3 py-2 font-medium">
                  {r.name || r.runUuid.slice(0, 8)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.length === 0 ? (
              <tr>
                <td colSpan={runs.length + 1} className="px-3 py-3 text-slate-400">
                  {keys.length ? 'No differences.' : 'No params logged.'}
                </td>
              </tr>
            ) : null}
            {shown.map((key) => (
              <tr key={key} data-param={key} data-differs={differing.has(key) || undefined} className={differing.has(key) ? 'bg-amber-50' : ''}>
                <td className="px-3 py-1.5 font-mono text-xs">{key}</td>
                {runs.map((r) => (
                  <td key={r.runUuid} className={`max-w-64 truncate px-3 py-1.5 font-mono text-xs ${differing.has(key) ? 'font-semibold text-amber-900' : ''}`} title={r.params[key]}>
                    {r.params[key] ?? <span className="text-slate-400">—</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
