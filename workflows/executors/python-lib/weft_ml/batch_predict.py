"""Batch predict: the dataset with the predictions of a model added (and, for classifiers, one
``proba_<class>`` column per class), as ``predictions.parquet``. The model is the one connected
to the Model input, else the registered version that holds the configured alias."""

import numpy as np

from . import models, registry
from .errors import StepError

TITLE = "Batch predict"


def predict_frame(model, frame, column, probabilities):
    if column in frame.columns:
        raise StepError("the dataset already has a column %r: name the prediction column differently" % column)
    X = models.inputs_for(model, frame, "the dataset")
    out = frame.copy()
    out[column] = models.predict(model, X, "the dataset")
    if probabilities and models.task_of(model) == "classification" and hasattr(model, "predict_proba"):
        proba = np.asarray(model.predict_proba(X))
        for i, label in enumerate(model.classes_):
            out["proba_%s" % label] = proba[:, i]
    return out


def main(step):
    config = step.config
    model = step.model() if step.is_wired("model") else _registered(config["modelName"], config["alias"])
    frame = step.dataset("dataset")
    out = predict_frame(model, frame, config["predictionColumn"], config["probabilities"])
    step.write_dataset("predictions", out)
    step.metric("rows", len(out))
    print("predicted %d rows" % len(out))


def _registered(name, alias):
    if not name:
        raise StepError("connect a model to the Model input, or name a registered model")
    model, version = registry.load_alias(name, alias)
    if model is None:
        raise StepError("no version of %s holds the alias %r yet: register and promote one first" % (name, alias))
    print("using %s v%d (%s)" % (name, version, alias))
    return model
