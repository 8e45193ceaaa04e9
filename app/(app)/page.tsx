import { PipelineList } from '@/components/pipelines/pipeline-list';

export default function PipelinesPage() {
  return <PipelineList />;
}
