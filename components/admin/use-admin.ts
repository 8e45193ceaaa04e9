'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TApiOutputs } from '@/components/providers/api-types';
import { useTRPC } from '@/components/providers/trpc';

export type TAdminProject = TApiOutputs['projects']['list'][number];
export type TAdminUser = TApiOutputs['users']['list'][number];

export function useAdminProjects() {
  const trpc = useTRPC();
  return useQuery(trpc.projects.list.queryOptions());
}

export function useAdminUsers() {
  const trpc = useTRPC();
  return useQuery(trpc.users.list.queryOptions());
}

/** A project change shows in the admin list, in the user's own projects (nav) and in the teams. */
function useReloadProjects() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.projects.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.teams.list.queryKey() }),
    ]);
}

export function useCreateProject() {
  const trpc = useTRPC();
  const onSuccess = useReloadProjects();
  return useMutation(trpc.projects.create.mutationOptions({ onSuccess }));
}

export function useRenameProject() {
  const trpc = useTRPC();
  const onSuccess = useReloadProjects();
  return useMutation(trpc.projects.rename.mutationOptions({ onSuccess }));
}

export function useSetProjectArchived() {
  const trpc = useTRPC();
  const onSuccess = useReloadProjects();
  return useMutation(trpc.projects.setArchived.mutationOptions({ onSuccess }));
}

export function useSetUserDisabled() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(trpc.users.setDisabled.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() }) }));
}
