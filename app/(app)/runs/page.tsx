import { RunList } from '@/components/run-list/run-list';

export default function RunsPage() {
  return <RunList />;
}
