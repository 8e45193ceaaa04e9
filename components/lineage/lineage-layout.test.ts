import { describe, expect, it } from 'vitest';
import { COLUMN_GAP, layoutLineage, ROW_GAP } from './lineage-layout';

const node = (id: string, kind = 'step') => ({ id, kind, label: id });

describe('layoutLineage', () => {
  it('puts each node one column right of its furthest source, rows centred', () => {
    const positions = layoutLineage(
      [node('data', 'artifact'), node('prep'), node('train'), node('model', 'artifact'), node('v1', 'version')],
      [
        { source: 'data', target: 'prep' },
        { source: 'prep', target: 'train' },
        { source: 'data', target: 'train' },
        { source: 'train', target: 'model' },
        { source: 'model', target: 'v1' },
      ],
    );
    expect([...positions.entries()].map(([id, p]) => [id, p.x / COLUMN_GAP])).toEqual([
      ['data', 0],
      ['prep', 1],
      ['train', 2],
      ['model', 3],
      ['v1', 4],
    ]);
    expect(positions.get('data')!.y).toBe(0);
  });

  it('orders a column by kind then label, and ignores edges to unknown nodes', () => {
    const positions = layoutLineage([node('b', 'step'), node('a', 'step'), node('d', 'dataset')], [{ source: 'ghost', target: 'a' }]);
    expect(['d', 'a', 'b'].map((id) => positions.get(id)!.y)).toEqual([-ROW_GAP, 0, ROW_GAP]);
  });

  it('survives a cycle without looping', () => {
    const positions = layoutLineage([node('a'), node('b')], [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'a' },
    ]);
    expect(positions.size).toBe(2);
  });
});
