import { ModelCard } from '@/components/models/model-card';

export default async function ModelPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return <ModelCard name={decodeURIComponent(name)} />;
}
