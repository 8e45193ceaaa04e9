'use client';

import Link from 'next/link';
import { authClient } from '@/components/auth/auth-client';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { SignUpForm } from './sign-up-form';
import { useAcceptAsUser, useInvitation, type TInvitationView } from './use-invitation';

const CLOSED: Record<Exclude<TInvitationView['state'], 'pending'>, string> = {
  accepted: 'This invitation was used already: each link works once.',
  revoked: 'This invitation was revoked. Ask the project admin for a new one.',
  expired: 'This invitation has expired. Ask the project admin for a new one.',
};

/** What the holder of an invitation link sees: sign up, or (with an account) sign in and accept. */
export function InvitationPage({ token }: { token: string }) {
  const invitation = useInvitation(token);
  if (invitation.isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (invitation.isError) return <ErrorText error={invitation.error} />;
  const view = invitation.data;
  return (
    <div className="space-y-4" data-testid="invitation">
      <p className="text-sm text-slate-700">
        {view.inviterName} invited <strong>{view.email}</strong> to <strong>{view.projectName}</strong> as <strong>{view.role}</strong>.
      </p>
      {view.state !== 'pending' ? <ErrorText error={CLOSED[view.state]} /> : view.accountExists ? <ExistingAccount token={token} view={view} /> : <SignUpForm token={token} invitation={view} />}
    </div>
  );
}

function ExistingAccount({ token, view }: { token: string; view: TInvitationView }) {
  const session = authClient.useSession();
  const accept = useAcceptAsUser();
  const signInHref = `/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`;
  if (session.isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  const email = session.data?.user.email;
  if (email?.toLowerCase() === view.email) {
    return (
      <div className="space-y-2">
        <Button variant="primary" className="w-full" disabled={accept.isPending} onClick={() => accept.mutate({ token })}>
          Join {view.projectName}
        </Button>
        <ErrorText error={accept.error} />
      </div>
    );
  }
  return (
    <div className="space-y-2 text-sm text-slate-700">
      {email ? <p>You are signed in as {email}. Sign out, then sign in as {view.email} to accept.</p> : <p>You have an account: sign in to accept.</p>}
      {email ? (
        <Button onClick={() => authClient.signOut().then(() => window.location.assign(signInHref))}>Sign out and sign in as {view.email}</Button>
      ) : (
        <Link href={signInHref} className="font-medium text-indigo-700 hover:underline">
          Sign in
        </Link>
      )}
    </div>
  );
}
