'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { LineagePanel } from '@/components/lineage/lineage-panel';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { ErrorText } from '@/components/ui/error-text';
import { Time } from '@/components/ui/time';
import { AliasBadge } from './alias-badge';
import { modelHref } from './model-list';
import { VersionPromotions } from './version-promotions';
import { VersionSignature } from './version-signature';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="space-y-1.5 rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <h2 className="text-sm font-semibold text-slate-700">{title}</h2>
      {children}
    </section>
  );
}

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="flex gap-3 text-sm">
    <dt className="w-36 shrink-0 text-slate-500">{label}</dt>
    <dd className="min-w-0 break-all">{children}</dd>
  </div>
);

/** A model version's card: where it came from, what it is, how good it was, what it learned from, who promoted it. */
export function VersionCard({ name, version }: { name: string; version: number }) {
  const { project } = useProject();
  const trpc = useTRPC();
  const card = useQuery(trpc.models.version.queryOptions({ projectId: project.id, name, version }));
  const c = card.data;

  return (
    <main className="mx-auto max-w-5xl space-y-4 p-6">
      <nav className="text-sm text-slate-500">
        <Link href="/models" className="hover:underline">
          Models
        </Link>{' '}
        /{' '}
        <Link href={modelHref(name)} className="hover:underline">
          {name}
        </Link>{' '}
        / v{version}
      </nav>
      <ErrorText error={card.error} />
      {c ? (
        <>
          <header className="flex flex-wrap items-center gap-2">
            <h1 className="text-lg font-semibold">
              {name} <span className="text-slate-500">v{c.version}</span>
            </h1>
            {c.aliases.map((a) => (
              <AliasBadge key={a} alias={a} />
            ))}
            <span className="ml-auto text-xs text-slate-500">
              registered by {c.registeredBy} · <Time value={c.createdAt} />
            </span>
          </header>
          {c.description ? <p className="whitespace-pre-wrap text-sm text-slate-700">{c.description}</p> : null}
          <Section title="Source" testId="version-source">
            <dl className="space-y-1">
              <Row label="Source URI">
                <span className="font-mono text-xs">{c.source}</span>
              </Row>
              {c.origin ? (
                <>
                  <Row label="Weft run and step">
                    <Link href={`/runs/${c.origin.runId}`} className="text-indigo-700 hover:underline">
                      {c.origin.pipelineName} · step {c.origin.nodeId}
                    </Link>
                  </Row>
                  <Row label="Pipeline version">
                    v{c.origin.versionNumber} <span className="font-mono text-xs text-slate-500">plan {c.origin.planHash.slice(0, 12)}</span>
                  </Row>
                  {c.origin.codeHash ? (
                    <Row label="Code hash">
                      <span className="font-mono text-xs" data-testid="code-hash">
                        sha256 {c.origin.codeHash}
                      </span>
                    </Row>
                  ) : null}
                </>
              ) : null}
              {c.trackingRun ? (
                <Row label="Tracking run">
                  {c.trackingRun.name} <span className="text-xs text-slate-500">({c.trackingRun.status}{c.trackingRun.attempt ? `, attempt ${c.trackingRun.attempt}` : ''})</span>
                </Row>
              ) : null}
            </dl>
          </Section>
          {c.artifact || c.files.length ? (
            <Section title="Artifact" testId="version-artifact">
              {c.artifact ? (
                <p className="text-sm">
                  {c.artifact.name ?? 'model'} <span className="font-mono text-xs text-slate-500">sha256 {c.artifact.sha256}</span>
                  {c.artifact.size !== null ? <span className="text-xs text-slate-500"> · {c.artifact.size} bytes</span> : null}
                </p>
              ) : null}
              {c.files.length ? (
                <ul className="font-mono text-xs text-slate-600">
                  {c.files.map((f) => (
                    <li key={f.path}>
                      {f.path} · {f.size} bytes · {f.sha256.slice(0, 12)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </Section>
          ) : null}
          <VersionSignature name={name} version={version} />
          <Section title="Metrics" testId="version-metrics">
            {c.metrics.length ? (
              <table className="font-mono text-sm">
                <tbody>
                  {c.metrics.map((m) => (
                    <tr key={m.key}>
                      <td className="pr-6 text-slate-600">{m.key}</td>
                      <td>{m.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="text-sm text-slate-500">Its source logged no metrics.</p>
            )}
            {c.params.length ? <p className="font-mono text-xs text-slate-500">{c.params.map((p) => `${p.key}=${p.value}`).join('  ')}</p> : null}
          </Section>
          {c.datasets.length || c.stepInputs.length ? (
            <Section title="Data" testId="version-data">
              <ul className="space-y-0.5 text-sm">
                {c.datasets.map((d) => (
                  <li key={`${d.name}:${d.digest}`}>
                    {d.name} <span className="font-mono text-xs text-slate-500">digest {d.digest}</span> <span className="text-xs text-slate-500">{d.source}</span>
                  </li>
                ))}
                {c.stepInputs.map((i) => (
                  <li key={i.name}>
                    {i.name} <span className="font-mono text-xs text-slate-500">sha256 {i.hash}</span>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          <VersionPromotions promotions={c.promotions} />
          <LineagePanel from={{ model: { name, version } }} />
        </>
      ) : null}
    </main>
  );
}
