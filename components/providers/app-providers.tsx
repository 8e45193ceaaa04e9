'use client';

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { useState, type ReactNode } from 'react';
import { MAX_BATCH_SIZE } from '@/server/http/request-limits';
import type { AppRouter } from '@/server/trpc/root';
import { apiTransformer } from '@/server/trpc/transformer';
import { TRPCProvider } from './trpc';
import { isClientError, isUnauthorized } from './trpc-errors';

function goToSignIn(error: unknown) {
  if (isUnauthorized(error) && window.location.pathname !== '/sign-in') {
    window.location.assign('/sign-in');
  }
}

function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: goToSignIn }),
    mutationCache: new MutationCache({ onError: goToSignIn }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
      },
    },
  });
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: '/api/trpc', transformer: apiTransformer, maxItems: MAX_BATCH_SIZE })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
