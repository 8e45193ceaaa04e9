'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { ErrorText } from '@/components/ui/error-text';
import { ApprovalCard } from './approval-card';

const TABS = [
  { status: 'pending', label: 'Pending' },
  { status: 'decided', label: 'Decided' },
] as const;

export function ApprovalsInbox() {
  const { project } = useProject();
  const trpc = useTRPC();
  const [tab, setTab] = useState<'pending' | 'decided'>('pending');
  const approvals = useQuery(trpc.approvals.list.queryOptions({ projectId: project.id, status: tab }, { refetchInterval: 5_000 }));

  return (
    <main className="mx-auto max-w-3xl space-y-4 p-6">
      <h1 className="text-lg font-semibold">Approvals</h1>
      <div role="tablist" className="flex gap-1 border-b border-slate-200">
        {TABS.map((t) => (
          <button
            key={t.status}
            type="button"
            role="tab"
            aria-selected={tab === t.status}
            onClick={() => setTab(t.status)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${tab === t.status ? 'border-indigo-600 font-medium text-indigo-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <ErrorText error={approvals.error} />
      {approvals.isPending ? <p className="text-sm text-slate-500">Loading…</p> : null}
      {approvals.data?.length === 0 ? <p className="text-sm text-slate-500">{tab === 'pending' ? 'Nothing is waiting for a decision.' : 'No decisions yet.'}</p> : null}
      <ul className="space-y-3">
        {approvals.data?.map((approval) => (
          <li key={approval.id}>
            <ApprovalCard projectId={project.id} approval={approval} />
          </li>
        ))}
      </ul>
    </main>
  );
}
