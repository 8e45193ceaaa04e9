'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { ErrorText } from '@/components/ui/error-text';
import { ArtifactPreview } from './artifact-preview';
import { artifactUrl } from './artifact-url';
import { trackingRunLabel, type TTrackingRun } from './use-tracking-runs';

const SIZE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${SIZE_UNITS[unit]}`;
}

/** The Artifacts tab: every file the run and its steps logged (path, size, media type, download), and a preview of the one picked. */
export function RunArtifacts({ projectId, trackingRuns }: { projectId: string; trackingRuns: TTrackingRun[] }) {
  const trpc = useTRPC();
  const runUuids = trackingRuns.slice(0, 20).map((r) => r.runUuid);
  const files = useQuery(trpc.experiments.artifacts.queryOptions({ projectId, runUuids }, { enabled: runUuids.length > 0, refetchInterval: 10_000 }));
  const [picked, setPicked] = useState<{ runUuid: string; path: string } | null>(null);
  if (runUuids.length === 0) return <p className="p-6 text-sm text-slate-500">Nothing logged yet.</p>;
  if (files.isError) return <div className="p-6"><ErrorText error={files.error} /></div>;
  if (files.isPending) return <p className="p-6 text-sm text-slate-500">Loading artifacts…</p>;
  if (files.data.length === 0) return <p className="p-6 text-sm text-slate-500">No artifacts logged.</p>;
  const labelOf = new Map(trackingRuns.map((r) => [r.runUuid, trackingRunLabel(r)]));
  return (
    <div className="flex h-full min-h-0 gap-4 p-4">
      <div className="w-[30rem] shrink-0 overflow-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="artifacts-table">
          <thead className="sticky top-0 bg-slate-50 text-xs text-slate-500">
            <tr>
              <th className="px-3 py-2 font-medium">path</th>
              <th className="px-3 py-2 text-right font-medium">size</th>
              <th className="px-3 py-2 font-medium">type</th>
              <th className="px-3 py-2 font-medium">
                <span className="sr-only">Download</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {files.data.map((f) => {
              const active = picked?.runUuid === f.runUuid && picked.path === f.path;
              return (
                <tr key={`${f.runUuid}/${f.path}`} className={active ? 'bg-indigo-50' : 'hover:bg-slate-50'}>
                  <td className="max-w-64 px-3 py-1.5">
                    <button type="button" className="block max-w-full truncate text-left font-mono text-xs text-indigo-700 hover:underline" onClick={() => setPicked({ runUuid: f.runUuid, path: f.path })} title={f.path}>
                      {f.path}
                    </button>
                    {trackingRuns.length > 1 ? <span className="text-xs text-slate-400">{labelOf.get(f.runUuid)}</span> : null}
                  </td>
                  <td className="whitespace-nowrap px-3 py-1.5 text-right text-xs tabular-nums">{formatSize(f.size)}</td>
                  <td className="max-w-32 truncate px-3 py-1.5 text-xs text-slate-500" title={f.mediaType}>
                    {f.mediaType}
                  </td>
                  <td className="px-3 py-1.5">
                    <a href={artifactUrl(projectId, f.runUuid, f.path)} download className="text-xs text-indigo-700 hover:underline" aria-label={`Download ${f.path}`}>
                      Download
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="min-w-0 flex-1 overflow-auto" data-testid="artifact-preview">
        {picked ? (
          <div className="space-y-2">
            <div className="flex items-center gap-3">
              <h2 className="truncate font-mono text-sm font-semibold">{picked.path}</h2>
              <a href={artifactUrl(projectId, picked.runUuid, picked.path)} download className="text-xs text-indigo-700 hover:underline">
                Download
              </a>
            </div>
            <ArtifactPreview key={`${picked.runUuid}/${picked.path}`} projectId={projectId} {...picked} />
          </div>
        ) : (
          <p className="text-sm text-slate-500">Pick a file to preview it.</p>
        )}
      </div>
    </div>
  );
}
