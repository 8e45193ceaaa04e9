import { PipelineExperimentView } from '@/components/experiments/pipeline-experiment-view';

export default async function PipelineExperimentPage({ params }: { params: Promise<{ pipelineId: string }> }) {
  const { pipelineId } = await params;
  return <PipelineExperimentView pipelineId={pipelineId} />;
}
