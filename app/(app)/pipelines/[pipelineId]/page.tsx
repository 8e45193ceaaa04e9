import { PipelineEditor } from '@/components/canvas/pipeline-editor';

export default async function PipelinePage({ params }: { params: Promise<{ pipelineId: string }> }) {
  const { pipelineId } = await params;
  return <PipelineEditor pipelineId={pipelineId} />;
}
