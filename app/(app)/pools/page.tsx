import { PoolsPage } from '@/components/pools/pools-page';

export default function PoolsRoute() {
  return <PoolsPage />;
}
