import { describe, expect, it } from 'vitest';
import { boundsOf, colourPaths, viewBoxFor } from './minimap-geometry';

const rect = (x: number, y: number, width = 10, height = 5) => ({ x, y, width, height });

describe('minimap geometry', () => {
  it('draws every node of a colour in one path', () => {
    const items = [
      { r: rect(0, 0), c: 'red' },
      { r: rect(20, 0), c: 'blue' },
      { r: rect(40, 10), c: 'red' },
    ];
    expect(colourPaths(items, (i) => i.r, (i) => i.c)).toEqual([
      { colour: 'red', d: 'M0 0h10v5h-10zM40 10h10v5h-10z' },
      { colour: 'blue', d: 'M20 0h10v5h-10z' },
    ]);
  });

  it('bounds the nodes, and fits nodes and view in the minimap aspect', () => {
    expect(boundsOf([])).toBeNull();
    expect(boundsOf([rect(0, 0), rect(100, 50)])).toEqual({ x: 0, y: 0, width: 110, height: 55 });
    const box = viewBoxFor(rect(0, 0, 100, 100), rect(50, 0, 200, 100), 2, 0);
    expect(box).toEqual({ x: 0, y: -12.5, width: 250, height: 125 });
    expect(viewBoxFor(null, rect(0, 0, 100, 100), 1, 0)).toEqual(rect(0, 0, 100, 100));
  });
});
