"""Load dataset: a dataset scikit-learn ships (no download), a CSV/Parquet file at a path, one
an upstream step wrote, or a stored artifact named by its sha256 (the pool worker hands it over,
checked against that hash: an alert's retraining run reads the drifted data so); written as ``dataset.parquet`` and recorded by its hash, rows, columns
and schema (``profile.json``, the tracking run's dataset input)."""

import os

import weft_step as weft

from . import files
from .errors import StepError

TITLE = "Load dataset"


def _sklearn(name):
    from sklearn import datasets

    loaders = {"iris": datasets.load_iris, "wine": datasets.load_wine, "breast_cancer": datasets.load_breast_cancer, "diabetes": datasets.load_diabetes}
    if name not in loaders:
        raise StepError("unknown scikit-learn dataset %r (one of: %s)" % (name, ", ".join(loaders)))
    return loaders[name](as_frame=True).frame, "sklearn:" + name


def _upstream(step, name, fmt):
    if not step.is_wired("in"):
        raise StepError("the source is an upstream file, but nothing is connected to the File input")
    binding_files = {n: p for node_files in step.upstream_files().values() for n, p in node_files.items()}
    if name:
        if name not in binding_files:
            raise StepError("no upstream file named %r (there are: %s)" % (name, ", ".join(sorted(binding_files)) or "none"))
        path = binding_files[name]
    else:
        path = step.input_path("in", "dataset")
    return files.read_dataset(path, fmt), "upstream:" + os.path.basename(path)


def _artifact(fmt):
    given = weft.artifacts()
    if len(given) != 1:
        raise StepError("the source is an artifact, but the worker handed over %d of them" % len(given))
    ((digest, path),) = given.items()
    if fmt == "auto":
        # a stored artifact has no file name: tell Parquet by its magic bytes, else read CSV
        with open(path, "rb") as f:
            fmt = "parquet" if f.read(4) == b"PAR1" else "csv"
    return files.read_dataset(path, fmt), "artifact:" + digest


def main(step):
    config = step.config
    source = config["source"]
    if source == "sklearn":
        frame, origin = _sklearn(config["dataset"])
    elif source == "artifact":
        frame, origin = _artifact(config["format"])
    elif source == "path":
        frame, origin = files.read_dataset(config["path"], config["format"]), config["path"]
    else:
        frame, origin = _upstream(step, config["path"], config["format"])
    if frame.empty:
        raise StepError("%s is an empty dataset (%d rows, %d columns)" % (origin, len(frame), len(frame.columns)))
    if frame.columns.duplicated().any():
        raise StepError("%s has duplicate column names: %s" % (origin, ", ".join(sorted({str(c) for c in frame.columns[frame.columns.duplicated()]}))))

    step.write_dataset("dataset", frame)
    digest = files.data_hash(frame)
    schema = files.schema_of(frame)
    step.write_json("profile.json", {"source": origin, "hash": digest, "rows": len(frame), "columns": len(frame.columns), "schema": schema})
    step.tracking.log_params({"source": origin})
    mlflow_types = {"number": "double", "integer": "long"}
    colspec = [{"name": c["name"], "type": mlflow_types.get(c["type"], c["type"])} for c in schema]
    # (MLflow's dataset digests are at most 36 characters)
    step.tracking.log_dataset(origin, digest[:36], origin, colspec, len(frame), "training")
    step.metric("rows", len(frame))
    step.metric("columns", len(frame.columns))
    print("loaded %s: %d rows, %d columns, hash %s" % (origin, len(frame), len(frame.columns), digest[:12]))
