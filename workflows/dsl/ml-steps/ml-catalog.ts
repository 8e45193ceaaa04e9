import type { TPort } from '../ports';
import { ZDriftCheckConfigSchema, ZLoadDatasetConfigSchema, ZSplitConfigSchema, ZValidateDataConfigSchema } from './data-configs';
import type { TLibraryKindDefinition } from './library-kind';
import { ZBatchPredictConfigSchema, ZCompareConfigSchema, ZEvaluateConfigSchema, ZNotifyConfigSchema, ZTrainConfigSchema, ZTrainTorchConfigSchema } from './model-configs';
import { sweepRequiredInputs, ZSweepConfigSchema, type TSweepKindDefinition } from './sweep';

// The ML step library's node kinds (README "ML step library"). An output port names the files a
// module writes for it (`<port>.parquet`, `<port>.pkl`, `<port>.json`, ...), which is how a
// downstream module finds the file of the port its input is wired to (weft_ml/io.py).

const port = (name: string, type: TPort['type'], label: string, required = true): TPort => ({ name, type, required, label });
const dataset = (name = 'dataset', label = 'Dataset', required = true) => port(name, 'dataset', label, required);
const model = port('model', 'model', 'Model');
const report = port('report', 'report', 'Report', false);
const library = { executor: 'python_library', defaultPool: 'cpu', executorVersion: '1' } as const;

export const ML_NODE_CATALOG = {
  load_dataset: {
    ...library,
    kind: 'load_dataset',
    module: 'load_dataset',
    title: 'Load dataset',
    description: 'Loads a CSV or Parquet file (a path or an upstream file) or a dataset scikit-learn ships; records its hash, rows, columns and schema.',
    configSchema: ZLoadDatasetConfigSchema,
    defaultConfig: { source: 'sklearn', dataset: 'breast_cancer' },
    inputs: [port('in', 'any', 'File', false)],
    outputs: [dataset()],
    cacheable: true,
  },
  validate_data: {
    ...library,
    kind: 'validate_data',
    module: 'validate_data',
    title: 'Validate data',
    description: 'Checks a dataset against a declared schema or one inferred from a reference, and its distributions against the reference; HTML and JSON report; each check fails or warns.',
    configSchema: ZValidateDataConfigSchema,
    defaultConfig: {},
    inputs: [dataset(), dataset('reference', 'Reference', false)],
    outputs: [dataset(), report],
    cacheable: true,
  },
  split_dataset: {
    ...library,
    kind: 'split_dataset',
    module: 'split_dataset',
    title: 'Split',
    description: 'Splits a dataset into train, validation and test sets: seeded, stratified by the target.',
    configSchema: ZSplitConfigSchema,
    defaultConfig: { target: 'target', testFraction: 0.2 },
    inputs: [dataset()],
    outputs: [dataset('train', 'Train'), dataset('validation', 'Validation', false), dataset('test', 'Test')],
    cacheable: true,
  },
  train_model: {
    ...library,
    kind: 'train_model',
    module: 'train_model',
    title: 'Train',
    description: 'Fits a scikit-learn estimator (logistic regression, random forest, gradient boosting) on the training set; logs params and the model to the run.',
    configSchema: ZTrainConfigSchema,
    defaultConfig: { target: 'target', estimator: 'logistic_regression', hyperparameters: 'max_iter=1000' },
    inputs: [dataset('dataset', 'Training set')],
    outputs: [model],
    cacheable: true,
  },
  train_torch: {
    ...library,
    kind: 'train_torch',
    module: 'train_torch',
    title: 'Train (PyTorch)',
    description: 'Trains a small PyTorch MLP on the training set: on the GPU a GPU pool gives it, else the CPU. Needs torch (requirements/torch.txt: WEFT_TORCH=on on a GPU pool’s worker).',
    configSchema: ZTrainTorchConfigSchema,
    defaultConfig: { target: 'target', hiddenLayers: '64, 32', epochs: 50 },
    inputs: [dataset('dataset', 'Training set')],
    outputs: [model],
    cacheable: true,
  },
  evaluate_model: {
    ...library,
    kind: 'evaluate_model',
    module: 'evaluate_model',
    title: 'Evaluate',
    description: 'Scores a model on a test set: metrics with bootstrap confidence intervals, confusion matrix and calibration plots.',
    configSchema: ZEvaluateConfigSchema,
    defaultConfig: { target: 'target' },
    inputs: [model, dataset('dataset', 'Test set')],
    outputs: [port('metrics', 'metrics', 'Metrics', false), report],
    cacheable: true,
  },
  compare_production: {
    ...library,
    kind: 'compare_production',
    module: 'compare_production',
    title: 'Compare with production',
    description: 'Candidate vs the registered model’s champion on the same test set: paired bootstrap CI of the difference and a non-inferiority margin give a verdict (metrics `verdict_*`, `acceptable`).',
    configSchema: ZCompareConfigSchema,
    defaultConfig: { modelName: 'model', metric: 'accuracy', margin: 0.01 },
    inputs: [model, dataset('dataset', 'Test set')],
    outputs: [model, report],
    // the champion can move between two runs with the same inputs
    cacheable: false,
  },
  drift_check: {
    ...library,
    kind: 'drift_check',
    module: 'drift_check',
    title: 'Drift check',
    description: 'PSI and KS per feature of current data against a reference (the training data); metric `drifted` is 1 when a feature moved past its PSI threshold (and, numeric, its KS test).',
    configSchema: ZDriftCheckConfigSchema,
    defaultConfig: { exclude: 'target', psiThreshold: 0.2 },
    inputs: [dataset('reference', 'Reference'), dataset('current', 'Current')],
    outputs: [report],
    cacheable: true,
  },
  batch_predict: {
    ...library,
    kind: 'batch_predict',
    module: 'batch_predict',
    title: 'Batch predict',
    description: 'Adds the predictions (and class probabilities) of a model, connected or the registry’s champion, to a dataset.',
    configSchema: ZBatchPredictConfigSchema,
    defaultConfig: { modelName: '', alias: 'champion' },
    inputs: [{ ...model, required: false }, dataset()],
    outputs: [dataset('predictions', 'Predictions')],
    // (the registry's champion can move between two runs with the same inputs)
    cacheable: false,
  },
  notify: {
    ...library,
    kind: 'notify',
    module: 'notify',
    title: 'Notify',
    description: 'POSTs a Slack-compatible JSON message to a webhook URL kept in a project secret, with the verdicts and summaries of upstream steps.',
    configSchema: ZNotifyConfigSchema,
    defaultConfig: { webhookSecret: 'SLACK_WEBHOOK_URL' },
    secretFields: ['webhookSecret'],
    inputs: [port('in', 'any', 'After', false)],
    outputs: [port('out', 'any', 'Then', false)],
    cacheable: false,
  },
} as const satisfies Record<string, TLibraryKindDefinition>;

/** The ML kinds that compile into a for-each (ml-steps/sweep.ts). */
export const ML_EXPANDED_CATALOG = {
  sweep: {
    kind: 'sweep',
    executor: 'foreach',
    expansion: 'sweep',
    title: 'Sweep',
    description: 'Grid or random search over hyperparameters: one training per candidate in parallel (cross-validated or scored on a validation set), each logged to its own tracking run; the best by the chosen metric flows on as the model.',
    configSchema: ZSweepConfigSchema,
    defaultConfig: { target: 'target', estimator: 'logistic_regression', strategy: 'grid', searchSpace: 'C=0.01, 0.1, 1, 10\nmax_iter=5000', metric: 'accuracy', cvFolds: 5 },
    inputs: [dataset('dataset', 'Training set'), dataset('validation', 'Validation', false)],
    requiredInputs: sweepRequiredInputs,
    outputs: [model, report],
    defaultPool: 'cpu',
    executorVersion: '1',
    // (a for-each: its candidates run again, each its own tracking run)
    cacheable: false,
  },
} as const satisfies Record<string, TSweepKindDefinition>;
