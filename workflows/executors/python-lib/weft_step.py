"""The step side of Weft's python-step protocol, for step code to ``import weft_step as weft``.

A pool worker runs a python step as a fresh process and talks to it only through files named in
the environment, so that a step needs nothing from Weft but this module:

* ``WEFT_INPUT``: a JSON file ``{"params": {...}, "config": {...}, "inputs": {node: {name: path}}}``
  with the run's parameters, the node's config and the upstream artifacts already on local disk.
* ``WEFT_OUTPUT_DIR``: every regular file the step leaves directly in it becomes an output
  artifact, named by its file name.
* ``WEFT_EVENTS``: a JSON-lines side channel for metrics and progress. It is kept apart from
  stdout/stderr, which are the step's log, so that printing can never forge a metric.

The module is standard library only: it must import in any interpreter a pool is given. Run
outside Weft (no ``WEFT_*`` variables), it reads no input, writes outputs to ``./weft-outputs``
and prints events to stderr, so that a step script can be tried by hand.
"""

import datetime
import json
import math
import os
import re
import sys

__all__ = ["params", "config", "inputs", "input_path", "output_path", "log_metric", "progress"]

# Same rule as ZArtifactNameSchema (workflows/artifacts/artifact-name.ts): a name becomes a file
# name on every worker that reads the artifact, so it must be one plain path segment.
_NAME = re.compile(r"(?!\.)[A-Za-z0-9._-]{1,128}")
_NAME_RULE = 'an artifact name is 1-128 letters, digits, ".", "_" or "-", and does not start with "."'

_input = None


def _load():
    """The input file, read once: it does not change while the step runs."""
    global _input
    if _input is None:
        path = os.environ.get("WEFT_INPUT")
        if not path:
            _input = {}
        else:
            with open(path, encoding="utf-8") as f:
                _input = json.load(f)
    return _input


def params():
    """The run's parameters (name -> value), e.g. a learning rate chosen when the run started."""
    return dict(_load().get("params") or {})


def config():
    """The node's config as set on the canvas."""
    return dict(_load().get("config") or {})


def item():
    """The item a for-each step runs for (as in ``WEFT_ITEM``, but with its JSON type); None outside a for-each."""
    return _load().get("item")


def inputs():
    """Upstream artifacts: {from_node: {name: absolute path}}. The files are read-only."""
    return {node: dict(files) for node, files in (_load().get("inputs") or {}).items()}


def artifacts():
    """Stored artifacts the step reads by hash rather than from an upstream step: {sha256: absolute path}. Read-only."""
    return dict(_load().get("artifacts") or {})


def input_path(name, from_node=None):
    """Absolute path of the upstream artifact ``name``.

    ``from_node`` may be left out when exactly one upstream node has an output of that name,
    which keeps the common single-parent step short; otherwise the error lists the choices.
    """
    available = inputs()
    if from_node is not None:
        files = available.get(from_node)
        if files is None:
            raise KeyError("no upstream node %r; upstream nodes: %s" % (from_node, _listing(available)))
        if name not in files:
            raise KeyError("node %r has no output %r; its outputs: %s" % (from_node, name, _listing(files)))
        return files[name]
    owners = [node for node, files in available.items() if name in files]
    if len(owners) == 1:
        return available[owners[0]][name]
    if not owners:
        every = sorted("%s/%s" % (node, n) for node, files in available.items() for n in files)
        raise KeyError("no upstream output named %r; available: %s" % (name, ", ".join(every) or "none"))
    raise KeyError(
        "output %r comes from several upstream nodes (%s): pass from_node=" % (name, ", ".join(sorted(owners)))
    )


def output_path(name):
    """Path to write the output artifact ``name`` to (the directory exists once this returns).

    The name is checked here rather than after the step has run, so a bad name fails at once
    with a message pointing at this call instead of after the work is done.
    """
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ValueError("invalid output name %r: %s" % (name, _NAME_RULE))
    directory = os.environ.get("WEFT_OUTPUT_DIR") or os.path.join(os.getcwd(), "weft-outputs")
    os.makedirs(directory, exist_ok=True)
    return os.path.join(directory, name)


def log_metric(key, value):
    """Records a metric; the last value logged for a key is the step's value for it.

    Metrics are compared across runs and drive gates, so only finite numbers are accepted
    (numpy and torch scalars convert); NaN or infinity raises here, where the bug is.
    """
    if not isinstance(key, str) or not key or len(key) > 256:
        raise ValueError("metric key must be a non-empty string of at most 256 characters, got %r" % (key,))
    if isinstance(value, (bool, str, bytes)):
        raise TypeError("metric %r must be a number, got %s" % (key, type(value).__name__))
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise TypeError("metric %r must be a number, got %s" % (key, type(value).__name__)) from None
    if not math.isfinite(number):
        raise ValueError("metric %r must be finite, got %r" % (key, number))
    _emit({"type": "metric", "key": key, "value": number, "at": _now()})


def progress(fraction, message=""):
    """Reports how far the step is (0.0 to 1.0) and what it is doing, shown live on the canvas."""
    fraction = float(fraction)
    if not 0.0 <= fraction <= 1.0:
        raise ValueError("progress fraction must be between 0 and 1, got %r" % (fraction,))
    _emit({"type": "progress", "fraction": fraction, "message": str(message), "at": _now()})


def _emit(event):
    """Appends one JSON line with a single O_APPEND write, so the line reaches the file at once
    (the worker reads it while the step runs, and a crash later loses nothing already logged)
    and lines from several processes of one step (multiprocessing) never interleave."""
    line = (json.dumps(event, allow_nan=False) + "\n").encode("utf-8")
    path = os.environ.get("WEFT_EVENTS")
    if not path:
        sys.stderr.write("[weft] " + line.decode("utf-8"))
        sys.stderr.flush()
        return
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        view = memoryview(line)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _listing(mapping):
    return ", ".join(sorted(mapping)) or "none"
