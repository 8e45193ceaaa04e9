import { InvitationPage } from '@/components/invitations/invitation-page';

export const metadata = { title: 'Invitation · Weft' };

export default async function InviteRoute({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Join a project on Weft</h1>
        <InvitationPage token={token} />
      </div>
    </main>
  );
}
