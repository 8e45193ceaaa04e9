import { AccountPage } from '@/components/account/account-page';

export default function AccountRoute() {
  return <AccountPage />;
}
