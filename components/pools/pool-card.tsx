'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { PoolForm } from './pool-form';
import { PoolLive } from './pool-live';
import type { TPool } from './use-pools-overview';
import { UtilisationChart } from './utilisation-chart';

const KIND_STYLE = { cpu: 'bg-slate-100 text-slate-700 ring-slate-300', gpu: 'bg-emerald-50 text-emerald-800 ring-emerald-300' } as const;

/** One pool: what it is, its live workers and backlog, who runs steps on it, and its last hour. */
export function PoolCard({ pool, now }: { pool: TPool; now: Date }) {
  const [editing, setEditing] = useState(false);
  const { cpus, memoryMb, gpus } = pool.defaults;
  return (
    <article className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid={`pool-card-${pool.name}`}>
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="font-medium">{pool.name}</h2>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium uppercase ring-1 ring-inset ${KIND_STYLE[pool.kind]}`}>{pool.kind}</span>
        {Object.entries(pool.labels).map(([key, value]) => (
          <span key={key} className="rounded bg-indigo-50 px-1.5 font-mono text-xs text-indigo-800">
            {key}={value}
          </span>
        ))}
        <span className="text-sm text-slate-600">
          defaults: {cpus} CPU{cpus === 1 ? '' : 's'} · {memoryMb} MB · {gpus} GPU{gpus === 1 ? '' : 's'}
        </span>
        {editing ? null : (
          <Button className="ml-auto" onClick={() => setEditing(true)}>
            Edit
          </Button>
        )}
      </div>
      {pool.description ? <p className="text-sm text-slate-600">{pool.description}</p> : null}
      {editing ? (
        <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
          <PoolForm pool={pool} onDone={() => setEditing(false)} />
        </div>
      ) : null}
      <ErrorText error={pool.liveError} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[1fr_auto]">
        <div className="space-y-2">
          {pool.live ? <PoolLive name={pool.name} live={pool.live} now={now} /> : null}
          <p className="text-sm text-slate-700">
            Running:{' '}
            {pool.runningByTeam.length === 0
              ? 'no steps'
              : pool.runningByTeam.map((r) => `${r.team} ${r.steps} step${r.steps === 1 ? '' : 's'}`).join(' · ')}
          </p>
        </div>
        <UtilisationChart pool={pool.name} kind={pool.kind} />
      </div>
    </article>
  );
}
