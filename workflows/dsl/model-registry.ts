import { z } from 'zod';

// Registry rules the pipeline DSL shares with the server's registry (server/services/registry):
// written once here, so a "Promote model" node and the MLflow API accept the same aliases.

/** MLflow's key limit, which aliases share */
export const MAX_ALIAS_LENGTH = 250;
export const MAX_MODEL_NAME_LENGTH = 256;

/** MLflow's rule for alias names: letters, digits, _ and -, not "latest" nor v<number> (those name versions) */
export const ZAliasSchema = z
  .string()
  .min(1, 'an alias is required')
  .max(MAX_ALIAS_LENGTH, `at most ${MAX_ALIAS_LENGTH} characters`)
  .regex(/^[\w-]+$/, 'may contain only letters, digits, _ and -')
  .refine((a) => !/^(latest|v\d+)$/i.test(a), 'is reserved (latest and v<number> name versions)');
