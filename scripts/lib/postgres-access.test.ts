// The pure half of the `postgres` user's access check: which path component blocks, and the
// message that names it. The probes as that user need root and are checked by hand.
import { describe, expect, it } from 'vitest';
import { accessMessage, firstBlocked, NEW_USER, pathPrefixes, permissionClass, type PathEntry } from './postgres-access';

const postgres = { uid: 101, gid: 104 };
const dir = (p: string, mode: number, uid = 0, gid = 0): PathEntry => ({ path: p, mode, uid, gid, isDirectory: true });
const file = (p: string, mode: number, uid = 0, gid = 0): PathEntry => ({ path: p, mode, uid, gid, isDirectory: false });

describe('pathPrefixes', () => {
  it('lists the root, every directory on the way, then the path', () => {
    expect(pathPrefixes('/root/weft/.weft')).toEqual(['/', '/root', '/root/weft', '/root/weft/.weft']);
  });
  it('is the root alone for the root', () => {
    expect(pathPrefixes('/')).toEqual(['/']);
  });
});

describe('permissionClass', () => {
  it('picks owner, else group, else other', () => {
    expect(permissionClass(dir('/a', 0o755, 101, 0), postgres)).toBe('u');
    expect(permissionClass(dir('/a', 0o755, 0, 104), postgres)).toBe('g');
    expect(permissionClass(dir('/a', 0o755, 0, 0), postgres)).toBe('o');
    expect(permissionClass(dir('/a', 0o755, 0, 0), NEW_USER)).toBe('o');
  });
});

describe('firstBlocked', () => {
  const clone = [dir('/', 0o755), dir('/root', 0o700), dir('/root/weft', 0o755), file('/root/weft/initdb', 0o755)];

  it("finds root's 0700 home", () => {
    expect(firstBlocked(clone, postgres)?.path).toBe('/root');
    expect(firstBlocked(clone, NEW_USER)?.path).toBe('/root');
  });

  it('finds nothing on a reachable path', () => {
    expect(firstBlocked([dir('/', 0o755), dir('/srv', 0o755), file('/srv/initdb', 0o755)], postgres)).toBeUndefined();
  });

  it('uses only the class that applies, as the kernel does', () => {
    // owned by postgres without u+x: the o+x bit does not help its owner
    expect(firstBlocked([dir('/', 0o755), dir('/d', 0o601, 101)], postgres)?.path).toBe('/d');
    // group postgres with g+x: enough although "other" may not enter
    expect(firstBlocked([dir('/', 0o755), dir('/d', 0o750, 0, 104)], postgres)).toBeUndefined();
    // the same directory blocks a user that does not exist yet (not in that group)
    expect(firstBlocked([dir('/', 0o755), dir('/d', 0o750, 0, 104)], NEW_USER)?.path).toBe('/d');
  });

  it('checks the execute bit of the binary itself', () => {
    expect(firstBlocked([dir('/', 0o755), file('/initdb', 0o744)], postgres)?.path).toBe('/initdb');
  });
});

describe('accessMessage', () => {
  it('names the blocking directory, its mode and the fixes', () => {
    const msg = accessMessage('/root/weft/initdb', dir('/root', 0o700), postgres, 'EACCES');
    expect(msg).toBe(
      'PostgreSQL runs as the `postgres` user (it refuses to run as root), and that user cannot enter /root (mode 0700). ' +
        'Clone Weft somewhere that user can reach (e.g. under /srv), run `chmod o+x /root`, ' +
        'run Weft as a user other than root, or set DATABASE_URL to a PostgreSQL server of your own.',
    );
  });

  it('suggests the permission class that applies, and quotes odd paths', () => {
    expect(accessMessage('/x', dir('/my dir', 0o740, 0, 104), postgres, 'EACCES')).toContain("run `chmod g+x '/my dir'`");
  });

  it('names the target and the error when no mode blocks', () => {
    const msg = accessMessage('/srv/weft/initdb', undefined, postgres, 'EACCES');
    expect(msg).toContain('cannot use /srv/weft/initdb (EACCES) although the permission bits allow it');
    expect(msg).not.toContain('chmod');
    expect(msg).toContain('set DATABASE_URL');
  });
});
