'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';
import { ErrorText } from '@/components/ui/error-text';
import { artifactUrl } from './artifact-url';

type TProps = { projectId: string; runUuid: string; path: string };

/**
 * A file's preview: tables, JSON and text come from the server, already cut to 100 rows / 64 KiB;
 * images load from the file route; HTML reports are framed from it with an empty `sandbox`
 * (no scripts, no same-origin: the route also sends `Content-Security-Policy: sandbox`).
 */
export function ArtifactPreview({ projectId, runUuid, path }: TProps) {
  const trpc = useTRPC();
  const preview = useQuery(trpc.experiments.preview.queryOptions({ projectId, runUuid, path }, { staleTime: Infinity }));
  if (preview.isError) return <ErrorText error={preview.error} />;
  if (preview.isPending) return <p className="text-sm text-slate-500">Loading preview…</p>;
  const p = preview.data;
  if (p.kind === 'image') {
    // (a plain <img>: an artifact of any size from an authenticated route, nothing for next/image to optimise)
    return <img src={artifactUrl(projectId, runUuid, path, true)} alt={path} data-testid="artifact-image" className="max-h-[32rem] max-w-full rounded border border-slate-200" />;
  }
  if (p.kind === 'html') {
    return <iframe src={artifactUrl(projectId, runUuid, path, true)} sandbox="" title={path} data-testid="artifact-html" className="h-[32rem] w-full rounded border border-slate-200 bg-white" />;
  }
  if (p.kind === 'none') return <p className="text-sm text-slate-500">{p.reason}</p>;
  if (p.kind === 'text') {
    return (
      <div className="space-y-1">
        <pre data-testid="artifact-text" className="max-h-[32rem] overflow-auto rounded border border-slate-200 bg-slate-50 p-3 font-mono text-xs">
          {p.text}
        </pre>
        {p.truncated ? <p className="text-xs text-slate-500">The first 64 KiB: download the file for all of it.</p> : null}
      </div>
    );
  }
  return (
    <div className="space-y-1">
      <div className="max-h-[32rem] overflow-auto rounded border border-slate-200">
        <table className="text-left font-mono text-xs" data-testid="artifact-table">
          <thead className="sticky top-0 bg-slate-50 text-slate-600">
            <tr>
              {p.columns.map((c, i) => (
                <th key={i} className="whitespace-nowrap px-2 py-1 font-semibold">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {p.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j} className="max-w-64 truncate whitespace-nowrap px-2 py-0.5" title={cell}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-500">
        {p.rows.length} row{p.rows.length === 1 ? '' : 's'}
        {p.totalRows !== null ? ` of ${p.totalRows.toLocaleString()}` : p.truncated ? ' (the head of the file)' : ''}
      </p>
    </div>
  );
}
