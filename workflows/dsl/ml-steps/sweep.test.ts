import { describe, expect, it } from 'vitest';
import { compileSpec } from '../compile';
import { configForm } from '../config-form';
import { ZPlanSchema } from '../plan';
import { edge, spec } from '../test-specs';
import { validateSpec } from '../validate';
import { ML_EXPANDED_CATALOG } from './ml-catalog';
import { gridCandidates, parseSearchSpace, randomCandidates, type TSearchSpace } from './search-space';
import { MAX_SWEEP_CANDIDATES } from './sweep';

const space = (text: string): TSearchSpace => {
  const parsed = parseSearchSpace(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.space;
};

describe('Sweep candidates', () => {
  it('a search space: lists of typed values and ranges', () => {
    expect(space('C=0.1, 1\npenalty=l2\nfit_intercept=true, false\nclass_weight=None, balanced\nalpha=loguniform(1e-4, 1)\ndepth=randint(2, 8)')).toEqual({
      C: { kind: 'values', values: [0.1, 1] },
      penalty: { kind: 'values', values: ['l2'] },
      fit_intercept: { kind: 'values', values: [true, false] },
      class_weight: { kind: 'values', values: [null, 'balanced'] },
      alpha: { kind: 'loguniform', low: 1e-4, high: 1 },
      depth: { kind: 'randint', low: 2, high: 8 },
    });
  });

  it.each([
    ['', 'The search space is empty: add one `name=values` line per hyperparameter, e.g. `C=0.1, 1, 10`'],
    ['C', 'line 1: write key=value'],
    ['max-depth=3', '"max-depth" is not a hyperparameter name'],
    ['C=0.1,,1', 'C: an empty value in the list (values are comma-separated)'],
    ['C=uniform(1, 0.1)', 'C: uniform(1, 0.1) needs the low end below the high end'],
    ['C=loguniform(0, 1)', 'C: loguniform(…) needs a low end above 0'],
    ['n=randint(1.5, 4)', 'n: randint(…) takes two integers'],
  ])('refuses %j: %s', (text, error) => {
    expect(parseSearchSpace(text)).toEqual({ ok: false, error });
  });

  it('grid: the Cartesian product, in line order, capped', () => {
    const grid = gridCandidates(space('C=0.1, 1, 10\nsolver=lbfgs, liblinear\nmax_iter=500'), 6);
    expect(grid).toEqual({
      ok: true,
      candidates: [
        { C: 0.1, solver: 'lbfgs', max_iter: 500 },
        { C: 0.1, solver: 'liblinear', max_iter: 500 },
        { C: 1, solver: 'lbfgs', max_iter: 500 },
        { C: 1, solver: 'liblinear', max_iter: 500 },
        { C: 10, solver: 'lbfgs', max_iter: 500 },
        { C: 10, solver: 'liblinear', max_iter: 500 },
      ],
    });
    expect(gridCandidates(space('C=0.1, 1, 10\nsolver=lbfgs, liblinear'), 5)).toEqual({ ok: false, error: 'The grid has 6 candidates, more than the cap of 5: list fewer values, raise the cap, or use random search' });
    expect(gridCandidates(space('C=uniform(0.1, 1)'), 5)).toEqual({ ok: false, error: 'C: a range is for random search; a grid lists its values (e.g. `C=0.1, 1, 10`)' });
  });

  it('random: seeded and reproducible, within the ranges, without repeats', () => {
    const s = space('C=loguniform(0.001, 100)\nn_estimators=randint(10, 20)\ncriterion=gini, entropy');
    const drawn = randomCandidates(s, 25, 7);
    expect(randomCandidates(s, 25, 7)).toEqual(drawn);
    expect(randomCandidates(s, 25, 8)).not.toEqual(drawn);
    expect(drawn).toHaveLength(25);
    expect(new Set(drawn.map((c) => JSON.stringify(c))).size).toBe(25);
    for (const c of drawn) {
      expect(c.C).toBeGreaterThanOrEqual(0.001);
      expect(c.C).toBeLessThanOrEqual(100);
      expect(Number.isInteger(c.n_estimators) && (c.n_estimators as number) >= 10 && (c.n_estimators as number) <= 20).toBe(true);
      expect(['gini', 'entropy']).toContain(c.criterion);
    }
    // a log-uniform draw spreads over the orders of magnitude
    expect(drawn.filter((c) => (c.C as number) < 0.1).length).toBeGreaterThan(5);
    // a small discrete space runs out: every distinct candidate once
    expect(randomCandidates(space('a=1, 2\nb=x, y'), 10, 1)).toHaveLength(4);
  });
});

const sweep = (config: Record<string, unknown>) =>
  spec(
    [
      { id: 'load', kind: 'load_dataset', config: {} },
      { id: 'sweep', kind: 'sweep', config },
      { id: 'evaluate', kind: 'evaluate_model', config: {} },
    ],
    [edge('load', 'sweep', { sourcePort: 'dataset', targetPort: 'dataset' }), edge('sweep', 'evaluate', { sourcePort: 'model', targetPort: 'model' }), edge('load', 'evaluate', { sourcePort: 'dataset', targetPort: 'dataset' })],
  );

describe('Sweep node', () => {
  it('compiles into a for-each over its candidates with a pick of the best, bounded by max parallelism', () => {
    const result = compileSpec({ ...sweep({ searchSpace: 'C=0.1, 1, 10\nmax_iter=2000', concurrency: 16, metric: 'rmse', task: 'regression', cvFolds: 3 }), maxParallelism: 2 });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const step = result.plan.steps.find((s) => s.nodeId === 'sweep')!;
    const candidates = [0.1, 1, 10].map((C) => ({ C, max_iter: 2000 }));
    const common = { target: 'target', task: 'regression', estimator: 'logistic_regression', metric: 'rmse', candidates };
    expect(step).toMatchObject({ kind: 'sweep', executor: 'foreach', taskQueue: 'weft-pool-cpu', cache: false });
    expect(step.config).toEqual({
      items: 'range(3)',
      concurrency: 2,
      step: { kind: 'python_library', module: 'sweep_candidate', params: { ...common, cvFolds: 3, seed: 42 }, ports: { dataset: { node: 'load', port: 'dataset' } } },
      // rmse: lower is better
      reduce: { module: 'sweep_best', params: { ...common, greaterIsBetter: false }, ports: {} },
    });
    expect(ZPlanSchema.parse(result.plan)).toEqual(result.plan);
  });

  it('says what is wrong with its config, on the field', () => {
    const problems = (config: Record<string, unknown>) =>
      validateSpec(sweep(config))
        .problems.filter((p) => p.nodeId === 'sweep')
        .map((p) => p.message);
    expect(problems({ searchSpace: '' })).toEqual(['config.searchSpace: The search space is empty: add one `name=values` line per hyperparameter, e.g. `C=0.1, 1, 10`']);
    expect(problems({ searchSpace: 'C=0.1, 1', metric: 'rmse' })).toEqual(['config.metric: rmse is not a classification metric']);
    expect(problems({ searchSpace: 'C=0.1, 1', cvFolds: 1 })).toEqual(['config.cvFolds: Cross-validation needs at least 2 folds (0: score on the Validation input)']);
    expect(problems({ searchSpace: 'a=1,2,3,4,5,6,7,8,9,10\nb=1,2,3,4,5,6,7,8,9,10\nc=1,2,3' })).toEqual([
      `config.searchSpace: The grid has 300 candidates, more than the cap of 50: list fewer values, raise the cap, or use random search`,
    ]);
    expect(problems({ searchSpace: 'C=loguniform(0.01, 10)', strategy: 'random', trials: MAX_SWEEP_CANDIDATES })).toEqual([]);
    // scored on the validation set: its input must be connected
    expect(problems({ searchSpace: 'C=0.1, 1', cvFolds: 0 })).toEqual(['Input "Validation" of "sweep" must be connected']);
  });

  it('has a form field for every config key and a default config that validates', () => {
    const definition = ML_EXPANDED_CATALOG.sweep;
    expect(configForm(definition.configSchema).map((f) => f.key)).toEqual(Object.keys(definition.configSchema.shape));
    expect(definition.configSchema.safeParse(definition.defaultConfig).success).toBe(true);
  });
});
