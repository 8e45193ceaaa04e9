import type { TPipelineSpec } from '../spec';

/**
 * Pipelines to start from (the new-pipeline dialog): built from the ML library's kinds, each
 * runs as it is on data scikit-learn ships. Plain specs: a template is a pipeline's first draft.
 */
export type TPipelineTemplate = { id: string; title: string; description: string; spec: TPipelineSpec };

type TNode = TPipelineSpec['nodes'][number];
const COLUMN = 260;
const ROW = 140;
const node = (id: string, kind: string, label: string, config: Record<string, unknown>, column: number, row = 0): TNode => ({
  id,
  kind,
  label,
  config,
  position: { x: column * COLUMN, y: row * ROW },
});
const wire = (source: string, sourcePort: string, target: string, targetPort: string) => ({ id: `${source}_${sourcePort}-${target}_${targetPort}`, source, sourcePort, target, targetPort });

const MODEL = 'breast-cancer';

/** split → train → evaluate and compare → condition → approval → register → promote, from `column` on */
function trainAndRelease(from: { node: string; port: string }, column: number): { nodes: TNode[]; edges: ReturnType<typeof wire>[] } {
  return {
    nodes: [
      node('split', 'split_dataset', 'Split', { target: 'target', testFraction: 0.3 }, column),
      node('train', 'train_model', 'Train', { target: 'target', estimator: 'logistic_regression', hyperparameters: 'C=params.C\nmax_iter=5000' }, column + 1),
      node('evaluate', 'evaluate_model', 'Evaluate', { target: 'target' }, column + 2, -0.7),
      node('compare', 'compare_production', 'Compare with production', { modelName: MODEL, metric: 'accuracy', margin: 0.02 }, column + 2, 0.7),
      node('accept', 'condition', 'Good enough?', { expression: 'steps.compare.metrics.acceptable == 1 and steps.evaluate.metrics.accuracy >= params.min_accuracy' }, column + 3),
      node('approve', 'approval', 'Approve', { instructions: 'Check the evaluation intervals and the comparison with production (the Evaluate and Compare reports).', timeoutHours: 72 }, column + 4),
      node('register', 'register_model', 'Register model', { modelName: MODEL, artifact: 'model.pkl', tags: '' }, column + 5),
      node('promote', 'promote_model', 'Promote to champion', { modelName: MODEL, alias: 'champion', version: 0, timeoutHours: 168 }, column + 6),
    ],
    edges: [
      wire(from.node, from.port, 'split', 'dataset'),
      wire('split', 'train', 'train', 'dataset'),
      wire('train', 'model', 'evaluate', 'model'),
      wire('split', 'test', 'evaluate', 'dataset'),
      wire('train', 'model', 'compare', 'model'),
      wire('split', 'test', 'compare', 'dataset'),
      wire('evaluate', 'report', 'accept', 'in'),
      // (the candidate passes through the condition and the gate to Register)
      wire('compare', 'model', 'accept', 'in'),
      wire('accept', 'true', 'approve', 'in'),
      wire('approve', 'out', 'register', 'model'),
      wire('register', 'version', 'promote', 'version'),
    ],
  };
}

const train = trainAndRelease({ node: 'validate', port: 'dataset' }, 2);
const retrain = trainAndRelease({ node: 'retrain', port: 'true' }, 3);

export const PIPELINE_TEMPLATES: TPipelineTemplate[] = [
  {
    id: 'train-validate-compare',
    title: 'Train, validate, compare, approve, register',
    description: 'Validates the data, trains and evaluates a model, compares it with the registered champion, and registers and promotes it after an approval.',
    spec: {
      nodes: [node('load', 'load_dataset', 'Load dataset', { source: 'sklearn', dataset: 'breast_cancer' }, 0), node('validate', 'validate_data', 'Validate data', {}, 1), ...train.nodes],
      edges: [wire('load', 'dataset', 'validate', 'dataset'), wire('load', 'dataset', 'validate', 'reference'), ...train.edges],
      parameters: { C: 1, min_accuracy: 0.9 },
      maxParallelism: 8,
    },
  },
  {
    id: 'batch-inference',
    title: 'Batch inference',
    description: `Validates a dataset and adds the predictions of the registry's champion of "${MODEL}" (run the training template first).`,
    spec: {
      nodes: [
        node('reference', 'load_dataset', 'Reference data', { source: 'sklearn', dataset: 'breast_cancer' }, 0, -0.7),
        node('load', 'load_dataset', 'Data to score', { source: 'sklearn', dataset: 'breast_cancer' }, 0, 0.7),
        node('validate', 'validate_data', 'Validate data', {}, 1),
        node('predict', 'batch_predict', 'Batch predict', { modelName: MODEL, alias: 'champion' }, 2),
      ],
      edges: [wire('load', 'dataset', 'validate', 'dataset'), wire('reference', 'dataset', 'validate', 'reference'), wire('validate', 'dataset', 'predict', 'dataset')],
      parameters: {},
      maxParallelism: 8,
    },
  },
  {
    id: 'drift-retrain',
    title: 'Drift check and retrain',
    description: 'Checks current data against the training data; when it drifted, retrains on it, compares with the champion and promotes after an approval.',
    spec: {
      nodes: [
        node('reference', 'load_dataset', 'Training data', { source: 'sklearn', dataset: 'breast_cancer' }, 0, -0.7),
        node('current', 'load_dataset', 'Current data', { source: 'sklearn', dataset: 'breast_cancer' }, 0, 0.7),
        node('drift', 'drift_check', 'Drift check', { exclude: 'target', psiThreshold: 0.2, modelName: MODEL }, 1),
        node('retrain', 'condition', 'Drifted?', { expression: 'steps.drift.metrics.drifted == 1' }, 2),
        ...retrain.nodes,
      ],
      edges: [
        wire('reference', 'dataset', 'drift', 'reference'),
        wire('current', 'dataset', 'drift', 'current'),
        wire('drift', 'report', 'retrain', 'in'),
        // (the current data passes through the condition to the retraining)
        wire('current', 'dataset', 'retrain', 'in'),
        ...retrain.edges,
      ],
      parameters: { C: 1, min_accuracy: 0.9 },
      maxParallelism: 8,
    },
  },
];

export function pipelineTemplate(id: string): TPipelineTemplate | undefined {
  return PIPELINE_TEMPLATES.find((t) => t.id === id);
}
