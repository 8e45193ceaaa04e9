import { describe, expect, it } from 'vitest';
import { compileSpec } from '../compile';
import { configForm } from '../config-form';
import { NODE_CATALOG } from '../catalog';
import { ZPlanSchema } from '../plan';
import { edge, spec } from '../test-specs';
import { validateSpec } from '../validate';
import { ML_NODE_CATALOG } from './ml-catalog';
import { PIPELINE_TEMPLATES, pipelineTemplate } from './templates';

const node = (id: string, kind: string, config: Record<string, unknown> = {}) => ({ id, kind, config });

describe('ML library kinds', () => {
  it('compile into one python_library step: module, the config with defaults, and which upstream port feeds each input', () => {
    const result = compileSpec(
      spec(
        [node('load', 'load_dataset'), node('split', 'split_dataset'), node('train', 'train_model', { estimator: 'random_forest', hyperparameters: 'n_estimators=params.trees\nmax_depth=4\nbootstrap=false' })],
        [edge('load', 'split', { sourcePort: 'dataset', targetPort: 'dataset' }), edge('split', 'train', { sourcePort: 'train', targetPort: 'dataset' })],
      ),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const train = result.plan.steps.find((s) => s.nodeId === 'train')!;
    // it reads a run parameter the cache key cannot see: never served from the cache
    expect(train).toMatchObject({ kind: 'train_model', executor: 'python_library', taskQueue: 'weft-pool-cpu', cache: false });
    expect(result.plan.steps.find((s) => s.nodeId === 'split')).toMatchObject({ cache: true });
    // nor one that reads a file by path (it may change under the same config)
    const byPath = compileSpec(spec([node('load', 'load_dataset', { source: 'path', path: '/data/x.csv' })]));
    expect(byPath.ok && byPath.plan.steps[0]!.cache).toBe(false);
    expect(train.config).toEqual({
      module: 'train_model',
      params: { target: 'target', task: 'classification', estimator: 'random_forest', hyperparameters: { n_estimators: { param: 'trees' }, max_depth: 4, bootstrap: false }, seed: 42 },
      ports: { dataset: { node: 'split', port: 'train' } },
    });
    // the plan's own schema takes it back (a run parses its plan)
    expect(ZPlanSchema.parse(result.plan)).toEqual(result.plan);
  });

  it('name the field a bad config breaks', () => {
    const problems = validateSpec(
      spec([
        node('load', 'load_dataset', { source: 'path' }),
        node('validate', 'validate_data', { schema: '{"age": {"type": "int"}}' }),
        node('drift', 'drift_check', { thresholds: 'age=high' }),
        node('notify', 'notify', { webhookSecret: 'PATH' }),
        node('split', 'split_dataset', { testFraction: 0.5, validationFraction: 0.5 }),
      ]),
    ).problems.filter((p) => p.code === 'invalid_config');
    expect(problems.map((p) => [p.nodeId, p.field])).toEqual([
      ['load', 'config.path'],
      ['validate', 'config.schema'],
      ['drift', 'config.thresholds'],
      ['notify', 'config.webhookSecret'],
      ['split', 'config.validationFraction'],
    ]);
    expect(problems[1]!.message).toContain('age.type');
    expect(problems[2]!.message).toBe('config.thresholds: age: "high" is not a number');
  });

  it('Notify: the secret its config names must be among the node\'s Secrets', () => {
    const notify = (secrets?: string[]) => validateSpec(spec([{ ...node('notify', 'notify', { webhookSecret: 'SLACK_HOOK' }), ...(secrets ? { secrets } : {}) }])).problems;
    expect(notify()).toEqual([{ code: 'invalid_secrets', nodeId: 'notify', field: 'config.webhookSecret', message: "config.webhookSecret: add SLACK_HOOK to the node's Secrets, or the step cannot read it" }]);
    expect(notify(['SLACK_HOOK'])).toEqual([]);
  });

  it('have a form field for every config key, selects with their options, and default configs that validate', () => {
    for (const definition of Object.values(ML_NODE_CATALOG)) {
      expect(configForm(definition.configSchema).map((f) => f.key)).toEqual(Object.keys(definition.configSchema.shape));
      expect(definition.configSchema.safeParse(definition.defaultConfig).success).toBe(true);
      expect(NODE_CATALOG[definition.kind]).toBe(definition);
    }
    const train = configForm(ML_NODE_CATALOG.train_model.configSchema);
    expect(train.find((f) => f.key === 'estimator')).toMatchObject({ widget: 'select', options: ['logistic_regression', 'random_forest', 'gradient_boosting'], defaultValue: 'logistic_regression' });
    // an absent value shows what it means, a transformed field's as it is typed
    expect(configForm(ML_NODE_CATALOG.split_dataset.configSchema).find((f) => f.key === 'stratify')).toMatchObject({ widget: 'checkbox', defaultValue: true });
    expect(configForm(ML_NODE_CATALOG.drift_check.configSchema).find((f) => f.key === 'exclude')).toMatchObject({ defaultValue: 'target' });
  });
});

describe('pipeline templates', () => {
  it.each(PIPELINE_TEMPLATES.map((t) => [t.title, t] as const))('%s compiles as it is', (_title, template) => {
    const result = compileSpec(template.spec);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(pipelineTemplate(template.id)).toBe(template);
  });
});
