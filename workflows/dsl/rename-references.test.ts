import { describe, expect, it } from 'vitest';
import { parseExpression } from './expression';
import { renameNodeReferences, renameExpressionReferences } from './rename-references';
import type { TPipelineNode } from './spec';

const renames = new Map([
  ['train', 'train_2'],
  ['eval', 'my-eval'],
]);

describe('renameExpressionReferences', () => {
  it('renames steps.<id> and keeps the rest of the text as written', () => {
    expect(renameExpressionReferences('steps.train.metrics.accuracy  >= params.min and steps.other.ok', renames)).toBe(
      'steps.train_2.metrics.accuracy  >= params.min and steps.other.ok',
    );
  });

  it('renames the index form and writes the index form for ids that are not identifiers', () => {
    expect(renameExpressionReferences(`steps['train'].status == "train"`, renames)).toBe('steps["train_2"].status == "train"');
    const renamed = renameExpressionReferences('steps.eval.metrics.f1 > 0.5', renames);
    expect(renamed).toBe('steps["my-eval"].metrics.f1 > 0.5');
    expect(parseExpression(renamed).ok).toBe(true);
  });

  it('leaves names that are not step references alone', () => {
    const source = 'params.train + x.steps.train + len([train])';
    expect(renameExpressionReferences(source, renames)).toBe(source);
  });

  it('returns text that does not tokenize unchanged', () => {
    expect(renameExpressionReferences('steps.train = 1 "', renames)).toBe('steps.train = 1 "');
  });
});

describe('renameNodeReferences', () => {
  const condition: TPipelineNode = { id: 'c', kind: 'condition', label: '', position: { x: 0, y: 0 }, config: { expression: 'steps.train.ok' } };

  it('rewrites expression fields only', () => {
    const node = renameNodeReferences(condition, renames);
    expect(node.config).toEqual({ expression: 'steps.train_2.ok' });
    const shell: TPipelineNode = { ...condition, kind: 'shell', config: { command: 'echo steps.train' } };
    expect(renameNodeReferences(shell, renames)).toBe(shell);
  });

  it('keeps the same object when nothing references a renamed node', () => {
    const other = { ...condition, config: { expression: 'steps.other.ok' } };
    expect(renameNodeReferences(other, renames)).toBe(other);
  });
});

describe('renaming a parameter', () => {
  it('rewrites params.<old> and leaves steps of that name alone', () => {
    const renames = new Map([['epochs', 'n_epochs']]);
    expect(renameExpressionReferences('params.epochs > 3 and steps.epochs.ok and params["epochs"] > 1', renames, 'params')).toBe(
      'params.n_epochs > 3 and steps.epochs.ok and params["n_epochs"] > 1',
    );
  });
});
