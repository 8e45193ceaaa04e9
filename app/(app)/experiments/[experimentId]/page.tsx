import { notFound } from 'next/navigation';
import { ExperimentView } from '@/components/experiments/experiment-view';

export default async function ExperimentPage({ params }: { params: Promise<{ experimentId: string }> }) {
  const experimentId = Number((await params).experimentId);
  if (!Number.isSafeInteger(experimentId) || experimentId <= 0) notFound();
  return <ExperimentView experimentId={experimentId} />;
}
