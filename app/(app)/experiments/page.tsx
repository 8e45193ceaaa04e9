import { ExperimentsList } from '@/components/experiments/experiments-list';

export default function ExperimentsPage() {
  return <ExperimentsList />;
}
