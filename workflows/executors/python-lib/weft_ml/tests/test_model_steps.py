"""Train, Evaluate, Compare with production, Batch predict and Notify, run as a step runs them."""

import http.server
import json
import threading

import numpy as np
from sklearn.datasets import load_breast_cancer, load_diabetes
from sklearn.model_selection import train_test_split

from weft_ml import compare_production, files, notify
from weft_ml.tests.harness import StepTestCase, params


def halves(loader=load_breast_cancer):
    frame = loader(as_frame=True).frame
    return train_test_split(frame, test_size=0.3, random_state=0)


class ModelStepsTest(StepTestCase):
    def setUp(self):
        super().setUp()
        train, test = halves()
        self.train = self.file("train.parquet", train)
        self.test = self.file("test.parquet", test)

    def fit(self, run_params=None, **overrides):
        return self.run_module("train_model", params("train_model", **overrides), inputs={"split": {"train.parquet": self.train, "test.parquet": self.test}}, ports={"dataset": ("split", "train")}, run_params=run_params)

    def with_model(self, module, model_path, **overrides):
        return self.run_module(module, params(module, **overrides), inputs={"train": {"model.pkl": model_path}, "split": {"train.parquet": self.train, "test.parquet": self.test}}, ports={"model": ("train", "model"), "dataset": ("split", "test")})

    def test_train_each_estimator_with_hyperparameters_from_parameters(self):
        for estimator, hyper in (("logistic_regression", {"C": {"param": "c"}, "max_iter": 2000}), ("random_forest", {"n_estimators": 20}), ("gradient_boosting", {"n_estimators": 20})):
            out = self.fit(estimator=estimator, hyperparameters=hyper, run_params={"c": 0.5})
            self.assertEqual(out.code, 0, out.stderr)
            model = files.read_model(out.outputs["model.pkl"])
            self.assertEqual(len(model.feature_names_in_), 30)
            self.assertGreater(out.metrics["train_score"], 0.9)
        self.assertEqual(files.read_model(self.fit(hyperparameters={"C": {"param": "c"}}, run_params={"c": 0.25}).outputs["model.pkl"]).named_steps["model"].C, 0.25)

    def test_train_refuses_bad_input_in_one_line(self):
        self.assertEqual(self.fit(hyperparameters={"depth": 3}).error.split(" (it has")[0], "Train: LogisticRegression has no hyperparameter depth")
        self.assertEqual(self.fit(hyperparameters={"C": {"param": "nope"}}).error, "Train: the pipeline has no parameter 'nope' (it has: none)")
        self.assertIn("Train: the training set: missing column 'label'", self.fit(target="label").error)
        self.assertEqual(self.fit(hyperparameters={"C": -1}).error.split(":")[0:2], ["Train", " fitting failed"])

    def test_evaluate_metrics_intervals_and_plots(self):
        model = self.fit().outputs["model.pkl"]
        out = self.with_model("evaluate_model", model)
        self.assertEqual(out.code, 0, out.stderr)
        for name in ("accuracy", "balanced_accuracy", "f1", "roc_auc"):
            self.assertLessEqual(out.metrics[name + "_ci_low"], out.metrics[name])
            self.assertGreaterEqual(out.metrics[name + "_ci_high"], out.metrics[name])
        self.assertGreater(out.metrics["accuracy"], 0.9)
        for image in ("confusion_matrix.png", "calibration.png"):
            with open(out.outputs[image], "rb") as f:
                self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
        self.assertEqual(set(out.json("metrics.json")["metrics"]), {"accuracy", "balanced_accuracy", "f1", "roc_auc"})

    def test_evaluate_regression(self):
        train, test = halves(load_diabetes)
        self.train, self.test = self.file("r-train.parquet", train), self.file("r-test.parquet", test)
        model = self.fit(task="regression", estimator="random_forest", hyperparameters={"n_estimators": 30}).outputs["model.pkl"]
        out = self.with_model("evaluate_model", model, task="regression")
        self.assertEqual(out.code, 0, out.stderr)
        self.assertEqual({"r2", "rmse", "mae"}, {k for k in out.metrics if "_ci_" not in k})
        self.assertIn("the model is a regression model, but the task is classification", self.with_model("evaluate_model", model).error)

    def test_compare_verdicts(self):
        self.assertEqual(compare_production.verdict_of((0.01, 0.05), 0.01), "better")
        self.assertEqual(compare_production.verdict_of((-0.005, 0.02), 0.01), "non-inferior")
        self.assertEqual(compare_production.verdict_of((-0.2, -0.05), 0.01), "worse")
        self.assertEqual(compare_production.verdict_of((-0.03, 0.02), 0.01), "inconclusive")
        good = files.read_model(self.fit().outputs["model.pkl"])
        bad = files.read_model(self.fit(hyperparameters={"C": 0.0001}).outputs["model.pkl"])
        test = files.read_dataset(self.test)
        run = lambda a, b: compare_production.compare(a, b, test, "target", "accuracy", 0.01, 300, 0.95, 42)
        self.assertEqual(run(bad, good)["verdict"], "worse")
        self.assertEqual(run(good, bad)["verdict"], "better")
        self.assertEqual(run(good, good)["verdict"], "non-inferior")
        self.assertEqual(run(good, None)["verdict"], "no champion yet")
        lower = compare_production.compare(bad, good, test, "target", "mae", 0.01, 300, 0.95, 42)
        self.assertEqual((lower["verdict"], lower["difference"] < 0), ("worse", True))

    def test_compare_needs_the_registry(self):
        out = self.with_model("compare_production", self.fit().outputs["model.pkl"])
        self.assertIn("Compare with production: the registry is reached through the tracking server", out.error)

    def test_batch_predict(self):
        model = self.fit().outputs["model.pkl"]
        out = self.with_model("batch_predict", model)
        self.assertEqual(out.code, 0, out.stderr)
        predicted = out.frame("predictions.parquet")
        self.assertEqual({"prediction", "proba_0", "proba_1"} - set(predicted.columns), set())
        np.testing.assert_allclose(predicted["proba_0"] + predicted["proba_1"], 1.0)
        self.assertIn("already has a column 'target'", self.with_model("batch_predict", model, predictionColumn="target").error)
        unwired = lambda **p: self.run_module("batch_predict", params("batch_predict", **p), inputs={"split": {"test.parquet": self.test}}, ports={"dataset": ("split", "test")})
        self.assertEqual(unwired().error, "Batch predict: connect a model to the Model input, or name a registered model")
        self.assertIn("the registry is reached through the tracking server", unwired(modelName="m").error)


class NotifyTest(StepTestCase):
    def test_posts_a_slack_body_with_upstream_verdicts(self):
        received = []

        class Hook(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        server = http.server.HTTPServer(("127.0.0.1", 0), Hook)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        verdict = self.file("report.json", text=json.dumps({"verdict": "worse"}))
        url = "http://127.0.0.1:%d/hook" % server.server_port
        out = self.run_module("notify", params("notify"), inputs={"compare": {"report.json": verdict}}, run_params={"who": "ana"}, env={"HOOK": url, "WEFT_RUN_ID": "r1"})
        self.assertEqual(out.code, 0, out.stderr)
        self.assertEqual(received, [{"text": "Run r1: ana\ncompare: verdict worse"}])
        self.assertEqual(out.metrics["http_status"], 200)

    def test_missing_secret_and_placeholders(self):
        self.assertIn("the secret HOOK is not given to this step", self.run_module("notify", params("notify")).error)
        self.assertEqual(notify.message_text("{run_id} {params.x} {params.y} {__class__}", {"x": 1}, {"WEFT_RUN_ID": "r"}), "r 1 {params.y} {__class__}")
