'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TApiOutputs } from '@/components/providers/api-types';
import { useTRPC } from '@/components/providers/trpc';

export type TTeamList = TApiOutputs['teams']['list'];
export type TTeam = TTeamList['teams'][number];

/** Teams with their members, projects and pool shares, and the projects no team has. */
export function useTeams() {
  const trpc = useTRPC();
  return useQuery(trpc.teams.list.queryOptions());
}

/** Every change shows in teams.list (members, projects and shares all come back with it). */
function useReloadTeams() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.teams.list.queryKey() });
}

// One hook per change, so that each form or row shows its own pending state and error.

export function useCreateTeam() {
  const trpc = useTRPC();
  const onSuccess = useReloadTeams();
  return useMutation(trpc.teams.create.mutationOptions({ onSuccess }));
}

export function useSetTeamMember() {
  const trpc = useTRPC();
  const onSuccess = useReloadTeams();
  return useMutation(trpc.teams.setMember.mutationOptions({ onSuccess }));
}

export function useAssignProject() {
  const trpc = useTRPC();
  const onSuccess = useReloadTeams();
  return useMutation(trpc.teams.assignProject.mutationOptions({ onSuccess }));
}

export function useSetTeamShare() {
  const trpc = useTRPC();
  const onSuccess = useReloadTeams();
  return useMutation(trpc.teams.setShare.mutationOptions({ onSuccess }));
}
