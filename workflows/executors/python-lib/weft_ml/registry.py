"""The model that holds a registry alias (``champion``), read through the tracking server's
MLflow API with the step's own token: its version's source names the run that logged the file."""

import os
import tempfile

from . import files
from .errors import StepError


def load_alias(model_name, alias):
    """(model, version) of what holds the alias, or (None, None) when nothing does yet."""
    if not os.environ.get("MLFLOW_RUN_ID"):
        raise StepError("the registry is reached through the tracking server, and this step has none (MLFLOW_RUN_ID is not set)")
    from mlflow import MlflowClient
    from mlflow.artifacts import download_artifacts
    from mlflow.exceptions import MlflowException

    try:
        version = MlflowClient().get_model_version_by_alias(model_name, alias)
    except MlflowException as error:
        if error.error_code == "RESOURCE_DOES_NOT_EXIST":
            return None, None
        raise StepError("cannot read %s@%s from the registry: %s" % (model_name, alias, error.message)) from None
    if not version.source.startswith(("runs:/", "models:/", "mlflow-artifacts:/")):
        raise StepError("%s v%s (%s) was registered from a step that did not log its model to tracking (%s): it cannot be loaded here" % (model_name, version.version, alias, version.source))
    target = tempfile.mkdtemp(prefix="registered-", dir=os.getcwd())
    path = download_artifacts(artifact_uri=version.source, dst_path=target)
    if os.path.isdir(path):
        found = [os.path.join(path, n) for n in sorted(os.listdir(path)) if n.endswith(files.EXTENSIONS["model"])]
        if not found:
            raise StepError("%s v%s has no model file (.pkl) at %s" % (model_name, version.version, version.source))
        path = found[0]
    return files.read_model(path), int(version.version)
