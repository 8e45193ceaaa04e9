import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { emptySpec, type TPipelineSpec } from '@/workflows/dsl';
import { anchorAt, DEFAULT_NODE_SIZE, hasOverlaps, layoutRequest, needsLayout } from './layout-graph';
import { runLayout } from './run-layout';
import { addNode, connect, moveNodes } from './spec-edits';

function chain(n: number, at = (i: number) => ({ x: 0 * i, y: 0 })): TPipelineSpec {
  let spec = emptySpec();
  for (let i = 0; i < n; i++) spec = addNode(spec, 'noop', at(i));
  for (let i = 1; i < n; i++) spec = connect(spec, { source: `noop_${i}`, sourceHandle: 'out', target: `noop_${i + 1}`, targetHandle: 'in' });
  return spec;
}

describe('auto-layout', () => {
  it('finds overlapping nodes, and none once laid apart', () => {
    expect(hasOverlaps(chain(3))).toBe(true);
    expect(hasOverlaps(chain(3, (i) => ({ x: i * 300, y: 0 })))).toBe(false);
    expect(hasOverlaps(chain(3, (i) => ({ x: i * 100, y: i * 100 })))).toBe(false);
    expect(hasOverlaps(chain(3, (i) => ({ x: i * 100, y: i * 50 })))).toBe(true);
  });

  it('lays out by itself only a pipeline whose positions look missing', () => {
    expect(needsLayout(chain(1))).toBe(false);
    expect(needsLayout(chain(5))).toBe(true);
    // two of ten nodes dropped on each other: the user's to move
    expect(needsLayout(chain(10, (i) => ({ x: i < 2 ? 0 : i * 300, y: 0 })))).toBe(false);
  });

  it('lays a chain out left to right with ELK, without overlaps, anchored where it was', async () => {
    const spec = chain(4);
    const positions = await runLayout(new ELK(), layoutRequest(spec));
    const xs = ['noop_1', 'noop_2', 'noop_3', 'noop_4'].map((id) => positions[id]!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs[1]! - xs[0]!).toBeGreaterThanOrEqual(DEFAULT_NODE_SIZE.width);
    const anchored = anchorAt(positions, { x: 500, y: 100 });
    expect(Math.min(...[...anchored.values()].map((p) => p.x))).toBe(500);
    expect(hasOverlaps(moveNodes(spec, anchored))).toBe(false);
  });

  it('ignores edges to nodes that do not exist instead of failing', async () => {
    const spec = chain(2);
    const broken = { ...spec, edges: [...spec.edges, { id: 'e_9', source: 'noop_1', sourcePort: 'out', target: 'gone', targetPort: 'in' }] };
    expect(Object.keys(await runLayout(new ELK(), layoutRequest(broken)))).toEqual(['noop_1', 'noop_2']);
  });
});
