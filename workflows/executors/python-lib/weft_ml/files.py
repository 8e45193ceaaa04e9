"""Files in and out: which upstream file is a port's, datasets as Parquet (types survive the trip,
unlike CSV), models as pickles, and the hash and schema a dataset is recorded by."""

import hashlib
import os
import pickle

import numpy as np
import pandas as pd

from .errors import StepError, torch_missing

EXTENSIONS = {"dataset": (".parquet", ".csv"), "model": (".pkl", ".joblib")}


def pick_file(files, port, kind, what):
    """``files``: {name: path} an upstream step wrote. Its file for ``port`` is ``<port>.<ext>``;
    from a step that is not a library kind (a Python script's ``out``) the only file of a fitting type."""
    fitting = {name: path for name, path in files.items() if name.endswith(EXTENSIONS[kind])}
    own = [fitting[port + ext] for ext in EXTENSIONS[kind] if port + ext in fitting]
    if own:
        return own[0]
    if len(fitting) == 1:
        return next(iter(fitting.values()))
    wanted = "/".join("*" + ext for ext in EXTENSIONS[kind])
    if not fitting:
        raise StepError("%s: no %s file (%s) among the upstream outputs: %s" % (what, kind, wanted, ", ".join(sorted(files)) or "none"))
    raise StepError("%s: several %s files and none named %s.*: %s" % (what, kind, port, ", ".join(sorted(fitting))))


def read_dataset(path, fmt="auto"):
    if fmt == "auto":
        fmt = "parquet" if path.endswith(".parquet") else "csv" if path.endswith((".csv", ".csv.gz", ".txt")) else None
        if fmt is None:
            raise StepError("cannot tell the format of %s: name it .csv or .parquet, or set Format" % os.path.basename(path))
    if not os.path.isfile(path):
        raise StepError("no such file: %s" % path)
    try:
        return pd.read_parquet(path) if fmt == "parquet" else pd.read_csv(path)
    except (ValueError, OSError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise StepError("cannot read %s as %s: %s" % (os.path.basename(path), fmt.upper(), first)) from None


def write_dataset(frame, path):
    # column names must be strings in Parquet; the index is not data
    frame = frame.rename(columns=str).reset_index(drop=True)
    frame.to_parquet(path, index=False)
    return path


def read_model(path):
    # A pickle runs code when loaded: this one comes from the project's own steps or registry, and
    # loads inside the step's sandbox, which is where untrusted code runs anyway.
    with open(path, "rb") as f:
        try:
            return pickle.load(f)
        except ModuleNotFoundError as error:
            if error.name == "torch":
                raise torch_missing() from None
            raise StepError("%s is not a model this library can load: %s" % (os.path.basename(path), error)) from None
        except Exception as error:  # noqa: BLE001 - any unpickling failure means "not a model"
            raise StepError("%s is not a model this library can load: %s" % (os.path.basename(path), error)) from None


def write_model(model, path):
    with open(path, "wb") as f:
        pickle.dump(model, f, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def data_hash(frame):
    """A digest of the data itself (values, columns and types), the same whatever file it came in."""
    digest = hashlib.sha256()
    digest.update(repr([(str(c), str(t)) for c, t in frame.dtypes.items()]).encode())
    digest.update(pd.util.hash_pandas_object(frame, index=False).values.tobytes())
    return digest.hexdigest()


def column_kind(series):
    """A column's type as schemas name it: number, integer, boolean, datetime or string."""
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_float_dtype(series):
        # floats holding whole numbers only (an integer column with nulls) are still integers
        values = series.dropna()
        return "integer" if len(values) and np.all(np.mod(values, 1) == 0) else "number"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "datetime"
    return "string"


def schema_of(frame):
    return [{"name": str(c), "type": column_kind(frame[c]), "nulls": int(frame[c].isna().sum())} for c in frame.columns]


def json_default(value):
    """numpy scalars and arrays in reports."""
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    raise TypeError("not JSON: %r" % type(value).__name__)


def require_columns(frame, columns, what):
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise StepError("%s: missing column%s %s (it has: %s)" % (what, "s" if len(missing) > 1 else "", ", ".join(map(repr, missing)), _shown(frame.columns)))


def _shown(columns, limit=12):
    names = [str(c) for c in columns]
    return ", ".join(names[:limit]) + (", …" if len(names) > limit else "")
