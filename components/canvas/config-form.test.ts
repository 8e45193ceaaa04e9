import { describe, expect, it } from 'vitest';
import { NODE_KINDS, NODE_CATALOG } from '@/workflows/dsl';
import { configFieldsOf, hintParts } from './config-form';

describe('config form from the kind\'s config schema', () => {
  it('lists each kind\'s fields with the labels, hints and bounds the panel shows (e2e tests find fields by label)', () => {
    const form = (kind: string) => configFieldsOf(kind)?.map(({ key, label, widget }) => `${key}: ${label} (${widget})`);
    expect(form('python')).toEqual(['code: Python code (code-python)']);
    expect(form('shell')).toEqual(['command: Shell command (code-shell)']);
    expect(form('approval')).toEqual(['instructions: Instructions (textarea)', 'timeoutHours: Timeout (hours) (number)']);
    expect(form('condition')).toEqual(['expression: Expression (expression)']);
    expect(form('foreach')).toEqual(['items: Items (expression)', 'concurrency: Concurrency (number)', 'step: Each item runs (foreach-body)']);
    expect(form('subpipeline')).toEqual(['pipelineId: Pipeline (pipeline)', 'versionNumber: Version (pipeline-version)']);
    expect(form('noop')).toEqual(['sleepMs: Wait (ms) (number)']);
  });

  it('takes number bounds and text limits from the schema, steps and rows from the field', () => {
    const field = (kind: string, key: string) => configFieldsOf(kind)?.find((f) => f.key === key);
    expect(field('approval', 'timeoutHours')).toMatchObject({ min: 0.01, step: 1, hint: 'The gate fails when nobody decides in time.' });
    expect(field('approval', 'instructions')).toMatchObject({ rows: 4, maxLength: 2000, hint: 'Shown to the approver.' });
    expect(field('noop', 'sleepMs')).toMatchObject({ min: 0, step: 100, hint: '0 does nothing at all.' });
    expect(field('foreach', 'concurrency')).toMatchObject({ min: 1, step: 1, hint: 'How many items run at once.' });
    expect(field('foreach', 'items')).toMatchObject({ hint: 'An expression giving a list, e.g. [1, 2, 3] or a list an upstream step produced.' });
    expect(field('foreach', 'items')?.rows).toBeUndefined(); // one line
    expect(field('condition', 'expression')).toMatchObject({ rows: 3 });
    expect(field('subpipeline', 'versionNumber')).toMatchObject({ hint: 'A saved version: what it runs never changes.' });
  });

  it('gives every config key of every kind a field, in the schema\'s order', () => {
    for (const kind of NODE_KINDS) {
      expect(configFieldsOf(kind)?.map((f) => f.key)).toEqual(Object.keys(NODE_CATALOG[kind].configSchema.shape));
    }
  });

  it('has no form for an unknown kind', () => {
    expect(configFieldsOf('nope')).toBeUndefined();
  });
});

describe('hintParts', () => {
  it('shows `backticked` text as code', () => {
    const hint = configFieldsOf('condition')?.[0]?.hint ?? '';
    expect(hintParts(hint)).toEqual([
      { text: 'Takes the “If true” or “If false” port, e.g. ', code: false },
      { text: 'steps.train.metrics.accuracy >= params.min_accuracy', code: true },
      { text: '.', code: false },
    ]);
    expect(hintParts('no code here')).toEqual([{ text: 'no code here', code: false }]);
  });
});
