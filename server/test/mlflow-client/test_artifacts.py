"""Artifacts and logged models through Weft's mlflow-artifacts proxy, with the real mlflow client.

Run by server/test/mlflow-artifacts.integration.test.ts with MLFLOW_TRACKING_URI and
MLFLOW_TRACKING_TOKEN set; prints one JSON line (what the test then checks in the store) last.
"""

import hashlib
import json
import os
import tempfile

import mlflow
import mlflow.sklearn
import numpy as np
from mlflow import MlflowClient
from mlflow.models import infer_signature
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

client = MlflowClient()
mlflow.set_experiment("artifacts-from-the-client")

with tempfile.TemporaryDirectory() as tmp, mlflow.start_run() as run:
    run_id = run.info.run_id
    assert run.info.artifact_uri.startswith("mlflow-artifacts:/"), run.info.artifact_uri

    report = os.path.join(tmp, "report.txt")
    with open(report, "w") as f:
        f.write("accuracy: 0.97\n")
    mlflow.log_artifact(report)

    data = os.path.join(tmp, "data")
    os.makedirs(os.path.join(data, "nested"))
    with open(os.path.join(data, "a.csv"), "w") as f:
        f.write("x,y\n1,2\n")
    with open(os.path.join(data, "nested", "b.json"), "w") as f:
        json.dump({"rows": 1}, f)
    mlflow.log_artifacts(data, artifact_path="data")

    root = {(f.path, f.is_dir, f.file_size) for f in client.list_artifacts(run_id)}
    assert root == {("report.txt", False, 15), ("data", True, None)}, root
    listed = {(f.path, f.is_dir) for f in client.list_artifacts(run_id, "data")}
    assert listed == {("data/a.csv", False), ("data/nested", True)}, listed

    out = os.path.join(tmp, "out")
    os.makedirs(out)
    got = client.download_artifacts(run_id, "report.txt", out)
    assert open(got).read() == "accuracy: 0.97\n"
    got_dir = client.download_artifacts(run_id, "data", out)
    assert open(os.path.join(got_dir, "nested", "b.json")).read() == '{"rows": 1}'

    X, y = load_iris(return_X_y=True, as_frame=True)
    model = LogisticRegression(max_iter=300).fit(X, y)
    # MLflow 3's default format (skops, in the steps venv), as a step's plain log_model uses it
    info = mlflow.sklearn.log_model(model, name="iris", signature=infer_signature(X, model.predict(X)))

loaded = mlflow.sklearn.load_model(info.model_uri)
assert np.array_equal(loaded.predict(X.head(5)), model.predict(X.head(5)))
pyfunc = mlflow.pyfunc.load_model(info.model_uri)
assert pyfunc.metadata.get_input_schema() is not None
assert list(pyfunc.predict(X.head(3))) == list(model.predict(X.head(3)))
assert client.get_logged_model(info.model_id).status.name == "READY"

print(json.dumps({"run_id": run_id, "model_id": info.model_id, "report_sha256": hashlib.sha256(b"accuracy: 0.97\n").hexdigest()}))
