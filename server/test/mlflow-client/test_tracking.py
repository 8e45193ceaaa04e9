"""The real mlflow client (requirements/steps.txt) against Weft's /mlflow API.

Run by server/test/mlflow-tracking.integration.test.ts with MLFLOW_TRACKING_URI and
MLFLOW_TRACKING_TOKEN set; prints one JSON line with what the test checks beyond these asserts.
"""

import json
import math
import time

import mlflow
import pandas as pd
from mlflow.entities import Metric, Param, RunTag
from mlflow.exceptions import MlflowException
from mlflow.tracking import MlflowClient

client = MlflowClient()

# experiments: create through the fluent API, read back by name and id
experiment_id = mlflow.set_experiment("weft-client-test").experiment_id
assert client.get_experiment_by_name("weft-client-test").experiment_id == experiment_id
assert client.get_experiment(experiment_id).name == "weft-client-test"
try:
    client.create_experiment("weft-client-test")
    raise AssertionError("a second experiment of the same name was created")
except MlflowException as error:
    assert error.error_code == "RESOURCE_ALREADY_EXISTS", error.error_code
assert client.get_experiment_by_name("no such experiment") is None

# a run: params, metrics with steps, a batch, tags
with mlflow.start_run(run_name="first") as run:
    run_id = run.info.run_id
    mlflow.log_params({"model": "rf", "n_estimators": 100})
    mlflow.log_param("learning_rate", 0.1)
    for step in range(5):
        mlflow.log_metric("loss", 1.0 / (step + 1), step=step)
    mlflow.log_metric("acc", 0.95)
    mlflow.set_tags({"team": "vision", "stage": "dev"})
    mlflow.set_tag("removed", "soon")
    now = int(time.time() * 1000)
    client.log_batch(
        run_id,
        metrics=[Metric("batch_metric", float(i), now + i, i) for i in range(1000)],
        params=[Param("batch_param", "b")],
        tags=[RunTag("batch_tag", "t")],
    )
    mlflow.log_metric("nan_metric", float("nan"))
    client.delete_tag(run_id, "removed")
    mlflow.log_input(mlflow.data.from_pandas(pd.DataFrame({"x": [1, 2]}), name="train"), context="training")

# more runs for search and paging
for i, (model, acc) in enumerate([("svm", 0.7), ("rf", 0.8), ("rf", 0.99)]):
    with mlflow.start_run(run_name=f"run-{i}"):
        mlflow.log_param("model", model)
        mlflow.log_metric("acc", acc)
        mlflow.set_tag("team", "vision" if i else "nlp")

# read everything back
got = client.get_run(run_id)
assert got.info.status == "FINISHED", got.info.status
assert got.info.end_time and got.info.end_time >= got.info.start_time
assert got.info.run_name == "first"
assert got.data.params == {"model": "rf", "n_estimators": "100", "learning_rate": "0.1", "batch_param": "b"}, got.data.params
assert got.data.metrics["loss"] == 0.2 and got.data.metrics["acc"] == 0.95
assert got.data.metrics["batch_metric"] == 999.0
assert math.isnan(got.data.metrics["nan_metric"])
assert got.data.tags["team"] == "vision" and got.data.tags["batch_tag"] == "t"
assert "removed" not in got.data.tags
assert got.data.tags["mlflow.runName"] == "first"
(dataset_input,) = got.inputs.dataset_inputs
assert dataset_input.dataset.name == "train" and dataset_input.dataset.digest
assert {t.key: t.value for t in dataset_input.tags} == {"mlflow.data.context": "training"}
history = client.get_metric_history(run_id, "loss")
assert [(m.step, m.value) for m in history] == [(s, 1.0 / (s + 1)) for s in range(5)], history
assert len(client.get_metric_history(run_id, "batch_metric")) == 1000

# a changed param is refused
try:
    client.log_param(run_id, "model", "svm")
    raise AssertionError("a param was changed")
except MlflowException as error:
    assert error.error_code == "INVALID_PARAMETER_VALUE", error.error_code

# search: filter, order_by, paging
found = client.search_runs(
    [experiment_id],
    filter_string="metrics.acc > 0.75 and params.model = 'rf' and tags.team != 'nlp' and attributes.status = 'FINISHED'",
    order_by=["metrics.acc DESC"],
)
assert [r.data.metrics["acc"] for r in found] == [0.99, 0.95, 0.8], [r.data.metrics for r in found]
assert [r.info.run_name for r in client.search_runs([experiment_id], "params.model LIKE 's%'")] == ["run-0"]
assert len(client.search_runs([experiment_id], "tags.team ILIKE 'VIS%'")) == 3
assert [r.info.run_id for r in client.search_runs([experiment_id], "datasets.name = 'train'")] == [run_id]
by_name = client.search_runs([experiment_id], order_by=["attributes.run_name ASC"])
assert [r.info.run_name for r in by_name] == ["first", "run-0", "run-1", "run-2"], [r.info.run_name for r in by_name]
page1 = client.search_runs([experiment_id], max_results=3, order_by=["attributes.run_name ASC"])
assert len(page1) == 3 and page1.token
page2 = client.search_runs([experiment_id], max_results=3, order_by=["attributes.run_name ASC"], page_token=page1.token)
assert [r.info.run_name for r in page2] == ["run-2"] and not page2.token
assert len(mlflow.search_runs([experiment_id], filter_string="metrics.acc >= 0.8")) == 3  # pandas frame
try:
    client.search_runs([experiment_id], "metrics.acc > 1 or params.model = 'x'")
    raise AssertionError("OR was accepted")
except MlflowException as error:
    assert error.error_code == "INVALID_PARAMETER_VALUE" and "AND only" in error.message, error.message

# runs: rename, delete and restore
client.update_run(run_id, name="renamed")
assert client.get_run(run_id).info.run_name == "renamed"
client.delete_run(run_id)
assert client.get_run(run_id).info.lifecycle_stage == "deleted"
assert len(client.search_runs([experiment_id])) == 3
client.restore_run(run_id)
assert len(client.search_runs([experiment_id])) == 4

# experiments: search, rename
assert [e.name for e in client.search_experiments(filter_string="name LIKE 'weft-client-%'")] == ["weft-client-test"]
other = client.create_experiment("weft-client-other", tags={"owner": "me"})
client.rename_experiment(other, "weft-client-renamed")
assert client.get_experiment(other).name == "weft-client-renamed"
assert client.get_experiment(other).tags == {"owner": "me"}
client.delete_experiment(other)
assert client.get_experiment(other).lifecycle_stage == "deleted"

print(json.dumps({"experiment_id": experiment_id, "run_id": run_id}))
