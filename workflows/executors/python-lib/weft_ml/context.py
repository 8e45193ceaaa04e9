"""What a library module sees of its step: its config, the run's parameters, its input ports'
files and its outputs, on top of weft_step (the python-step protocol)."""

import json

import weft_step as weft

from . import files
from .errors import StepError
from .tracking import Tracking


class Step:
    def __init__(self, config, run_params, inputs, ports, tracking, title=""):
        self.config = config
        self.run_params = run_params
        self._inputs = inputs
        self._ports = ports
        self.tracking = tracking
        self.title = title

    @classmethod
    def from_environment(cls, title=""):
        given = weft.config()
        return cls(given.get("params") or {}, weft.params(), weft.inputs(), given.get("ports") or {}, Tracking.from_environment(), title)

    # inputs

    def is_wired(self, port):
        return port in self._ports

    def input_path(self, port, kind):
        """The file of the upstream port wired to ``port``: the one that port wrote
        (``<port>.<ext>``), else the only file of a fitting type the upstream step wrote."""
        binding = self._ports.get(port)
        if binding is None:
            raise StepError("input %r is not connected" % port)
        upstream = self._inputs.get(binding["node"], {})
        return files.pick_file(upstream, binding["port"], kind, "input %r (from %s)" % (port, binding["node"]))

    def upstream_files(self):
        """Every upstream file, by step: for modules that read whatever came (Notify)."""
        return self._inputs

    def dataset(self, port, allow_empty=False):
        frame = files.read_dataset(self.input_path(port, "dataset"))
        if frame.empty and not allow_empty:
            raise StepError("input %r is an empty dataset (%d rows, %d columns)" % (port, len(frame), len(frame.columns)))
        return frame

    def model(self, port="model"):
        return files.read_model(self.input_path(port, "model"))

    def param(self, name):
        if name not in self.run_params:
            raise StepError("the pipeline has no parameter %r (it has: %s)" % (name, ", ".join(sorted(self.run_params)) or "none"))
        return self.run_params[name]

    # outputs

    def write_dataset(self, port, frame):
        # (datasets stay Weft artifacts only: the tracking run records them by hash, not by copy)
        return files.write_dataset(frame, weft.output_path(port + ".parquet"))

    def write_model(self, port, model):
        return self.log_file(files.write_model(model, weft.output_path(port + ".pkl")))

    def write_json(self, name, value):
        path = weft.output_path(name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(value, f, indent=2, sort_keys=True, default=files.json_default, allow_nan=False)
        return self.log_file(path)

    def write_text(self, name, text):
        path = weft.output_path(name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return self.log_file(path)

    def output_path(self, name):
        return weft.output_path(name)

    def metric(self, key, value):
        """A metric of the step (conditions read it: ``steps.<id>.metrics.<key>``) and of its tracking run."""
        weft.log_metric(key, value)
        self.tracking.log_metric(key, value)

    def log_file(self, path):
        """An output file that also goes to the tracking run (reports, plots, the model)."""
        self.tracking.log_artifact(path)
        return path
