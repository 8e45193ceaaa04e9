"""Confusion matrix and calibration plots as PNG files (matplotlib's Agg backend: no display)."""

import os

import numpy as np


def _pyplot():
    # the step's HOME is its scratch directory: matplotlib's font cache goes there, not to a
    # shared place, and the backend never looks for a display
    os.environ.setdefault("MPLCONFIGDIR", os.path.join(os.environ.get("HOME", "/tmp"), ".matplotlib"))
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def confusion_matrix(matrix, labels, path):
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(4.5, 4))
    ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(labels)), [str(l) for l in labels], rotation=45)
    ax.set_yticks(range(len(labels)), [str(l) for l in labels])
    ax.set_xlabel("predicted")
    ax.set_ylabel("actual")
    high = matrix.max() if matrix.size else 0
    for (i, j), count in np.ndenumerate(matrix):
        ax.text(j, i, str(count), ha="center", va="center", color="white" if count > high / 2 else "black")
    ax.set_title("Confusion matrix")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def calibration(y_true, scores, path, bins=10):
    from sklearn.calibration import calibration_curve

    plt = _pyplot()
    observed, predicted = calibration_curve(y_true, scores, n_bins=bins, strategy="quantile")
    fig, ax = plt.subplots(figsize=(4.5, 4))
    ax.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfect")
    ax.plot(predicted, observed, marker="o", label="model")
    ax.set_xlabel("predicted probability")
    ax.set_ylabel("observed frequency")
    ax.set_title("Calibration")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path
