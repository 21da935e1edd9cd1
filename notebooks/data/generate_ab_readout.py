#!/usr/bin/env python3
"""Generate the offline-vs-online A/B readout data used by the A/B readout notebook.

Writes, next to this script:

  model_history.csv   the 10 past versions of a recommendation model: offline AUC
                      at release time and the conversion rate it reached in the
                      A/B test it shipped through.
  ab_test.csv         40,000 users of the A/B test of the newest model, v11 (B),
                      against the model in production, v10 (A).

The story
---------
A shop's recommendation model has shipped ten times. Each version had an offline
AUC on the held-out month and an online conversion rate in the A/B test that
shipped it. Offline AUC rose from about 0.71 to about 0.81 (not monotonically: v3
and v8 were small steps back offline), and conversion rose with it, roughly
linearly: about +0.06 percentage points of conversion per +0.01 AUC, with the
scatter you expect from tests run in different months.

The team now tests v11 against v10. True conversion is 3.40% for A and 3.75% for
B: a real but modest lift (+0.35 points, about +10% relative). The observed result
is significant at the usual 5% level but not overwhelmingly so (two-sided
two-proportion z-test, p between 0.03 and 0.05); the seed was picked for that. The
lift is the same relative lift on every platform, whose base rates differ
(iOS converts best, Android worst). Order values are lognormal (mean about $60) and
do not depend on the variant.

Columns
-------
model_history.csv
  version            v1..v10
  release_month      2025-01..2025-10
  offline_auc        4 decimals
  online_conversion  conversion rate (a fraction, e.g. 0.03125), 5 decimals

ab_test.csv
  user_id    int, 1..N
  variant    A (control, v10) | B (treatment, v11)
  converted  0 | 1
  revenue    order value in dollars, 2 decimals; 0 when not converted
  platform   ios | android | web

The output is deterministic: numpy default_rng with fixed seeds (one for the
history, one for the test) and values written with a fixed number of decimals.
Re-running the script reproduces the files byte for byte. Run with any Python 3
that has numpy, e.g.

    /tmp/venv/bin/python notebooks/data/generate_ab_readout.py
"""

from __future__ import annotations

import csv
import math
import os

import numpy as np

HISTORY_SEED = 20240800
AB_SEED = 20240802          # picked so the observed test is significant, 0.03 < p < 0.05

# model history
N_VERSIONS = 10
AUC_FIRST, AUC_LAST = 0.710, 0.800
AUC_NOISE = 0.006
CONV_AT_FIRST = 0.0300      # conversion rate at AUC_FIRST
CONV_PER_AUC = 0.060        # +0.0006 (0.06 points) per +0.01 AUC
CONV_NOISE = 0.0004

# A/B test
N_USERS = 40000
P_B = 0.5
CONV_A, CONV_B = 0.0340, 0.0375
PLATFORMS = ["ios", "android", "web"]
PLATFORM_P = [0.38, 0.42, 0.20]
PLATFORM_CONV = [1.18, 0.88, 0.95]        # relative conversion per platform
ORDER_MEDIAN = {"ios": 56.0, "android": 49.0, "web": 53.0}
ORDER_SIGMA = 0.55

HERE = os.path.dirname(os.path.abspath(__file__))


def history() -> dict[str, list]:
    rng = np.random.default_rng(HISTORY_SEED)
    trend = np.linspace(AUC_FIRST, AUC_LAST, N_VERSIONS)
    auc_units = np.rint((trend + rng.normal(0.0, AUC_NOISE, N_VERSIONS)) * 10000).astype(np.int64)
    auc = auc_units / 10000.0
    conv = CONV_AT_FIRST + CONV_PER_AUC * (auc - AUC_FIRST) + rng.normal(0.0, CONV_NOISE, N_VERSIONS)
    conv_units = np.rint(conv * 100000).astype(np.int64)
    return {
        "version": [f"v{i + 1}" for i in range(N_VERSIONS)],
        "release_month": [f"2025-{i + 1:02d}" for i in range(N_VERSIONS)],
        "offline_auc": auc_units,
        "online_conversion": conv_units,
    }


def ab_test(seed: int = AB_SEED) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    variant_b = rng.random(N_USERS) < P_B
    plat = rng.choice(len(PLATFORMS), size=N_USERS, p=PLATFORM_P)
    rel = np.array(PLATFORM_CONV) / float(np.dot(PLATFORM_P, PLATFORM_CONV))
    p = np.where(variant_b, CONV_B, CONV_A) * rel[plat]
    converted = (rng.random(N_USERS) < p).astype(np.int64)
    med = np.array([ORDER_MEDIAN[name] for name in PLATFORMS])[plat]
    order = np.exp(np.log(med) + rng.normal(0.0, ORDER_SIGMA, N_USERS))
    revenue_c = np.where(converted == 1, np.rint(order * 100), 0).astype(np.int64)
    return {
        "user_id": np.arange(1, N_USERS + 1),
        "variant": np.where(variant_b, "B", "A"),
        "converted": converted,
        "revenue": revenue_c,
        "platform": np.array(PLATFORMS)[plat],
    }


def z_test(x_a: int, n_a: int, x_b: int, n_b: int) -> tuple[float, float]:
    """Pooled two-proportion z-test, two-sided."""
    pa, pb = x_a / n_a, x_b / n_b
    pool = (x_a + x_b) / (n_a + n_b)
    se = math.sqrt(pool * (1.0 - pool) * (1.0 / n_a + 1.0 / n_b))
    z = (pb - pa) / se
    return z, math.erfc(abs(z) / math.sqrt(2.0))


def observed(d: dict[str, np.ndarray]) -> tuple[int, int, int, int]:
    a = d["variant"] == "A"
    return int(d["converted"][a].sum()), int(a.sum()), int(d["converted"][~a].sum()), int((~a).sum())


def write_history(h: dict[str, list], path: str) -> None:
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(list(h.keys()))
        for i in range(N_VERSIONS):
            a, c = int(h["offline_auc"][i]), int(h["online_conversion"][i])
            w.writerow([h["version"][i], h["release_month"][i],
                        f"{a // 10000}.{a % 10000:04d}", f"{c // 100000}.{c % 100000:05d}"])


def write_ab(d: dict[str, np.ndarray], path: str) -> None:
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(list(d.keys()))
        for i in range(N_USERS):
            r = int(d["revenue"][i])
            w.writerow([d["user_id"][i], d["variant"][i], d["converted"][i],
                        f"{r // 100}.{r % 100:02d}" if r else "0", d["platform"][i]])


def main() -> None:
    h = history()
    d = ab_test()
    h_path = os.path.join(HERE, "model_history.csv")
    ab_path = os.path.join(HERE, "ab_test.csv")
    write_history(h, h_path)
    write_ab(d, ab_path)

    auc = np.array(h["offline_auc"]) / 10000.0
    conv = np.array(h["online_conversion"]) / 100000.0
    slope, icpt = np.polyfit(auc, conv, 1)
    print(f"{os.path.relpath(h_path)}: {N_VERSIONS} versions, {os.path.getsize(h_path)} bytes")
    print(f"  offline_auc {auc.min():.4f}..{auc.max():.4f}   online_conversion {conv.min():.5f}..{conv.max():.5f}")
    print(f"  corr {np.corrcoef(auc, conv)[0, 1]:.4f}   fitted slope {slope * 0.01 * 100:.4f} points of conversion"
          f" per +0.01 AUC   (conversion = {icpt:.5f} + {slope:.5f} * auc)")

    x_a, n_a, x_b, n_b = observed(d)
    z, p = z_test(x_a, n_a, x_b, n_b)
    rev = d["revenue"] / 100.0
    a = d["variant"] == "A"
    print(f"{os.path.relpath(ab_path)}: {N_USERS} users, {os.path.getsize(ab_path)} bytes")
    print(f"  A (v10): {x_a}/{n_a} converted = {x_a / n_a:.5f}   revenue/user {rev[a].mean():.4f}")
    print(f"  B (v11): {x_b}/{n_b} converted = {x_b / n_b:.5f}   revenue/user {rev[~a].mean():.4f}")
    print(f"  lift {100 * (x_b / n_b - x_a / n_a):+.4f} points ({100 * ((x_b / n_b) / (x_a / n_a) - 1):+.2f}% relative)"
          f"   z = {z:.4f}   two-sided p = {p:.4f}")
    conv_mask = d["converted"] == 1
    print(f"  order value (converters): mean {rev[conv_mask].mean():.2f}  median {np.median(rev[conv_mask]):.2f}")
    for name in PLATFORMS:
        s = d["platform"] == name
        print(f"  {name:8s} n={int(s.sum()):5d}  conv A {d['converted'][s & a].mean():.4f}"
              f"  B {d['converted'][s & ~a].mean():.4f}")


if __name__ == "__main__":
    main()
