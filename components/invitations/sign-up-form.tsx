'use client';

import { useState, type FormEvent } from 'react';
import { authClient } from '@/components/auth/auth-client';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Field, Input } from '@/components/ui/field';
import { useHydrated } from '@/hooks/use-hydrated';
import { enterProject, useAcceptAsNewUser, type TInvitationView } from './use-invitation';

/** Creates the account the invitation is for (its e-mail address is fixed), then signs in. */
export function SignUpForm({ token, invitation }: { token: string; invitation: TInvitationView }) {
  const accept = useAcceptAsNewUser();
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('repeat') ?? '')) return setError('The two passwords differ');
    setError(null);
    const joined = await accept.mutateAsync({ token, name: String(form.get('name') ?? '').trim(), password }).catch(() => null);
    if (!joined) return;
    const { error: failure } = await authClient.signIn.email({ email: invitation.email, password });
    if (failure) return setError(`Your account is ready, but signing in failed: ${failure.message ?? 'try the sign-in page'}`);
    enterProject(joined.projectId);
  }

  return (
    // POST and disabled until hydrated, like the sign-in form: a password never goes into a URL
    <form method="post" onSubmit={onSubmit} className="space-y-4" data-testid="sign-up">
      <Field label="E-mail">
        <Input value={invitation.email} readOnly disabled />
      </Field>
      <Field label="Your name">
        <Input name="name" required maxLength={120} autoComplete="name" autoFocus />
      </Field>
      <Field label="Password" hint="8 to 128 characters">
        <Input name="password" type="password" required minLength={8} maxLength={128} autoComplete="new-password" />
      </Field>
      <Field label="Repeat the password">
        <Input name="repeat" type="password" required minLength={8} maxLength={128} autoComplete="new-password" />
      </Field>
      <ErrorText error={error ?? accept.error} />
      <Button type="submit" variant="primary" className="w-full" disabled={accept.isPending || !hydrated}>
        Create account and join
      </Button>
    </form>
  );
}
