'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';

export function useSessions() {
  const trpc = useTRPC();
  return useQuery(trpc.account.sessions.queryOptions());
}

function useReloadSessions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
}

export function useChangePassword() {
  const trpc = useTRPC();
  const onSuccess = useReloadSessions();
  return useMutation(trpc.account.changePassword.mutationOptions({ onSuccess }));
}

export function useSignOutOthers() {
  const trpc = useTRPC();
  const onSuccess = useReloadSessions();
  return useMutation(trpc.account.signOutOthers.mutationOptions({ onSuccess }));
}
