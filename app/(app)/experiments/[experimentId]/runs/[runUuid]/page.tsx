import { notFound } from 'next/navigation';
import { TrackingRunView } from '@/components/experiments/tracking-run-view';

export default async function TrackingRunPage({ params }: { params: Promise<{ experimentId: string; runUuid: string }> }) {
  const { experimentId, runUuid } = await params;
  const id = Number(experimentId);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return <TrackingRunView experimentId={id} runUuid={runUuid} />;
}
