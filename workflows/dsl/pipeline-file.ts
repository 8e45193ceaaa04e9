import { parse, stringify } from 'yaml';
import { z } from 'zod';
import type { TSpecProblem } from './problems';
import type { TPipelineSpec } from './spec';
import { validateSpec } from './validate';

/** What an exported pipeline file holds: the pipeline's name, description, tags and spec. */
export type TPipelineFile = { name: string; description: string; tags: string[]; spec: TPipelineSpec };
export type TPipelineFileFormat = 'json' | 'yaml';

/** A pipeline file larger than this is refused before it is parsed. */
export const MAX_PIPELINE_FILE_CHARS = 2 * 1024 * 1024;
const FILE_KIND = 'weft-pipeline';

const ZEnvelopeSchema = z.object({
  kind: z.literal(FILE_KIND),
  version: z.literal(1),
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(2_000).default(''),
  tags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
  spec: z.unknown(),
});

export type TParsedPipelineFile = { ok: true; file: Omit<TPipelineFile, 'name'> & { name?: string } } | { ok: false; problems: TSpecProblem[] };

const fileProblem = (message: string): TParsedPipelineFile => ({ ok: false, problems: [{ code: 'invalid_spec', message }] });

/**
 * Reads an exported pipeline (JSON or YAML; a bare spec is accepted too) and validates it as the
 * canvas would: every problem is listed, by node, and nothing is returned unless all is well.
 */
export function parsePipelineFile(text: string, format: TPipelineFileFormat): TParsedPipelineFile {
  if (text.length > MAX_PIPELINE_FILE_CHARS) return fileProblem(`The file is larger than ${MAX_PIPELINE_FILE_CHARS / 1024 / 1024} MiB`);
  let data: unknown;
  try {
    // (YAML aliases are capped: a file of nested aliases must not expand without end)
    data = format === 'json' ? JSON.parse(text) : parse(text, { maxAliasCount: 100, prettyErrors: true });
  } catch (error) {
    return fileProblem(`The file is not valid ${format.toUpperCase()}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fileProblem('The file must hold a pipeline (an object with nodes and edges)');
  const isEnvelope = 'kind' in data;
  const envelope = isEnvelope ? ZEnvelopeSchema.safeParse(data) : undefined;
  if (envelope && !envelope.success) {
    return { ok: false, problems: envelope.error.issues.map((issue) => ({ code: 'invalid_spec', message: `${issue.path.join('.') || 'file'}: ${issue.message}` })) };
  }
  const validation = validateSpec(envelope?.data.spec ?? data);
  if (!validation.ok) return { ok: false, problems: validation.problems };
  const meta = envelope?.data;
  return { ok: true, file: { ...(meta?.name ? { name: meta.name } : {}), description: meta?.description ?? '', tags: meta?.tags ?? [], spec: validation.spec } };
}

/** The file a pipeline exports to: an envelope that says what it is, then the spec. */
export function serializePipelineFile(file: TPipelineFile, format: TPipelineFileFormat): string {
  const envelope = { kind: FILE_KIND, version: 1, name: file.name, description: file.description, tags: file.tags, spec: file.spec };
  return format === 'json' ? `${JSON.stringify(envelope, null, 2)}\n` : stringify(envelope, { lineWidth: 0 });
}

/** The format a file name says (YAML unless it ends in .json). */
export const pipelineFileFormat = (fileName: string): TPipelineFileFormat => (/\.json$/i.test(fileName) ? 'json' : 'yaml');
