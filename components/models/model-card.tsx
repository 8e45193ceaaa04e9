'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { LineagePanel } from '@/components/lineage/lineage-panel';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { ErrorText } from '@/components/ui/error-text';
import { Time } from '@/components/ui/time';
import { AliasBadge } from './alias-badge';
import { ModelDescription } from './model-description';
import { ProtectedAliasesForm } from './protected-aliases-form';
import { RequestPromotionForm } from './request-promotion-form';
import { VersionsTable } from './versions-table';

/** A registered model's card: description, aliases, versions, promotions that wait, and the lineage of its newest version. */
export function ModelCard({ name }: { name: string }) {
  const { project, canEdit, canManageMembers } = useProject();
  const trpc = useTRPC();
  const model = useQuery(trpc.models.get.queryOptions({ projectId: project.id, name }, { refetchInterval: 5_000 }));
  const m = model.data;

  return (
    <main className="mx-auto max-w-5xl space-y-6 p-6">
      <nav className="text-sm text-slate-500">
        <Link href="/models" className="hover:underline">
          Models
        </Link>{' '}
        / {name}
      </nav>
      <ErrorText error={model.error} />
      {m ? (
        <>
          <header className="space-y-2">
            <div className="flex flex-wrap items-center gap-2">
              <h1 className="text-lg font-semibold" data-testid="model-name">
                {m.name}
              </h1>
              <span className="flex flex-wrap gap-1" data-testid="model-aliases">
                {m.aliases.map((a) => (
                  <AliasBadge key={a.alias} alias={a.alias} version={a.version} />
                ))}
              </span>
              <Link href={`/models/${encodeURIComponent(m.name)}/monitoring`} className="ml-auto text-sm text-indigo-700 underline" data-testid="model-monitoring-link">
                Monitoring
              </Link>
              <span className="text-xs text-slate-500">
                updated <Time value={m.updatedAt} />
              </span>
            </div>
            <ModelDescription projectId={project.id} name={m.name} description={m.description} canEdit={canEdit} />
            {m.tags.length ? <p className="font-mono text-xs text-slate-500">{m.tags.map((t) => `${t.key}=${t.value}`).join('  ')}</p> : null}
            <ProtectedAliasesForm key={m.protectedAliases.join(',')} projectId={project.id} name={m.name} aliases={m.protectedAliases} canManage={canManageMembers} />
          </header>
          {m.pendingPromotions.length ? (
            <section className="rounded-lg border border-violet-200 bg-violet-50 p-3 text-sm" data-testid="pending-promotions">
              {m.pendingPromotions.map((p) => (
                <p key={p.approvalId}>
                  v{p.version} → <span className="font-mono">@{p.alias}</span> awaits approval (asked by {p.requestedBy ?? 'a pipeline run'}, <Time value={p.createdAt} />; expires <Time value={p.expiresAt} />){' '}
                  <Link href="/approvals" className="text-indigo-700 underline">
                    Approvals
                  </Link>
                </p>
              ))}
            </section>
          ) : null}
          <VersionsTable name={m.name} versions={m.versions} />
          {canEdit ? <RequestPromotionForm projectId={project.id} name={m.name} versions={m.versions.map((v) => v.version)} protectedAliases={m.protectedAliases} /> : null}
          {m.versions[0] ? <LineagePanel from={{ model: { name: m.name, version: m.versions[0].version } }} /> : null}
        </>
      ) : null}
    </main>
  );
}
