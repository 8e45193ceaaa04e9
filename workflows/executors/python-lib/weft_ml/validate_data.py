"""Validate data: a dataset against a schema (declared in the config, else inferred from the
reference input: columns, types, nullability, ranges, allowed values) and, with a reference,
against its distributions (KS for numeric columns, chi-square for categorical ones, null-rate and
range shifts). Each check has a policy: fail (the step fails), warn (reported) or off. Writes
``report.json`` and ``report.html`` and passes the dataset on as ``dataset.parquet``."""

import pandas as pd

from . import files, report, stats
from .errors import StepError

TITLE = "Validate data"
CHECKS = ("columns", "types", "nulls", "ranges", "allowed", "unique", "distribution")
# a string column with at most this many distinct values in the reference is taken as categorical
CATEGORICAL_MAX = 20
NUMERIC = ("number", "integer")


def infer_schema(reference):
    """What the reference shows of each column: its type, whether it has nulls, its range
    (numbers) or its values (few distinct strings). Uniqueness is never inferred: a sample being
    unique says little about the next one."""
    schema = {}
    for column in reference.columns:
        series = reference[column]
        kind = files.column_kind(series)
        rule = {"type": kind, "nullable": bool(series.isna().any())}
        values = series.dropna()
        if kind in NUMERIC and len(values):
            rule["min"], rule["max"] = float(values.min()), float(values.max())
        elif kind in ("string", "boolean") and 0 < values.nunique() <= CATEGORICAL_MAX:
            rule["allowed"] = sorted(values.unique().tolist(), key=str)
        schema[str(column)] = rule
    return schema


def _type_fits(actual, expected):
    return actual == expected or (expected == "number" and actual == "integer")


def schema_findings(frame, schema):
    """(check, column, detail) for every rule the dataset breaks."""
    found = []
    for column in schema:
        if column not in frame.columns:
            found.append(("columns", column, "missing"))
    for column in frame.columns:
        if str(column) not in schema:
            found.append(("columns", str(column), "not in the schema"))
    for column, rule in schema.items():
        if column not in frame.columns:
            continue
        series = frame[column]
        actual = files.column_kind(series)
        expected = rule.get("type")
        if expected and not _type_fits(actual, expected):
            found.append(("types", column, "is %s, expected %s%s" % (actual, expected, _bad_examples(series, expected))))
            continue
        nulls = int(series.isna().sum())
        if rule.get("nullable") is False and nulls:
            found.append(("nulls", column, "%d null value%s" % (nulls, "s" if nulls > 1 else "")))
        values = series.dropna()
        if actual in NUMERIC:
            if "min" in rule and (values < rule["min"]).any():
                found.append(("ranges", column, "%d value(s) below %g (lowest %g)" % (int((values < rule["min"]).sum()), rule["min"], values.min())))
            if "max" in rule and (values > rule["max"]).any():
                found.append(("ranges", column, "%d value(s) above %g (highest %g)" % (int((values > rule["max"]).sum()), rule["max"], values.max())))
        if "allowed" in rule:
            allowed = {str(v) for v in rule["allowed"]}
            bad = sorted({str(v) for v in values if str(v) not in allowed})
            if bad:
                found.append(("allowed", column, "values not allowed: %s" % ", ".join(bad[:5])))
        if rule.get("unique") and values.duplicated().any():
            found.append(("unique", column, "%d duplicate value(s)" % int(values.duplicated().sum())))
    return found


def _bad_examples(series, expected):
    if expected not in NUMERIC:
        return ""
    as_numbers = pd.to_numeric(series, errors="coerce")
    bad = series[as_numbers.isna() & series.notna()].astype(str).unique()[:3]
    return " (e.g. %s)" % ", ".join(repr(v) for v in bad) if len(bad) else ""


def distribution_findings(frame, reference, p_value, null_rate_shift):
    """Shifts of each shared column from the reference, as (check, column, detail), and every
    column's statistics for the report."""
    found, rows = [], []
    for column in [c for c in reference.columns if c in frame.columns]:
        ref, cur = reference[column], frame[column]
        kind, cur_kind = files.column_kind(ref), files.column_kind(cur)
        null_shift = abs(float(cur.isna().mean()) - float(ref.isna().mean()))
        if null_shift > null_rate_shift:
            found.append(("distribution", str(column), "null rate moved by %.3f" % null_shift))
        if kind in NUMERIC and cur_kind in NUMERIC:
            statistic, p = stats.ks(ref.to_numpy(dtype=float), cur.to_numpy(dtype=float))
            test = "KS"
            lo, hi = ref.min(), ref.max()
            outside = int(((cur < lo) | (cur > hi)).sum())
            if outside:
                found.append(("distribution", str(column), "%d value(s) outside the reference range [%g, %g]" % (outside, lo, hi)))
        elif kind == cur_kind:
            statistic, p = stats.chi_square(ref, cur)
            test = "chi-square"
        else:
            continue  # a type change is the types check's finding
        if p < p_value:
            found.append(("distribution", str(column), "%s p-value %.2g < %g" % (test, p, p_value)))
        rows.append({"column": str(column), "test": test, "statistic": statistic, "p_value": p, "null_rate_shift": null_shift})
    return found, rows


def main(step):
    config = step.config
    frame = step.dataset("dataset")
    reference = step.dataset("reference") if step.is_wired("reference") else None
    schema = config.get("schema") or (infer_schema(reference) if reference is not None else None)
    findings = schema_findings(frame, schema) if schema else []
    columns_stats = []
    if reference is not None:
        shifts, columns_stats = distribution_findings(frame, reference, config["pValue"], config["nullRateShift"])
        findings += shifts

    policies = {check: config[check] for check in CHECKS}
    results = []
    for check in CHECKS:
        if policies[check] == "off":
            continue
        mine = [f for f in findings if f[0] == check]
        status = "pass" if not mine else policies[check]
        results.append({"check": check, "status": status, "findings": [{"column": c, "detail": d} for _, c, d in mine]})

    failed = [r for r in results if r["status"] == "fail"]
    warned = [r for r in results if r["status"] == "warn"]
    summary = {
        "valid": not failed,
        "rows": len(frame),
        "schema": "declared" if config.get("schema") else "inferred from the reference" if schema else "none",
        "checks": results,
        "columns": columns_stats,
    }
    step.write_json("report.json", summary)
    step.write_text("report.html", _html(summary))
    step.tracking.log_params({"schema": summary["schema"], **{"policy_" + c: p for c, p in policies.items()}})
    step.metric("valid", 0 if failed else 1)
    step.metric("checks_failed", len(failed))
    step.metric("checks_warned", len(warned))
    for r in warned:
        print("warning: %s: %s" % (r["check"], _first(r)))
    if failed:
        raise StepError("%d check%s failed: %s" % (len(failed), "s" if len(failed) > 1 else "", "; ".join("%s: %s" % (r["check"], _first(r)) for r in failed)))
    step.write_dataset("dataset", frame)
    print("valid: %d rows, %d checks passed, %d warned" % (len(frame), len(results) - len(warned), len(warned)))


def _first(result, limit=2):
    shown = ["%s %s" % (f["column"], f["detail"]) for f in result["findings"][:limit]]
    more = len(result["findings"]) - limit
    return ", ".join(shown) + (" (and %d more)" % more if more > 0 else "")


def _html(summary):
    checks = report.table(
        ["check", "status", "findings"],
        [[r["check"], r["status"], "; ".join("%s: %s" % (f["column"], f["detail"]) for f in r["findings"]) or "-"] for r in summary["checks"]],
        status_column=1,
    )
    sections = [("Summary", report.text("%s; %d rows; schema %s." % ("Valid" if summary["valid"] else "NOT valid", summary["rows"], summary["schema"]))), ("Checks", checks)]
    if summary["columns"]:
        sections.append(("Against the reference", report.table(["column", "test", "statistic", "p-value", "null-rate shift"], [[c["column"], c["test"], c["statistic"], c["p_value"], c["null_rate_shift"]] for c in summary["columns"]])))
    return report.page("Data validation", sections)


