"""What the Experiments UI reads, logged with the real mlflow client.

Run by server/test/experiments-ui.integration.test.ts with MLFLOW_TRACKING_URI and
MLFLOW_TRACKING_TOKEN set: three runs of one experiment with params, metric curves and
artifacts (CSV, JSON, text, a PNG, an HTML report); prints their ids as one JSON line last.
"""

import json
import math
import os
import struct
import tempfile
import zlib

import mlflow


def png(width, height):
    """A valid RGB PNG, made without an imaging library."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes([200, 40, 40]) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


experiment = mlflow.set_experiment("ui-compare")
runs = []
for i, (model, lr) in enumerate([("rf", "0.1"), ("rf", "0.01"), ("svm", "0.1")]):
    with tempfile.TemporaryDirectory() as tmp, mlflow.start_run(run_name=f"run-{i}") as run:
        mlflow.log_params({"model": model, "lr": lr, "seed": "7"})
        for step in range(50):
            mlflow.log_metric("loss", math.exp(-step * (i + 1) / 50), step=step)
        mlflow.log_metric("accuracy", 0.8 + i * 0.05)
        with open(os.path.join(tmp, "predictions.csv"), "w") as f:
            f.write('id,label,note\n1,cat,"a, quoted"\n2,dog,plain\n')
        with open(os.path.join(tmp, "summary.json"), "w") as f:
            json.dump({"accuracy": 0.8 + i * 0.05, "classes": ["cat", "dog"]}, f)
        with open(os.path.join(tmp, "confusion.png"), "wb") as f:
            f.write(png(8, 8))
        with open(os.path.join(tmp, "report.html"), "w") as f:
            f.write("<html><body><h1>Report</h1><script>document.title='ran'</script></body></html>")
        mlflow.log_artifacts(tmp, artifact_path="eval")
        runs.append(run.info.run_id)

print(json.dumps({"experiment_id": experiment.experiment_id, "run_ids": runs}))
