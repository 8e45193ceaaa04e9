import { ModelMonitoring } from '@/components/monitoring/model-monitoring';

export default async function ModelMonitoringPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return <ModelMonitoring name={decodeURIComponent(name)} />;
}
