'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { ColumnPicker } from './column-picker';
import { FilterBar } from './filter-bar';
import { Pager } from './pager';
import { RunsTable, type TSort } from './runs-table';
import { useColumnChoice } from './use-column-choice';
import { PAGE_SIZE, useRunsTable } from './use-runs-table';

/** The most runs the compare view takes (its API's limit). */
const MAX_COMPARED = 10;

/** An experiment's runs: chosen columns, server-side sort, filter and paging; select runs to compare them. */
export function ExperimentView({ experimentId }: { experimentId: number }) {
  const { project } = useProject();
  const trpc = useTRPC();
  const router = useRouter();
  const keys = useQuery(trpc.experiments.keys.queryOptions({ projectId: project.id, experimentId }));
  const { columns, toggle } = useColumnChoice(experimentId, keys.data);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<TSort>(null);
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const runs = useRunsTable(project.id, experimentId, { filter, sort, offset, columns }, keys.isSuccess);

  if (keys.isError) return <ErrorText error={keys.error} />;
  const experiment = keys.data?.experiment;
  const select = (runUuid: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(runUuid);
      else next.delete(runUuid);
      return next;
    });
  const compare = () => router.push(`/experiments/${experimentId}/compare?runs=${[...selected].join(',')}`);

  return (
    <main className="flex h-full flex-col gap-3 p-4">
      <div className="flex flex-wrap items-center gap-3">
        <Link href="/experiments" className="text-sm text-slate-500 hover:text-slate-800">
          Experiments /
        </Link>
        <h1 className="font-semibold">{experiment?.name ?? '…'}</h1>
        {experiment?.pipelineId ? (
          <Link href={`/pipelines/${experiment.pipelineId}`} className="text-sm text-indigo-700 hover:underline">
            Open pipeline
          </Link>
        ) : null}
        <div className="ml-auto flex items-center gap-2">
          <span className="text-sm text-slate-500">{selected.size ? `${selected.size} selected` : 'Select runs to compare'}</span>
          <Button variant="primary" disabled={selected.size < 2 || selected.size > MAX_COMPARED} onClick={compare} title={`2 to ${MAX_COMPARED} runs`}>
            Compare
          </Button>
        </div>
      </div>
      <div className="flex items-center gap-2">
        <FilterBar
          value={filter}
          onApply={(f) => {
            setFilter(f);
            setOffset(0);
          }}
        />
        {keys.data ? <ColumnPicker available={keys.data} columns={columns} onToggle={toggle} /> : null}
      </div>
      {/* a bad filter answers 400 with the parser's message: shown here, the last good page stays below */}
      <ErrorText error={runs.error} />
      <div className="min-h-0 flex-1 overflow-auto rounded-lg border border-slate-200 bg-white">
        {runs.isPending && !runs.isError ? <p className="p-4 text-sm text-slate-500">Loading runs…</p> : null}
        {runs.data ? <RunsTable experimentId={experimentId} rows={runs.data.rows} columns={columns} sort={sort} onSort={setSort} selected={selected} onSelect={select} /> : null}
      </div>
      {runs.data ? <Pager offset={offset} limit={PAGE_SIZE} total={runs.data.total} onOffset={setOffset} /> : null}
    </main>
  );
}
