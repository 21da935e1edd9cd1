#!/usr/bin/env python3
"""Generate the scikit-learn reference values that EvalMetrics is tested against.

Writes Tests/EvalMetricsTests/Fixtures/metrics_reference.json. Run it from the
repository root with a Python that has scikit-learn and numpy installed:

    python scripts/reference/metrics_fixtures.py

The seed is fixed, so re-running with the same library versions rewrites the same
file. Inputs are rounded to a few decimals before scikit-learn sees them: that keeps
the JSON small and makes the numbers in the file exactly the numbers that were scored.

Where Evalbook's undefined-result rule (SPEC section 5) differs from scikit-learn
(R2 of a constant y, ROC AUC with one class), the case is written with
"expected": null and scikit-learn is not asked.
"""

import json
import pathlib

import numpy as np
import sklearn
from sklearn import metrics

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "Tests" / "EvalMetricsTests" / "Fixtures" / "metrics_reference.json"
SEED = 20240611

rng = np.random.default_rng(SEED)
cases = []


def as_list(values):
    """Plain Python numbers: ints stay ints, floats keep their shortest repr."""
    array = np.asarray(values)
    if np.issubdtype(array.dtype, np.integer):
        return [int(v) for v in array]
    return [float(v) for v in array]


def add(name, metric, y, yhat, weights=None, expected=None, compute=True):
    """Record one case; `expected` is computed by scikit-learn unless `compute` is False."""
    if compute:
        expected = float(SKLEARN[metric](np.asarray(y), np.asarray(yhat), weights))
    cases.append(
        {
            "name": name,
            "metric": metric,
            "y": as_list(y),
            "yhat": as_list(yhat),
            "weights": None if weights is None else as_list(weights),
            "expected": expected,
        }
    )


SKLEARN = {
    "mae": lambda y, p, w: metrics.mean_absolute_error(y, p, sample_weight=w),
    "mse": lambda y, p, w: metrics.mean_squared_error(y, p, sample_weight=w),
    "rmse": lambda y, p, w: metrics.root_mean_squared_error(y, p, sample_weight=w),
    "r2": lambda y, p, w: metrics.r2_score(y, p, sample_weight=w),
    "accuracy": lambda y, p, w: metrics.accuracy_score(y, p, sample_weight=w),
    # labels=[0, 1] so that a y holding a single class is still scored as binary.
    "log_loss": lambda y, p, w: metrics.log_loss(y, p, sample_weight=w, labels=[0, 1]),
    "roc_auc": lambda y, p, w: metrics.roc_auc_score(y, p, sample_weight=w),
}


def rounded(values, decimals=6):
    return np.round(values, decimals)


def weights_for(n, zeros=0):
    """Positive weights with a few decimals, `zeros` of them set to exactly 0."""
    w = rounded(rng.uniform(0.1, 3.0, n), 3)
    if zeros:
        w[rng.choice(n, zeros, replace=False)] = 0.0
    return w


# Regression ------------------------------------------------------------------

n = 300
y = rounded(rng.normal(10.0, 4.0, n))
yhat = rounded(y + rng.normal(0.0, 1.5, n))
w = weights_for(n, zeros=5)
for metric in ("mae", "mse", "rmse", "r2"):
    add(f"{metric} unweighted", metric, y, yhat)
    add(f"{metric} weighted", metric, y, yhat, w)

# Large magnitudes with a small spread stress the two-pass variance of r2.
y_big = rounded(1e6 + rng.normal(0.0, 1.0, 200), 4)
yhat_big = rounded(y_big + rng.normal(0.0, 0.3, 200), 4)
add("r2 large offset", "r2", y_big, yhat_big)
add("mse large offset", "mse", y_big, yhat_big)

# Predictions anti-correlated with the truth: worse than predicting the mean.
y_neg = rounded(rng.normal(0.0, 1.0, 150))
yhat_neg = rounded(-2.0 * y_neg + rng.normal(0.0, 0.5, 150))
add("r2 negative", "r2", y_neg, yhat_neg)
add("r2 negative weighted", "r2", y_neg, yhat_neg, weights_for(150))

add("mae single value", "mae", [3.5], [1.25])
add("mse perfect", "mse", y[:20], y[:20])
add("r2 perfect", "r2", y[:20], y[:20])
add("r2 constant y", "r2", [2.5] * 40, rounded(rng.normal(2.5, 1.0, 40)), compute=False)
add("r2 constant y of 0.1", "r2", [0.1] * 30, rounded(rng.normal(0.0, 1.0, 30)), compute=False)
# Rows with zero weight do not count, so the weighted y is constant.
w_const = np.ones(10)
w_const[[2, 7]] = 0.0
y_const = np.full(10, 4.0)
y_const[[2, 7]] = [1.0, 9.0]
add("r2 constant y among weighted rows", "r2", y_const, np.arange(10.0), w_const, compute=False)

# Classification --------------------------------------------------------------

n = 500
y_bin = rng.integers(0, 2, n)
yhat_bin = np.where(rng.uniform(size=n) < 0.8, y_bin, 1 - y_bin)
add("accuracy binary", "accuracy", y_bin, yhat_bin)
add("accuracy binary weighted", "accuracy", y_bin, yhat_bin, weights_for(n, zeros=10))

y_multi = rng.integers(0, 5, 400)
yhat_multi = np.where(rng.uniform(size=400) < 0.6, y_multi, rng.integers(0, 5, 400))
add("accuracy multiclass codes", "accuracy", y_multi, yhat_multi)
add("accuracy multiclass codes weighted", "accuracy", y_multi, yhat_multi, weights_for(400))

# Probabilities from a noisy logistic model of the labels.
logits = 1.5 * (2 * y_bin - 1) + rng.normal(0.0, 1.5, n)
p = rounded(1.0 / (1.0 + np.exp(-logits)), 8)
add("log_loss", "log_loss", y_bin, p)
add("log_loss weighted", "log_loss", y_bin, p, weights_for(n, zeros=7))

# Exact 0 and 1 on both the right and the wrong side, plus values inside the clip.
y_edge = np.array([1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0])
p_edge = np.array([1.0, 0.0, 0.0, 1.0, 1e-20, 1 - 1e-17, 1e-16, 1e-300, 0.5, 0.5, 0.999999, 1e-5])
add("log_loss exact zeros and ones", "log_loss", y_edge, p_edge)
add("log_loss exact zeros and ones weighted", "log_loss", y_edge, p_edge,
    np.array([1.0, 2.0, 0.5, 0.25, 3.0, 1.0, 1.0, 2.0, 0.0, 1.0, 4.0, 1.5]))
add("log_loss all wrong and certain", "log_loss", [1, 0, 1], [0.0, 1.0, 0.0])
add("log_loss all right and certain", "log_loss", [1, 0, 1], [1.0, 0.0, 1.0])
add("log_loss one class", "log_loss", [1, 1, 1, 1], [0.9, 0.6, 0.99, 0.3])

# ROC AUC ---------------------------------------------------------------------

scores = rounded(0.4 * y_bin + rng.normal(0.0, 0.5, n), 6)
add("roc_auc", "roc_auc", y_bin, scores)
add("roc_auc weighted", "roc_auc", y_bin, scores, weights_for(n, zeros=12))

# Scores on a coarse grid: long runs of ties that mix both classes.
y_ties = rng.integers(0, 2, 1000)
scores_ties = np.round(np.clip(0.3 * y_ties + rng.normal(0.35, 0.25, 1000), 0.0, 1.0), 1)
add("roc_auc many ties", "roc_auc", y_ties, scores_ties)
add("roc_auc many ties weighted", "roc_auc", y_ties, scores_ties, weights_for(1000, zeros=20))
add("roc_auc small with ties", "roc_auc", [0, 1, 1, 0, 1, 0, 0, 1], [0.5, 0.5, 0.9, 0.1, 0.1, 0.9, 0.5, 0.5])
add("roc_auc constant scores", "roc_auc", y_ties, np.full(1000, 0.25))
add("roc_auc constant scores weighted", "roc_auc", y_ties, np.full(1000, 0.25), weights_for(1000))

# Heavy imbalance: three positives among 2000 rows.
y_rare = np.zeros(2000, dtype=int)
y_rare[rng.choice(2000, 3, replace=False)] = 1
scores_rare = rounded(rng.normal(0.0, 1.0, 2000) + 1.2 * y_rare, 5)
add("roc_auc 3 positives in 2000", "roc_auc", y_rare, scores_rare)
add("roc_auc 3 positives in 2000 weighted", "roc_auc", y_rare, scores_rare, weights_for(2000))

# Negative, zero, negative zero and large scores: exercises the radix key transform.
n_sign = 600
y_sign = rng.integers(0, 2, n_sign)
scores_sign = rounded(rng.standard_t(2, n_sign) * 1e3 + 500 * y_sign, 2)
scores_sign[rng.choice(n_sign, 40, replace=False)] = 0.0
scores_sign[rng.choice(n_sign, 40, replace=False)] = -0.0
add("roc_auc signed scores with zeros", "roc_auc", y_sign, scores_sign)
add("roc_auc perfect", "roc_auc", [0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])
add("roc_auc inverted", "roc_auc", [1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9])
add("roc_auc one class", "roc_auc", [1] * 50, rounded(rng.uniform(size=50)), compute=False)
add("roc_auc one class weighted", "roc_auc", [0] * 30, rounded(rng.uniform(size=30)),
    weights_for(30), compute=False)

document = {
    "generator": "scripts/reference/metrics_fixtures.py",
    "versions": {"scikit-learn": sklearn.__version__, "numpy": np.__version__},
    "seed": SEED,
    "cases": cases,
}
OUTPUT.parent.mkdir(parents=True, exist_ok=True)
OUTPUT.write_text(json.dumps(document) + "\n")
print(f"wrote {len(cases)} cases, {OUTPUT.stat().st_size} bytes to {OUTPUT.relative_to(ROOT)}")
