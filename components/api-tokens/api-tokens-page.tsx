'use client';

import { useQuery } from '@tanstack/react-query';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { ErrorText } from '@/components/ui/error-text';
import { NewTokenForm } from './new-token-form';
import { TokenRow } from './token-row';

/** Your personal API tokens for the current project: what an MLflow script on your laptop logs with. */
export function ApiTokensPage() {
  const { project } = useProject();
  const trpc = useTRPC();
  const tokens = useQuery(trpc.apiTokens.list.queryOptions({ projectId: project.id }));
  return (
    <main className="mx-auto max-w-3xl space-y-6 p-6">
      <div className="space-y-1">
        <h1 className="text-lg font-semibold">API tokens</h1>
        <p className="text-sm text-slate-600">
          A token lets an MLflow client log into this project as you (MLFLOW_TRACKING_TOKEN), with at most its role and never more than
          your role here now. Only a hash is stored: copy the token when it is shown.
        </p>
      </div>
      <NewTokenForm projectId={project.id} role={project.role} />
      <ErrorText error={tokens.error} />
      {tokens.data?.length === 0 ? <p className="text-sm text-slate-500">No tokens yet.</p> : null}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="api-token-list">
        {tokens.data?.map((token) => (
          <li key={token.id}>
            <TokenRow projectId={project.id} token={token} />
          </li>
        ))}
      </ul>
    </main>
  );
}
