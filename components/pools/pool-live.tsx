import { formatAgo, formatSeconds } from './ago';
import { Table, TD } from './table';
import type { TPool } from './use-pools-overview';

type TLive = NonNullable<TPool['live']>;

const rate = (perSecond: number) => `${perSecond.toFixed(2)}/s`;

/** What Temporal says about a pool's task queue: who polled it lately, and what waits there. */
export function PoolLive({ name, live, now }: { name: string; live: TLive; now: Date }) {
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap gap-x-4 text-sm text-slate-700">
        <span data-testid={`pool-backlog-${name}`}>
          Backlog: <strong>{live.backlog}</strong> {live.backlog === 1 ? 'task' : 'tasks'}
          {live.backlog > 0 ? `, oldest ${formatSeconds(live.backlogAgeSeconds)}` : ''}
        </span>
        <span className="text-slate-500">
          added {rate(live.addRatePerSecond)} · dispatched {rate(live.dispatchRatePerSecond)}
        </span>
      </p>
      <Table
        testId={`pool-workers-${name}`}
        headers={['Worker', 'Last poll', 'GPUs']}
        empty={live.workers.length === 0 ? 'No worker has polled this pool lately.' : null}
      >
        {live.workers.map((w) => (
          <tr key={w.identity}>
            <td className={`${TD} font-mono text-xs`}>{w.identity}</td>
            <td className={TD}>{formatAgo(w.lastPollAt, now)}</td>
            <td className={TD}>{w.gpus ? w.gpus.join(', ') : '—'}</td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
