#!/usr/bin/env python3
"""Generate reference values for the experiment statistics that EvalMetrics implements.

Writes Tests/EvalMetricsTests/Fixtures/statistics_reference.json. Run it from the
repository root with a Python that has scipy, statsmodels and numpy installed:

    python scripts/reference/statistics_fixtures.py

Samples (`x`, `y`) are stored once under `inputs` and named by id in the cases. The
other sections are lists of cases; null marks a value Evalbook reports as undefined:

- `normal`, `normal_ppf`, `t`, `t_ppf`, `beta`, `beta_ppf`: distribution functions from
  scipy.stats (cdf/sf at points, ppf/isf at probabilities).
- `ab_test`: statsmodels `proportions_ztest([conv_b, conv_a], [n_b, n_a])` (pooled z,
  two-sided) and `confint_proportions_2indep(conv_b, n_b, conv_a, n_a, method="wald",
  compare="diff")`; the statistic is null where the pooled rate is 0 or 1 (statsmodels
  gives NaN there) and the lift is null where rate_a is 0.
- `t_test`: scipy `ttest_ind` and its `confidence_interval`.
- `proportion_ci`: statsmodels `proportion_confint` ("beta" is clopper_pearson).
- `cohen_h`: statsmodels `proportion_effectsize`.
- `power`: statsmodels `NormalIndPower().power(..., alternative="two-sided")`.
- `sample_size`: statsmodels `NormalIndPower().solve_power(...)` as `n_a_statsmodels`,
  and `n_a_exact`, the root of the same statsmodels power function found by brentq run
  to 4 ulps. solve_power stops its brentq at xtol=1e-5, so its answer is only that
  accurate; the tests compare against it with that tolerance and against the exact root
  to 1e-9 relative.
- `correlation`: scipy `pearsonr` (with `confidence_interval(level)`) and `spearmanr`.
- `linear_fit`: scipy `linregress`.

Cases where Evalbook deliberately answers "undefined" where scipy answers by convention
(constant samples, two-point fits) are not here; StatisticsErrorTests covers them.
"""

import json
import math
import pathlib
import warnings

import numpy as np
import scipy
import statsmodels
from scipy import optimize, stats
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_confint,
    proportion_effectsize,
    proportions_ztest,
)

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "Tests" / "EvalMetricsTests" / "Fixtures" / "statistics_reference.json"
SEED = 20261130

warnings.simplefilter("ignore")
rng = np.random.default_rng(SEED)


def num(value):
    """A plain float for JSON, or None for NaN (an undefined value)."""
    value = float(value)
    if math.isnan(value):
        return None
    if math.isinf(value):
        raise ValueError("infinite reference value")
    return value


def sample(values, decimals=4):
    return [float(v) for v in np.round(np.asarray(values, dtype=float), decimals)]


inputs = {}
input_ids = {}


def shared(values):
    """Samples are stored once in `inputs` and named by cases, to keep the file small."""
    key = json.dumps(values)
    if key not in input_ids:
        input_ids[key] = f"s{len(input_ids)}"
        inputs[input_ids[key]] = values
    return input_ids[key]


# Distributions ---------------------------------------------------------------

normal = [{"x": x, "cdf": num(stats.norm.cdf(x)), "sf": num(stats.norm.sf(x))}
          for x in [-37.5, -20.0, -8.3, -5.0, -1.959963984540054, -1.0, -0.5, -1e-8, 0.0, 1e-3,
                    0.3, 1.0, 1.5, 2.5, 3.0, 6.0, 10.0, 25.0, 37.0]]

probabilities = [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3,
                 0.4, 0.45, 0.5, 0.55, 0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.999, 1 - 1e-10]
probabilities += [float(p) for p in np.round(rng.uniform(0, 1, 20), 12)]
normal_ppf = [{"p": p, "ppf": num(stats.norm.ppf(p)), "isf": num(stats.norm.isf(p))} for p in probabilities]

degrees = [0.5, 1.0, 1.5, 2.0, 3.0, 4.7, 10.0, 29.3, 100.0, 1000.0, 1e5, 1e7]
t_points = [-40.0, -7.5, -2.5, -1.0, -0.1, 0.0, 0.3, 1.2, 2.0, 3.5, 12.0, 100.0]
t_rows = [{"t": t, "df": df, "cdf": num(stats.t.cdf(t, df)), "sf": num(stats.t.sf(t, df))}
          for df in degrees for t in t_points]

t_probabilities = [1e-12, 1e-6, 0.001, 0.005, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.995,
                   0.999999]
t_ppf = [{"p": p, "df": df, "ppf": num(stats.t.ppf(p, df)), "isf": num(stats.t.isf(p, df))}
         for df in degrees for p in t_probabilities]

shapes = [(0.5, 0.5), (1.0, 1.0), (2.0, 3.0), (0.3, 7.0), (10.0, 10.0), (50.0, 200.0),
          (1000.0, 500.0), (1e5, 1e5), (1.0, 1e6), (500001.0, 500000.0), (0.2, 1e4), (3.5, 0.25)]
beta_rows = []
beta_ppf = []
for a, b in shapes:
    for q in [1e-8, 0.01, 0.2, 0.5, 0.8, 0.99, 1 - 1e-8]:
        x = float(stats.beta.ppf(q, a, b))
        if 0 < x < 1:
            beta_rows.append({"a": a, "b": b, "x": x, "cdf": num(stats.beta.cdf(x, a, b)),
                              "sf": num(stats.beta.sf(x, a, b))})
    for p in [1e-10, 0.025, 0.3, 0.5, 0.975, 1 - 1e-10]:
        beta_ppf.append({"a": a, "b": b, "p": p, "ppf": num(stats.beta.ppf(p, a, b)),
                         "isf": num(stats.beta.isf(p, a, b))})

# A/B tests -------------------------------------------------------------------

ab_cases = [
    ("typical", 120, 1000, 150, 1000, 0.95),
    ("typical level 0.9", 120, 1000, 150, 1000, 0.9),
    ("typical level 0.99", 120, 1000, 150, 1000, 0.99),
    ("unequal sizes", 48, 800, 71, 1200, 0.95),
    ("B worse", 200, 1500, 160, 1500, 0.95),
    ("tiny n", 1, 2, 2, 2, 0.95),
    ("tiny n with a zero", 0, 2, 1, 2, 0.9),
    ("a million each", 1000, 1e6, 1100, 1e6, 0.95),
    ("rates near 1e-4", 100, 1e6, 130, 1e6, 0.99),
    ("rate a zero", 0, 500, 7, 500, 0.95),
    ("rate b zero", 9, 400, 0, 600, 0.95),
    ("rate b one", 999999, 1e6, 1e6, 1e6, 0.95),
    ("pooled rate zero", 0, 100, 0, 200, 0.95),
    ("pooled rate one", 50, 50, 80, 80, 0.95),
    ("huge effect", 10, 1000, 600, 1000, 0.95),
]
for i in range(15):
    n_a = float(rng.integers(50, 1_000_000))
    n_b = float(rng.integers(50, 1_000_000))
    rate = rng.uniform(0.0005, 0.6)
    conv_a = float(rng.binomial(int(n_a), rate))
    conv_b = float(rng.binomial(int(n_b), rate * rng.uniform(0.9, 1.15)))
    ab_cases.append((f"random {i}", conv_a, n_a, conv_b, n_b, float(rng.choice([0.9, 0.95, 0.99]))))

ab_test = []
for name, conv_a, n_a, conv_b, n_b, level in ab_cases:
    z, p = proportions_ztest([conv_b, conv_a], [n_b, n_a])
    low, high = confint_proportions_2indep(conv_b, n_b, conv_a, n_a, method="wald", compare="diff",
                                           alpha=1 - level)
    rate_a, rate_b = conv_a / n_a, conv_b / n_b
    ab_test.append({
        "name": name, "conv_a": float(conv_a), "n_a": float(n_a), "conv_b": float(conv_b),
        "n_b": float(n_b), "level": level, "rate_a": rate_a, "rate_b": rate_b,
        "difference": rate_b - rate_a,
        "relative_lift": None if rate_a == 0 else (rate_b - rate_a) / rate_a,
        "statistic": num(z), "p_value": num(p), "ci_low": num(low), "ci_high": num(high),
    })

# t-tests ---------------------------------------------------------------------

t_samples = [
    ("typical", sample(rng.normal(10, 2, 40)), sample(rng.normal(11, 3, 55))),
    ("tiny", [1.0, 3.0], [2.0, 5.5]),
    ("unequal sizes", sample(rng.normal(0, 1, 5)), sample(rng.normal(0.4, 4, 200))),
    ("large", sample(rng.normal(100, 15, 2000), 3), sample(rng.normal(101, 14, 1500), 3)),
    ("one constant", [5.0, 5.0, 5.0, 5.0], sample(rng.normal(6, 1, 12))),
    ("tiny p-value", sample(rng.normal(0, 1, 100)), sample(rng.normal(3, 1, 100))),
    ("skewed", sample(rng.exponential(2.0, 30)), sample(rng.exponential(3.0, 25))),
]
t_test = []
for name, x, y in t_samples:
    for equal_var in (False, True):
        for level in (0.9, 0.95, 0.99):
            res = stats.ttest_ind(x, y, equal_var=equal_var)
            ci = res.confidence_interval(confidence_level=level)
            t_test.append({
                "name": f"{name} {'student' if equal_var else 'welch'} {level}", "x": shared(x), "y": shared(y),
                "equal_var": equal_var, "level": level, "statistic": num(res.statistic),
                "p_value": num(res.pvalue), "df": num(res.df), "estimate": float(np.mean(x) - np.mean(y)),
                "ci_low": num(ci.low), "ci_high": num(ci.high),
            })

# Proportion intervals, effect size, power -----------------------------------

methods = {"wilson": "wilson", "normal": "normal", "agresti_coull": "agresti_coull",
           "clopper_pearson": "beta"}
counts = [(0, 10), (10, 10), (1, 2), (0, 2), (2, 2), (7, 25), (50, 100), (3, 7), (499, 1000),
          (1, 1e6), (100, 1e6), (999999, 1e6), (0, 1e6), (1e6, 1e6)]
proportion_ci = []
for k, n in counts:
    for level in (0.9, 0.95, 0.99):
        for method, sm_method in methods.items():
            low, high = proportion_confint(k, n, alpha=1 - level, method=sm_method)
            proportion_ci.append({"k": float(k), "n": float(n), "level": level, "method": method,
                                  "estimate": k / n, "low": num(low), "high": num(high)})

h_pairs = [(0.5, 0.4), (0.1, 0.12), (0.0, 1.0), (1.0, 0.0), (0.0, 0.0), (1e-4, 2e-4), (0.999, 0.99)]
h_pairs += [(float(a), float(b)) for a, b in np.round(rng.uniform(0, 1, (8, 2)), 6)]
cohen_h = [{"p1": a, "p2": b, "h": num(proportion_effectsize(a, b))} for a, b in h_pairs]

power_model = NormalIndPower()
power_cases = [(0.2, 100.0, 0.05, 1.0), (0.5, 64.0, 0.05, 1.0), (-0.3, 50.0, 0.05, 1.0),
               (0.01, 1e6, 0.05, 1.0), (1.2, 2.0, 0.05, 1.0), (0.05, 12345.6, 0.01, 2.5),
               (0.2, 300.0, 0.1, 0.5), (3.0, 10.0, 0.05, 1.0), (0.001, 10.0, 0.05, 1.0)]
for _ in range(25):
    power_cases.append((float(np.round(rng.uniform(-1, 1.5), 4)), float(np.round(10 ** rng.uniform(0.4, 6), 2)),
                        float(rng.choice([0.01, 0.05, 0.1])), float(rng.choice([0.5, 1.0, 2.0, 3.0]))))
power = [{"effect_size": es, "n": n, "alpha": alpha, "ratio": ratio,
          "power": num(power_model.power(es, n, alpha, ratio, alternative="two-sided"))}
         for es, n, alpha, ratio in power_cases]

size_cases = [(0.1, 0.01, 0.05, 0.8, 1.0), (0.1, 0.02, 0.05, 0.9, 2.0), (0.5, -0.05, 0.01, 0.8, 0.5),
              (1e-4, 1e-4, 0.05, 0.8, 1.0), (0.3, 0.2, 0.1, 0.95, 3.0), (0.05, 0.001, 0.05, 0.8, 1.0),
              (0.9, 0.09, 0.05, 0.8, 1.0), (0.02, -0.01, 0.05, 0.9, 1.5), (0.5, 0.5, 0.05, 0.8, 1.0),
              (0.0, 0.01, 0.05, 0.8, 1.0), (0.2, 0.05, 0.05, 0.5, 1.0), (0.6, -0.1, 0.01, 0.99, 0.25)]
sample_size = []
for baseline, mde, alpha, target, ratio in size_cases:
    es = float(proportion_effectsize(baseline + mde, baseline))
    n_sm = power_model.solve_power(effect_size=es, alpha=alpha, power=target, ratio=ratio,
                                   alternative="two-sided")
    def gap(n):
        return power_model.power(es, n, alpha, ratio, alternative="two-sided") - target
    n_exact = optimize.brentq(gap, 1e-6, 1e13, xtol=1e-300, rtol=4 * np.finfo(float).eps, maxiter=500)
    sample_size.append({"baseline": baseline, "mde": mde, "alpha": alpha, "power": target,
                        "ratio": ratio, "effect_size": es, "n_a_statsmodels": num(n_sm),
                        "n_a_exact": float(n_exact), "n_b_exact": float(n_exact) * ratio})

# Correlation and linear fits -------------------------------------------------

def paired(n, slope, noise, decimals=4):
    x = rng.normal(0, 1, n)
    return sample(x, decimals), sample(slope * x + rng.normal(0, noise, n), decimals)


pairs = [("typical", *paired(50, 0.6, 1.0)), ("negative", *paired(80, -1.3, 1.5)),
         ("weak", *paired(40, 0.05, 1.0)), ("strong", *paired(200, 2.0, 0.3)),
         ("n=3", [1.0, 2.5, 2.0], [0.3, 0.9, 1.1]), ("n=4", [1.0, 2.5, 2.0, 4.0], [0.3, 0.9, 1.1, 0.8]),
         ("large", *paired(1500, 0.1, 1.0, 3)),
         ("offset x", [v + 1000 for v in sample(rng.normal(0, 5, 60))], sample(rng.normal(0, 1, 60)))]
ties_x = [float(v) for v in rng.integers(0, 6, 30)]
ties_y = [float(v) for v in np.array(ties_x) + rng.integers(-2, 3, 30)]
pairs.append(("integer ties", ties_x, ties_y))
pairs.append(("n=2", [1.0, 2.0], [5.0, 3.0]))
correlation = []
for name, x, y in pairs:
    for level in (0.9, 0.95, 0.99):
        res = stats.pearsonr(x, y)
        ci = res.confidence_interval(confidence_level=level)
        correlation.append({"name": f"{name} pearson {level}", "x": shared(x), "y": shared(y), "method": "pearson",
                            "level": level, "estimate": num(res.statistic), "p_value": num(res.pvalue),
                            "ci_low": num(ci.low), "ci_high": num(ci.high)})
    if name == "n=2":
        continue  # spearmanr gives a NaN p-value there; Evalbook's null is tested separately
    res = stats.spearmanr(x, y)
    correlation.append({"name": f"{name} spearman", "x": shared(x), "y": shared(y), "method": "spearman", "level": 0.95,
                        "estimate": num(res.statistic), "p_value": num(res.pvalue),
                        "ci_low": None, "ci_high": None})
# No perfectly monotone case: np.corrcoef gives r = 0.9999999999999998 there and a
# p-value of 1e-24 from rounding alone, where the exact r = 1 gives 0 (tested separately).
spearman_only = [("spearman n=3", [3.0, 1.0, 2.0], [1.0, 2.0, 2.0]),
                 ("spearman heavy ties", [1.0, 1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 3.0],
                  [2.0, 1.0, 2.0, 2.0, 5.0, 5.0, 4.0, 5.0])]
for name, x, y in spearman_only:
    res = stats.spearmanr(x, y)
    correlation.append({"name": name, "x": shared(x), "y": shared(y), "method": "spearman", "level": 0.95,
                        "estimate": num(res.statistic), "p_value": num(res.pvalue),
                        "ci_low": None, "ci_high": None})

linear_fit = []
for name, x, y in pairs:
    if len(x) < 3:
        continue  # two points: Evalbook reports p-value and standard errors as undefined
    res = stats.linregress(x, y)
    linear_fit.append({"name": name, "x": shared(x), "y": shared(y), "slope": num(res.slope),
                       "intercept": num(res.intercept), "r": num(res.rvalue), "p_value": num(res.pvalue),
                       "stderr": num(res.stderr), "intercept_stderr": num(res.intercept_stderr)})

document = {
    "generator": "scripts/reference/statistics_fixtures.py",
    "versions": {"scipy": scipy.__version__, "statsmodels": statsmodels.__version__, "numpy": np.__version__},
    "seed": SEED,
    "inputs": inputs,
    "normal": normal, "normal_ppf": normal_ppf, "t": t_rows, "t_ppf": t_ppf,
    "beta": beta_rows, "beta_ppf": beta_ppf,
    "ab_test": ab_test, "t_test": t_test, "proportion_ci": proportion_ci, "cohen_h": cohen_h,
    "power": power, "sample_size": sample_size, "correlation": correlation, "linear_fit": linear_fit,
}
OUTPUT.parent.mkdir(parents=True, exist_ok=True)
OUTPUT.write_text(json.dumps(document) + "\n")
total = sum(len(v) for v in document.values() if isinstance(v, list))
print(f"wrote {total} cases, {OUTPUT.stat().st_size} bytes to {OUTPUT.relative_to(ROOT)}")
