"""Split: train / validation / test sets, seeded (the same data and seed give the same split),
stratified by the target where asked and possible. Writes ``train``, ``validation`` (empty when
its fraction is 0) and ``test`` as Parquet."""

from sklearn.model_selection import train_test_split

from . import files
from .errors import StepError

TITLE = "Split"


def split(frame, target, test_fraction, validation_fraction, stratify, seed):
    files.require_columns(frame, [target], "the dataset")
    labels = frame[target]
    if stratify:
        counts = labels.value_counts()
        if labels.isna().any():
            raise StepError("cannot stratify by %r: it has %d null value(s)" % (target, int(labels.isna().sum())))
        if (counts < 2).any():
            raise StepError("cannot stratify by %r: class %r has a single row (turn Stratify off for a regression target)" % (target, counts.idxmin()))
    rest, test = _cut(frame, test_fraction, target if stratify else None, seed)
    if validation_fraction == 0:
        return rest, rest.iloc[0:0], test
    train, validation = _cut(rest, validation_fraction / (1 - test_fraction), target if stratify else None, seed)
    return train, validation, test


def _cut(frame, fraction, stratify_by, seed):
    try:
        return train_test_split(frame, test_size=fraction, random_state=seed, stratify=frame[stratify_by] if stratify_by else None)
    except ValueError as error:
        raise StepError("cannot split %d rows that way: %s" % (len(frame), error)) from None


def main(step):
    config = step.config
    frame = step.dataset("dataset")
    train, validation, test = split(frame, config["target"], config["testFraction"], config["validationFraction"], config["stratify"], config["seed"])
    for name, part in (("train", train), ("validation", validation), ("test", test)):
        step.write_dataset(name, part)
        step.metric(name + "_rows", len(part))
    step.tracking.log_params({k: config[k] for k in ("target", "testFraction", "validationFraction", "stratify", "seed")})
    print("split %d rows: train %d, validation %d, test %d" % (len(frame), len(train), len(validation), len(test)))
