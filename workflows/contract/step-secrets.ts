import { z } from 'zod';

/**
 * The pool worker's request for a step's secrets (web's internal endpoint, authenticated by the
 * pool workers' token). It names the step, never the secrets: web reads which the step gets from
 * the run's plan in Postgres.
 */
export const STEP_SECRETS_PATH = '/api/internal/step-secrets';

export const ZStepSecretsRequestSchema = z.strictObject({
  runId: z.uuid('runId must be a uuid'),
  nodeId: z.string().min(1).max(64),
  attempt: z.number().int().min(1).max(1_000),
});
export type TStepSecretsRequest = z.infer<typeof ZStepSecretsRequestSchema>;

/** 200: the values by name; otherwise `{ error }`, a message naming what was refused. */
export const ZStepSecretsAnswerSchema = z.object({ secrets: z.record(z.string(), z.string()) });
export type TStepSecretsAnswer = z.infer<typeof ZStepSecretsAnswerSchema>;
