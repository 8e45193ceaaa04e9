import { describe, expect, it } from 'vitest';
import { emptySpec, validateSpec } from '@/workflows/dsl';
import { labelProblems } from './problem-labels';
import { addNode, updateNode } from './spec-edits';

describe('problems by label', () => {
  it('quotes a node by its label where it has one', () => {
    const spec = updateNode(addNode(emptySpec(), 'approval', { x: 0, y: 0 }), 'approval_1', { label: 'Sign-off' });
    const problems = validateSpec(spec).problems;
    const labelled = labelProblems(problems, spec);
    expect(problems.some((p) => p.message.includes('"approval_1"'))).toBe(true);
    expect(labelled.some((p) => p.message.includes('"approval_1"'))).toBe(false);
    expect(labelled.some((p) => p.message.includes('"Sign-off"'))).toBe(true);
    expect(labelled.map((p) => p.nodeId)).toEqual(problems.map((p) => p.nodeId));
  });

  it('leaves problems alone when no node has a label', () => {
    const spec = addNode(emptySpec(), 'approval', { x: 0, y: 0 });
    const problems = validateSpec(spec).problems;
    expect(labelProblems(problems, spec)).toBe(problems);
  });
});
