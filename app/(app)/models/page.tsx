import { ModelList } from '@/components/models/model-list';

export default function ModelsPage() {
  return <ModelList />;
}
