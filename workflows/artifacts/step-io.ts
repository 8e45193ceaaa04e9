import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { ZIdSchema } from '../dsl';
import { ARTIFACT_NAME_RULE, ZArtifactNameSchema } from './artifact-name';
import type { ArtifactStore, TArtifactRef } from './types';

export { ZArtifactNameSchema } from './artifact-name';

/** What a step left in its output directory that cannot be stored; the message is for the user. */
export class StepOutputsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StepOutputsError';
  }
}

const list = (names: string[]) => names.map((name) => JSON.stringify(name)).join(', ');

/** Every regular file directly inside outputDir (names validated: [A-Za-z0-9._-]{1,128}, no leading dot) stored; returns name → ref. Subdirectories are refused with a clear error naming them. */
export async function collectOutputs(store: ArtifactStore, outputDir: string): Promise<Record<string, TArtifactRef>> {
  const entries = await readdir(outputDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  if (dirs.length) throw new StepOutputsError(`Outputs must be files directly in the output directory; subdirectories found: ${list(dirs)} (archive a directory into one file)`);
  // Symlinks too: an output is the bytes the step produced, not a pointer into the worker's disk.
  const others = entries.filter((e) => !e.isFile()).map((e) => e.name);
  if (others.length) throw new StepOutputsError(`Outputs must be regular files; not regular files: ${list(others)}`);
  const badNames = entries.map((e) => e.name).filter((name) => !ZArtifactNameSchema.safeParse(name).success);
  if (badNames.length) throw new StepOutputsError(`Invalid output names: ${list(badNames)}. ${ARTIFACT_NAME_RULE}`);

  // A hard link is a name for a file the step did not write (an input, or anything its uid can read).
  const linked: string[] = [];
  for (const e of entries) if ((await lstat(path.join(outputDir, e.name))).nlink > 1) linked.push(e.name);
  if (linked.length) throw new StepOutputsError(`Outputs must be files the step wrote, not hard links to other files: ${list(linked)} (copy the file instead)`);

  const refs: [string, TArtifactRef][] = [];
  for (const name of entries.map((e) => e.name).sort()) refs.push([name, await store.putFile(path.join(outputDir, name))]);
  // fromEntries, not assignment: a name like "__proto__" stays an own key.
  return Object.fromEntries(refs);
}

/** An input as the step sees it: a file at `dest` with the stored content `hash`. */
export type TInputFile = { dest: string; hash: string };

/** What the step's input file says and where the files go: fromNode → name → dir/<fromNode>/<name>. */
export type TInputHandover = { paths: Record<string, Record<string, string>>; files: TInputFile[] };

/** Plans where upstream outputs appear in the step's directory (nothing is written yet). */
export function planInputs(inputs: Record<string, Record<string, TArtifactRef>>, dir: string): TInputHandover {
  const files: TInputFile[] = [];
  const paths: [string, Record<string, string>][] = [];
  for (const [fromNode, artifacts] of Object.entries(inputs)) {
    // Both become path segments: refuse anything that could climb out of dir.
    ZIdSchema.parse(fromNode);
    const nodePaths: [string, string][] = [];
    for (const [name, ref] of Object.entries(artifacts)) {
      const dest = path.resolve(dir, fromNode, ZArtifactNameSchema.parse(name));
      files.push({ dest, hash: ref.hash });
      nodePaths.push([name, dest]);
    }
    // fromEntries, not assignment: a name like "__proto__" stays an own key.
    paths.push([fromNode, Object.fromEntries(nodePaths)]);
  }
  return { paths: Object.fromEntries(paths), files };
}

/**
 * Hands the inputs to a step without ever giving it write access to the store: read-only bind
 * mounts of the stored files where the step runs in a sandbox and the store is local (returned,
 * for the sandbox to mount; no copy), else copies checked against their hashes. Never hard links:
 * a hard link is the stored file, and a chmod away from changing it for every later reader.
 */
export async function handOverInputs(store: ArtifactStore, files: TInputFile[], opts: { mount: boolean }): Promise<{ source: string; dest: string }[]> {
  const mounts: { source: string; dest: string }[] = [];
  for (const file of files) {
    if (opts.mount && store.readOnlyPath) mounts.push({ source: await store.readOnlyPath(file.hash), dest: file.dest });
    else await store.getFile(file.hash, file.dest);
  }
  return mounts;
}

/** Copies of the inputs at their planned paths (tests and tools; a step gets handOverInputs). */
export async function materializeInputs(store: ArtifactStore, inputs: Record<string, Record<string, TArtifactRef>>, dir: string): Promise<Record<string, Record<string, string>>> {
  const plan = planInputs(inputs, dir);
  await handOverInputs(store, plan.files, { mount: false });
  return plan.paths;
}

/** The side channel's lines (written by weft_step.py); z.number() refuses NaN and ±Infinity. */
const ZStepEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('metric'), key: z.string().min(1).max(256), value: z.number() }),
  z.object({ type: z.literal('progress'), fraction: z.number().min(0).max(1), message: z.string().default('').transform((m) => m.slice(0, 1000)) }),
]);

type TStepEvents = { metrics: Record<string, number>; progress: { fraction: number; message: string } | null };

/** Reads the step's event side channel (JSON lines written by weft_step.py): metrics (last value per key, finite numbers only) and the latest progress; malformed lines are ignored. */
export async function readStepEvents(file: string): Promise<TStepEvents> {
  const metrics = new Map<string, number>(); // a Map, so that a key like "__proto__" is just a key
  let progress: TStepEvents['progress'] = null;
  const stream = createReadStream(file, { encoding: 'utf8' });
  try {
    // Line by line: a step may log a metric per batch, and the file can grow large.
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
      const event = ZStepEventSchema.safeParse(parseJson(line));
      if (!event.success) continue; // user code writes this file: a line cut short by a killed step is normal
      if (event.data.type === 'metric') metrics.set(event.data.key, event.data.value);
      else progress = { fraction: event.data.fraction, message: event.data.message };
    }
  } catch (error) {
    // No file: the step logged nothing.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  } finally {
    stream.destroy();
  }
  return { metrics: Object.fromEntries(metrics), progress };
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
