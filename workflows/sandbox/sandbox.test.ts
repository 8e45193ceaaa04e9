import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bwrapArgs, type TSandboxLayout } from './bwrap-args';
import { readSandboxSettings } from './sandbox-settings';
import { StepIdentities } from './step-identities';

const layout = (over: Partial<TSandboxLayout> = {}): TSandboxLayout => ({
  system: { binds: ['/usr', '/etc'], symlinks: [{ target: 'usr/bin', path: '/bin' }] },
  readOnly: [{ source: '/store/sha256/ab/abc', dest: '/scratch/r/n/1/inputs/up/model.pkl' }],
  writable: [{ source: '/scratch/r/n/1', dest: '/scratch/r/n/1' }],
  devices: [],
  network: 'host',
  uid: 200_123,
  gid: 200_123,
  cwd: '/scratch/r/n/1',
  ...over,
});

describe('bwrapArgs', () => {
  it("unshares every namespace; the host's network only when asked for", () => {
    const host = bwrapArgs(layout(), ['python', 'main.py']);
    expect(host).toEqual(expect.arrayContaining(['--unshare-all', '--share-net', '--die-with-parent', '--new-session', '--disable-userns']));
    expect(bwrapArgs(layout({ network: 'none' }), ['true'])).not.toContain('--share-net');
  });

  it('a slirp network: its own namespace, its own resolv.conf, and the command waits until it is connected', () => {
    const args = bwrapArgs(layout({ network: 'slirp' }), ['true']).join(' ');
    expect(args).not.toContain('--share-net');
    expect(args).toContain('--ro-bind-data 5 /etc/resolv.conf');
    expect(args).toContain('--info-fd 3 --block-fd 4');
    expect(args.indexOf('--ro-bind /etc /etc')).toBeLessThan(args.indexOf('--ro-bind-data 5 /etc/resolv.conf'));
  });

  it('mounts inputs read-only on top of the writable scratch directory, then runs the command after --', () => {
    const args = bwrapArgs(layout(), ['python', 'main.py']).join(' ');
    expect(args).toContain('--bind /scratch/r/n/1 /scratch/r/n/1');
    expect(args).toContain('--ro-bind /store/sha256/ab/abc /scratch/r/n/1/inputs/up/model.pkl');
    expect(args.indexOf('--bind /scratch')).toBeLessThan(args.indexOf('--ro-bind /store'));
    expect(args).toMatch(/--chdir \/scratch\/r\/n\/1 -- python main\.py$/);
    expect(args).toContain('--uid 200123 --gid 200123');
  });

  it('shows the system read-only and only what the layout lists', () => {
    const args = bwrapArgs(layout(), ['true']);
    expect(args.filter((a) => a === '--bind')).toHaveLength(1);
    expect(args.join(' ')).toContain('--ro-bind /usr /usr');
    expect(args.join(' ')).toContain('--symlink usr/bin /bin');
    expect(args.join(' ')).toContain('--proc /proc --dev /dev --tmpfs /tmp');
  });
});

describe('StepIdentities', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('gives running steps distinct uids, also across two workers on one host', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'weft-uids-'));
    const a = new StepIdentities(300_000, dir);
    const b = new StepIdentities(300_000, dir);
    const taken = Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).take().uid);
    expect(new Set(taken).size).toBe(50);
    expect(taken.every((uid) => uid >= 300_000 && uid < 300_000 + 65_536)).toBe(true);
    expect(readdirSync(dir)).toHaveLength(50);
  });

  it('frees a uid on release, and takes over the lock of a worker that died', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'weft-uids-'));
    const ids = new StepIdentities(300_000, dir);
    const one = ids.take();
    ids.release(one);
    expect(readdirSync(dir)).toEqual([]);
    // every uid held by a dead worker (pid 2^22 + 1 is beyond Linux's pid_max)
    for (let uid = 300_000; uid < 300_000 + 65_536; uid++) writeFileSync(path.join(dir, String(uid)), String(2 ** 22 + 1));
    expect(ids.take().uid).toBeGreaterThanOrEqual(300_000);
  });
});

describe('readSandboxSettings', () => {
  it('defaults to auto, network on; refuses what it does not know, naming it', () => {
    expect(readSandboxSettings({})).toMatchObject({ WEFT_STEP_SANDBOX: 'auto', WEFT_STEP_NETWORK: 'on', WEFT_STEP_SHARED_DIRS: [] });
    expect(() => readSandboxSettings({ WEFT_STEP_NETWORK: 'yes' })).toThrow(/WEFT_STEP_NETWORK/);
    expect(readSandboxSettings({ WEFT_STEP_SHARED_DIRS: '/data, /cache' }).WEFT_STEP_SHARED_DIRS).toEqual(['/data', '/cache']);
    expect(() => readSandboxSettings({ WEFT_STEP_SANDBOX: 'docker' })).toThrow(/WEFT_STEP_SANDBOX/);
    expect(() => readSandboxSettings({ WEFT_STEP_SHARED_DIRS: 'relative' })).toThrow(/absolute/);
  });
});
