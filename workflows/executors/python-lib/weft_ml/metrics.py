"""The metrics Evaluate and Compare score with: each takes (y_true, predictions) where
predictions are labels, or for roc_auc the positive class's scores."""

import numpy as np
from sklearn import metrics as skm

CLASSIFICATION = ("accuracy", "balanced_accuracy", "f1", "roc_auc")
REGRESSION = ("r2", "rmse", "mae")
LOWER_IS_BETTER = {"rmse", "mae"}


def score(name, y_true, predicted):
    if name == "accuracy":
        return float(skm.accuracy_score(y_true, predicted))
    if name == "balanced_accuracy":
        return float(skm.balanced_accuracy_score(y_true, predicted))
    if name == "f1":
        # binary: the positive class's; more classes: the mean over classes
        average = "binary" if len(np.unique(y_true)) <= 2 and _is_binary(y_true, predicted) else "macro"
        return float(skm.f1_score(y_true, predicted, average=average, zero_division=0))
    if name == "roc_auc":
        if len(np.unique(y_true)) < 2:
            raise ValueError("one class only")
        return float(skm.roc_auc_score(y_true, predicted))
    if name == "r2":
        return float(skm.r2_score(y_true, predicted))
    if name == "rmse":
        return float(np.sqrt(skm.mean_squared_error(y_true, predicted)))
    if name == "mae":
        return float(skm.mean_absolute_error(y_true, predicted))
    raise KeyError(name)


def _is_binary(y_true, predicted):
    return set(np.unique(np.concatenate([np.asarray(y_true), np.asarray(predicted)]))) <= {0, 1, True, False}


def scorer(name):
    return lambda y, p: score(name, y, p)
