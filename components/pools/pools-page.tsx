'use client';

import { useIsPlatformAdmin } from '@/hooks/use-is-platform-admin';
import { GpuUsage } from './gpu-usage';
import { PoolForm } from './pool-form';
import { PoolList } from './pool-list';
import { TeamsSection } from './teams-section';

/** Worker pools, for platform admins: the pools, a form for a new one, the teams that share them, and who used the GPUs. */
export function PoolsPage() {
  const isPlatformAdmin = useIsPlatformAdmin();
  return (
    <main className="mx-auto max-w-6xl space-y-6 p-6">
      <h1 className="text-lg font-semibold">Pools</h1>
      {isPlatformAdmin ? (
        <>
          <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="text-sm font-semibold">New pool</h2>
            <PoolForm />
          </section>
          <PoolList />
          <TeamsSection />
          <GpuUsage />
        </>
      ) : (
        <p className="text-sm text-slate-600">Only platform admins manage pools.</p>
      )}
    </main>
  );
}
