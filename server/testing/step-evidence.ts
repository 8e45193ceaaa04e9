import { randomInt } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Steps run sandboxed: their /tmp is their own and their pids are of their own namespace. What a
 * test's step leaves for the test to read goes into the shared directory that `npm test` gives
 * every step (WEFT_STEP_SHARED_DIRS), and its processes are found by their command line.
 */
export function sharedPath(name: string): string {
  const dir = process.env.WEFT_STEP_SHARED_DIRS?.split(',')[0]?.trim() || os.tmpdir();
  return path.join(dir, name);
}

/** Names of the files in the shared directory that start with `prefix`. */
export async function sharedFilesStartingWith(prefix: string): Promise<string[]> {
  return (await readdir(path.dirname(sharedPath(prefix)))).filter((name) => name.startsWith(prefix));
}

/** `sleep` seconds that no other process has on its command line: 300.123456789 sleeps 300 s. */
export function uniqueSleep(seconds: number): string {
  return `${seconds}.${String(randomInt(1e8, 1e9))}`;
}

/** Host pids whose command line contains `part`, in any pid namespace. */
export async function processesWith(part: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.replaceAll('\0', ' ').includes(part)) pids.push(Number(entry));
  }
  return pids;
}
