#!/usr/bin/env python3
"""Generate reference values for `ece` and `mce` with both bin strategies.

Writes Tests/EvalMetricsTests/Fixtures/calibration_strategy_reference.json. Run it from
the repository root with a Python that has scikit-learn and numpy installed:

    python scripts/reference/calibration_strategy_fixtures.py

scikit-learn defines the calibration curve, not the calibration errors, so each case
takes `prob_true` and `prob_pred` from `sklearn.calibration.calibration_curve(y, p,
n_bins=bins, strategy=strategy)` and the bin counts from the same binning scikit-learn
uses internally (edges at `np.linspace(0, 1, bins + 1)` or at the percentiles
`np.percentile(p, np.linspace(0, 1, bins + 1) * 100)`, rows placed by
`np.searchsorted(edges[1:-1], p)`, empty bins dropped); then

- `ece` = sum(count_b * |prob_true_b - prob_pred_b|) / sum(count_b), and
- `mce` = max_b |prob_true_b - prob_pred_b|.

The samples are stored once under `inputs` (`y` and `p` by name); each case names its
input and holds `bins`, `strategy`, the expected `ece` and `mce`, and scikit-learn's
`prob_true` and `prob_pred`, so a test can check the curve too.
"""

import json
import pathlib

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "Tests" / "EvalMetricsTests" / "Fixtures" / "calibration_strategy_reference.json"
SEED = 20261218

rng = np.random.default_rng(SEED)


def counts(y, p, bins, strategy):
    if strategy == "quantile":
        edges = np.percentile(p, np.linspace(0, 1, bins + 1) * 100)
    else:
        edges = np.linspace(0.0, 1.0, bins + 1)
    ids = np.searchsorted(edges[1:-1], p)
    total = np.bincount(ids, minlength=bins)
    return total[total != 0].astype(float)


inputs = []
# Skewed probabilities: quantile bins differ most from uniform ones here.
p = np.round(rng.beta(0.7, 4.0, 600), 4)
inputs.append(("skewed", (rng.uniform(size=600) < p * 1.3).astype(float), p))
# Probabilities on few distinct values, so quantile edges tie and bins merge.
p = np.round(rng.uniform(size=300), 1)
inputs.append(("tied", (rng.uniform(size=300) < p).astype(float), p))
# Well calibrated, wide.
p = np.round(rng.uniform(size=1000), 6)
inputs.append(("calibrated", (rng.uniform(size=1000) < p).astype(float), p))
# Small: fewer rows than bins in places.
p = np.array([0.05, 0.1, 0.1, 0.3, 0.35, 0.6, 0.62, 0.9, 0.95, 0.99])
inputs.append(("small", np.array([0, 0, 1, 0, 1, 1, 0, 1, 1, 1], dtype=float), p))

cases = []
stored = {name: {"y": [float(v) for v in y], "p": [float(v) for v in p]} for name, y, p in inputs}
for name, y, p in inputs:
    for strategy in ("uniform", "quantile"):
        for bins in (3, 5, 10, 15):
            prob_true, prob_pred = calibration_curve(y, p, n_bins=bins, strategy=strategy)
            c = counts(y, p, bins, strategy)
            assert len(c) == len(prob_true)
            gaps = np.abs(prob_true - prob_pred)
            cases.append({
                "name": f"{name} {strategy} {bins}", "input": name,
                "bins": bins, "strategy": strategy,
                "prob_true": [float(v) for v in prob_true], "prob_pred": [float(v) for v in prob_pred],
                "ece": float(np.sum(c * gaps) / np.sum(c)), "mce": float(np.max(gaps)),
            })

document = {
    "generator": "scripts/reference/calibration_strategy_fixtures.py",
    "versions": {"sklearn": sklearn.__version__, "numpy": np.__version__},
    "seed": SEED,
    "inputs": stored,
    "cases": cases,
}
OUTPUT.parent.mkdir(parents=True, exist_ok=True)
OUTPUT.write_text(json.dumps(document) + "\n")
print(f"wrote {len(cases)} cases, {OUTPUT.stat().st_size} bytes to {OUTPUT.relative_to(ROOT)}")
