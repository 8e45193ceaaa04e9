'use client';

import { useProject } from '@/components/project/project-context';
import { roleAtLeast } from '@/components/project/roles';
import { ErrorText } from '@/components/ui/error-text';
import { SecretForm } from './secret-form';
import { SecretRow } from './secret-row';
import { useSecrets } from './use-secrets';

/** The project's secrets: admins add, replace and delete values; every member sees the names. */
export function SecretsPage() {
  const { project } = useProject();
  const secrets = useSecrets(project.id);
  const canManage = roleAtLeast(project.role, 'admin');
  return (
    <main className="mx-auto max-w-3xl space-y-6 p-6">
      <div className="space-y-1">
        <h1 className="text-lg font-semibold">Secrets</h1>
        <p className="text-sm text-slate-600">
          A node gets the secrets it names (in its properties) as environment variables; they are hidden in its log. Values are stored
          encrypted and never shown again after saving.{canManage ? '' : ' Only project admins set them.'}
        </p>
      </div>
      {canManage ? <SecretForm projectId={project.id} /> : null}
      <ErrorText error={secrets.error} />
      {secrets.isPending ? <p className="text-sm text-slate-500">Loading…</p> : null}
      {secrets.data?.length === 0 ? <p className="text-sm text-slate-500">No secrets yet.</p> : null}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="secret-list">
        {secrets.data?.map((secret) => (
          <li key={secret.name}>
            <SecretRow projectId={project.id} secret={secret} canManage={canManage} />
          </li>
        ))}
      </ul>
    </main>
  );
}
