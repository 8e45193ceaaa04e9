'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { periodRange, type TPeriodId } from './periods';

/** GPU-hours over the chosen period; the period's end is fixed when chosen, so the query key is stable. */
export function useGpuUsage() {
  const trpc = useTRPC();
  const [period, setPeriod] = useState<{ id: TPeriodId; range: { from: Date; to: Date } }>(() => ({ id: '24h', range: periodRange('24h', new Date()) }));
  const usage = useQuery(trpc.pools.gpuUsage.queryOptions(period.range));
  const choose = (id: TPeriodId) => setPeriod({ id, range: periodRange(id, new Date()) });
  return { periodId: period.id, choose, usage };
}
