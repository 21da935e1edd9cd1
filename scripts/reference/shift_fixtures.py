#!/usr/bin/env python3
"""Generate reference values for the distribution-shift kernels (EvalMetrics/Shift).

Writes Tests/EvalMetricsTests/Fixtures/shift_reference.json. Run it from anywhere with a
Python that has scipy and numpy (the recorded versions are the ones the Swift port was
checked against):

    /tmp/venv/bin/python scripts/reference/shift_fixtures.py

Sections of the document:

- `ks`: `scipy.stats.ks_2samp(a, b)` with its defaults (two-sided, method='auto'):
  `statistic`, `p_value`, `statistic_location`, `statistic_sign`, and `method`, the branch
  that produced the p-value ('exact' unless the sizes exceed 10,000 or scipy warned that
  the exact calculation was unsuccessful and switched to 'asymp').
- `kstwo`: `scipy.stats.kstwo.sf(x, n)` on a grid that reaches every branch of
  `_kolmogn` (the asymptotic p-value); `smirnov`: `scipy.special.smirnov(n, x)`, the
  one-sided tail that `_kolmogn` doubles for large statistics.
- `wasserstein`: `scipy.stats.wasserstein_distance(u, v, u_weights, v_weights)`.
- `psi`: the population stability index under Evalbook's documented convention (see
  `Shift.psi`), computed with numpy and cross-checked against a plain-Python loop:
  edges are numpy's default (linear) quantiles of `expected` at i/bins, de-duplicated;
  bins are right-closed (numpy.searchsorted(edges, x, side='left') numbering) with open
  outer bins; empty shares are floored at 1e-4; PSI = sum (a - e) * ln(a / e).

Samples live once in `samples`, keyed by id, and cases name them (several PSI cases share
one reference sample). A sample is either a list of numbers or, for large samples, a
histogram on a grid: {"scale": s, "start": k0, "counts": [c0, c1, ...]} stands for the
value (k0 + i) / s repeated c_i times (the order of a sample does not matter to any of
these statistics). Infinities are written as the strings "inf" and "-inf", JSON having
none.

The seed is fixed, so re-running with the same library versions rewrites the same file.
"""

import json
import math
import pathlib
import sys
import warnings

import numpy as np
import scipy
from scipy import special, stats

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "Tests" / "EvalMetricsTests" / "Fixtures" / "shift_reference.json"
SEED = 20260517
MAX_AUTO_N = 10_000
SHARE_FLOOR = 1e-4

rng = np.random.default_rng(SEED)


def number(x):
    """A float for JSON, with infinities as strings."""
    x = float(x)
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if math.isnan(x):
        raise ValueError("NaN in a fixture value")
    return x


def listed(values):
    return [number(v) for v in values]


def gridded(values, scale):
    """Encodes values that are all multiples of 1/scale as a histogram on that grid."""
    keys = np.rint(np.asarray(values) * scale).astype(np.int64)
    start = int(keys.min())
    counts = np.bincount(keys - start)
    encoded = {"scale": scale, "start": start, "counts": counts.tolist()}
    return encoded, decode(encoded)


def decode(sample):
    """The float64 values a stored sample stands for, as the Swift tests rebuild them."""
    if isinstance(sample, list):
        return np.array([float(v) for v in sample])
    keys = sample["start"] + np.arange(len(sample["counts"]), dtype=np.int64)
    return np.repeat(keys.astype(np.float64) / sample["scale"], sample["counts"])


samples = {}
sample_ids = {}


def stored(sample):
    """The id of a stored sample, adding it on first use."""
    key = json.dumps(sample, separators=(",", ":"))
    if key not in sample_ids:
        sample_ids[key] = f"s{len(sample_ids)}"
        samples[sample_ids[key]] = sample
    return sample_ids[key]


def rounded(values, decimals=4):
    return [float(v) for v in np.round(values, decimals)]


# ---------------------------------------------------------------------------
# ks_2samp

ks_cases = []


def ks_case(name, a, b, grid=None):
    """Adds a case; `grid` stores both samples as histograms with that scale."""
    if grid is None:
        stored_a, stored_b = listed(a), listed(b)
        a, b = decode(stored_a), decode(stored_b)
    else:
        stored_a, a = gridded(a, grid)
        stored_b, b = gridded(b, grid)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = stats.ks_2samp(a, b)
    fell_back = any("Exact calculation unsuccessful" in str(w.message) for w in caught)
    method = "asymp" if max(len(a), len(b)) > MAX_AUTO_N or fell_back else "exact"
    ks_cases.append({
        "name": name, "a": stored(stored_a), "b": stored(stored_b),
        "statistic": number(result.statistic), "p_value": number(result.pvalue),
        "method": method, "statistic_location": number(result.statistic_location),
        "statistic_sign": int(result.statistic_sign),
    })


# Tiny samples, where the lattice is coarse and the exact count is a short sum.
ks_case("tiny_1_vs_1_apart", [0.0], [1.0])
ks_case("tiny_1_vs_1_equal", [2.5], [2.5])
ks_case("tiny_1_vs_2", [0.0], [1.0, 2.0])
ks_case("tiny_2_vs_1_between", [0.0, 2.0], [1.0])
ks_case("tiny_2_vs_2_disjoint", [0.0, 1.0], [2.0, 3.0])
ks_case("tiny_3_vs_3_disjoint", [1.0, 2.0, 3.0], [4.0, 5.0, 6.0])
ks_case("tiny_3_vs_3_overlap", [1.0, 2.0, 3.0], [2.0, 3.0, 4.0])
ks_case("tiny_1_vs_3", [0.0], [1.0, 2.0, 3.0])
ks_case("tiny_3_vs_2_interleaved", [1.0, 3.0, 5.0], [2.0, 4.0])
ks_case("tiny_b_above_sign", [5.0, 6.0, 7.0], [1.0, 2.0])
ks_case("infinite_values", [-math.inf, 1.0, 2.0, math.inf], [0.0, 3.0, 4.0])

# Equal sizes (Hodges' square method) and unequal sizes (the inside method).
ks_case("equal_50_shift", rounded(rng.normal(0, 1, 50)), rounded(rng.normal(0.5, 1, 50)))
ks_case("equal_200_same_dist", rounded(rng.normal(0, 1, 200)), rounded(rng.normal(0, 1, 200)))
ks_case("unequal_40_65", rounded(rng.normal(0, 1, 40)), rounded(rng.normal(0.4, 1.3, 65)))
ks_case("unequal_17_500", rounded(rng.exponential(1, 17)), rounded(rng.exponential(1.5, 500)))
ks_case("unequal_coprime_97_101", rounded(rng.uniform(0, 1, 97)), rounded(rng.uniform(0.1, 1.1, 101)))

# Ties and discrete data: the statistic comes from counts of values <= x in both.
ks_case("ties_poisson_80_120", rng.poisson(3, 80).astype(float), rng.poisson(3.6, 120).astype(float))
ks_case("ties_binary_30_45", rng.integers(0, 2, 30).astype(float), rng.integers(0, 2, 45).astype(float))
ks_case("ties_all_equal", [1.0] * 12, [1.0] * 7)
ks_case("ties_one_value_each", [1.0] * 12, [2.0] * 7)
ks_case("ties_across_samples", [1.0, 2.0, 2.0, 3.0, 3.0, 3.0], [2.0, 3.0, 3.0, 4.0])

# Identical and disjoint samples.
same = rounded(rng.normal(0, 1, 100))
ks_case("identical_100", same, same)
ks_case("disjoint_30_45", rounded(rng.uniform(0, 1, 30)), rounded(rng.uniform(2, 3, 45)))
ks_case("disjoint_reversed_45_30", rounded(rng.uniform(2, 3, 45)), rounded(rng.uniform(0, 1, 30)))

# Equal sizes where the exact count rounds just above 1 and scipy falls back to 'asymp'.
base5 = [0.0, 1.0, 2.0, 3.0, 4.0]
ks_case("fallback_equal_5_h1", base5, base5[:-1] + [100.0])
base30 = [float(i) for i in range(30)]
ks_case("fallback_equal_30_h1", base30, base30[:-1] + [100.0])
base60 = [float(i) for i in range(60)]
ks_case("fallback_equal_60_h2", base60, base60[:-2] + [100.0, 101.0])

# Small p-values from the exact branch.
ks_case("exact_tiny_p_400_500", rounded(rng.normal(0, 1, 400)), rounded(rng.normal(1.2, 1, 500)))
ks_case("exact_tiny_p_equal_300", rounded(rng.normal(0, 1, 300)), rounded(rng.normal(1.5, 1, 300)))

# The largest sizes 'auto' still treats exactly, stored on a grid to keep the file small.
ks_case("auto_exact_10000_9000", rng.normal(0, 1, 10_000), rng.normal(0.05, 1, 9_000), grid=100)
ks_case("auto_exact_10000_10000", rng.normal(0, 1, 10_000), rng.normal(0.03, 1, 10_000), grid=100)
ks_case("auto_exact_10000_1", rng.normal(0, 1, 10_000), [3.0], grid=100)
# The inside method's slowest corner: coprime sizes at the limit and a wide band.
ks_case("auto_exact_10000_9999_wide", rng.integers(0, 100, 10_000) / 10,
        rng.integers(0, 100, 9_999) / 10 + 5.0, grid=10)
ks_case("auto_exact_9973_10000", rng.integers(0, 100, 9_973) / 10,
        rng.integers(0, 100, 10_000) / 10 + 0.2, grid=10)

# Beyond 10,000 values: kstwo at the effective size round(m n / (m + n)).
ks_case("asymp_12000_15000_tiny_p", rng.normal(0, 1, 12_000), rng.normal(0.15, 1, 15_000), grid=1000)
ks_case("asymp_12000_15000_same", rng.normal(0, 1, 12_000), rng.normal(0, 1, 15_000), grid=100)
ks_case("asymp_12000_15000_disjoint", rng.uniform(0, 1, 12_000), rng.uniform(2, 3, 15_000), grid=100)
ks_case("asymp_equal_12000_shift", rng.normal(0, 1, 12_000), rng.normal(0.08, 1, 12_000), grid=100)
ks_case("asymp_20001_20001_half", rng.normal(0, 1, 20_001), rng.normal(0.02, 1, 20_001), grid=100)
# A small second sample puts the effective size at or below 140, scipy's small-n branches.
for shift in (0.0, 0.1, 0.2, 0.35, 0.5, 0.8, 1.2, 2.0, 4.0, 8.0):
    ks_case(f"asymp_10001_50_shift_{shift}", rng.normal(0, 1, 10_001), rng.normal(shift, 1, 50), grid=100)
for size in (1, 2, 3, 7):
    ks_case(f"asymp_10500_{size}", rng.normal(0, 1, 10_500), rng.normal(0.5, 1, size), grid=100)
ks_case("asymp_10001_400_shift", rng.normal(0, 1, 10_001), rng.normal(0.25, 1, 400), grid=100)
ks_case("asymp_10001_400_far", rng.normal(0, 1, 10_001), rng.normal(0.9, 1, 400), grid=100)

# A random batch over small sizes and kinds of data, for the exact branch and its fallback.
for index in range(40):
    n1, n2 = (int(k) for k in rng.integers(1, 61, 2))
    if index % 4 == 0:
        n2 = n1
    kind = index % 3
    if kind == 0:
        a, b = rounded(rng.normal(0, 1, n1), 2), rounded(rng.normal(rng.uniform(-1, 1), 1, n2), 2)
    elif kind == 1:
        a, b = rng.integers(0, 6, n1).astype(float), rng.integers(0, 6, n2).astype(float)
    else:
        a, b = rounded(rng.uniform(0, 1, n1), 3), rounded(rng.uniform(0, 1, n2) ** 2, 3)
    ks_case(f"random_{index}_{n1}_{n2}", a, b)

# ---------------------------------------------------------------------------
# kstwo.sf and smirnov, the asymptotic branch's kernels

kstwo_cases = []
kstwo_ns = [1, 2, 3, 5, 10, 26, 50, 100, 140, 141, 250, 1000, 6667, 30_000, 100_000, 100_001, 2_000_000]
for n in kstwo_ns:
    xs = set()
    # Around the support ends and every branch boundary of _kolmogn.
    for x in (0.5 / n, 0.75 / n, 1.0 / n, 1.5 / n, 1 - 1.0 / n, 1 - 0.5 / n, 0.5, 0.4999, 0.75, 0.999):
        xs.add(x)
    for nx2 in (0.05, 0.3, 0.754693, 0.76, 1.0, 1.4, 2.0, 2.2, 3.0, 4.0, 4.5, 10, 17.9, 23.4, 50, 120, 369, 371):
        # The Smirnov sum costs O(n) terms; for the largest n (there only to reach the
        # Durbin / Pelz-Good boundary at n = 100,000) keep the tests quick.
        if 50_000 <= n <= 1_000_000 and 2.2 <= nx2 < 370:
            continue
        xs.add(math.sqrt(nx2 / n))
    for x in sorted(xs):
        if 0 < x < 1:
            kstwo_cases.append({"n": n, "x": x, "sf": number(stats.kstwo.sf(x, n))})

smirnov_cases = []
for n in (1, 2, 3, 5, 9, 10, 11, 50, 140, 500, 3333, 10_000, 30_000, 1_000_001):
    xs = {0.0, 1.0, 0.5 / n, 1.0 / n, 2.0 / n, 1 - 1.0 / n, 0.25, 0.5, 0.9}
    for nx2 in (0.01, 0.1, 1.0, 2.2, 5.0, 11.7, 40, 150, 360):
        xs.add(math.sqrt(nx2 / n))
    for x in sorted(xs):
        if 0 <= x <= 1:
            smirnov_cases.append({"n": n, "x": x, "sf": number(special.smirnov(n, x))})

# ---------------------------------------------------------------------------
# wasserstein_distance

wasserstein_cases = []


def wasserstein_case(name, u, v, u_weights=None, v_weights=None):
    u, v = decode(listed(u)), decode(listed(v))
    uw = None if u_weights is None else [float(w) for w in u_weights]
    vw = None if v_weights is None else [float(w) for w in v_weights]
    value = stats.wasserstein_distance(u, v, uw, vw)
    wasserstein_cases.append({
        "name": name, "u": stored(listed(u)), "v": stored(listed(v)),
        "u_weights": None if uw is None else stored(uw), "v_weights": None if vw is None else stored(vw),
        "expected": number(value),
    })


wasserstein_case("scipy_doc_1", [0, 1, 3], [5, 6, 8])
wasserstein_case("scipy_doc_2", [0, 1], [0, 1], [3, 1], [2, 2])
wasserstein_case("scipy_doc_3", [3.4, 3.9, 7.5, 7.8], [4.5, 1.4], [1.4, 0.9, 3.1, 7.2], [3.2, 3.5])
wasserstein_case("single_values", [2.0], [-1.5])
wasserstein_case("identical", [1.0, 2.0, 3.0], [3.0, 1.0, 2.0])
wasserstein_case("ties_within", [1, 1, 1, 2, 2, 5], [1, 2, 2, 2, 7])
wasserstein_case("ties_across", [0, 0, 1, 1], [1, 1, 1, 0])
wasserstein_case("normal_shift", rounded(rng.normal(0, 1, 300)), rounded(rng.normal(0.7, 1.4, 250)))
wasserstein_case("integers_large_range", rng.integers(-1000, 1000, 120), rng.integers(-500, 3000, 90))
wasserstein_case("weights_u_only", rounded(rng.uniform(0, 5, 40)), rounded(rng.uniform(1, 6, 30)),
                 rounded(rng.uniform(0, 3, 40), 3), None)
wasserstein_case("weights_v_only", rounded(rng.uniform(0, 5, 40)), rounded(rng.uniform(1, 6, 30)),
                 None, rounded(rng.uniform(0, 3, 30), 3))
wasserstein_case("weights_both_with_zeros", [0, 1, 2, 3, 4], [1, 2, 3], [0, 1, 0, 2, 5], [4, 0, 1])
wasserstein_case("weights_ties", [1, 1, 2, 2, 3], [2, 2, 2, 4], [1, 2, 3, 4, 5], [0.5, 0.25, 0.25, 1])
wasserstein_case("integer_weights_as_repeats", [1, 2, 3], [2, 4], [3, 1, 2], [2, 2])
wasserstein_case("unnormalised_weights", rounded(rng.normal(0, 1, 25)), rounded(rng.normal(1, 1, 35)),
                 rounded(rng.uniform(0, 100, 25), 2), rounded(rng.uniform(0, 1e-3, 35), 7))
wasserstein_case("large_1000_800", rounded(rng.gamma(2, 1, 1000)), rounded(rng.gamma(2.5, 1, 800)))

# ---------------------------------------------------------------------------
# PSI under Evalbook's convention


def psi_numpy(expected, actual, bins):
    """The documented convention, vectorised with numpy."""
    quantiles = np.quantile(expected, np.arange(1, bins) / bins)
    edges = np.unique(quantiles)
    expected_counts = np.bincount(np.searchsorted(edges, expected, side="left"), minlength=len(edges) + 1)
    actual_counts = np.bincount(np.searchsorted(edges, actual, side="left"), minlength=len(edges) + 1)
    e = expected_counts / len(expected)
    a = actual_counts / len(actual)
    floored = int(np.sum((e == 0) | (a == 0)))
    e_used = np.where(e == 0, SHARE_FLOOR, e)
    a_used = np.where(a == 0, SHARE_FLOOR, a)
    contributions = (a_used - e_used) * np.log(a_used / e_used)
    return float(np.sum(contributions)), edges, expected_counts, actual_counts, contributions, floored


def psi_loop(expected, actual, bins):
    """The same convention written out plainly, as an independent check."""
    ordered = sorted(float(x) for x in expected)
    n = len(ordered)
    edges = []
    for i in range(1, bins):
        position = (n - 1) * (i / bins)
        below = math.floor(position)
        if below >= n - 1:
            edge = ordered[-1]
        else:
            edge = ordered[below] + (ordered[below + 1] - ordered[below]) * (position - below)
        if not edges or edge != edges[-1]:
            edges.append(edge)

    def bin_of(x):
        k = 0
        while k < len(edges) and x > edges[k]:
            k += 1
        return k

    expected_counts = [0] * (len(edges) + 1)
    actual_counts = [0] * (len(edges) + 1)
    for x in expected:
        expected_counts[bin_of(x)] += 1
    for x in actual:
        actual_counts[bin_of(x)] += 1
    total = 0.0
    for ec, ac in zip(expected_counts, actual_counts):
        e = max(ec / len(expected), SHARE_FLOOR) if ec == 0 else ec / len(expected)
        a = max(ac / len(actual), SHARE_FLOOR) if ac == 0 else ac / len(actual)
        total += (a - e) * math.log(a / e)
    return total, edges, expected_counts, actual_counts


psi_cases = []


def psi_case(name, expected, actual, bins):
    stored_expected, stored_actual = listed(expected), listed(actual)
    expected, actual = decode(stored_expected), decode(stored_actual)
    value, edges, ec, ac, contributions, floored = psi_numpy(expected, actual, bins)
    check_value, check_edges, check_ec, check_ac = psi_loop(expected, actual, bins)
    assert list(ec) == check_ec and list(ac) == check_ac, name
    assert np.allclose(edges, check_edges, rtol=1e-14, atol=0), name
    assert math.isclose(value, check_value, rel_tol=1e-12, abs_tol=1e-15), name
    psi_cases.append({
        "name": name, "expected": stored(stored_expected), "actual": stored(stored_actual), "bins": bins,
        "value": value, "edges": listed(edges),
        "expected_counts": [int(c) for c in ec], "actual_counts": [int(c) for c in ac],
        "contributions": listed(contributions),
        "merged_bins": len(edges) + 1 if len(edges) + 1 < bins else None,
        "floored_bins": floored,
    })


reference = rounded(rng.normal(0, 1, 2000), 3)
psi_case("normal_vs_shifted_10", reference, rounded(rng.normal(0.3, 1.1, 800), 3), 10)
psi_case("normal_vs_same_10", reference, rounded(rng.normal(0, 1, 800), 3), 10)
psi_case("normal_vs_shifted_2", reference, rounded(rng.normal(0.3, 1, 500), 3), 2)
psi_case("normal_vs_shifted_5", reference, rounded(rng.normal(-0.5, 1, 500), 3), 5)
psi_case("normal_vs_shifted_20", reference, rounded(rng.normal(0.1, 0.8, 600), 3), 20)
psi_case("identical", reference, reference, 10)
psi_case("small_expected_7_bins_4", [3.0, 1.0, 4.0, 1.5, 9.0, 2.6, 5.3], [2.0, 7.0, 1.0, 8.0, 2.8], 4)
psi_case("values_on_edges", [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0],
         [1.0, 2.0, 3.0, 3.0, 5.0, 5.0, 7.0, 9.0, 9.0, 9.0], 4)
psi_case("discrete_ties_merge", rng.poisson(1.2, 500).astype(float), rng.poisson(1.5, 400).astype(float), 10)
psi_case("constant_expected", [4.0] * 50, [3.0, 4.0, 4.0, 5.0, 6.0], 10)
psi_case("top_heavy_ties", [1.0, 2.0, 5.0, 5.0, 5.0], [1.0, 6.0, 7.0], 2)
psi_case("actual_outside_range", rounded(rng.uniform(0, 1, 200)), rounded(rng.uniform(5, 6, 100)), 10)
psi_case("actual_one_bin_empty", rounded(rng.uniform(0, 10, 400)),
         [x for x in rounded(rng.uniform(0, 10, 500)) if not 4.0 < x < 6.0], 10)
psi_case("single_expected", [2.0], [1.0, 2.0, 3.0], 3)
psi_case("actual_infinite", rounded(rng.normal(0, 1, 100)), [-math.inf, 0.0, 0.5, math.inf, 2.0], 4)
psi_case("many_bins_100", reference, rounded(rng.normal(0.05, 1, 800), 3), 100)

# ---------------------------------------------------------------------------

document = {
    "generator": "scripts/reference/shift_fixtures.py",
    "versions": {
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "python": ".".join(map(str, sys.version_info[:3])),
    },
    "samples": samples,
    "ks": ks_cases,
    "kstwo": kstwo_cases,
    "smirnov": smirnov_cases,
    "wasserstein": wasserstein_cases,
    "psi": psi_cases,
}
OUTPUT.parent.mkdir(parents=True, exist_ok=True)
OUTPUT.write_text(json.dumps(document, allow_nan=False, separators=(",", ":")) + "\n")
print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(ks_cases)} ks, {len(kstwo_cases)} kstwo, "
      f"{len(smirnov_cases)} smirnov, {len(wasserstein_cases)} wasserstein, {len(psi_cases)} psi; "
      f"{OUTPUT.stat().st_size // 1024} KB")
