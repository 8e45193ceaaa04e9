import { describe, expect, it } from 'vitest';
import { initialViewport } from './initial-viewport';

describe('the viewport a pipeline opens at', () => {
  it('fits every node, centred, never above 100 %', () => {
    const grid = Array.from({ length: 1_000 }, (_, i) => ({ position: { x: (i % 40) * 260, y: Math.floor(i / 40) * 120 } }));
    const v = initialViewport(grid, { width: 1200, height: 800 });
    expect(v.zoom).toBeGreaterThan(0.05);
    expect(v.zoom).toBeLessThan(0.35); // low detail at once
    const right = (39 * 260 + 208) * v.zoom + v.x;
    expect(v.x).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(1200);
    expect(initialViewport([{ position: { x: 0, y: 0 } }], { width: 1200, height: 800 }).zoom).toBe(1);
  });
});
