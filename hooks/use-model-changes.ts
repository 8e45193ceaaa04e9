'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';

/**
 * The model card's changes: its description, a promotion request, its protected aliases. Each
 * refreshes every models query when it settles (an alias that moved shows on the list, the card
 * and the lineage), and the approvals inbox after a promotion request.
 */
export function useModelChanges() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: trpc.models.pathKey() });
  return {
    describe: useMutation(trpc.models.describe.mutationOptions({ onSettled })),
    requestPromotion: useMutation(
      trpc.models.requestPromotion.mutationOptions({
        onSettled: () => Promise.all([onSettled(), queryClient.invalidateQueries({ queryKey: trpc.approvals.list.queryKey() })]),
      }),
    ),
    setProtectedAliases: useMutation(trpc.models.setProtectedAliases.mutationOptions({ onSettled })),
  };
}
