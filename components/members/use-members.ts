'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TApiOutputs } from '@/components/providers/api-types';
import { useTRPC } from '@/components/providers/trpc';

export type TMember = TApiOutputs['members']['list'][number];
export type TInvitation = TApiOutputs['invitations']['list'][number];

export function useMembers(projectId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.members.list.queryOptions({ projectId }));
}

export function useInvitations(projectId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.invitations.list.queryOptions({ projectId }));
}

/** Members, invitations and the user's own projects (their role shows in the nav) may all change. */
function useReload() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.invitations.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() }),
    ]);
}

// One hook per change, so that each form or row shows its own pending state and error.

export function useInvite() {
  const trpc = useTRPC();
  const onSuccess = useReload();
  return useMutation(trpc.invitations.create.mutationOptions({ onSuccess }));
}

export function useRevokeInvitation() {
  const trpc = useTRPC();
  const onSuccess = useReload();
  return useMutation(trpc.invitations.revoke.mutationOptions({ onSuccess }));
}

export function useSetMemberRole() {
  const trpc = useTRPC();
  const onSuccess = useReload();
  return useMutation(trpc.members.setRole.mutationOptions({ onSuccess }));
}

export function useRemoveMember() {
  const trpc = useTRPC();
  const onSuccess = useReload();
  return useMutation(trpc.members.remove.mutationOptions({ onSuccess }));
}
