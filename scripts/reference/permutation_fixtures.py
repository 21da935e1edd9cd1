#!/usr/bin/env python3
"""Generate reference values for `permutation_test`: scipy's exact two-sample tests.

Writes Tests/EvalMetricsTests/Fixtures/permutation_reference.json. Run it from the
repository root with a Python that has scipy and numpy installed:

    python scripts/reference/permutation_fixtures.py

Each case is two small samples `a` and `b`, a statistic by name and an alternative, and
scipy's `permutation_test((a, b), statistic, permutation_type="independent",
n_resamples=n, alternative=...)` with `n` at least the number of distinct splits
C(len(a) + len(b), len(a)), so scipy enumerates every split exactly: `statistic`,
`p_value` and, for two-sided cases of at most 130 splits, the sorted `null`
distribution. The statistics, as the cell language writes them:

- `mean_difference`: mean(x) - mean(y);
- `median_difference`: median(x) - median(y);
- `welch_t`: t_test(x, y).statistic (scipy's `ttest_ind(x, y, equal_var=False)`);
- `sd_ratio`: std(x) / std(y) (sample standard deviations, ddof 1).

`random` cases have more splits than a test would enumerate; their `p_value` is still
scipy's exact one (n_resamples above the split count), for a randomized test with
fewer resamples to be compared against within its Monte Carlo error.
"""

import json
import math
import pathlib

import numpy as np
import scipy
from scipy import special, stats

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "Tests" / "EvalMetricsTests" / "Fixtures" / "permutation_reference.json"
SEED = 20261222

rng = np.random.default_rng(SEED)

STATISTICS = {
    "mean_difference": lambda x, y, axis: np.mean(x, axis=axis) - np.mean(y, axis=axis),
    "median_difference": lambda x, y, axis: np.median(x, axis=axis) - np.median(y, axis=axis),
    "welch_t": lambda x, y, axis: stats.ttest_ind(x, y, equal_var=False, axis=axis).statistic,
    "sd_ratio": lambda x, y, axis: np.std(x, ddof=1, axis=axis) / np.std(y, ddof=1, axis=axis),
}


def exact(a, b, statistic, alternative):
    splits = int(special.comb(len(a) + len(b), len(a), exact=True))
    result = stats.permutation_test((a, b), STATISTICS[statistic], permutation_type="independent",
                                    vectorized=True, n_resamples=splits, alternative=alternative)
    assert len(result.null_distribution) == splits
    return splits, result


samples = [
    ("tiny", [1.0, 2.0, 3.0, 9.0], [4.0, 5.0, 6.0, 7.0, 8.0]),
    ("shifted", [float(v) for v in np.round(rng.normal(1.0, 1.0, 6), 2)],
     [float(v) for v in np.round(rng.normal(0.0, 1.0, 7), 2)]),
    ("ties", [1.0, 1.0, 2.0, 2.0, 3.0], [1.0, 2.0, 2.0, 3.0, 3.0, 3.0]),
    ("unequal", [float(v) for v in np.round(rng.exponential(2.0, 3), 2)],
     [float(v) for v in np.round(rng.exponential(1.0, 9), 2)]),
    ("two each", [0.5, 1.5], [2.0, 4.0]),
]
cases = []
for name, a, b in samples:
    for statistic in STATISTICS:
        for alternative in ("two-sided", "less", "greater"):
            splits, result = exact(a, b, statistic, alternative)
            case = {"name": f"{name} {statistic} {alternative}", "a": a, "b": b, "statistic_name": statistic,
                    "alternative": alternative, "splits": splits, "statistic": float(result.statistic),
                    "p_value": float(result.pvalue)}
            if splits <= 130 and alternative == "two-sided":
                case["null"] = sorted(float(v) for v in result.null_distribution)
            cases.append(case)

random_cases = []
for name, na, nb, shift in [("moderate shift", 9, 11, 0.8), ("no shift", 10, 10, 0.0)]:
    a = [float(v) for v in np.round(rng.normal(shift, 1.0, na), 3)]
    b = [float(v) for v in np.round(rng.normal(0.0, 1.0, nb), 3)]
    splits, result = exact(a, b, "mean_difference", "two-sided")
    random_cases.append({"name": name, "a": a, "b": b, "statistic_name": "mean_difference",
                         "alternative": "two-sided", "splits": splits, "statistic": float(result.statistic),
                         "p_value": float(result.pvalue)})

document = {
    "generator": "scripts/reference/permutation_fixtures.py",
    "versions": {"scipy": scipy.__version__, "numpy": np.__version__},
    "seed": SEED,
    "cases": cases,
    "random": random_cases,
}
OUTPUT.parent.mkdir(parents=True, exist_ok=True)
OUTPUT.write_text(json.dumps(document) + "\n")
print(f"wrote {len(cases) + len(random_cases)} cases, {OUTPUT.stat().st_size} bytes to {OUTPUT.relative_to(ROOT)}")
