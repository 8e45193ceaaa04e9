import { execFile } from 'node:child_process';
import { bwrapArgs, type TMount, type TSandboxLayout, type TSandboxNetwork } from './bwrap-args';
import type { StepIdentities, TStepIdentity } from './step-identities';

/** How step processes are isolated from the worker, Weft's files and each other. */
export type TSandboxKind = 'bwrap' | 'uid' | 'off';

/** What one attempt's processes may see besides the system: its scratch directory and its inputs. */
export type TStepView = {
  cwd: string;
  /** the scratch directory (read-write) */
  workDir: string;
  /** inputs, the interpreter's venv and the step helper (read-only) */
  readOnly: TMount[];
};

/** How to start one process of a step: a command for spawn(), with the ids to spawn it as. */
export type TSpawnPlan = { command: string; args: string[]; uid?: number; gid?: number; slirp?: { binary: string } };

/**
 * A pool worker's way of running step processes (chosen once, at start: detectSandbox).
 * - bwrap: each step process in its own bubblewrap sandbox, as a uid of its own when the worker
 *   is root (else as the worker's uid, still alone in its namespaces);
 * - uid: as a uid of its own (root workers without bubblewrap): Weft's files and other steps'
 *   processes are out of reach, but the host's filesystem is as readable as for any local user;
 * - off: as the worker itself (trusted code only).
 */
export class StepSandbox {
  constructor(
    readonly kind: TSandboxKind,
    private readonly opts: {
      bwrap?: string;
      system?: TSandboxLayout['system'];
      devices?: string[];
      network: TSandboxNetwork;
      /** slirp4netns, for the 'slirp' network */
      slirp?: string;
      /** host directories every step may write (WEFT_STEP_SHARED_DIRS) */
      sharedDirs?: string[];
      /** root workers: a uid per running step */
      identities?: StepIdentities;
    },
  ) {}

  /** Steps fork from a warm interpreter only outside bubblewrap: a fork would share its sandbox. */
  get allowsWarmPython(): boolean {
    return this.kind !== 'bwrap';
  }

  /** Whether inputs can be read-only bind mounts of the stored files (else they are copies). */
  get mountsInputs(): boolean {
    return this.kind === 'bwrap';
  }

  /** The identity an attempt runs as, if it gets one of its own; give it back with `release`. */
  take(): TStepIdentity | undefined {
    return this.kind === 'off' ? undefined : this.opts.identities?.take();
  }

  /** Kills whatever the attempt's uid still runs (a daemon it left behind), then frees the uid. */
  async release(identity: TStepIdentity | undefined): Promise<void> {
    if (!identity) return;
    // (bwrap's pid namespace already took everything down with the step; a bare uid did not)
    if (this.kind === 'uid') await killAllOf(identity.uid);
    this.opts.identities?.release(identity);
  }

  plan(argv: string[], view: TStepView, identity: TStepIdentity | undefined): TSpawnPlan {
    const ids = identity ? { uid: identity.uid, gid: identity.gid } : {};
    if (this.kind !== 'bwrap') return { command: argv[0]!, args: argv.slice(1), ...ids };
    const layout: TSandboxLayout = {
      system: this.opts.system!,
      readOnly: view.readOnly,
      writable: [view.workDir, ...(this.opts.sharedDirs ?? [])].map((dir) => ({ source: dir, dest: dir })),
      devices: this.opts.devices ?? [],
      network: this.opts.network,
      uid: identity?.uid ?? process.getuid?.() ?? 0,
      gid: identity?.gid ?? process.getgid?.() ?? 0,
      cwd: view.cwd,
    };
    return { command: this.opts.bwrap!, args: bwrapArgs(layout, argv), ...ids, ...(layout.network === 'slirp' && { slirp: { binary: this.opts.slirp! } }) };
  }
}

function killAllOf(uid: number): Promise<void> {
  return new Promise((resolve) => execFile('pkill', ['-KILL', '-U', String(uid)], () => resolve()));
}
