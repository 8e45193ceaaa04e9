"""Load dataset, Validate data, Split and Drift check, run as a step runs them."""

import os

import numpy as np
import pandas as pd
from sklearn.datasets import load_breast_cancer

from weft_ml import stats
from weft_ml.tests.harness import StepTestCase, params


def cancer():
    return load_breast_cancer(as_frame=True).frame


def shuffled():
    """The rows in a random order: the file's own order is not random (its end differs)."""
    return cancer().sample(frac=1, random_state=0).reset_index(drop=True)


class LoadDatasetTest(StepTestCase):
    def test_sklearn_dataset_with_its_profile(self):
        out = self.run_module("load_dataset", params("load_dataset", dataset="iris"))
        self.assertEqual(out.code, 0, out.stderr)
        self.assertEqual(out.frame("dataset.parquet").shape, (150, 5))
        profile = out.json("profile.json")
        self.assertEqual((profile["rows"], profile["columns"], profile["source"]), (150, 5, "sklearn:iris"))
        self.assertEqual(len(profile["hash"]), 64)
        self.assertIn({"name": "target", "type": "integer", "nulls": 0}, profile["schema"])
        self.assertEqual(out.metrics, {"rows": 150, "columns": 5})

    def test_same_data_same_hash_whatever_the_file(self):
        frame = cancer()
        csv = self.run_module("load_dataset", params("load_dataset", source="path", path=self.file("a.csv", frame)))
        parquet = self.run_module("load_dataset", params("load_dataset", source="path", path=self.file("a.parquet", frame)))
        self.assertEqual(csv.json("profile.json")["hash"], parquet.json("profile.json")["hash"])

    def test_upstream_file(self):
        path = self.file("data.csv", pd.DataFrame({"x": [1, 2], "target": [0, 1]}))
        out = self.run_module("load_dataset", params("load_dataset", source="upstream"), inputs={"make": {"data.csv": path, "notes.txt": path}}, ports={"in": ("make", "out")})
        self.assertEqual(out.code, 0, out.stderr)
        self.assertEqual(len(out.frame("dataset.parquet")), 2)

    def test_stored_artifact_by_hash_whatever_its_format(self):
        frame = pd.DataFrame({"x": [1.5, 2.5, 3.5], "target": [0, 1, 0]})
        digest = "ab" * 32
        for name in ("stored.parquet", "stored.csv"):
            # the worker hands it over under its hash, without an extension
            path = self.file(name, frame)
            bare = os.path.join(self.root, "store", name.replace(".", "-"), digest)
            os.makedirs(os.path.dirname(bare))
            os.rename(path, bare)
            out = self.run_module("load_dataset", params("load_dataset", source="artifact", artifact="params.data"), run_params={"data": digest}, artifacts={digest: bare})
            self.assertEqual(out.code, 0, out.stderr)
            self.assertEqual(out.json("profile.json")["source"], "artifact:" + digest)
            pd.testing.assert_frame_equal(out.frame("dataset.parquet"), frame)
        nothing = self.run_module("load_dataset", params("load_dataset", source="artifact", artifact="params.data"), run_params={"data": digest})
        self.assertIn("handed over 0 of them", nothing.error)

    def test_bad_inputs_fail_in_one_line(self):
        empty = self.run_module("load_dataset", params("load_dataset", source="path", path=self.file("empty.csv", text="a,b\n")))
        self.assertEqual(empty.code, 2)
        self.assertRegex(empty.error, r"^Load dataset: /.*/empty.csv is an empty dataset \(0 rows, 2 columns\)$")
        missing = self.run_module("load_dataset", params("load_dataset", source="path", path="/nowhere/x.csv"))
        self.assertEqual(missing.error, "Load dataset: no such file: /nowhere/x.csv")
        unwired = self.run_module("load_dataset", params("load_dataset", source="upstream"))
        self.assertIn("nothing is connected", unwired.error)


class ValidateDataTest(StepTestCase):
    def setUp(self):
        super().setUp()
        self.clean = cancer()
        self.reference = self.file("reference.parquet", self.clean)
        self.ports = {"dataset": ("current", "dataset"), "reference": ("ref", "dataset")}

    def validate(self, frame, **overrides):
        current = self.file("current-%d.csv" % id(frame), frame)
        return self.run_module("validate_data", params("validate_data", **overrides), inputs={"current": {"data.csv": current}, "ref": {"dataset.parquet": self.reference}}, ports=self.ports)

    def test_clean_copy_passes_against_an_inferred_schema(self):
        out = self.validate(self.clean.copy())
        self.assertEqual(out.code, 0, out.stderr)
        self.assertEqual(out.metrics["valid"], 1)
        self.assertTrue(out.json("report.json")["valid"])
        with open(out.outputs["report.html"], encoding="utf-8") as f:
            self.assertIn("<h1>Data validation</h1>", f.read())
        self.assertEqual(len(out.frame("dataset.parquet")), len(self.clean))

    def test_corrupted_copy_fails_naming_the_columns(self):
        corrupted = self.clean.copy().astype({"mean radius": object})
        corrupted.loc[3, "mean radius"] = "twelve"
        corrupted.loc[5, "mean area"] = 1e6
        out = self.validate(corrupted)
        self.assertEqual(out.code, 2)
        self.assertIn("Validate data: 2 checks failed: types: mean radius is string, expected number (e.g. 'twelve')", out.error)
        self.assertIn("ranges: mean area 1 value(s) above 2501", out.error)
        self.assertEqual(out.metrics["valid"], 0)

    def test_declared_schema_and_policies(self):
        frame = pd.DataFrame({"id": [1, 2, 2], "colour": ["red", "blue", "pink"], "age": [3, None, 200]})
        schema = {"id": {"type": "integer", "unique": True}, "colour": {"allowed": ["red", "blue"]}, "age": {"type": "number", "nullable": False, "min": 0, "max": 120}}
        path = self.file("declared.csv", frame)
        run = lambda **p: self.run_module("validate_data", params("validate_data", schema=schema, **p), inputs={"n": {"d.csv": path}}, ports={"dataset": ("n", "out")})
        failed = run()
        self.assertEqual(failed.code, 2)
        self.assertIn("4 checks failed", failed.error)
        warned = run(nulls="warn", ranges="warn", allowed="warn", unique="off")
        self.assertEqual(warned.code, 0, warned.stderr)
        self.assertEqual((warned.metrics["valid"], warned.metrics["checks_warned"]), (1, 3))
        self.assertNotIn("unique", [c["check"] for c in warned.json("report.json")["checks"]])

    def test_distribution_shift_is_reported(self):
        shifted = self.clean.copy()
        shifted["mean texture"] = shifted["mean texture"] * 1.5
        out = self.validate(shifted, ranges="off")
        self.assertEqual(out.code, 0, out.stderr)
        distribution = [c for c in out.json("report.json")["checks"] if c["check"] == "distribution"][0]
        self.assertEqual(distribution["status"], "warn")
        self.assertIn("mean texture", [f["column"] for f in distribution["findings"]])

    def test_chi_square_sees_a_categorical_shift(self):
        reference = pd.Series(["a"] * 50 + ["b"] * 50)
        self.assertGreater(stats.chi_square(reference, pd.Series(["a"] * 50 + ["b"] * 50))[1], 0.5)
        self.assertLess(stats.chi_square(reference, pd.Series(["a"] * 90 + ["b"] * 10))[1], 0.001)


class SplitTest(StepTestCase):
    def split(self, **overrides):
        path = self.file("data.parquet", cancer())
        return self.run_module("split_dataset", params("split_dataset", **overrides), inputs={"load": {"dataset.parquet": path}}, ports={"dataset": ("load", "dataset")})

    def test_seeded_stratified_split(self):
        a, b = self.split(validationFraction=0.1), self.split(validationFraction=0.1)
        self.assertEqual(a.code, 0, a.stderr)
        train, validation, test = (a.frame(n + ".parquet") for n in ("train", "validation", "test"))
        self.assertEqual(len(train) + len(validation) + len(test), 569)
        self.assertEqual(len(test), 114)
        pd.testing.assert_frame_equal(test, b.frame("test.parquet"))
        self.assertAlmostEqual(train["target"].mean(), test["target"].mean(), delta=0.02)
        self.assertNotEqual(list(test["mean radius"]), list(self.split(seed=7).frame("test.parquet")["mean radius"]))

    def test_missing_target(self):
        self.assertEqual(self.split(target="label").error, "Split: the dataset: missing column 'label' (it has: mean radius, mean texture, mean perimeter, mean area, mean smoothness, mean compactness, mean concavity, mean concave points, mean symmetry, mean fractal dimension, radius error, texture error, …)")


class DriftCheckTest(StepTestCase):
    def check(self, current, **overrides):
        reference = self.file("train.parquet", shuffled().iloc[:400])
        path = self.file("current-%d.parquet" % id(current), current)
        return self.run_module("drift_check", params("drift_check", **overrides), inputs={"split": {"train.parquet": reference}, "new": {"dataset.parquet": path}}, ports={"reference": ("split", "train"), "current": ("new", "dataset")})

    def test_unshifted_sample_passes(self):
        out = self.check(shuffled().iloc[400:])
        self.assertEqual(out.code, 0, out.stderr)
        self.assertEqual(out.metrics["drifted"], 0, out.json("report.json")["drifted_features"])

    def test_shifted_copy_is_flagged_with_the_feature(self):
        shifted = shuffled().iloc[400:].copy()
        shifted["mean radius"] += 5
        out = self.check(shifted)
        self.assertEqual(out.metrics["drifted"], 1)
        self.assertEqual(out.json("report.json")["drifted_features"], ["mean radius"])
        self.assertGreater(out.metrics["psi_max"], 1)
        self.assertEqual(out.metrics["psi.mean radius"], out.metrics["psi_max"])

    def test_per_feature_threshold_and_bad_names(self):
        shifted = shuffled().iloc[400:].copy()
        shifted["mean radius"] += 1.5
        self.assertEqual(self.check(shifted).metrics["drifted"], 1)
        loose = self.check(shifted, thresholds={"mean radius": 50})
        self.assertEqual(loose.metrics["drifted"], 0, loose.json("report.json")["features"][0])
        self.assertIn("thresholds name features the reference does not have: radius", self.check(shifted, thresholds={"radius": 1}).error)
        self.assertIn("missing column 'mean area'", self.check(shifted.drop(columns=["mean area"])).error)

    def test_psi_of_identical_samples_is_zero(self):
        x = np.random.default_rng(1).normal(size=1000)
        self.assertAlmostEqual(stats.psi(x, x, 10), 0.0)
        self.assertGreater(stats.psi(x, x + 1, 10), 0.2)
