"""A Sweep's candidate training and its pick of the best, run as the for-each runs them."""

from sklearn.datasets import load_breast_cancer, load_iris
from sklearn.model_selection import train_test_split

from weft_ml import files
from weft_ml.tests.harness import StepTestCase, params


class SweepStepsTest(StepTestCase):
    def setUp(self):
        super().setUp()
        train, validation = train_test_split(load_breast_cancer(as_frame=True).frame, test_size=0.3, random_state=0)
        self.train = self.file("train.parquet", train)
        self.validation = self.file("validation.parquet", validation)

    def candidate(self, item, with_validation=False, **overrides):
        ports = {"dataset": ("split", "train"), **({"validation": ("split", "validation")} if with_validation else {})}
        inputs = {"split": {"train.parquet": self.train, "validation.parquet": self.validation}}
        return self.run_module("sweep_candidate", params("sweep_candidate", **overrides), inputs=inputs, ports=ports, item=item)

    def test_a_candidate_is_cross_validated_then_refit_on_the_whole_training_set(self):
        out = self.candidate(1)
        self.assertEqual(out.code, 0, out.stderr)
        record = out.json("candidate.json")
        self.assertEqual((record["index"], record["params"], record["metric"], len(record["fold_scores"])), (1, {"C": 1, "max_iter": 2000}, "accuracy", 3))
        self.assertAlmostEqual(record["score"], sum(record["fold_scores"]) / 3)
        self.assertEqual(out.metrics["accuracy"], record["score"])
        self.assertEqual(files.read_model(out.outputs["model.pkl"]).named_steps["model"].C, 1)

    def test_a_candidate_scored_on_the_validation_input(self):
        out = self.candidate(0, with_validation=True, cvFolds=0, metric="roc_auc")
        self.assertEqual(out.code, 0, out.stderr)
        self.assertEqual(out.json("candidate.json")["fold_scores"], [])
        self.assertGreater(out.metrics["roc_auc"], 0.9)

    def test_bad_input_fails_in_one_line(self):
        self.assertEqual(self.candidate(0, cvFolds=0).error, "Sweep candidate: cross-validation folds is 0, so candidates are scored on the Validation input: connect one (a Split's validation set) or set 2 folds or more")
        self.assertEqual(self.candidate(5).error, "Sweep candidate: item 5 names no candidate (the sweep has 2)")
        unknown = self.candidate(0, candidates=[{"depth": 3}]).error
        self.assertTrue(unknown.startswith("Sweep candidate: LogisticRegression has no hyperparameter depth"), unknown)
        iris = self.file("iris.parquet", load_iris(as_frame=True).frame)
        out = self.run_module("sweep_candidate", params("sweep_candidate", metric="roc_auc"), inputs={"load": {"dataset.parquet": iris}}, ports={"dataset": ("load", "dataset")}, item=0)
        self.assertEqual(out.error, "Sweep candidate: the metric roc_auc was not produced: it needs a binary classifier with class probabilities (fold 1 has 3 classes)")

    def test_the_best_candidate_flows_on_with_the_leaderboard(self):
        candidates = [self.candidate(i, candidates=[{"C": 0.0001, "max_iter": 2000}, {"C": 1, "max_iter": 2000}]) for i in (0, 1)]
        inputs = {"item-%d" % i: out.outputs for i, out in enumerate(candidates)}
        scores = [out.metrics["accuracy"] for out in candidates]
        best = self.run_module("sweep_best", params("sweep_best"), inputs=inputs)
        self.assertEqual(best.code, 0, best.stderr)
        winner = scores.index(max(scores))
        self.assertEqual(best.metrics, {"accuracy": max(scores), "best_candidate": winner, "candidates": 2})
        board = best.json("sweep.json")
        self.assertEqual([c["index"] for c in board["candidates"]], [winner, 1 - winner])
        with open(best.outputs["model.pkl"], "rb") as a, open(candidates[winner].outputs["model.pkl"], "rb") as b:
            self.assertEqual(a.read(), b.read())
        # lower is better: the other one wins
        self.assertEqual(self.run_module("sweep_best", params("sweep_best", greaterIsBetter=False), inputs=inputs).metrics["best_candidate"], 1 - winner)

    def test_the_pick_refuses_a_candidate_without_the_metric(self):
        out = self.candidate(0)
        given = {"item-0": out.outputs}
        self.assertEqual(self.run_module("sweep_best", params("sweep_best", metric="f1"), inputs=given).error, "Sweep: candidate 0 did not produce the metric f1")
        self.assertEqual(self.run_module("sweep_best", params("sweep_best"), inputs={"item-0": {}}).error, "Sweep: item-0 wrote no candidate.json and model.pkl (it wrote: nothing)")
