'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { RelativeTime } from '@/components/ui/relative-time';
import { SpecDiffList } from './spec-diff-list';
import type { TCanvasView, TVersionView } from './use-version-view';

export type THistoryVersion = { id: string; number: number; message: string; createdAt: Date; createdByName: string | null };

type TProps = {
  /** newest first */
  versions: readonly THistoryVersion[];
  view: TCanvasView;
  version: TVersionView;
  /** the version the draft started from: saving on top of another one is a conflict */
  baseVersion: number;
  onView: (view: TCanvasView) => void;
  /** editors may put a version into the draft */
  onRestore?: (number: number) => void;
  /** why the last restore failed */
  restoreError: unknown;
};

const DRAFT = 'draft';

/** The pipeline's versions (who, when, why), each to open read only or restore; and two of them compared, field by field. */
export function HistoryPanel({ versions, view, version, baseVersion, onView, onRestore, restoreError }: TProps) {
  // null: the default pair, the latest version against the one before (or the only one against the draft)
  const [picked, setPicked] = useState<{ from: string; to: string } | null>(null);
  const from = picked?.from ?? String(versions[1]?.number ?? versions[0]?.number ?? '');
  const to = picked?.to ?? (versions[1] ? String(versions[0]!.number) : DRAFT);
  const setFrom = (value: string) => setPicked({ from: value, to });
  const setTo = (value: string) => setPicked({ from, to: value });

  function compare(event: FormEvent) {
    event.preventDefault();
    onView({ kind: 'diff', from: Number(from), to: to === DRAFT ? DRAFT : Number(to) });
  }

  return (
    <div className="space-y-4 p-4" data-testid="history-panel">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">History</h2>
      <ErrorText error={restoreError} />
      {versions.length === 0 ? <p className="text-sm text-slate-500">No saved version yet.</p> : null}
      {versions.length > 0 ? (
        <form onSubmit={compare} className="flex flex-wrap items-end gap-2 rounded-md border border-slate-200 p-2 text-sm">
          <label className="space-y-1 text-xs text-slate-600">
            <span className="block">Compare</span>
            <select aria-label="Compare from" value={from} onChange={(e) => setFrom(e.target.value)} className="rounded border border-slate-300 px-1.5 py-1 text-sm">
              {versions.map((v) => (
                <option key={v.id} value={v.number}>
                  v{v.number}
                </option>
              ))}
            </select>
          </label>
          <label className="space-y-1 text-xs text-slate-600">
            <span className="block">with</span>
            <select aria-label="Compare to" value={to} onChange={(e) => setTo(e.target.value)} className="rounded border border-slate-300 px-1.5 py-1 text-sm">
              <option value={DRAFT}>the draft</option>
              {versions.map((v) => (
                <option key={v.id} value={v.number}>
                  v{v.number}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" data-testid="compare-versions">
            Show changes
          </Button>
        </form>
      ) : null}
      {view.kind === 'diff' && version.shown?.diff ? (
        <section className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-2" aria-label="Changes">
          <h3 className="text-xs font-semibold text-slate-700">
            v{view.from} → {view.to === DRAFT ? 'draft' : `v${view.to}`}
          </h3>
          <SpecDiffList diff={version.shown.diff} />
        </section>
      ) : null}
      <ol className="divide-y divide-slate-100">
        {versions.map((v) => {
          const open = view.kind === 'version' && view.number === v.number;
          return (
            <li key={v.id} className={`space-y-1 py-2 ${open ? 'bg-indigo-50' : ''}`} data-testid={`version-row-${v.number}`}>
              <div className="flex items-baseline gap-2">
                <span className="text-sm font-semibold text-slate-800">v{v.number}</span>
                <span className="truncate text-sm text-slate-700">{v.message || <span className="text-slate-400">no message</span>}</span>
                {v.number === baseVersion ? (
                  <span className="ml-auto shrink-0 rounded bg-indigo-100 px-1.5 text-[11px] font-medium text-indigo-800" title="Your draft started from this version">
                    draft base
                  </span>
                ) : null}
              </div>
              <div className="text-xs text-slate-500">
                {v.createdByName ?? 'someone'} · <RelativeTime value={v.createdAt} />
              </div>
              <div className="flex gap-1">
                <Button variant="ghost" className="px-2 py-0.5 text-xs" onClick={() => onView({ kind: 'version', number: v.number })} aria-label={`Open version ${v.number}`}>
                  Open
                </Button>
                {onRestore ? (
                  <Button variant="ghost" className="px-2 py-0.5 text-xs" onClick={() => onRestore(v.number)} aria-label={`Restore version ${v.number} as the draft`}>
                    Restore as draft
                  </Button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
