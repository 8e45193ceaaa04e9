import { randomInt } from 'node:crypto';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The uid and gid one step process runs as. */
export type TStepIdentity = { uid: number; gid: number };

const RANGE = 65_536;

/**
 * Hands each running step a uid of its own, from [base, base + 65536): a step cannot read another
 * step's scratch directory or /proc/<pid>/environ (its secrets), nor signal its processes. (Needs
 * a root worker: only root can setuid.)
 *
 * Every pool worker on the host draws from the same range, so a uid is claimed with a lock file
 * (created exclusively, naming the worker's pid) in `lockDir`; a lock whose worker died is taken
 * over. Workers start at random places in the range and move on, so a uid comes round again only
 * after many others: a process that escaped its step's cleanup does not share a uid with the next.
 */
export class StepIdentities {
  private next = randomInt(RANGE);
  private readonly mine = new Set<number>();

  constructor(
    private readonly base: number,
    private readonly lockDir: string,
  ) {
    mkdirSync(lockDir, { recursive: true, mode: 0o700 });
  }

  take(): TStepIdentity {
    for (let tries = 0; tries < RANGE; tries++) {
      const uid = this.base + (this.next++ % RANGE);
      if (!this.mine.has(uid) && this.claim(uid)) {
        this.mine.add(uid);
        return { uid, gid: uid };
      }
    }
    throw new Error('Every step uid is in use');
  }

  release(identity: TStepIdentity): void {
    if (!this.mine.delete(identity.uid)) return;
    try {
      unlinkSync(this.lockOf(identity.uid));
    } catch {
      // taken over already: its holder was wrongly thought dead, and the uid is its now
    }
  }

  private claim(uid: number): boolean {
    const lock = this.lockOf(uid);
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(lock, 'utf8').trim());
    if (holder > 0 && isAlive(holder)) return false;
    writeFileSync(lock, String(process.pid), { mode: 0o600 }); // its worker died: the uid is free
    return true;
  }

  private lockOf(uid: number): string {
    return path.join(this.lockDir, String(uid));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
