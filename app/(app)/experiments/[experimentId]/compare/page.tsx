import { notFound } from 'next/navigation';
import { CompareView } from '@/components/experiments/compare-view';

/** `?runs=<id>,<id>,…`: the runs picked in the experiment's table (a link can be shared). */
export default async function ComparePage({ params, searchParams }: { params: Promise<{ experimentId: string }>; searchParams: Promise<{ runs?: string }> }) {
  const experimentId = Number((await params).experimentId);
  if (!Number.isSafeInteger(experimentId) || experimentId <= 0) notFound();
  const runUuids = ((await searchParams).runs ?? '').split(',').filter(Boolean).slice(0, 20);
  return <CompareView experimentId={experimentId} runUuids={runUuids} />;
}
