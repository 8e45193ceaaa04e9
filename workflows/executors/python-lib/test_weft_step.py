"""Unit tests for weft_step.py, run with the step interpreter by workflows/artifacts/weft-step.test.ts
(`python -m unittest test_weft_step` in this directory): standard library only, like the module."""

import json
import math
import os
import tempfile
import unittest
from unittest import mock

import weft_step as weft


class WeftStepTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        root = self.dir.name
        self.input_file = os.path.join(root, "input.json")
        self.events = os.path.join(root, "events.jsonl")
        self.out = os.path.join(root, "out")
        with open(self.input_file, "w") as f:
            json.dump(
                {
                    "params": {"lr": 0.1},
                    "config": {"code": "..."},
                    "inputs": {
                        "load": {"data.csv": "/in/load/data.csv", "schema.json": "/in/load/schema.json"},
                        "split": {"data.csv": "/in/split/data.csv", "test.csv": "/in/split/test.csv"},
                    },
                },
                f,
            )
        env = {"WEFT_INPUT": self.input_file, "WEFT_EVENTS": self.events, "WEFT_OUTPUT_DIR": self.out}
        patcher = mock.patch.dict(os.environ, env)
        patcher.start()
        self.addCleanup(patcher.stop)
        weft._input = None
        self.addCleanup(setattr, weft, "_input", None)

    def read_events(self):
        with open(self.events) as f:
            return [json.loads(line) for line in f]

    def test_params_config_inputs(self):
        self.assertEqual(weft.params(), {"lr": 0.1})
        self.assertEqual(weft.config(), {"code": "..."})
        self.assertEqual(sorted(weft.inputs()), ["load", "split"])

    def test_input_path_unique_name_needs_no_node(self):
        self.assertEqual(weft.input_path("test.csv"), "/in/split/test.csv")
        self.assertEqual(weft.input_path("data.csv", from_node="load"), "/in/load/data.csv")

    def test_input_path_errors_name_the_choices(self):
        with self.assertRaisesRegex(KeyError, "several upstream nodes .*load, split"):
            weft.input_path("data.csv")
        with self.assertRaisesRegex(KeyError, "available: .*split/test.csv"):
            weft.input_path("model.pkl")
        with self.assertRaisesRegex(KeyError, "no upstream node 'train'"):
            weft.input_path("data.csv", from_node="train")
        with self.assertRaisesRegex(KeyError, "its outputs: data.csv, schema.json"):
            weft.input_path("test.csv", from_node="load")

    def test_output_path_validates_and_creates_the_directory(self):
        path = weft.output_path("model.pkl")
        self.assertEqual(path, os.path.join(self.out, "model.pkl"))
        self.assertTrue(os.path.isdir(self.out))
        for bad in ["", ".hidden", "a/b", "../x", "a b", "x" * 129, "é.csv", None]:
            with self.assertRaises(ValueError, msg=repr(bad)):
                weft.output_path(bad)
        self.assertTrue(weft.output_path("x" * 128))

    def test_metrics_and_progress_are_json_lines(self):
        weft.log_metric("accuracy", 0.5)
        weft.log_metric("epochs", 3)
        weft.progress(0.25, "training")
        events = self.read_events()
        self.assertEqual([e["type"] for e in events], ["metric", "metric", "progress"])
        self.assertEqual(events[0]["key"], "accuracy")
        self.assertEqual(events[1]["value"], 3.0)
        self.assertEqual(events[2]["message"], "training")
        self.assertTrue(events[0]["at"].endswith("Z"))

    def test_bad_metrics_raise(self):
        for value in [math.nan, math.inf, -math.inf]:
            with self.assertRaises(ValueError):
                weft.log_metric("loss", value)
        for value in [True, "1", None, [1]]:
            with self.assertRaises(TypeError):
                weft.log_metric("loss", value)
        with self.assertRaises(ValueError):
            weft.log_metric("", 1)
        with self.assertRaises(ValueError):
            weft.progress(1.5)
        self.assertFalse(os.path.exists(self.events))

    def test_outside_weft_events_go_to_stderr(self):
        with mock.patch.dict(os.environ, {"WEFT_EVENTS": ""}), mock.patch("sys.stderr") as stderr:
            weft.log_metric("loss", 1)
        self.assertIn('"key": "loss"', stderr.write.call_args[0][0])


if __name__ == "__main__":
    unittest.main()
