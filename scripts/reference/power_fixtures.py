#!/usr/bin/env python3
"""Generate reference values for power and sample size: the z-test and the t-test.

Writes Tests/EvalMetricsTests/Fixtures/power_reference.json. Run it from the repository
root with a Python that has statsmodels, scipy and numpy installed:

    python scripts/reference/power_fixtures.py

Sections (null marks no value):

- `nct`: the noncentral t distribution at (t, df, nc): `cdf` from scipy's
  `special.nctdtr(df, nc, t)` (what statsmodels' power uses), `sf` from
  `stats.nct.sf(t, df, nc)`, and `cdf_integral`, the same probability as
  E[Phi(t sqrt(U / df) - nc)] over U ~ chi2(df) by `integrate.quad` (epsrel 1e-13), an
  independent check. Deep in the lower tail (t < 0 < nc, probabilities below about
  1e-15) Boost's series, and so nctdtr, keep only their absolute accuracy (1e-22 where
  the integral says 2e-26); there the two references part, and a test can only ask for
  absolute agreement.
- `power`: statsmodels' `NormalIndPower().power(effect_size, nobs1, alpha, ratio,
  alternative)` (test "z") and `TTestIndPower().power(...)` (test "t", noncentral t,
  df = nobs1 + nobs2 - 2). Cases where statsmodels returns NaN (scipy's nctdtr fails
  deep in a tail at large df) are left out.
- `solve_n`: the size of group A reaching a target power: `n_statsmodels` from
  `solve_power(effect_size=..., nobs1=None, ...)` and `n_exact`, the root of the same
  statsmodels power function found by scipy's brentq run to 4 ulps (solve_power stops
  at xtol = 1e-5 in its own brentq, so it is only that accurate).
- `solve_effect`: the smallest effect a test of a given size detects with the target
  power: `effect_statsmodels` from `solve_power(effect_size=None, ...)` (null where its
  answer misses the target power by more than 1e-4: for some one-sided t-tests it stops
  at a point that solves nothing) and `effect_exact`, the brentq root to 4 ulps
  (negative for alternative "smaller").
"""

import json
import math
import pathlib
import warnings

import numpy as np
import scipy
import statsmodels
from scipy import integrate, optimize, special, stats
from statsmodels.stats.power import NormalIndPower, TTestIndPower

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "Tests" / "EvalMetricsTests" / "Fixtures" / "power_reference.json"
SEED = 20261221
EPS = 4 * np.finfo(float).eps

warnings.simplefilter("ignore")
rng = np.random.default_rng(SEED)
MODELS = {"z": NormalIndPower(), "t": TTestIndPower()}


def num(value):
    value = float(value)
    return None if math.isnan(value) else value


# The noncentral t -----------------------------------------------------------

nct = []
points = [(2.0, 10.0, 1.0), (-1.5, 5.0, 0.5), (1.96, 38.0, 2.8), (-1.96, 38.0, 2.8), (0.0, 3.0, -1.2),
          (3.0, 2.0, 3.0), (2.5, 1.0, 0.7), (0.3, 0.5, 0.2), (1.65, 1e4, 2.5), (-2.0, 120.0, -2.3),
          (5.0, 8.0, 1.0), (1.97, 398.0, 4.2), (1.96, 4e4, 10.0), (1.96, 4e4, 40.0), (-1.96, 4e4, 40.0),
          (12.0, 30.0, 11.0), (2.7, 15.0, -0.4), (1.0, 2.5, 0.05), (2.0, 60.0, 1e-3), (1.99, 200.0, 60.0)]
for _ in range(30):
    df = float(np.round(10 ** rng.uniform(0, 4), 2))
    points.append((float(np.round(rng.uniform(-4, 4), 3)), df, float(np.round(rng.uniform(-6, 12), 3))))


def cdf_integral(t, df, nc):
    """P(T <= t) as E[Phi(t sqrt(U / df) - nc)], U ~ chi2(df), integrated over s = ln U
    (which smooths the density's pole at 0 when df < 2) in pieces around the integrand's
    peak, found on a grid, so a tail probability of 1e-40 is found too."""
    def integrand(s):
        u = np.exp(s)
        return np.exp(stats.norm.logcdf(t * np.sqrt(u / df) - nc) + stats.chi2.logpdf(u, df) + s)
    grid = np.linspace(-200, np.log(df * 1e3 + 100), 40000)
    peak = grid[np.argmax(integrand(grid))]
    edges = [-700.0, peak - 5, peak - 1, peak, peak + 1, peak + 5, np.inf]
    return sum(integrate.quad(integrand, a, b, epsabs=0, epsrel=1e-13, limit=500)[0]
               for a, b in zip(edges[:-1], edges[1:]))


for t, df, nc in points:
    nct.append({"t": t, "df": df, "nc": nc, "cdf": num(special.nctdtr(df, nc, t)),
                "sf": num(stats.nct.sf(t, df, nc)), "cdf_integral": cdf_integral(t, df, nc)})

# Power ----------------------------------------------------------------------

alternatives = ["two-sided", "larger", "smaller"]
power_cases = [(0.2, 100.0, 0.05, 1.0), (0.5, 64.0, 0.05, 1.0), (-0.3, 50.0, 0.05, 1.0), (0.05, 3000.0, 0.05, 1.0),
               (0.8, 12.0, 0.05, 1.0), (0.3, 40.0, 0.01, 2.5), (0.2, 300.0, 0.1, 0.5), (1.5, 5.0, 0.05, 1.0),
               (0.046, 20066.0, 0.05, 0.9934), (0.1, 2.5, 0.05, 1.0)]
for _ in range(16):
    power_cases.append((float(np.round(rng.uniform(-1, 1.5), 4)), float(np.round(10 ** rng.uniform(0.5, 4.5), 2)),
                        float(rng.choice([0.01, 0.05, 0.1])), float(rng.choice([0.5, 1.0, 2.0, 3.0]))))
power = []
for test, model in MODELS.items():
    for es, n, alpha, ratio in power_cases:
        for alternative in alternatives:
            value = model.power(es, n, alpha, ratio, alternative=alternative)
            if math.isnan(value):
                continue
            power.append({"test": test, "effect_size": es, "n": n, "alpha": alpha, "ratio": ratio,
                          "alternative": alternative, "power": num(value)})


def exact_root(f, low, high):
    return float(optimize.brentq(f, low, high, xtol=1e-300, rtol=EPS, maxiter=500))


def bracket_up(f, low):
    """Doubles from `low` until f changes sign, so brentq never meets a NaN far away."""
    high = 2 * low
    while f(high) < 0:
        low, high = high, 2 * high
    return low, high


solve_n = []
size_cases = [(0.2, 0.05, 0.8, 1.0), (0.5, 0.05, 0.9, 2.0), (-0.3, 0.01, 0.8, 0.5), (0.1, 0.05, 0.8, 1.0),
              (0.8, 0.1, 0.95, 3.0), (0.05, 0.05, 0.8, 1.0), (1.2, 0.05, 0.8, 1.0), (0.35, 0.05, 0.5, 1.0),
              (0.02, 0.05, 0.9, 1.5), (0.6, 0.01, 0.99, 0.25)]
for test, model in MODELS.items():
    for es, alpha, target, ratio in size_cases:
        for alternative in alternatives:
            if alternative == "larger" and es < 0 or alternative == "smaller" and es > 0:
                continue  # no size reaches the target: statsmodels raises, and so does Evalbook
            def gap(n):
                return model.power(es, n, alpha, ratio, alternative=alternative) - target
            n_exact = exact_root(gap, *bracket_up(gap, 2.0))
            n_sm = model.solve_power(effect_size=es, nobs1=None, alpha=alpha, power=target, ratio=ratio,
                                     alternative=alternative)
            solve_n.append({"test": test, "effect_size": es, "alpha": alpha, "power": target, "ratio": ratio,
                            "alternative": alternative, "n_exact": n_exact, "n_statsmodels": num(n_sm)})

solve_effect = []
effect_cases = [(100.0, 0.05, 0.8, 1.0), (20066.0, 0.05, 0.8, 0.9934), (12.0, 0.05, 0.9, 1.0),
                (500.0, 0.01, 0.8, 2.0), (40.0, 0.1, 0.5, 0.5), (3000.0, 0.05, 0.95, 1.0), (5.0, 0.05, 0.8, 1.0)]
for test, model in MODELS.items():
    for n, alpha, target, ratio in effect_cases:
        for alternative in alternatives:
            def gap(es):
                return model.power(es, n, alpha, ratio, alternative=alternative) - target
            if alternative == "smaller":
                low, high = bracket_up(lambda e: gap(-e), 0.01)
                es_exact = exact_root(gap, -high, -low)
            else:
                es_exact = exact_root(gap, *bracket_up(gap, 0.01))
            try:
                es_sm = model.solve_power(effect_size=None, nobs1=n, alpha=alpha, power=target, ratio=ratio,
                                          alternative=alternative)
            except Exception:
                es_sm = float("nan")
            if not math.isnan(es_sm) and abs(gap(es_sm)) > 1e-4:
                es_sm = float("nan")  # solve_power stopped at a point that does not solve its equation
            solve_effect.append({"test": test, "n": n, "alpha": alpha, "power": target, "ratio": ratio,
                                 "alternative": alternative, "effect_exact": es_exact,
                                 "effect_statsmodels": num(es_sm)})

document = {
    "generator": "scripts/reference/power_fixtures.py",
    "versions": {"statsmodels": statsmodels.__version__, "scipy": scipy.__version__, "numpy": np.__version__},
    "seed": SEED,
    "nct": nct,
    "power": power,
    "solve_n": solve_n,
    "solve_effect": solve_effect,
}
OUTPUT.parent.mkdir(parents=True, exist_ok=True)
OUTPUT.write_text(json.dumps(document) + "\n")
total = sum(len(v) for v in document.values() if isinstance(v, list))
print(f"wrote {total} cases, {OUTPUT.stat().st_size} bytes to {OUTPUT.relative_to(ROOT)}")
