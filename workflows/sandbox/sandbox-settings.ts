import { z } from 'zod';

/**
 * How a pool worker isolates the processes of its steps (each pool is a worker process, so these
 * are per pool). Read once, at the worker's start.
 */
export const ZSandboxSettingsSchema = z.object({
  /**
   * auto: bubblewrap when it works here, else an unprivileged uid when the worker is root, else
   * nothing (said loudly at start). bwrap / uid: exactly that, or the worker refuses to start.
   * off: steps run as the worker's user (trusted code only).
   */
  WEFT_STEP_SANDBOX: z.enum(['auto', 'bwrap', 'uid', 'off']).default('auto'),
  /**
   * A sandboxed step's network. on: the internet through slirp4netns, never the host's loopback
   * services (Temporal, PostgreSQL); off: none at all; host: the host's own network, loopback
   * included (trusted code only). A uid without bubblewrap cannot change what a step reaches.
   */
  WEFT_STEP_NETWORK: z.enum(['on', 'off', 'host']).default('on'),
  /**
   * Host directories every step may read and write, at the same path (comma-separated; e.g. a
   * shared dataset cache). None by default: a step's only writable place is its scratch directory.
   */
  WEFT_STEP_SHARED_DIRS: z
    .string()
    .default('')
    .transform((list) => list.split(',').map((dir) => dir.trim()).filter(Boolean))
    .pipe(z.array(z.string().startsWith('/', { message: 'WEFT_STEP_SHARED_DIRS must list absolute paths' }))),
  /** The first of the uids (and gids) steps run as when the worker is root; one per running step. */
  WEFT_STEP_UID_BASE: z.coerce.number().int().min(1000).max(2 ** 31 - 70_000).default(200_000),
});

export type TSandboxSettings = z.infer<typeof ZSandboxSettingsSchema>;

export function readSandboxSettings(env: Readonly<Record<string, string | undefined>> = process.env): TSandboxSettings {
  const parsed = ZSandboxSettingsSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) throw new Error(`Invalid step sandbox settings: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
