'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Field, Input } from '@/components/ui/field';
import { useHydrated } from '@/hooks/use-hydrated';
import { authClient } from './auth-client';

/** Signs in, then goes to `next` (a path of this site, see safeNextPath). */
export function SignInForm({ next = '/' }: { next?: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const { error: failure } = await authClient.signIn.email({
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    });
    if (failure) {
      setBusy(false);
      setError(failure.message ?? 'Sign in failed');
      return;
    }
    // Another user's cached answers must not show through.
    queryClient.clear();
    router.replace(next);
  }

  return (
    // Until React has hydrated, the browser would submit natively: POST (never a URL with the
    // password in it), and the button stays disabled so it does not happen at all.
    <form method="post" onSubmit={onSubmit} className="space-y-4">
      <Field label="Email">
        <Input name="email" type="email" autoComplete="email" required autoFocus />
      </Field>
      <Field label="Password">
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <ErrorText error={error} />
      <Button type="submit" variant="primary" className="w-full" disabled={busy || !hydrated}>
        {busy ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
