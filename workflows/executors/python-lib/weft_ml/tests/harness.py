"""Runs a library module as the executor does (``runner.run``), in this process, with the
python-step protocol's files in a temporary directory: the tests see the outputs, metrics and
one-line errors a run would record."""

import contextlib
import io
import json
import os
import tempfile
import unittest
from unittest import mock

import pandas as pd
import weft_step

from weft_ml import files, runner


class StepTestCase(unittest.TestCase):
    def setUp(self):
        self._dir = tempfile.TemporaryDirectory()
        self.addCleanup(self._dir.cleanup)
        self.root = self._dir.name
        self._count = 0

    def file(self, name, frame=None, text=None):
        """An upstream file: a dataset (Parquet or CSV by its name), or text."""
        path = os.path.join(self.root, "upstream", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if frame is not None and name.endswith(".parquet"):
            files.write_dataset(frame, path)
        elif frame is not None:
            frame.to_csv(path, index=False)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        return path

    def run_module(self, module, params, inputs=None, ports=None, run_params=None, env=None, item=None, artifacts=None):
        """``inputs``: {node: {name: path}}; ``ports``: {port: (node, port)}; ``item``: a for-each item's value;
        ``artifacts``: {sha256: path} (what the worker hands over by hash). Returns the outcome."""
        self._count += 1
        work = os.path.join(self.root, "step-%d" % self._count)
        out = os.path.join(work, "outputs")
        os.makedirs(out)
        given = os.path.join(work, "input.json")
        with open(given, "w", encoding="utf-8") as f:
            json.dump({"params": run_params or {}, "config": {"module": module, "params": params, "ports": {k: {"node": n, "port": p} for k, (n, p) in (ports or {}).items()}}, "inputs": inputs or {}, "item": item, "artifacts": artifacts or {}}, f)
        events = os.path.join(work, "events.jsonl")
        variables = {"WEFT_INPUT": given, "WEFT_OUTPUT_DIR": out, "WEFT_EVENTS": events, "HOME": work, **(env or {})}
        stdout, stderr = io.StringIO(), io.StringIO()
        code = 0
        with mock.patch.dict(os.environ, variables), contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            os.environ.pop("MLFLOW_RUN_ID", None)
            weft_step._input = None  # the helper caches the input file of the process
            try:
                runner.run(module)
            except SystemExit as exit_:
                code = exit_.code
            finally:
                weft_step._input = None
        metrics = {}
        if os.path.exists(events):
            with open(events, encoding="utf-8") as f:
                for line in f:
                    event = json.loads(line)
                    if event["type"] == "metric":
                        metrics[event["key"]] = event["value"]
        return Outcome(code, {n: os.path.join(out, n) for n in os.listdir(out)}, metrics, stdout.getvalue(), stderr.getvalue())


class Outcome:
    def __init__(self, code, outputs, metrics, stdout, stderr):
        self.code, self.outputs, self.metrics, self.stdout, self.stderr = code, outputs, metrics, stdout, stderr

    @property
    def error(self):
        """The last line of stderr: what the run shows as the step's error."""
        return self.stderr.strip().splitlines()[-1] if self.stderr.strip() else ""

    def frame(self, name):
        return pd.read_parquet(self.outputs[name])

    def json(self, name):
        with open(self.outputs[name], encoding="utf-8") as f:
            return json.load(f)


# Each kind's config as compile() gives it (the zod schema's defaults applied): tests override fields.
DEFAULTS = {
    "load_dataset": {"source": "sklearn", "dataset": "breast_cancer", "path": "", "artifact": "", "format": "auto"},
    "validate_data": {"schema": None, "columns": "fail", "types": "fail", "nulls": "fail", "ranges": "fail", "allowed": "fail", "unique": "fail", "distribution": "warn", "pValue": 0.001, "nullRateShift": 0.1},
    "split_dataset": {"target": "target", "testFraction": 0.2, "validationFraction": 0.0, "stratify": True, "seed": 42},
    "train_model": {"target": "target", "task": "classification", "estimator": "logistic_regression", "hyperparameters": {"max_iter": 1000}, "seed": 42},
    "train_torch": {"target": "target", "task": "classification", "hiddenLayers": [16], "epochs": 20, "learningRate": 0.01, "batchSize": 64, "device": "auto", "seed": 42},
    "evaluate_model": {"target": "target", "task": "classification", "bootstrap": 100, "confidence": 0.95, "seed": 42},
    "compare_production": {"modelName": "m", "alias": "champion", "target": "target", "metric": "accuracy", "margin": 0.01, "bootstrap": 300, "confidence": 0.95, "seed": 42},
    "drift_check": {"exclude": ["target"], "psiThreshold": 0.2, "thresholds": {}, "ksAlpha": 0.01, "bins": 10},
    "batch_predict": {"modelName": "", "alias": "champion", "predictionColumn": "prediction", "probabilities": True},
    "sweep_candidate": {"target": "target", "task": "classification", "estimator": "logistic_regression", "metric": "accuracy", "cvFolds": 3, "seed": 42, "candidates": [{"C": 0.01, "max_iter": 2000}, {"C": 1, "max_iter": 2000}]},
    "sweep_best": {"target": "target", "task": "classification", "estimator": "logistic_regression", "metric": "accuracy", "greaterIsBetter": True, "candidates": []},
    "notify": {"webhookSecret": "HOOK", "message": "Run {run_id}: {params.who}", "timeoutSeconds": 5},
}


def params(module, **overrides):
    return {**DEFAULTS[module], **overrides}
