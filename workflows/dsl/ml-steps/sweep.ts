import { z } from 'zod';
import { CONFIG_FIELDS } from '../config-form';
import type { TStepConfigPart } from '../plan';
import type { TKindBasics } from '../ports';
import { seedSchema, targetSchema, taskSchema } from './fields';
import { COMPARE_METRICS, ESTIMATORS } from './model-configs';
import { gridCandidates, parseSearchSpace, randomCandidates, type TCandidate } from './search-space';

/**
 * Sweep: a hyperparameter search as one node on the canvas. compile() expands it into a for-each
 * over its candidates (each one a pool activity of its own, trained and scored in parallel, with
 * a tracking run of its own) whose `reduce` step picks the best candidate: the for-each's outputs
 * are the winner's model, params and score, so Evaluate, Compare and Register follow it like a
 * Train. Expanded here rather than run by an executor of its own: the engine's for-each already
 * fans out, bounds concurrency, retries and records; a sweep only adds what to fan out over.
 */

const CLASSIFICATION_METRICS: readonly string[] = ['accuracy', 'balanced_accuracy', 'f1', 'roc_auc'];
/** error metrics: lower is better */
const LOWER_IS_BETTER: readonly string[] = ['rmse', 'mae'];
export const MAX_SWEEP_CANDIDATES = 200;

export const ZSweepConfigSchema = z
  .object({
    target: targetSchema(),
    task: taskSchema(),
    estimator: z.enum(ESTIMATORS).default('logistic_regression').register(CONFIG_FIELDS, { label: 'Estimator', hint: 'As in Train.', widget: 'select' }),
    strategy: z.enum(['grid', 'random']).default('grid').register(CONFIG_FIELDS, { label: 'Search', hint: 'grid: every combination of the listed values; random: trials drawn from lists and ranges.', widget: 'select' }),
    searchSpace: z
      .string()
      .max(10_000)
      .default('')
      .register(CONFIG_FIELDS, {
        label: 'Search space',
        hint: 'One hyperparameter per line: values `C=0.01, 0.1, 1` (a single value is fixed: `max_iter=5000`); random search also takes `uniform(a, b)`, `loguniform(a, b)`, `randint(a, b)`.',
        widget: 'textarea',
        rows: 5,
      }),
    trials: z.number().int().min(1).max(MAX_SWEEP_CANDIDATES).default(20).register(CONFIG_FIELDS, { label: 'Trials (random)', hint: 'How many candidates random search draws.', widget: 'number', step: 1 }),
    maxCandidates: z
      .number()
      .int()
      .min(1)
      .max(MAX_SWEEP_CANDIDATES)
      .default(50)
      .register(CONFIG_FIELDS, { label: 'Most candidates (grid)', hint: 'A larger grid is refused rather than run.', widget: 'number', step: 1 }),
    metric: z.enum(COMPARE_METRICS).default('accuracy').register(CONFIG_FIELDS, { label: 'Metric to optimise', widget: 'select' }),
    direction: z.enum(['auto', 'maximize', 'minimize']).default('auto').register(CONFIG_FIELDS, { label: 'Direction', hint: 'auto: lower is better for rmse and mae, higher for the others.', widget: 'select' }),
    cvFolds: z
      .number()
      .int()
      .min(0)
      .max(20)
      .refine((n) => n !== 1, 'Cross-validation needs at least 2 folds (0: score on the Validation input)')
      .default(5)
      .register(CONFIG_FIELDS, { label: 'Cross-validation folds', hint: '0: each candidate trains on the training set and is scored on the Validation input.', widget: 'number', step: 1 }),
    concurrency: z.number().int().min(1).max(64).default(4).register(CONFIG_FIELDS, { label: 'Concurrency', hint: 'Candidates trained at once (never more than the pipeline’s max parallelism).', widget: 'number', step: 1 }),
    seed: seedSchema(),
  })
  .superRefine((config, ctx) => {
    if (CLASSIFICATION_METRICS.includes(config.metric) !== (config.task === 'classification')) {
      ctx.addIssue({ code: 'custom', path: ['metric'], message: `${config.metric} is not a ${config.task} metric` });
    }
    const generated = sweepCandidates(config);
    if (!generated.ok) ctx.addIssue({ code: 'custom', path: ['searchSpace'], message: generated.error });
  });
export type TSweepConfig = z.output<typeof ZSweepConfigSchema>;

/** The candidates of a sweep's config, in the order they run (item i trains candidate i). */
export function sweepCandidates(config: Pick<TSweepConfig, 'strategy' | 'searchSpace' | 'trials' | 'maxCandidates' | 'seed'>): { ok: true; candidates: TCandidate[] } | { ok: false; error: string } {
  const parsed = parseSearchSpace(config.searchSpace);
  if (!parsed.ok) return parsed;
  return config.strategy === 'grid' ? gridCandidates(parsed.space, config.maxCandidates) : { ok: true, candidates: randomCandidates(parsed.space, config.trials, config.seed) };
}

export type TSweepKindDefinition = TKindBasics & {
  executor: 'foreach';
  /** compiled by expansion (sweepStepConfig), not by its executor's schema */
  expansion: 'sweep';
  configSchema: typeof ZSweepConfigSchema;
  defaultConfig: z.input<typeof ZSweepConfigSchema>;
  /** the optional inputs that its config makes required */
  requiredInputs: (config: unknown) => string[];
};

/** Scored on the validation set (no cross-validation): the Validation input must be connected. */
export const sweepRequiredInputs = (config: unknown): string[] => {
  const parsed = ZSweepConfigSchema.safeParse(config);
  return parsed.success && parsed.data.cvFolds === 0 ? ['validation'] : [];
};

/**
 * compile(): the for-each a sweep node runs as. Items are candidate indices (`range(n)`: the
 * candidates themselves travel in the body's params, where the plan shows them); the reduce step
 * reads each item's `candidate.json` and model.
 */
export function sweepStepConfig(input: unknown, inputs: readonly { fromNode: string; fromPort: string; toPort: string }[], maxParallelism: number): TStepConfigPart<'foreach'> {
  const config = ZSweepConfigSchema.parse(input);
  // (validated: the candidates generate)
  const { candidates } = sweepCandidates(config) as Extract<ReturnType<typeof sweepCandidates>, { ok: true }>;
  const ports = Object.fromEntries(inputs.map((i) => [i.toPort, { node: i.fromNode, port: i.fromPort }]));
  const greaterIsBetter = config.direction === 'auto' ? !LOWER_IS_BETTER.includes(config.metric) : config.direction === 'maximize';
  const common = { target: config.target, task: config.task, estimator: config.estimator, metric: config.metric, candidates };
  return {
    executor: 'foreach',
    config: {
      items: `range(${candidates.length})`,
      concurrency: Math.min(config.concurrency, maxParallelism),
      step: { kind: 'python_library', module: 'sweep_candidate', params: { ...common, cvFolds: config.cvFolds, seed: config.seed }, ports },
      reduce: { module: 'sweep_best', params: { ...common, greaterIsBetter }, ports: {} },
    },
  };
}
