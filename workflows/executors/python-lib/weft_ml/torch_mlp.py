"""A small PyTorch multi-layer perceptron behind scikit-learn's estimator interface, so that the
model Train (PyTorch) writes is a ``model.pkl`` like Train's: Evaluate, Compare with production,
Batch predict and Register model take it as it is (in a Python that has torch). Its inputs are
prepared as Train's are (imputation, scaling, one-hot encoding); the network trains on CUDA when
the step was given a GPU and on the CPU otherwise, and is kept on the CPU once trained."""

import numpy as np
import torch
from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin
from torch import nn

from . import models


def device_for(choice):
    if choice == "cuda" and not torch.cuda.is_available():
        return None
    return torch.device("cuda" if choice != "cpu" and torch.cuda.is_available() else "cpu")


class _TorchMLP(BaseEstimator):
    def __init__(self, hidden=(64, 32), epochs=50, learning_rate=0.01, batch_size=64, seed=42, device="auto"):
        self.hidden = hidden
        self.epochs = epochs
        self.learning_rate = learning_rate
        self.batch_size = batch_size
        self.seed = seed
        self.device = device

    def fit(self, X, y):
        self.feature_names_in_ = np.asarray([str(c) for c in X.columns], dtype=object)
        # the same preparation as Train's estimators: numeric scaled, categories one-hot
        self.prepare_ = models.preparation(X)
        features = np.asarray(self.prepare_.fit_transform(X), dtype=np.float32)
        targets, outputs, loss_fn = self._targets(y)
        torch.manual_seed(self.seed)
        device = device_for(self.device)
        layers, width = [], features.shape[1]
        for size in self.hidden:
            layers += [nn.Linear(width, size), nn.ReLU()]
            width = size
        net = nn.Sequential(*layers, nn.Linear(width, outputs)).to(device)
        optimiser = torch.optim.Adam(net.parameters(), lr=self.learning_rate)
        X_t, y_t = torch.from_numpy(features).to(device), targets.to(device)
        generator = torch.Generator().manual_seed(self.seed)
        self.losses_ = []
        for _ in range(self.epochs):
            net.train()
            total = 0.0
            for batch in torch.randperm(len(X_t), generator=generator).split(self.batch_size):
                batch = batch.to(device)
                optimiser.zero_grad()
                loss = loss_fn(net(X_t[batch]), y_t[batch])
                loss.backward()
                optimiser.step()
                total += float(loss) * len(batch)
            self.losses_.append(total / len(X_t))
        self.device_used_ = str(device)
        self.net_ = net.cpu().eval()
        return self

    def _forward(self, X):
        frame = X[list(self.feature_names_in_)] if hasattr(X, "columns") else X
        features = np.asarray(self.prepare_.transform(frame), dtype=np.float32)
        with torch.no_grad():
            return self.net_(torch.from_numpy(features)).numpy()


class TorchMLPClassifier(ClassifierMixin, _TorchMLP):
    def _targets(self, y):
        self.classes_, codes = np.unique(np.asarray(y), return_inverse=True)
        return torch.from_numpy(codes.astype(np.int64)), len(self.classes_), nn.CrossEntropyLoss()

    def predict_proba(self, X):
        return torch.softmax(torch.from_numpy(self._forward(X)), dim=1).numpy()

    def predict(self, X):
        return self.classes_[self.predict_proba(X).argmax(axis=1)]


class TorchMLPRegressor(RegressorMixin, _TorchMLP):
    def _targets(self, y):
        values = np.asarray(y, dtype=np.float32)
        # (scaled for training, so one learning rate fits any target's units)
        self.y_mean_, self.y_scale_ = float(values.mean()), float(values.std() or 1.0)
        return torch.from_numpy(((values - self.y_mean_) / self.y_scale_)[:, None]), 1, nn.MSELoss()

    def predict(self, X):
        return self._forward(X)[:, 0] * self.y_scale_ + self.y_mean_
