import type { TPipelineSpec } from '../../workflows/dsl';

/** The example's train step: MLflow autolog, a learning curve, a registered model. */
export const EXAMPLE_TRAIN_CODE = `# Trains a classifier on a dataset that scikit-learn ships, so the example needs no download.
# Everything MLflow logs lands in Weft: this step's run in the pipeline's experiment (Experiments tab).
import mlflow
import weft_step as weft
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.model_selection import train_test_split

X, y = load_iris(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0)

# a learning curve: one point per epoch, drawn as a chart on the run's Metrics tab
curve = SGDClassifier(loss="log_loss", random_state=0)
for epoch in range(20):
    curve.partial_fit(X_train, y_train, classes=[0, 1, 2])
    mlflow.log_metric("sgd_val_accuracy", curve.score(X_test, y_test), step=epoch)

# autolog records the parameters, training metrics and the model itself
mlflow.sklearn.autolog(log_input_examples=False)
model = LogisticRegression(max_iter=500).fit(X_train, y_train)
accuracy = model.score(X_test, y_test)
mlflow.log_metric("test_accuracy", accuracy)
weft.log_metric("accuracy", accuracy)  # shown on the canvas and in the approval
mlflow.sklearn.log_model(model, name="model", registered_model_name="iris-classifier")
print(f"accuracy: {accuracy:.3f}")
`;

/** The pipeline every new installation starts with: train → approval gate → deploy (a shell step). */
export const exampleSpec: TPipelineSpec = {
  nodes: [
    { id: 'train', kind: 'python', label: 'Train classifier', config: { code: EXAMPLE_TRAIN_CODE }, position: { x: 0, y: 80 } },
    { id: 'approve', kind: 'approval', label: 'Approve model', config: { instructions: 'Check the test accuracy of the new iris-classifier version (Experiments, or the train step).', timeoutHours: 72 }, position: { x: 300, y: 80 } },
    { id: 'deploy', kind: 'shell', label: 'Deploy', config: { command: 'echo "deploying the approved model"' }, position: { x: 600, y: 80 } },
  ],
  edges: [
    { id: 'train-approve', source: 'train', sourcePort: 'out', target: 'approve', targetPort: 'in' },
    { id: 'approve-deploy', source: 'approve', sourcePort: 'out', target: 'deploy', targetPort: 'in' },
  ],
  parameters: {},
  maxParallelism: 8,
};
