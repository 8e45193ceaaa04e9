"""The estimators Train fits, and how a fitted model is asked about its inputs and predictions."""

import numpy as np
import pandas as pd
from sklearn.base import is_classifier
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingClassifier, GradientBoostingRegressor, RandomForestClassifier, RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from .errors import StepError

# (classification, regression) estimator per name; a linear regression takes Ridge when given a
# regularisation strength (alpha), so that hyperparameters mean something in both tasks
ESTIMATORS = {
    "logistic_regression": (LogisticRegression, Ridge),
    "random_forest": (RandomForestClassifier, RandomForestRegressor),
    "gradient_boosting": (GradientBoostingClassifier, GradientBoostingRegressor),
}


def build(estimator, task, hyperparameters, seed, frame):
    """An unfitted pipeline: imputation and scaling of numeric columns, one-hot encoding of the
    others, then the estimator with its hyperparameters (checked against its own parameters)."""
    classifier, regressor = ESTIMATORS[estimator]
    cls = classifier if task == "classification" else regressor
    if estimator == "logistic_regression" and task == "regression" and not hyperparameters:
        cls = LinearRegression
    known = cls().get_params()
    unknown = sorted(set(hyperparameters) - set(known))
    if unknown:
        raise StepError("%s has no hyperparameter %s (it has: %s)" % (cls.__name__, ", ".join(unknown), ", ".join(sorted(known))))
    params = dict(hyperparameters)
    if "random_state" in known and "random_state" not in params:
        params["random_state"] = seed
    try:
        model = cls(**params)
    except (TypeError, ValueError) as error:
        raise StepError("%s: %s" % (cls.__name__, error)) from None
    return Pipeline([("prepare", preparation(frame)), ("model", model)])


def preparation(frame):
    """What every estimator gets before it (unfitted): numeric columns imputed and scaled, the
    others imputed and one-hot encoded."""
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])]
    other = [c for c in frame.columns if c not in numeric]
    return ColumnTransformer(
        [
            ("numeric", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
            ("categorical", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), other),
        ]
    )


def features_of(model):
    names = getattr(model, "feature_names_in_", None)
    if names is None:
        raise StepError("the model does not say which columns it was trained on (fit it on a pandas DataFrame)")
    return [str(n) for n in names]


def inputs_for(model, frame, what):
    """The model's feature columns of ``frame``, in its order, or a clear error naming the missing."""
    features = features_of(model)
    missing = [f for f in features if f not in frame.columns]
    if missing:
        raise StepError("%s lacks column%s the model needs: %s" % (what, "s" if len(missing) > 1 else "", ", ".join(map(repr, missing[:10]))))
    return frame[features]


def predict(model, X, what):
    try:
        return np.asarray(model.predict(X))
    except (ValueError, TypeError) as error:
        raise StepError("the model cannot predict %s: %s" % (what, str(error).splitlines()[0])) from None


def task_of(model):
    return "classification" if is_classifier(model) else "regression"
