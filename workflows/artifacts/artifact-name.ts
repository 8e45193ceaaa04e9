import { z } from 'zod';

export const ARTIFACT_NAME_RULE = 'An artifact name is 1-128 letters, digits, ".", "_" or "-", and does not start with "."';

/**
 * A step output's name: it comes from user code and becomes a file name on every worker that
 * reads it, so it is one plain path segment. weft_step.py's output_path applies the same rule.
 */
export const ZArtifactNameSchema = z.string().regex(/^(?!\.)[A-Za-z0-9._-]{1,128}$/, ARTIFACT_NAME_RULE);

export type TArtifactName = z.infer<typeof ZArtifactNameSchema>;
