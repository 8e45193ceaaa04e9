import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';

/** What each procedure answers, derived from the router: components never restate these shapes. */
export type TApiOutputs = inferRouterOutputs<AppRouter>;
