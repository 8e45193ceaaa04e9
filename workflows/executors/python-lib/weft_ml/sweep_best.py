"""Sweep, the pick of the best (the reduce step of a compiled Sweep): reads every candidate's
``candidate.json`` (its inputs ``item-<i>``, one per candidate), ranks them by the metric, and
hands on the best one's model as ``model.pkl``, its params and score, with the leaderboard as
``sweep.json`` and ``report.html``. It logs to the sweep step's own tracking run, which becomes
the source of a version registered from it."""

import json
import math
import shutil

from . import report
from .errors import StepError

TITLE = "Sweep"


def leaderboard(upstream, metric, greater_is_better):
    """Candidates ranked best first (ties: the earlier candidate); each must have its metric."""
    rows = []
    for node in sorted(upstream, key=lambda n: int(n.rsplit("-", 1)[-1])):
        written = upstream[node]
        if "candidate.json" not in written or "model.pkl" not in written:
            raise StepError("%s wrote no candidate.json and model.pkl (it wrote: %s)" % (node, ", ".join(sorted(written)) or "nothing"))
        with open(written["candidate.json"], encoding="utf-8") as f:
            record = json.load(f)
        value = record.get("score")
        if record.get("metric") != metric or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise StepError("candidate %s did not produce the metric %s" % (record.get("index", node), metric))
        rows.append({**record, "model": written["model.pkl"]})
    if not rows:
        raise StepError("the sweep has no candidates")
    return sorted(rows, key=lambda r: (-r["score"] if greater_is_better else r["score"], r["index"]))


def main(step):
    config = step.config
    metric = config["metric"]
    ranked = leaderboard(step.upstream_files(), metric, config["greaterIsBetter"])
    best = ranked[0]
    shutil.copyfile(best["model"], step.output_path("model.pkl"))
    step.log_file(step.output_path("model.pkl"))
    direction = "higher" if config["greaterIsBetter"] else "lower"
    board = [{k: r[k] for k in ("index", "params", "score", "fold_scores")} for r in ranked]
    step.write_json("sweep.json", {"metric": metric, "better": direction, "estimator": config["estimator"], "best": board[0], "candidates": board})
    names = sorted({k for r in ranked for k in r["params"]})
    table = report.table(["rank", "candidate", *names, metric], [[rank + 1, r["index"], *[r["params"].get(n) for n in names], r["score"]] for rank, r in enumerate(ranked)])
    step.write_text("report.html", report.page("Sweep: %s (%s is better)" % (config["estimator"], direction), [("%d candidates by %s" % (len(ranked), metric), table)]))
    step.tracking.log_params({"estimator": config["estimator"], "task": config["task"], "target": config["target"], "best_candidate": best["index"], "candidates": len(ranked), **best["params"]})
    step.metric(metric, best["score"])
    step.metric("best_candidate", best["index"])
    step.metric("candidates", len(ranked))
    for rank, r in enumerate(ranked):
        print("%s%2d. candidate %d %s: %s %.4f" % ("*" if rank == 0 else " ", rank + 1, r["index"], r["params"], metric, r["score"]))
