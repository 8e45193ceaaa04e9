import { z } from 'zod';
import { MAX_PIPELINE_FILE_CHARS, parsePipelineFile } from '../../../workflows/dsl/pipeline-file';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { ZPipelineNameSchema } from './change-pipeline';
import { createPipeline } from './create-pipeline';

export const ZImportPipelineSchema = z.object({
  /** the pipeline's name; the file's when left out */
  name: ZPipelineNameSchema.optional(),
  format: z.enum(['json', 'yaml']),
  text: z.string().max(MAX_PIPELINE_FILE_CHARS, `text: the file is larger than ${MAX_PIPELINE_FILE_CHARS / 1024 / 1024} MiB`),
});

/**
 * A pipeline from an exported file (JSON or YAML), its spec as the draft. A file with any problem
 * is refused with all of them listed (as the canvas shows them) and nothing is stored.
 */
export async function importPipeline(db: TDatabase, params: z.infer<typeof ZImportPipelineSchema> & { projectId: string; userId: string }) {
  const parsed = parsePipelineFile(params.text, params.format);
  if (!parsed.ok) throw new AppError('BAD_REQUEST', `The file has ${parsed.problems.length} problem(s)`, { problems: parsed.problems });
  const name = params.name ?? parsed.file.name;
  if (!name) throw new AppError('BAD_REQUEST', 'name: the file names no pipeline; give it a name');
  const { id } = await createPipeline(db, { projectId: params.projectId, userId: params.userId, name, description: parsed.file.description, draft: parsed.file.spec, tags: parsed.file.tags });
  return { id, name };
}
