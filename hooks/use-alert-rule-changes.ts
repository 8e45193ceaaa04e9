'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';

/** A model's alert rules: create, turn on or off, delete; each refreshes the model's monitoring. */
export function useAlertRuleChanges() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: trpc.models.monitoring.queryKey() });
  return {
    create: useMutation(trpc.alertRules.create.mutationOptions({ onSettled })),
    enable: useMutation(trpc.alertRules.enable.mutationOptions({ onSettled })),
    disable: useMutation(trpc.alertRules.disable.mutationOptions({ onSettled })),
    remove: useMutation(trpc.alertRules.delete.mutationOptions({ onSettled })),
  };
}
