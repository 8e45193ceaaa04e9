import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '@/workflows/dsl';
import { searchNodeKinds } from './node-kind-search';

describe('quick-add search', () => {
  it('lists every kind for an empty query', () => {
    expect(searchNodeKinds('  ')).toEqual(NODE_KINDS);
  });

  it('finds kinds by title, kind or description, title matches first', () => {
    expect(searchNodeKinds('python')[0]).toBe('python');
    // (Promote model's description mentions approvals too: the title match ranks first)
    expect(searchNodeKinds('approv')[0]).toBe('approval');
    expect(searchNodeKinds('SHELL cmd')).toEqual([]);
    expect(searchNodeKinds('shell command')[0]).toBe('shell');
    // "parallel" only appears in the for-each's description
    expect(searchNodeKinds('parallel')).toContain('foreach');
  });
});
