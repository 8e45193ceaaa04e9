"""The real mlflow client's model registry calls against Weft's /mlflow API.

Run by server/test/mlflow-registry.integration.test.ts with MLFLOW_TRACKING_URI and
MLFLOW_TRACKING_TOKEN set; prints one JSON line (the run, and the approval the champion request opened).
"""

import json

import mlflow
from mlflow.exceptions import MlflowException, RestException
from mlflow.tracking import MlflowClient

client = MlflowClient()
mlflow.set_experiment("weft-registry-test")
with mlflow.start_run() as run:
    mlflow.log_metric("accuracy", 0.91)
run_id = run.info.run_id

# a model and a version from the run (no model files needed: Weft records the source)
client.create_registered_model("fraud", tags={"team": "risk"}, description="fraud scores")
try:
    client.create_registered_model("fraud")
    raise AssertionError("a second model of the same name was created")
except MlflowException as error:
    assert error.error_code == "RESOURCE_ALREADY_EXISTS", error.error_code
version = client.create_model_version("fraud", source=f"runs:/{run_id}/model", run_id=run_id, tags={"stage": "candidate"})
assert version.version == "1", version.version
assert version.status == "READY" and version.run_id == run_id

# tags, description, reads
client.set_registered_model_tag("fraud", "owner", "ana")
client.set_model_version_tag("fraud", "1", "validated", "yes")
client.delete_registered_model_tag("fraud", "team")
client.update_model_version("fraud", "1", description="first")
model = client.get_registered_model("fraud")
assert model.tags == {"owner": "ana"}, model.tags
assert model.latest_versions[0].version == "1"
got = client.get_model_version("fraud", "1")
assert got.tags == {"stage": "candidate", "validated": "yes"}, got.tags
assert got.description == "first"
assert client.get_model_version_download_uri("fraud", "1").endswith("/model")

# searches
assert [m.name for m in client.search_registered_models(filter_string="name LIKE 'fr%'")] == ["fraud"]
assert client.search_registered_models(filter_string="name = 'other'") == []
assert [v.version for v in client.search_model_versions(f"run_id = '{run_id}'")] == ["1"]
assert [v.version for v in client.get_latest_versions("fraud")] == ["1"]

# MLflow-style stages: Staging moves at once (case-insensitive), Production of a model whose
# promotion is governed by a protected alias is refused, naming the alias to request
staged = client.transition_model_version_stage("fraud", "1", "staging")
assert staged.current_stage == "Staging", staged.current_stage
assert [v.version for v in client.get_latest_versions("fraud", stages=["Staging"])] == ["1"]
assert client.get_latest_versions("fraud", stages=["Production"]) == []
try:
    client.transition_model_version_stage("fraud", "1", "Production")
    raise AssertionError("Production without approval")
except RestException as error:
    assert error.error_code == "PERMISSION_DENIED", error.error_code
    assert "champion" in error.message, error.message
assert client.get_model_version("fraud", "1").current_stage == "Staging"

# an unprotected alias moves at once
client.set_registered_model_alias("fraud", "challenger", "1")
assert client.get_model_version_by_alias("fraud", "challenger").version == "1"
assert client.get_registered_model("fraud").aliases == {"challenger": "1"}

# a protected one does not: the client raises, the alias has not moved, an approval waits
try:
    client.set_registered_model_alias("fraud", "champion", "1")
    raise AssertionError("champion moved without approval")
except RestException as error:
    assert error.error_code == "PERMISSION_DENIED", error.error_code
    assert "awaits approval" in error.message, error.message
    approval_id = error.json["pending_approval"]["id"]
try:
    client.get_model_version_by_alias("fraud", "champion")
    raise AssertionError("champion is set")
except MlflowException as error:
    assert error.error_code == "RESOURCE_DOES_NOT_EXIST", error.error_code

print(json.dumps({"run_id": run_id, "approval_id": approval_id}))
