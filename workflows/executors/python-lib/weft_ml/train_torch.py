"""Train (PyTorch): the GPU pools' training example. A small multi-layer perceptron (torch_mlp.py)
fitted on the training set, on CUDA when the step was given a GPU and on the CPU otherwise;
writes ``model.pkl`` (scikit-learn's interface: Evaluate and Register follow it as they follow
Train) and ``metrics.json`` (the loss per epoch), and logs params and metrics to the run. torch
is not in the default steps venv: without it the step fails saying where it comes from."""

import os

import numpy as np

from . import files
from .errors import StepError, torch_missing

TITLE = "Train (PyTorch)"


def main(step):
    try:
        import torch
    except ImportError:
        raise torch_missing() from None
    from . import torch_mlp

    config = step.config
    frame = step.dataset("dataset")
    target, task = config["target"], config["task"]
    files.require_columns(frame, [target], "the training set")
    y, X = frame[target], frame.drop(columns=[target])
    if X.shape[1] == 0:
        raise StepError("the training set has no feature columns besides %r" % target)
    if y.isna().any():
        raise StepError("the target %r has %d null value(s)" % (target, int(y.isna().sum())))
    if task == "regression" and not np.issubdtype(y.dtype, np.number):
        raise StepError("the target %r is not numeric (%s): choose the classification task" % (target, y.dtype))
    if torch_mlp.device_for(config["device"]) is None:
        raise StepError("the device is cuda, but this step sees no GPU (CUDA_VISIBLE_DEVICES=%r): run it on a GPU pool, or choose auto" % os.environ.get("CUDA_VISIBLE_DEVICES", ""))
    cls = torch_mlp.TorchMLPClassifier if task == "classification" else torch_mlp.TorchMLPRegressor
    model = cls(tuple(config["hiddenLayers"]), config["epochs"], config["learningRate"], config["batchSize"], config["seed"], config["device"])
    model.fit(X, y)
    score = float(model.score(X, y))
    step.write_model("model", model)
    step.write_json("metrics.json", {"device": model.device_used_, "train_score": score, "loss": model.losses_})
    step.tracking.log_params({"estimator": "torch_mlp", "task": task, "target": target, "hidden_layers": ",".join(map(str, config["hiddenLayers"])), "epochs": config["epochs"], "learning_rate": config["learningRate"], "batch_size": config["batchSize"], "seed": config["seed"], "device": model.device_used_, "torch": torch.__version__, "train_rows": len(frame)})
    step.metric("train_score", score)
    step.metric("train_loss", model.losses_[-1])
    step.metric("cuda", 1 if model.device_used_.startswith("cuda") else 0)
    print("trained an MLP %s with torch %s on %s, %d rows, %d epochs: loss %.4f, training score %.4f" % (list(config["hiddenLayers"]), torch.__version__, model.device_used_, len(frame), config["epochs"], model.losses_[-1], score))
