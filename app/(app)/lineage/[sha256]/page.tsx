import { notFound } from 'next/navigation';
import { LineagePanel } from '@/components/lineage/lineage-panel';

/** The lineage around an artifact, by its sha256 (what the run page's artifacts link to). */
export default async function ArtifactLineagePage({ params }: { params: Promise<{ sha256: string }> }) {
  const { sha256 } = await params;
  if (!/^[0-9a-f]{64}$/.test(sha256)) notFound();
  return (
    <main className="mx-auto max-w-6xl space-y-2 p-6">
      <h1 className="text-lg font-semibold">
        Artifact <span className="font-mono text-sm text-slate-500">{sha256}</span>
      </h1>
      <LineagePanel from={{ artifact: sha256 }} />
    </main>
  );
}
