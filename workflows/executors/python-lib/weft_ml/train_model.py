"""Train: fits a scikit-learn estimator on the training set (every column but the target is a
feature) with hyperparameters from the config or the run's parameters; writes ``model.pkl`` and
logs it with its params to the tracking run, which becomes the source of a version registered
from it."""

import numpy as np

from . import files, models
from .errors import StepError

TITLE = "Train"


def resolve(hyperparameters, step):
    """``{"param": name}`` values come from the run's parameters (e.g. a sweep's value)."""
    return {k: step.param(v["param"]) if isinstance(v, dict) else v for k, v in hyperparameters.items()}


def fit(frame, target, task, estimator, hyperparameters, seed):
    files.require_columns(frame, [target], "the training set")
    y = frame[target]
    X = frame.drop(columns=[target])
    if X.shape[1] == 0:
        raise StepError("the training set has no feature columns besides %r" % target)
    if y.isna().any():
        raise StepError("the target %r has %d null value(s)" % (target, int(y.isna().sum())))
    if task == "classification" and y.nunique() < 2:
        raise StepError("the target %r has a single class (%r): nothing to learn" % (target, y.iloc[0]))
    if task == "regression" and not np.issubdtype(y.dtype, np.number):
        raise StepError("the target %r is not numeric (%s): choose the classification task" % (target, y.dtype))
    model = models.build(estimator, task, hyperparameters, seed, X)
    try:
        model.fit(X, y)
    except (ValueError, TypeError) as error:
        raise StepError("fitting failed: %s" % str(error).splitlines()[0]) from None
    return model, float(model.score(X, y))


def main(step):
    config = step.config
    frame = step.dataset("dataset")
    hyperparameters = resolve(config["hyperparameters"], step)
    model, score = fit(frame, config["target"], config["task"], config["estimator"], hyperparameters, config["seed"])
    step.write_model("model", model)
    step.tracking.log_params({"estimator": config["estimator"], "task": config["task"], "target": config["target"], "seed": config["seed"], "train_rows": len(frame), **hyperparameters})
    step.metric("train_score", score)
    print("trained %s (%s) on %d rows: training score %.4f" % (config["estimator"], config["task"], len(frame), score))
