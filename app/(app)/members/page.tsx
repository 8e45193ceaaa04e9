import { MembersPage } from '@/components/members/members-page';

export default function MembersRoute() {
  return <MembersPage />;
}
