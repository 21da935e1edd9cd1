#!/usr/bin/env python3
"""Generate reference values for `adjust_p` and the `correction:` of `ab_test`/`t_test`.

Writes Tests/EvalMetricsTests/Fixtures/multiple_testing_reference.json. Run it from the
repository root with a Python that has statsmodels, scipy and numpy installed:

    python scripts/reference/multiple_testing_fixtures.py

- `adjust`: families of p-values `p` (uniform, a few small ones among many large, ties,
  0 and 1, a family of one) with, under `methods`, for each method of statsmodels'
  `multipletests(p, alpha=0.05, method=...)` (bonferroni, holm, fdr_bh, fdr_by), its
  `pvals_corrected` as `adjusted` and its `reject` as `reject`.
- `segments`: per-segment A/B tests as a readout by segment makes them: 0/1 outcomes
  `a` and `b` with integer segment keys `key_a` and `key_b`; for each segment (in
  ascending key order) statsmodels' `proportions_ztest([conv_b, conv_a], [n_b, n_a])`
  p-value, then the family's adjusted p-values by each method (`by_method`), so the
  language's `ab_test(a, b, by:, correction:)` can be checked end to end; and the same
  for scipy's Welch `ttest_ind` on per-segment samples (`t_segments`).
"""

import json
import pathlib
import warnings

import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportions_ztest

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "Tests" / "EvalMetricsTests" / "Fixtures" / "multiple_testing_reference.json"
SEED = 20261220
METHODS = ("bonferroni", "holm", "fdr_bh", "fdr_by")

warnings.simplefilter("ignore")
rng = np.random.default_rng(SEED)

families = [
    ("one test", [0.03]),
    ("three platforms", [0.732345, 0.0125573, 0.706108]),
    ("ties", [0.01, 0.02, 0.02, 0.02, 0.5, 0.01]),
    ("zeros and ones", [0.0, 1.0, 0.04, 0.0, 1.0]),
    ("uniform 20", [float(v) for v in np.round(rng.uniform(size=20), 6)]),
    ("few signals among 50", [float(v) for v in np.r_[rng.uniform(0, 0.002, 5), rng.uniform(size=45)]]),
    ("all small", [float(v) for v in rng.uniform(0, 0.01, 12)]),
    ("large family", [float(v) for v in rng.beta(0.4, 2.0, 200)]),
]
adjust = []
for name, p in families:
    methods = {}
    for method in METHODS:
        reject, corrected, _, _ = multipletests(p, alpha=0.05, method=method)
        methods[method] = {"adjusted": [float(v) for v in corrected], "reject": [bool(v) for v in reject]}
    adjust.append({"name": name, "p": p, "methods": methods})

# Per-segment A/B tests: 0/1 outcomes of each arm with a segment key.
segments = []
for name, sizes, rates_a, rates_b in [
    ("four segments", [400, 900, 250, 600], [0.05, 0.08, 0.04, 0.1], [0.06, 0.11, 0.04, 0.09]),
    ("two segments", [900, 600], [0.05, 0.08], [0.07, 0.08]),
]:
    keys = list(range(len(sizes)))
    a, b, key_a, key_b, p_values = [], [], [], [], []
    for key, n, ra, rb in zip(keys, sizes, rates_a, rates_b):
        xa = (rng.uniform(size=n) < ra).astype(int)
        xb = (rng.uniform(size=n + 17) < rb).astype(int)
        a += [int(v) for v in xa]; b += [int(v) for v in xb]; key_a += [key] * len(xa); key_b += [key] * len(xb)
        _, p = proportions_ztest([xb.sum(), xa.sum()], [len(xb), len(xa)])
        p_values.append(float(p))
    _, p_all = proportions_ztest([sum(b), sum(a)], [len(b), len(a)])
    segments.append({
        "name": name, "a": a, "b": b, "key_a": key_a, "key_b": key_b, "keys": keys, "p_value": p_values,
        "p_value_all": float(p_all),
        "by_method": {m: [float(v) for v in multipletests(p_values, method=m)[1]] for m in METHODS},
    })

t_segments = []
for name, sizes, shifts in [("three segments", [40, 25, 60], [0.0, 1.5, 0.4])]:
    keys = list(range(len(sizes)))
    x, y, key_x, key_y, p_values = [], [], [], [], []
    for key, n, shift in zip(keys, sizes, shifts):
        xs = np.round(rng.normal(10 + shift, 2, n), 3)
        ys = np.round(rng.normal(10, 3, n + 5), 3)
        x += [float(v) for v in xs]; y += [float(v) for v in ys]
        key_x += [key] * len(xs); key_y += [key] * len(ys)
        p_values.append(float(stats.ttest_ind(xs, ys, equal_var=False).pvalue))
    t_segments.append({
        "name": name, "x": x, "y": y, "key_x": key_x, "key_y": key_y, "keys": keys, "p_value": p_values,
        "p_value_all": float(stats.ttest_ind(x, y, equal_var=False).pvalue),
        "by_method": {m: [float(v) for v in multipletests(p_values, method=m)[1]] for m in METHODS},
    })

document = {
    "generator": "scripts/reference/multiple_testing_fixtures.py",
    "versions": {"statsmodels": statsmodels.__version__, "scipy": scipy.__version__, "numpy": np.__version__},
    "seed": SEED,
    "adjust": adjust,
    "segments": segments,
    "t_segments": t_segments,
}
OUTPUT.parent.mkdir(parents=True, exist_ok=True)
OUTPUT.write_text(json.dumps(document) + "\n")
print(f"wrote {len(adjust) * len(METHODS) + len(segments) + len(t_segments)} cases, {OUTPUT.stat().st_size} bytes "
      f"to {OUTPUT.relative_to(ROOT)}")
