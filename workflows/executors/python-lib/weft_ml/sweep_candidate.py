"""Sweep, one candidate (a for-each item of a compiled Sweep, workflows/dsl/ml-steps/sweep.ts):
trains the estimator with candidate ``item``'s hyperparameters and scores it by the sweep's metric,
cross-validated on the training set (then refit on all of it, as scikit-learn's searches do) or
on the Validation input. Writes ``model.pkl`` and ``candidate.json`` (what the pick of the best
reads) and logs params and score to the item's own tracking run (a nested child run of the
pipeline run)."""

import math

import numpy as np
from sklearn.model_selection import KFold, StratifiedKFold

import weft_step as weft

from . import evaluate_model, files, metrics, models, train_model
from .errors import StepError

TITLE = "Sweep candidate"


def score(model, frame, target, name, what):
    """The metric of ``model`` on ``frame``; a metric that cannot be produced says why."""
    files.require_columns(frame, [target], what)
    X = models.inputs_for(model, frame, what)
    if name == "roc_auc":
        given = evaluate_model._positive_scores(model, X)
        if given is None:
            raise StepError("the metric roc_auc was not produced: it needs a binary classifier with class probabilities (%s has %d classes)" % (what, frame[target].nunique()))
    else:
        given = models.predict(model, X, what)
    try:
        value = metrics.score(name, frame[target].to_numpy(), given)
    except ValueError as error:
        raise StepError("the metric %s was not produced on %s: %s" % (name, what, str(error).splitlines()[0])) from None
    if not math.isfinite(value):
        raise StepError("the metric %s was not produced on %s: it is %s" % (name, what, value))
    return value


def cross_validated(frame, config, hyperparameters):
    folds = config["cvFolds"]
    target = config["target"]
    if len(frame) < folds * 2:
        raise StepError("%d-fold cross-validation needs at least %d rows; the training set has %d" % (folds, folds * 2, len(frame)))
    splitter = StratifiedKFold(folds, shuffle=True, random_state=config["seed"]) if config["task"] == "classification" else KFold(folds, shuffle=True, random_state=config["seed"])
    scores = []
    try:
        splits = list(splitter.split(frame, frame[target]))
    except ValueError as error:
        raise StepError("cannot split the training set into %d folds: %s" % (folds, str(error).splitlines()[0])) from None
    for k, (fit_rows, score_rows) in enumerate(splits):
        model, _ = train_model.fit(frame.iloc[fit_rows], target, config["task"], config["estimator"], hyperparameters, config["seed"])
        scores.append(score(model, frame.iloc[score_rows], target, config["metric"], "fold %d" % (k + 1)))
    return float(np.mean(scores)), scores


def main(step):
    config = step.config
    index = weft.item()
    candidates = config["candidates"]
    if not isinstance(index, int) or not 0 <= index < len(candidates):
        raise StepError("item %r names no candidate (the sweep has %d)" % (index, len(candidates)))
    hyperparameters = candidates[index]
    frame = step.dataset("dataset")
    target, metric = config["target"], config["metric"]

    def fit():
        return train_model.fit(frame, target, config["task"], config["estimator"], hyperparameters, config["seed"])[0]

    if config["cvFolds"] >= 2:
        value, fold_scores = cross_validated(frame, config, hyperparameters)
        model = fit()
        where = "%d-fold cross-validation" % config["cvFolds"]
    else:
        if not step.is_wired("validation"):
            raise StepError("cross-validation folds is 0, so candidates are scored on the Validation input: connect one (a Split's validation set) or set 2 folds or more")
        validation = step.dataset("validation")
        model = fit()
        value, fold_scores = score(model, validation, target, metric, "the validation set"), []
        where = "the validation set (%d rows)" % len(validation)
    # (the model file stays a Weft artifact only: the registry takes a registered model's source
    # from the first tracking run that logged its bytes, which must be the sweep's own)
    files.write_model(model, step.output_path("model.pkl"))
    step.write_json("candidate.json", {"index": index, "params": hyperparameters, "metric": metric, "score": value, "fold_scores": fold_scores})
    step.tracking.log_params({"estimator": config["estimator"], "task": config["task"], "candidate": index, "cv_folds": config["cvFolds"], **hyperparameters})
    step.metric(metric, value)
    print("candidate %d %s: %s %.4f on %s" % (index, hyperparameters, metric, value, where))
