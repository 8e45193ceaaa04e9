"""Compare with production: the candidate against the model that holds the registry's production
alias (``champion``), both scored on the same test set. The paired bootstrap interval of the
metric's difference (candidate minus champion, turned so that positive is better) and the
non-inferiority margin give the verdict:

* ``better``: the whole interval is above 0;
* ``non-inferior``: its low end is above -margin (worse by less than the margin, at the confidence);
* ``worse``: its high end is below 0 (and it is not non-inferior);
* ``inconclusive``: anything else (too few rows to tell);
* ``no champion yet``: nothing holds the alias (the first model).

The verdict is the step's metrics ``verdict_<name>`` (1 for it, 0 for the others) and
``acceptable`` (1 for better, non-inferior or no champion yet), for a Condition to branch on;
``report.json``/``report.html`` hold the evidence; the candidate passes on as ``model.pkl``."""

import shutil

import numpy as np

from . import files, metrics, models, registry, report, stats
from .errors import StepError

TITLE = "Compare with production"
VERDICTS = ("better", "non-inferior", "worse", "inconclusive", "no champion yet")
ACCEPTABLE = {"better", "non-inferior", "no champion yet"}


def verdict_of(interval, margin):
    if interval is None:
        return "inconclusive"
    low, high = interval
    if low > 0:
        return "better"
    if low > -margin:
        return "non-inferior"
    if high < 0:
        return "worse"
    return "inconclusive"


def _scored(model, frame, metric, what):
    X = models.inputs_for(model, frame, what)
    if metric == "roc_auc":
        if not hasattr(model, "predict_proba") or len(getattr(model, "classes_", [])) != 2:
            raise StepError("roc_auc compares binary classifiers with probabilities; %s is not one" % what)
        return np.asarray(model.predict_proba(X))[:, 1]
    return models.predict(model, X, what)


def compare(candidate, champion, frame, target, metric, margin, iterations, confidence, seed):
    """The evidence and verdict of candidate vs champion (None: there is none)."""
    files.require_columns(frame, [target], "the test set")
    y = frame[target].to_numpy()
    cand = _scored(candidate, frame, metric, "the candidate")
    evidence = {"metric": metric, "margin": margin, "confidence": confidence, "rows": len(frame), "candidate": metrics.score(metric, y, cand)}
    if champion is None:
        return {**evidence, "verdict": "no champion yet"}
    champ = _scored(champion, frame, metric, "the champion")
    sign = -1.0 if metric in metrics.LOWER_IS_BETTER else 1.0
    champion_score = metrics.score(metric, y, champ)
    interval = stats.paired_bootstrap(lambda t, p: sign * metrics.score(metric, t, p), y, cand, champ, iterations, confidence, seed)
    return {
        **evidence,
        "champion": champion_score,
        "difference": sign * (evidence["candidate"] - champion_score),
        "ci_low": interval[0] if interval else None,
        "ci_high": interval[1] if interval else None,
        "verdict": verdict_of(interval, margin),
    }


def main(step):
    config = step.config
    candidate = step.model()
    frame = step.dataset("dataset")
    champion, version = registry.load_alias(config["modelName"], config["alias"])
    result = compare(candidate, champion, frame, config["target"], config["metric"], config["margin"], config["bootstrap"], config["confidence"], config["seed"])
    result.update({"model": config["modelName"], "alias": config["alias"], "champion_version": version})
    # The candidate passes on, for a Register step behind a gate: the very bytes (a new pickle of
    # it would differ), which the registry finds logged by the Train step; not logged again here.
    shutil.copyfile(step.input_path("model", "model"), step.output_path("model.pkl"))
    step.write_json("report.json", result)
    step.write_text("report.html", _html(result))
    for name in VERDICTS:
        step.metric("verdict_" + name.replace(" ", "_").replace("-", "_"), 1 if result["verdict"] == name else 0)
    step.metric("acceptable", 1 if result["verdict"] in ACCEPTABLE else 0)
    for key in ("candidate", "champion", "difference", "ci_low", "ci_high", "champion_version"):
        if result.get(key) is not None:
            step.metric(key, result[key])
    step.tracking.log_params({"verdict": result["verdict"], "metric": config["metric"], "margin": config["margin"], "champion": "%s v%s" % (config["modelName"], version) if version else "none"})
    print("verdict: %s (%s)" % (result["verdict"], _line(result)))


def _line(r):
    if r["verdict"] == "no champion yet":
        return "candidate %s %.4f; nothing holds %s@%s" % (r["metric"], r["candidate"], r["model"], r["alias"])
    interval = "[%.4f, %.4f]" % (r["ci_low"], r["ci_high"]) if r.get("ci_low") is not None else "no interval"
    return "candidate %.4f vs champion v%s %.4f, difference %.4f %s, margin %g" % (r["candidate"], r["champion_version"], r["champion"], r["difference"], interval, r["margin"])


def _html(r):
    rows = [[k, r[k]] for k in ("verdict", "metric", "candidate", "champion", "champion_version", "difference", "ci_low", "ci_high", "margin", "confidence", "rows") if r.get(k) is not None]
    return report.page("Comparison with %s@%s" % (r["model"], r["alias"]), [("Verdict", report.text(_line(r))), ("Evidence", report.table(["", "value"], rows))])
