import { execFile } from 'node:child_process';
import path from 'node:path';
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

/**
 * What a fork of the warm interpreter inside bubblewrap does before the step's code runs
 * (weft_isolate.py): its scratch directory and inputs put back over tmpfs-covered `hide` paths,
 * the `keep` directories (shared dirs, read-write) and `keepReadOnly` ones (the venv and helper
 * where they lie under /tmp) carried over, a private /tmp, its own pid namespace.
 */
export type TIsolation = { workDir: string; inputs: TMount[]; hide: string[]; keep: string[]; keepReadOnly: string[]; stage: string };

/** Where a fork of the warm interpreter stages its mounts (a directory bwrap makes in the sandbox's root). */
export const ISOLATION_STAGE = '/run/weft-stage';

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
  /** bubblewrap with a warm interpreter: its sandbox's uid, and what its forks cover */
  private warm?: { identity?: TStepIdentity; hide: string[]; keepReadOnly: string[] };

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

  /**
   * The warm interpreter's own sandbox (bubblewrap only): the system, the venv and helper, the
   * scratch root and the store read-only... everything its forks may need, which each fork then
   * narrows to its own step (weft_isolate.py). From now on steps run as its forks.
   */
  warmPlan(argv: string[], opts: { readOnly: TMount[]; scratchRoot: string }): TSpawnPlan {
    if (!this.warm) throw new Error('warmPlan before warmSteps');
    return this.bwrapPlan(argv, { cwd: '/', workDir: opts.scratchRoot, readOnly: opts.readOnly }, this.warm.identity, { nestedSandboxes: true, dirs: [ISOLATION_STAGE] });
  }

  /**
   * From now on steps run as forks of the warm interpreter, as its sandbox's uid; they cover
   * `hide` and /tmp with empty tmpfs, and put back what of their sandbox's read-only view lies
   * under /tmp (a checkout in /tmp has its venv there).
   */
  warmSteps(hide: string[], readOnly: string[]): void {
    const underTmp = (dir: string) => dir === '/tmp' || dir.startsWith('/tmp/');
    this.warm = { identity: this.opts.identities?.take(), hide, keepReadOnly: readOnly.filter((dir) => underTmp(dir) && !hide.includes(dir)) };
  }

  /** The warm interpreter's sandbox failed its probe: steps run cold, a sandbox each, as uids of their own. */
  coldSteps(): void {
    if (this.warm?.identity) this.opts.identities?.release(this.warm.identity);
    this.warm = undefined;
  }

  /** What the warm interpreter is told for one step: to isolate it (bubblewrap), or which uid to become. */
  forkOptions(view: TStepView, identity: TStepIdentity | undefined): { isolate?: TIsolation; identity?: TStepIdentity } {
    if (this.kind === 'bwrap' && this.warm) {
      const inputs = view.readOnly.filter((m) => m.dest.startsWith(view.workDir + path.sep));
      const { hide, keepReadOnly } = this.warm;
      return { isolate: { workDir: view.workDir, inputs, hide, keep: this.opts.sharedDirs ?? [], keepReadOnly, stage: ISOLATION_STAGE } };
    }
    return identity ? { identity } : {};
  }

  /** Whether inputs can be read-only bind mounts of the stored files (else they are copies). */
  get mountsInputs(): boolean {
    return this.kind === 'bwrap';
  }

  /** The identity an attempt runs as (a warm interpreter's steps: its sandbox's); give it back with `release`. */
  take(): TStepIdentity | undefined {
    if (this.warm) return this.warm.identity;
    return this.kind === 'off' ? undefined : this.opts.identities?.take();
  }

  /** Kills whatever the attempt's uid still runs (a daemon it left behind), then frees the uid. */
  async release(identity: TStepIdentity | undefined): Promise<void> {
    if (!identity || identity === this.warm?.identity) return;
    // (bwrap's pid namespace already took everything down with the step; a bare uid did not)
    if (this.kind === 'uid') await killAllOf(identity.uid);
    this.opts.identities?.release(identity);
  }

  plan(argv: string[], view: TStepView, identity: TStepIdentity | undefined): TSpawnPlan {
    if (this.kind !== 'bwrap') return { command: argv[0]!, args: argv.slice(1), ...(identity ? { uid: identity.uid, gid: identity.gid } : {}) };
    return this.bwrapPlan(argv, view, identity, {});
  }

  private bwrapPlan(argv: string[], view: TStepView, identity: TStepIdentity | undefined, extra: Pick<TSandboxLayout, 'nestedSandboxes' | 'dirs'>): TSpawnPlan {
    const ids = identity ? { uid: identity.uid, gid: identity.gid } : {};
    const layout: TSandboxLayout = {
      ...extra,
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
