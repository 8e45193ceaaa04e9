'use client';

import { useProject } from '@/components/project/project-context';
import { ChangePasswordForm } from './change-password-form';
import { SessionsList } from './sessions-list';

export function AccountPage() {
  const { user } = useProject();
  return (
    <main className="mx-auto max-w-4xl space-y-6 p-6">
      <div>
        <h1 className="text-lg font-semibold">Your account</h1>
        <p className="text-sm text-slate-500">
          {user.name} · {user.email}
        </p>
      </div>
      <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-sm font-semibold">Change password</h2>
        <ChangePasswordForm />
      </section>
      <SessionsList />
    </main>
  );
}
