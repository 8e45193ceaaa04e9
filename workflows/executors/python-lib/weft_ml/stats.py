"""The statistics the gates stand on: bootstrap intervals (metrics, paired differences), PSI and
KS for drift, chi-square for categorical shift. Seeded: the same data gives the same numbers."""

import numpy as np
from scipy import stats as scipy_stats


def bootstrap_interval(metric, y_true, y_other, iterations, confidence, seed):
    """Percentile interval of ``metric(y_true[idx], y_other[idx])`` over resamples of the rows.
    A resample the metric cannot score (one class only) is skipped."""
    rng = np.random.default_rng(seed)
    n = len(y_true)
    values = []
    for _ in range(iterations):
        idx = rng.integers(0, n, n)
        try:
            values.append(metric(y_true[idx], y_other[idx]))
        except ValueError:
            continue
    return _percentiles(values, confidence)


def paired_bootstrap(metric, y_true, a, b, iterations, confidence, seed):
    """Interval of ``metric(a) - metric(b)`` with both scored on the same resampled rows each
    time (paired: the rows' own difficulty cancels out, so the interval is much tighter)."""
    rng = np.random.default_rng(seed)
    n = len(y_true)
    diffs = []
    for _ in range(iterations):
        idx = rng.integers(0, n, n)
        try:
            diffs.append(metric(y_true[idx], a[idx]) - metric(y_true[idx], b[idx]))
        except ValueError:
            continue
    return _percentiles(diffs, confidence)


def _percentiles(values, confidence):
    if not values:
        return None
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(values, [tail, 100 - tail])
    return float(low), float(high)


def psi(reference, current, bins):
    """Population stability index of a numeric feature: quantile bins of the reference, with a
    small floor on empty bins so that one empty bin does not make it infinite."""
    reference = reference[~np.isnan(reference)]
    current = current[~np.isnan(current)]
    if len(reference) == 0 or len(current) == 0:
        return 0.0
    edges = np.unique(np.quantile(reference, np.linspace(0, 1, bins + 1)))
    if len(edges) < 2:
        # a constant reference: everything equal to it is "the same", anything else moved
        same_ref, same_cur = 1.0, float(np.mean(current == reference[0]))
        return _psi_terms(np.array([same_ref, 1 - same_ref]), np.array([same_cur, 1 - same_cur]))
    edges[0], edges[-1] = -np.inf, np.inf
    ref_share = np.histogram(reference, edges)[0] / len(reference)
    cur_share = np.histogram(current, edges)[0] / len(current)
    return _psi_terms(ref_share, cur_share)


def psi_categorical(reference, current):
    categories = sorted(set(reference.dropna().astype(str)) | set(current.dropna().astype(str)))
    ref = reference.dropna().astype(str).value_counts(normalize=True).reindex(categories, fill_value=0).to_numpy()
    cur = current.dropna().astype(str).value_counts(normalize=True).reindex(categories, fill_value=0).to_numpy()
    return _psi_terms(ref, cur)


def _psi_terms(ref_share, cur_share, floor=1e-4):
    ref_share = np.clip(ref_share, floor, None)
    cur_share = np.clip(cur_share, floor, None)
    return float(np.sum((cur_share - ref_share) * np.log(cur_share / ref_share)))


def ks(reference, current):
    """Two-sample Kolmogorov-Smirnov: (statistic, p-value)."""
    reference = reference[~np.isnan(reference)]
    current = current[~np.isnan(current)]
    if len(reference) == 0 or len(current) == 0:
        return 0.0, 1.0
    result = scipy_stats.ks_2samp(reference, current)
    return float(result.statistic), float(result.pvalue)


def chi_square(reference, current):
    """Chi-square test of a categorical column's counts in current against the reference's
    shares: (statistic, p-value). Categories new in current count against it."""
    ref = reference.dropna().astype(str).value_counts()
    cur = current.dropna().astype(str).value_counts()
    categories = sorted(set(ref.index) | set(cur.index))
    observed = cur.reindex(categories, fill_value=0).to_numpy(dtype=float)
    if observed.sum() == 0 or ref.sum() == 0:
        return 0.0, 1.0
    # expected counts from the reference's shares (plus one smoothing count, so a category the
    # reference never had gives a large statistic rather than a division by zero)
    shares = (ref.reindex(categories, fill_value=0).to_numpy(dtype=float) + 1) / (ref.sum() + len(categories))
    expected = shares * observed.sum()
    result = scipy_stats.chisquare(observed, expected)
    return float(result.statistic), float(result.pvalue)
