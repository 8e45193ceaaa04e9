"""Train (PyTorch): a clear one-line failure where torch is missing (the default steps venv), and,
where the interpreter has torch (requirements/torch.txt), a model that Evaluate takes as it is."""

import importlib.util
import sys
import unittest
from unittest import mock

from sklearn.datasets import load_breast_cancer, load_diabetes
from sklearn.model_selection import train_test_split

from weft_ml.tests.harness import StepTestCase, params

HAS_TORCH = importlib.util.find_spec("torch") is not None
MISSING = "PyTorch is not installed in this step's Python: it comes from requirements/torch.txt, which a GPU pool's worker installs with WEFT_TORCH=on (or point WEFT_PYTHON at a venv that has it)"


class TorchStepTest(StepTestCase):
    def setUp(self):
        super().setUp()
        self.use(load_breast_cancer)

    def use(self, loader):
        train, test = train_test_split(loader(as_frame=True).frame, test_size=0.3, random_state=0)
        self.train, self.test = self.file("train.parquet", train), self.file("test.parquet", test)

    def fit(self, **overrides):
        return self.run_module("train_torch", params("train_torch", **overrides), inputs={"split": {"train.parquet": self.train}}, ports={"dataset": ("split", "train")})

    def evaluate(self, model, **overrides):
        return self.run_module("evaluate_model", params("evaluate_model", **overrides), inputs={"train": {"model.pkl": model}, "split": {"test.parquet": self.test}}, ports={"model": ("train", "model"), "dataset": ("split", "test")})

    def test_without_torch_the_step_says_where_it_comes_from(self):
        # (None in sys.modules: `import torch` fails as in a venv without it)
        with mock.patch.dict(sys.modules, {"torch": None}):
            out = self.fit()
            self.assertEqual(out.code, 2)
            self.assertEqual(out.error, "Train (PyTorch): " + MISSING)
            # nor can a step load a model that needs torch
            model = self.file("model.pkl", text="")
            with open(model, "wb") as f:
                f.write(b"ctorch\nTensor\n.")
            self.assertEqual(self.evaluate(model).error, "Evaluate: " + MISSING)

    @unittest.skipUnless(HAS_TORCH, "torch is not installed in this interpreter (requirements/torch.txt)")
    def test_trains_on_the_cpu_and_evaluate_takes_the_model(self):
        out = self.fit(device="auto")
        self.assertEqual(out.code, 0, out.stderr)
        self.assertEqual(out.json("metrics.json")["device"], "cpu")
        self.assertEqual(out.metrics["cuda"], 0)
        self.assertGreater(out.metrics["train_score"], 0.95)
        evaluated = self.evaluate(out.outputs["model.pkl"])
        self.assertEqual(evaluated.code, 0, evaluated.stderr)
        self.assertGreater(evaluated.metrics["accuracy"], 0.9)
        self.assertIn("roc_auc", evaluated.metrics)
        # seeded: the same config trains the same network
        self.assertEqual(self.fit(device="auto").metrics["train_loss"], out.metrics["train_loss"])

    @unittest.skipUnless(HAS_TORCH, "torch is not installed in this interpreter (requirements/torch.txt)")
    def test_regression_and_a_missing_gpu(self):
        self.use(load_diabetes)
        out = self.fit(task="regression", epochs=100)
        self.assertEqual(out.code, 0, out.stderr)
        # (better than the mean: the target is scaled for training and back for predictions)
        self.assertGreater(self.evaluate(out.outputs["model.pkl"], task="regression").metrics["r2"], 0.1)
        with mock.patch.dict("os.environ", {"CUDA_VISIBLE_DEVICES": ""}):
            self.assertEqual(self.fit(device="cuda").error, "Train (PyTorch): the device is cuda, but this step sees no GPU (CUDA_VISIBLE_DEVICES=''): run it on a GPU pool, or choose auto")
