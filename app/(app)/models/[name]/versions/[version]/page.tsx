import { notFound } from 'next/navigation';
import { VersionCard } from '@/components/models/version-card';

export default async function ModelVersionPage({ params }: { params: Promise<{ name: string; version: string }> }) {
  const { name, version } = await params;
  if (!/^\d{1,9}$/.test(version) || Number(version) < 1) notFound();
  return <VersionCard name={decodeURIComponent(name)} version={Number(version)} />;
}
