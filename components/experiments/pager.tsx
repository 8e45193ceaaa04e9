'use client';

import { Button } from '@/components/ui/button';

/** "51–100 of 5,000" with the previous and next pages. */
export function Pager({ offset, limit, total, onOffset }: { offset: number; limit: number; total: number; onOffset: (offset: number) => void }) {
  const last = Math.min(offset + limit, total);
  return (
    <div className="flex items-center gap-3 text-sm text-slate-600">
      <span data-testid="runs-range">{total === 0 ? 'No runs' : `${(offset + 1).toLocaleString()}–${last.toLocaleString()} of ${total.toLocaleString()}`}</span>
      <Button disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        Previous
      </Button>
      <Button disabled={last >= total} onClick={() => onOffset(offset + limit)}>
        Next
      </Button>
    </div>
  );
}
