'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TApiOutputs } from '@/components/providers/api-types';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Time } from '@/components/ui/time';

type TToken = TApiOutputs['apiTokens']['list'][number];

/** One token: its name, role, prefix and times; revoke it while it works. */
export function TokenRow({ projectId, token }: { projectId: string; token: TToken }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revoke = useMutation(trpc.apiTokens.revoke.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.apiTokens.list.queryKey() }) }));
  const expired = token.expiresAt.getTime() <= Date.now();
  const state = token.revokedAt ? 'revoked' : expired ? 'expired' : null;
  return (
    <div className="space-y-1 p-3" data-testid={`api-token-${token.name}`}>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="font-medium">{token.name}</span>
        <span className="font-mono text-xs text-slate-500">{token.prefix}…</span>
        <span className="rounded bg-slate-100 px-1.5 text-xs">{token.role}</span>
        {state ? <span className="text-xs font-medium text-rose-700">{state}</span> : null}
        <span className="text-xs text-slate-500">
          {token.lastUsedAt ? (
            <>
              last used <Time value={token.lastUsedAt} />
            </>
          ) : (
            'never used'
          )}
          {' · expires '}
          <Time value={token.expiresAt} />
        </span>
        {state ? null : (
          <Button className="ml-auto" variant="danger" disabled={revoke.isPending} onClick={() => revoke.mutate({ projectId, tokenId: token.id })}>
            Revoke
          </Button>
        )}
      </div>
      <ErrorText error={revoke.error} />
    </div>
  );
}
