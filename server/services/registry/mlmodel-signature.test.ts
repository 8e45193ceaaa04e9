import { describe, expect, it } from 'vitest';
import { mlmodelSignature } from './mlmodel-signature';

// written by mlflow 3.17.2 (Model.to_yaml) for a frame of four doubles and a string, and int64 labels
const MLMODEL = `artifact_path: model
flavors: {}
mlflow_version: 3.17.2
signature:
  inputs: '[{"type": "double", "name": "sepal length (cm)", "required": true}, {"type":
    "double", "name": "sepal width (cm)", "required": true}, {"type": "double", "name":
    "petal length (cm)", "required": true}, {"type": "double", "name": "petal width
    (cm)", "required": true}, {"type": "string", "name": "it''s", "required": true}]'
  outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "int64", "shape": [-1]}}]'
  params: null
type_hint_from_example: false
`;

describe('mlmodelSignature', () => {
  it("reads MLflow's folded single-quoted schema JSON: named columns and tensors", () => {
    expect(mlmodelSignature(MLMODEL)).toEqual({
      inputs: [
        { name: 'sepal length (cm)', type: 'double' },
        { name: 'sepal width (cm)', type: 'double' },
        { name: 'petal length (cm)', type: 'double' },
        { name: 'petal width (cm)', type: 'double' },
        { name: "it's", type: 'string' },
      ],
      outputs: [{ name: null, type: 'tensor int64 [-1]' }],
    });
  });

  it('is null for a model without a signature, or one it cannot read', () => {
    expect(mlmodelSignature('artifact_path: model\nflavors: {}\n')).toBeNull();
    expect(mlmodelSignature("signature:\n  inputs: 'not json'\n")).toBeNull();
  });
});
