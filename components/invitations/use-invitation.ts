'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TApiOutputs } from '@/components/providers/api-types';
import { useTRPC } from '@/components/providers/trpc';
import { storeProjectChoice } from '@/components/project/project-context';

export type TInvitationView = TApiOutputs['invitations']['read'];

export function useInvitation(token: string) {
  const trpc = useTRPC();
  return useQuery(trpc.invitations.read.queryOptions({ token }, { staleTime: Infinity }));
}

/** After joining: the joined project becomes the current one, on a full load (nothing cached of a previous user). */
export function enterProject(projectId: string): void {
  storeProjectChoice(projectId);
  window.location.assign('/');
}

export function useAcceptAsUser() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.invitations.accept.mutationOptions({
      onSuccess: ({ projectId }) => {
        queryClient.clear();
        enterProject(projectId);
      },
    }),
  );
}

export function useAcceptAsNewUser() {
  const trpc = useTRPC();
  return useMutation(trpc.invitations.acceptAsNewUser.mutationOptions());
}
