import type { TPipelineSpec } from '../../workflows/dsl';

const TRAIN_CODE = `# Trains a classifier on a dataset that scikit-learn ships, so the example needs no download.
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

X, y = load_iris(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0)
model = LogisticRegression(max_iter=500).fit(X_train, y_train)
print(f"accuracy: {model.score(X_test, y_test):.3f}")
`;

/** The pipeline every new installation starts with: train → approval gate → deploy (a shell step). */
export const exampleSpec: TPipelineSpec = {
  nodes: [
    { id: 'train', kind: 'python', label: 'Train classifier', config: { code: TRAIN_CODE }, position: { x: 0, y: 80 } },
    { id: 'approve', kind: 'approval', label: 'Approve model', config: { instructions: 'Check the accuracy in the train log.', timeoutHours: 72 }, position: { x: 300, y: 80 } },
    { id: 'deploy', kind: 'shell', label: 'Deploy', config: { command: 'echo "deploying the approved model"' }, position: { x: 600, y: 80 } },
  ],
  edges: [
    { id: 'train-approve', source: 'train', sourcePort: 'out', target: 'approve', targetPort: 'in' },
    { id: 'approve-deploy', source: 'approve', sourcePort: 'out', target: 'deploy', targetPort: 'in' },
  ],
  parameters: {},
  maxParallelism: 8,
};
