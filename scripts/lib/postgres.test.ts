import { describe, expect, it } from 'vitest';
import { socketDirOf } from './postgres';

describe('socketDirOf', () => {
  it('puts the socket in the data directory when its address fits', () => {
    expect(socketDirOf('/work/weft/.weft/pg', 5488)).toBe('/work/weft/.weft/pg');
  });

  it('gives none (TCP only) for a path too long for a socket address, or one the setting would have to quote', () => {
    expect(socketDirOf(`/home/${'x'.repeat(90)}/.weft/pg`, 5488)).toBeUndefined();
    expect(socketDirOf('/home/me/my projects/.weft/pg', 5488)).toBeUndefined();
    expect(socketDirOf('/home/me/a,b/.weft/pg', 5488)).toBeUndefined();
  });
});
