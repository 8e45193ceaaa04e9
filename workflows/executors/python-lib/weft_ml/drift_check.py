"""Drift check: each feature of the current data against the reference (the training data):
PSI on quantile bins of the reference (numeric) or on categories, and for numeric features the
KS test. A feature has drifted when its PSI is above its threshold (per feature, else the
default): PSI says how far it moved. A numeric feature must also pass the KS test at the
significance divided by the number of features (Bonferroni), which says the move is not chance:
PSI on a few hundred rows is noisy (two samples of the same data measured up to 0.21 here), and
with 30 features one would pass a plain 0.01 by chance a quarter of the time. The step's metric
``drifted`` is 1 when any feature has; ``report.json``/``report.html`` hold every score."""

import numpy as np
import pandas as pd

from . import files, report, stats
from .errors import StepError

TITLE = "Drift check"


def drift(reference, current, exclude, psi_threshold, thresholds, ks_alpha, bins):
    features = [c for c in reference.columns if str(c) not in exclude]
    if not features:
        raise StepError("no features to check: every column is skipped (%s)" % ", ".join(exclude))
    files.require_columns(current, features, "the current data")
    unknown = sorted(set(thresholds) - {str(c) for c in features})
    if unknown:
        raise StepError("thresholds name features the reference does not have: %s" % ", ".join(unknown))
    alpha = ks_alpha / len(features)
    rows = []
    for column in features:
        ref, cur = reference[column], current[column]
        numeric = pd.api.types.is_numeric_dtype(ref) and not pd.api.types.is_bool_dtype(ref)
        if numeric and not pd.api.types.is_numeric_dtype(cur):
            raise StepError("column %r is numeric in the reference but %s in the current data" % (str(column), cur.dtype))
        limit = thresholds.get(str(column), psi_threshold)
        if numeric:
            psi = stats.psi(ref.to_numpy(dtype=float), cur.to_numpy(dtype=float), bins)
            ks, p = stats.ks(ref.to_numpy(dtype=float), cur.to_numpy(dtype=float))
        else:
            psi, ks, p = stats.psi_categorical(ref, cur), None, None
        drifted = psi > limit and (p is None or p < alpha)
        rows.append({"feature": str(column), "psi": psi, "psi_threshold": limit, "ks": ks, "ks_p_value": p, "drifted": bool(drifted)})
    return rows, alpha


def main(step):
    config = step.config
    reference = step.dataset("reference")
    current = step.dataset("current")
    rows, alpha = drift(reference, current, set(config["exclude"]), config["psiThreshold"], config["thresholds"], config["ksAlpha"], config["bins"])
    drifted = [r["feature"] for r in rows if r["drifted"]]
    summary = {"drifted": bool(drifted), "drifted_features": drifted, "features": rows, "ks_alpha_per_feature": alpha, "reference_rows": len(reference), "current_rows": len(current)}
    step.write_json("report.json", summary)
    table = report.table(["feature", "PSI", "threshold", "KS", "KS p-value", "status"], [[r["feature"], r["psi"], r["psi_threshold"], _opt(r["ks"]), _opt(r["ks_p_value"]), "fail" if r["drifted"] else "pass"] for r in rows], status_column=5)
    verdict = "%d of %d features drifted: %s" % (len(drifted), len(rows), ", ".join(drifted)) if drifted else "No feature drifted (%d checked)." % len(rows)
    step.write_text("report.html", report.page("Drift check", [("Summary", report.text(verdict)), ("Features", table)]))
    step.metric("drifted", 1 if drifted else 0)
    step.metric("drifted_features", len(drifted))
    step.metric("psi_max", max(r["psi"] for r in rows))
    for r in rows:
        # a step metric (not only tracked): a model's Monitoring page charts it from the step record
        step.metric("psi." + r["feature"], r["psi"])
        if r["ks"] is not None:
            step.tracking.log_metric("ks." + r["feature"], r["ks"])
    step.tracking.log_params({"psi_threshold": config["psiThreshold"], "ks_alpha": config["ksAlpha"], "bins": config["bins"]})
    print(verdict)


def _opt(value):
    return "-" if value is None or (isinstance(value, float) and np.isnan(value)) else value
