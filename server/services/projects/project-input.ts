import { z } from 'zod';

export const ZProjectNameSchema = z.string().trim().min(1, 'Name is required').max(120, 'Name is longer than 120 characters');
/** The project's short name in URLs and logs: never changes once created. */
export const ZProjectSlugSchema = z
  .string()
  .trim()
  .min(2, 'at least 2 characters')
  .max(60, 'longer than 60 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters and digits, words joined by single hyphens');

export const ZCreateProjectSchema = z.object({
  name: ZProjectNameSchema,
  slug: ZProjectSlugSchema,
  /** the team its runs are attributed to; null: unassigned */
  teamId: z.uuid('teamId must be a uuid').nullable().default(null),
});
export type TCreateProject = z.infer<typeof ZCreateProjectSchema>;

export const ZProjectRefSchema = z.object({ projectId: z.uuid('projectId must be a uuid') });
