import type { z } from 'zod';
import type { TDatabase } from '../../db/client';
import type { TTrackingCaller } from '../../services/tracking/tracking-access';

export type TVerb = 'GET' | 'POST' | 'PATCH' | 'DELETE';
/** An endpoint answers JSON, or a Response of its own (a promotion that waits answers 202). */
export type TEndpoint = { methods: readonly TVerb[]; schema: z.ZodType; run: (db: TDatabase, caller: TTrackingCaller, body: unknown) => Promise<unknown> };

/** One endpoint: the verbs the client uses for it, its request schema and one service call. */
export const endpoint = <S extends z.ZodType>(methods: readonly TVerb[], schema: S, run: (db: TDatabase, caller: TTrackingCaller, body: z.infer<S>) => Promise<unknown>): TEndpoint => ({
  methods,
  schema: schema as z.ZodType,
  run: run as TEndpoint['run'],
});

export const GET = ['GET'] as const;
export const POST = ['POST'] as const;
// searches: POST as the client sends them, GET as MLflow's server also allows
export const BOTH = ['GET', 'POST'] as const;
