import { describe, expect, it } from 'vitest';
import { emptySpec, type TPipelineSpec } from '@/workflows/dsl';
import { COALESCE_MS, createHistory, HISTORY_LIMIT, record, redo, undo } from './spec-history';
import { addNode } from './spec-edits';
import { pasteFragment } from './spec-clipboard';

describe('spec history', () => {
  it('undoes and redoes in order, and a new edit drops the redo branch', () => {
    let h = createHistory('a');
    h = record(h, 'b', { now: 0 });
    h = record(h, 'c', { now: 1 });
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe('b');
    h = record(h, 'd', { now: 2 });
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
    expect(undo(h).present).toBe('b');
  });

  it('ignores an edit that changed nothing', () => {
    const h = createHistory('a');
    expect(record(h, 'a', { now: 0 })).toBe(h);
  });

  it('coalesces edits with the same key that come quickly, not others', () => {
    let h = createHistory('');
    for (const [i, text] of ['h', 'he', 'hel'].entries()) h = record(h, text, { coalesce: 'node:a:label', now: i * 100 });
    expect(h.past).toEqual(['']);
    h = record(h, 'hell', { coalesce: 'node:a:label', now: 200 + COALESCE_MS });
    expect(h.past).toEqual(['', 'hel']);
    h = record(h, 'x', { coalesce: 'node:b:label', now: 200 + COALESCE_MS });
    expect(h.past).toEqual(['', 'hel', 'hell']);
    // after an undo, typing again starts a new entry
    h = record(undo(h), 'y', { coalesce: 'node:a:label', now: 200 + COALESCE_MS });
    expect(h.past).toEqual(['', 'hel', 'hell']);
  });

  it('keeps at most HISTORY_LIMIT steps back', () => {
    let h = createHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 50; i++) h = record(h, i, { now: i * 10_000 });
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(50);
  });

  it('undoes a 1,000-node paste in well under 100 ms, sharing every untouched object', () => {
    let spec: TPipelineSpec = emptySpec();
    for (let i = 0; i < 1_000; i++) spec = addNode(spec, 'noop', { x: i * 10, y: 0 });
    const fragment = { nodes: spec.nodes, edges: spec.edges };
    let h = createHistory(spec);
    h = record(h, pasteFragment(spec, fragment, { x: 0, y: 500 }).spec, { now: 0 });
    expect(h.present.nodes).toHaveLength(2_000);
    const started = performance.now();
    h = undo(h);
    const elapsed = performance.now() - started;
    expect(h.present).toBe(spec);
    expect(elapsed).toBeLessThan(100);
  });
});
