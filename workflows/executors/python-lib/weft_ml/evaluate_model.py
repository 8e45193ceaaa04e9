"""Evaluate: scores a model on a test set, each metric with a bootstrap confidence interval;
a confusion matrix and (binary classifiers) a calibration plot as PNG; ``metrics.json`` and
``report.html``. Metrics are the step's (``accuracy``, ``accuracy_ci_low``, ...) for conditions."""

import numpy as np
from sklearn.metrics import confusion_matrix

from . import files, metrics, models, plots, report, stats
from .errors import StepError

TITLE = "Evaluate"


def evaluate(model, frame, target, task, iterations, confidence, seed):
    files.require_columns(frame, [target], "the test set")
    y = frame[target].to_numpy()
    X = models.inputs_for(model, frame, "the test set")
    predicted = models.predict(model, X, "the test set")
    if task != models.task_of(model):
        raise StepError("the model is a %s model, but the task is %s" % (models.task_of(model), task))
    names = metrics.CLASSIFICATION if task == "classification" else metrics.REGRESSION
    proba = _positive_scores(model, X) if task == "classification" else None
    results = {}
    for name in names:
        given = proba if name == "roc_auc" else predicted
        if given is None:
            continue  # roc_auc: binary classifiers with probabilities only
        try:
            value = metrics.score(name, y, given)
        except ValueError as error:
            raise StepError("cannot score %s: %s" % (name, error)) from None
        interval = stats.bootstrap_interval(metrics.scorer(name), y, given, iterations, confidence, seed)
        results[name] = {"value": value, "ci_low": interval[0] if interval else value, "ci_high": interval[1] if interval else value}
    return results, y, predicted, proba


def _positive_scores(model, X):
    if not hasattr(model, "predict_proba") or len(getattr(model, "classes_", [])) != 2:
        return None
    return np.asarray(model.predict_proba(X))[:, 1]


def main(step):
    config = step.config
    model = step.model()
    frame = step.dataset("dataset")
    results, y, predicted, proba = evaluate(model, frame, config["target"], config["task"], config["bootstrap"], config["confidence"], config["seed"])
    for name, r in results.items():
        step.metric(name, r["value"])
        step.metric(name + "_ci_low", r["ci_low"])
        step.metric(name + "_ci_high", r["ci_high"])
    images = []
    if config["task"] == "classification":
        labels = np.unique(np.concatenate([y, predicted]))
        images.append(step.log_file(plots.confusion_matrix(confusion_matrix(y, predicted, labels=labels), labels, step.output_path("confusion_matrix.png"))))
        if proba is not None:
            positive = model.classes_[1]
            images.append(step.log_file(plots.calibration((y == positive).astype(int), proba, step.output_path("calibration.png"))))
    step.write_json("metrics.json", {"rows": len(frame), "confidence": config["confidence"], "metrics": results})
    table = report.table(["metric", "value", "CI low", "CI high"], [[n, r["value"], r["ci_low"], r["ci_high"]] for n, r in results.items()])
    sections = [("Metrics (%d rows, %g%% bootstrap intervals)" % (len(frame), config["confidence"] * 100), table)]
    sections += [(path.rsplit("/", 1)[-1], report.image(path, "plot")) for path in images]
    step.write_text("report.html", report.page("Model evaluation", sections))
    step.tracking.log_params({"test_rows": len(frame), "bootstrap": config["bootstrap"], "confidence": config["confidence"]})
    print("; ".join("%s %.4f [%.4f, %.4f]" % (n, r["value"], r["ci_low"], r["ci_high"]) for n, r in results.items()))
