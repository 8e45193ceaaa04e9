"""What a library step logs into the tracking store, so its evidence shows in the run (Metrics and
Artifacts tabs) and the registry can name its model's source: params, metrics, files and datasets,
sent to the attempt's own MLflow run (``MLFLOW_RUN_ID``, set by the pool worker) once the step's
work is done. Outside Weft (no ``MLFLOW_RUN_ID``: tests, a laptop) nothing is sent; ``mlflow`` is
imported only when there is somewhere to send to, since its import costs about a second."""

import os
import re
import sys
import time

# MLflow's rule for metric and param names; a feature called "sepal length (cm)" is logged as
# "sepal length _cm_" there (the JSON report keeps the real name).
_NOT_MLFLOW = re.compile(r"[^\w\-. /:]")
_BATCH = 100  # MLflow's limit of params per log-batch (metrics allow 1,000)


def mlflow_key(key):
    return _NOT_MLFLOW.sub("_", key)[:250]


class Tracking:
    def __init__(self, run_id):
        self.run_id = run_id
        self.params = {}
        self.metrics = {}
        self.artifacts = []
        self.datasets = []

    @classmethod
    def from_environment(cls):
        return cls(os.environ.get("MLFLOW_RUN_ID") or None)

    def log_params(self, params):
        for key, value in params.items():
            self.params[mlflow_key(str(key))] = str(value)[:6000]

    def log_metric(self, key, value):
        self.metrics[mlflow_key(key)] = float(value)

    def log_artifact(self, path):
        self.artifacts.append(path)

    def log_dataset(self, name, digest, source, schema, rows, context):
        self.datasets.append({"name": name, "digest": digest, "source": source, "schema": schema, "rows": rows, "context": context})

    def flush(self):
        """Sends what was logged. A tracking failure is reported in the log and does not fail the
        step: its outputs and Weft metrics are already recorded, and a retry would redo the work."""
        if not self.run_id:
            return
        try:
            self._send()
        except Exception as error:  # noqa: BLE001 - any client or network error: say it, go on
            sys.stderr.write("[weft_ml] could not log to the tracking run: %s\n" % (error,))

    def _send(self):
        import json

        from mlflow import MlflowClient
        from mlflow.entities import Dataset, DatasetInput, InputTag, Metric, Param

        client = MlflowClient()
        now = int(time.time() * 1000)
        params = [Param(k, v) for k, v in self.params.items()]
        metrics = [Metric(k, v, now, 0) for k, v in self.metrics.items()]
        for i in range(0, max(len(params), len(metrics)), _BATCH):
            client.log_batch(self.run_id, metrics=metrics[i : i + _BATCH], params=params[i : i + _BATCH])
        if self.datasets:
            inputs = [
                DatasetInput(
                    Dataset(d["name"], d["digest"], "local", d["source"], json.dumps({"mlflow_colspec": d["schema"]}), json.dumps({"num_rows": d["rows"]})),
                    [InputTag("mlflow.data.context", d["context"])],
                )
                for d in self.datasets
            ]
            client.log_inputs(self.run_id, datasets=inputs)
        for path in self.artifacts:
            client.log_artifact(self.run_id, path)
