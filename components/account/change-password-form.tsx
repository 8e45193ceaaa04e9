'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Field, Input } from '@/components/ui/field';
import { useChangePassword } from './use-account';

/** The current password, the new one twice; by default every other session is signed out. */
export function ChangePasswordForm() {
  const change = useChangePassword();
  const [mismatch, setMismatch] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = String(form.get('newPassword') ?? '');
    const differs = newPassword !== String(form.get('repeat') ?? '');
    setMismatch(differs);
    if (differs) return;
    change.mutate(
      { currentPassword: String(form.get('currentPassword') ?? ''), newPassword, signOutOthers: form.get('signOutOthers') === 'on' },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} className="max-w-sm space-y-3" data-testid="change-password">
      <Field label="Current password">
        <Input name="currentPassword" type="password" autoComplete="current-password" required maxLength={128} />
      </Field>
      <Field label="New password" hint="8 to 128 characters">
        <Input name="newPassword" type="password" autoComplete="new-password" required minLength={8} maxLength={128} />
      </Field>
      <Field label="Repeat the new password">
        <Input name="repeat" type="password" autoComplete="new-password" required minLength={8} maxLength={128} />
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="signOutOthers" defaultChecked /> Sign out my other sessions
      </label>
      <ErrorText error={mismatch ? 'The two new passwords differ' : change.error} />
      {change.data ? (
        <p className="text-sm text-emerald-800" role="status">
          Password changed{change.data.sessionsEnded ? `; ${change.data.sessionsEnded} other session(s) signed out` : ''}.
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={change.isPending}>
        Change password
      </Button>
    </form>
  );
}
