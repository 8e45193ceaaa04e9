"""The bare Python work of the ML node kinds, for `npm run bench`: each kind's module run in this
process, as a step's code runs (``weft_ml.runner.run``), with its input files on local disk, no
tracking and no Weft around it, one after the other as the pipeline chains them. Reads the
compiled steps (JSON on stdin: [{"id", "module", "params", "ports", "item"?, "inputs"?}] in order:
``item`` a for-each item's value, ``inputs`` {input node: id of the call whose outputs it is} where
the ports do not say it, a sweep's pick of its candidates), prints
{"<id>": milliseconds} (median of ``reps``) as one JSON line."""

import json
import os
import sys
import tempfile
import time

import numpy  # noqa: F401  (preloaded, as the warm interpreter does, so imports are not timed)
import pandas  # noqa: F401
import sklearn  # noqa: F401
import weft_step

from weft_ml import runner


def run_once(steps, root):
    outputs = {}
    times = {}
    for step in steps:
        work = os.path.join(root, step["id"])
        out = os.path.join(work, "outputs")
        os.makedirs(out, exist_ok=True)
        given = os.path.join(work, "input.json")
        sources = step.get("inputs") or {p["node"]: p["node"] for p in step["ports"].values()}
        inputs = {node: outputs[source] for node, source in sources.items()}
        with open(given, "w", encoding="utf-8") as f:
            json.dump({"params": {}, "config": {"module": step["module"], "params": step["params"], "ports": step["ports"]}, "inputs": inputs, "item": step.get("item")}, f)
        os.environ.update({"WEFT_INPUT": given, "WEFT_OUTPUT_DIR": out, "WEFT_EVENTS": os.path.join(work, "events.jsonl")})
        weft_step._input = None
        started = time.perf_counter()
        runner.run(step["module"])
        times[step["id"]] = (time.perf_counter() - started) * 1000
        outputs[step["id"]] = {name: os.path.join(out, name) for name in os.listdir(out)}
    return times


def main():
    steps = json.load(sys.stdin)
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    os.environ.pop("MLFLOW_RUN_ID", None)
    runs = []
    with open(os.devnull, "w") as quiet:
        real = sys.stdout
        sys.stdout = quiet
        try:
            for _ in range(reps + 1):  # the first warms the modules' own imports (matplotlib, scipy)
                with tempfile.TemporaryDirectory() as root:
                    runs.append(run_once(steps, root))
        finally:
            sys.stdout = real
    timed = runs[1:]
    print(json.dumps({s["id"]: sorted(r[s["id"]] for r in timed)[len(timed) // 2] for s in steps}))


if __name__ == "__main__":
    main()
