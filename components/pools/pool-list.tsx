'use client';

import { ErrorText } from '@/components/ui/error-text';
import { PoolCard } from './pool-card';
import { usePoolsOverview } from './use-pools-overview';

export function PoolList() {
  const overview = usePoolsOverview();
  // "12 s ago" counts from when the answer arrived, which moves with every 5 s refresh
  const now = new Date(overview.dataUpdatedAt);
  return (
    <div className="space-y-3">
      <ErrorText error={overview.error} />
      {overview.isPending ? <p className="text-sm text-slate-500">Loading…</p> : null}
      {overview.data?.length === 0 ? <p className="text-sm text-slate-500">No pools yet.</p> : null}
      <ul className="space-y-3">
        {overview.data?.map((pool) => (
          <li key={pool.id}>
            <PoolCard pool={pool} now={now} />
          </li>
        ))}
      </ul>
    </div>
  );
}
