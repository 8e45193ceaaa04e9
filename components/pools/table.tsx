import type { ReactNode } from 'react';

/** The compact table the Pools page repeats (workers, GPU-hours); `empty` shows when there are no rows. */
export function Table({ headers, empty, children, testId }: { headers: string[]; empty: string | null; children: ReactNode; testId?: string }) {
  return (
    <div className="overflow-hidden rounded-md border border-slate-200" data-testid={testId}>
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {headers.map((h) => (
              <th key={h} className="px-3 py-1.5 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {empty ? (
            <tr>
              <td colSpan={headers.length} className="px-3 py-3 text-center text-slate-500">
                {empty}
              </td>
            </tr>
          ) : (
            children
          )}
        </tbody>
      </table>
    </div>
  );
}

export const TD = 'px-3 py-1.5';
