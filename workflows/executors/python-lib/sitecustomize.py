"""Run by every interpreter that a step starts (PYTHONPATH holds this directory): connects the
step to Weft's MLflow API (weft_mlflow_bridge), then runs the sitecustomize this one shadows."""

import os
import sys

try:
    import weft_mlflow_bridge

    weft_mlflow_bridge.start()
except Exception:  # a step must start whatever happens here
    pass


def _shadowed():
    here = os.path.dirname(os.path.abspath(__file__))
    for entry in sys.path:
        candidate = os.path.join(entry or ".", "sitecustomize.py")
        if os.path.abspath(entry or ".") != here and os.path.isfile(candidate):
            return candidate
    return None


_other = _shadowed()
if _other:
    try:
        with open(_other, "rb") as _source:
            exec(compile(_source.read(), _other, "exec"), {"__name__": "sitecustomize", "__file__": _other})
    except Exception:
        pass
