#!/usr/bin/env python3
"""Generate the subscription-churn data used by the churn / retention-offer notebook.

Writes, next to this script:

  churn.csv   6,000 customers of a subscription business: segment, tenure, monthly
              revenue, whether they churned in the following period, and the churn
              probability given by two models (the one in production and a candidate).

The story
---------
Every month the business scores its customers for churn risk and sends a retention
offer (a discount on the next months) to every customer whose score is above a
threshold. The offer costs money, so both which model and which threshold matter.

Three segments of very different size, churn rate and value:

  segment          share   base churn   monthly revenue (lognormal)
  consumer          ~62%      ~25%       median ~$18
  small_business    ~28%      ~12%       median ~$140
  enterprise        ~10%       ~6%       median ~$3,200

Churn falls with tenure (new customers leave most) and, within a segment, with how
much the customer spends. Most of the risk, though, comes from behaviour the
business only sees through its models (usage decline, support friction, a
competitor's offer), plus a part no model sees.

- `p_churn_current` (production): sees the behavioural signals through a noisy
  feature pipeline; overall AUC about 0.75, and well calibrated in every segment.
- `p_churn_candidate` (new model): cleaner features, clearly better ranking
  (AUC about 0.82), well calibrated for consumer and enterprise customers but
  OVER-CONFIDENT for small_business: its probabilities there are pushed too far
  towards 0 and 1 (the model was trained on a sample with few small-business
  churners and extrapolates). A calibration or expected-cost check per segment
  catches it; the overall AUC does not.

Both probabilities are logistic functions of a latent risk score plus noise,
recalibrated on the data (a per-segment logistic fit, Newton's method with a fixed
number of steps), so they are realistic-looking values strictly inside (0, 1).

Columns
-------
customer_id        int, 1..N
segment            consumer | small_business | enterprise
tenure_months      int, months since the customer signed up (>= 1)
monthly_revenue    dollars per month, 2 decimals
churned            1 if the customer cancelled during the following period, else 0
p_churn_current    production model's churn probability, 6 decimals
p_churn_candidate  candidate model's churn probability, 6 decimals

The output is deterministic: numpy default_rng with a fixed seed and values
written with a fixed number of decimals. Re-running the script reproduces the file
byte for byte. Run with any Python 3 that has numpy, e.g.

    /tmp/venv/bin/python notebooks/data/generate_churn.py
"""

from __future__ import annotations

import csv
import os

import numpy as np

SEED = 20240801
N = 6000
SEGMENTS = ["consumer", "small_business", "enterprise"]
SEGMENT_P = [0.62, 0.28, 0.10]
BASE_CHURN = {"consumer": 0.25, "small_business": 0.12, "enterprise": 0.06}
# monthly revenue: lognormal (median dollars, sigma of the log)
REVENUE = {"consumer": (18.0, 0.45), "small_business": (140.0, 0.70), "enterprise": (3200.0, 0.80)}
# tenure in months: minimum + gamma(shape, scale)
TENURE = {"consumer": (1, 1.2, 14.0), "small_business": (1, 1.5, 18.0), "enterprise": (3, 2.2, 20.0)}

# latent risk = segment intercept + tenure + spend + behaviour + unseen
TENURE_COEF = -0.55        # per log(1 + tenure months), centred in the segment
SPEND_COEF = -0.30         # per log-revenue (relative to the segment median)
BEHAVIOUR_SD = 1.55        # what the models can (partly) see
UNSEEN_SD = 0.40           # what no model sees
NOISE_CURRENT = 1.80       # feature noise of the production model
NOISE_CANDIDATE = 0.50     # feature noise of the candidate model
OVERCONFIDENT = 1.6        # candidate's logit stretch inside small_business
OVERCONFIDENT_SHIFT = 0.20  # ...around a centre slightly above the true log-odds

HERE = os.path.dirname(os.path.abspath(__file__))


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def logit(p: np.ndarray) -> np.ndarray:
    return np.log(p / (1.0 - p))


def auc(y: np.ndarray, s: np.ndarray) -> float:
    """Rank-based AUC (Mann-Whitney U), average ranks for ties."""
    order = np.argsort(s, kind="stable")
    ranks = np.empty(len(s), dtype=np.float64)
    ss = s[order]
    i = 0
    while i < len(ss):
        j = i
        while j + 1 < len(ss) and ss[j + 1] == ss[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    pos = y == 1
    n1, n0 = int(pos.sum()), int((~pos).sum())
    return float((ranks[pos].sum() - n1 * (n1 + 1) / 2.0) / (n1 * n0))


def fit_logistic(X: np.ndarray, y: np.ndarray, steps: int = 25) -> np.ndarray:
    """Plain Newton-Raphson logistic regression, fixed number of steps."""
    w = np.zeros(X.shape[1])
    for _ in range(steps):
        p = sigmoid(X @ w)
        g = X.T @ (y - p)
        H = (X * (p * (1.0 - p))[:, None]).T @ X
        w = w + np.linalg.solve(H, g)
    return w


def calibrated(signal: np.ndarray, seg: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Per-segment logistic recalibration of a raw score: returns log-odds."""
    out = np.zeros(len(y))
    for k in range(len(SEGMENTS)):
        sel = seg == k
        X = np.column_stack([np.ones(sel.sum()), signal[sel]])
        out[sel] = X @ fit_logistic(X, y[sel].astype(np.float64))
    return out


def generate() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(SEED)
    seg = rng.choice(len(SEGMENTS), size=N, p=SEGMENT_P)

    tenure = np.zeros(N, dtype=np.int64)
    revenue_c = np.zeros(N, dtype=np.int64)   # cents
    for k, name in enumerate(SEGMENTS):
        sel = seg == k
        n = int(sel.sum())
        lo, shape, scale = TENURE[name]
        tenure[sel] = np.minimum(lo + np.floor(rng.gamma(shape, scale, n)), 120).astype(np.int64)
        med, sd = REVENUE[name]
        revenue_c[sel] = np.rint(np.exp(np.log(med) + rng.normal(0.0, sd, n)) * 100.0).astype(np.int64)

    behaviour = rng.normal(0.0, BEHAVIOUR_SD, N)
    unseen = rng.normal(0.0, UNSEEN_SD, N)
    noise_cur = rng.normal(0.0, NOISE_CURRENT, N)
    noise_new = rng.normal(0.0, NOISE_CANDIDATE, N)

    # risk without the intercept, then pick each segment's intercept (bisection)
    # so the expected churn rate of the segment is its base rate
    log_t = np.log1p(tenure)
    log_r = np.log(revenue_c / 100.0)
    risk = np.zeros(N)
    for k, name in enumerate(SEGMENTS):
        sel = seg == k
        risk[sel] = (TENURE_COEF * (log_t[sel] - log_t[sel].mean())
                     + SPEND_COEF * (log_r[sel] - np.log(REVENUE[name][0])))
    risk += behaviour + unseen
    for k, name in enumerate(SEGMENTS):
        sel = seg == k
        lo, hi = -8.0, 4.0
        for _ in range(60):
            mid = (lo + hi) / 2.0
            if sigmoid(risk[sel] + mid).mean() < BASE_CHURN[name]:
                lo = mid
            else:
                hi = mid
        risk[sel] += (lo + hi) / 2.0
    churned = (rng.random(N) < sigmoid(risk)).astype(np.int64)

    # what each model sees: the observable part of the risk, through noisy features
    observable = risk - unseen
    z_cur = calibrated(observable + noise_cur, seg, churned)
    z_new = calibrated(observable + noise_new, seg, churned)
    # the candidate is over-confident for small business customers
    sb = seg == SEGMENTS.index("small_business")
    centre = logit(np.array(BASE_CHURN["small_business"])) + OVERCONFIDENT_SHIFT
    z_new[sb] = centre + OVERCONFIDENT * (z_new[sb] - centre)

    # probabilities in millionths, kept strictly inside (0, 1)
    p_cur = np.clip(np.rint(sigmoid(z_cur) * 1e6), 1, 999999).astype(np.int64)
    p_new = np.clip(np.rint(sigmoid(z_new) * 1e6), 1, 999999).astype(np.int64)

    return {
        "customer_id": np.arange(1, N + 1),
        "segment": np.array([SEGMENTS[k] for k in seg]),
        "tenure_months": tenure,
        "monthly_revenue": revenue_c,
        "churned": churned,
        "p_churn_current": p_cur,
        "p_churn_candidate": p_new,
    }


def fmt_fixed(v: int, places: int) -> str:
    """Format a non-negative integer count of 10^-places as a fixed-decimal string."""
    q = 10 ** places
    return f"{v // q}.{v % q:0{places}d}"


def write(d: dict[str, np.ndarray], path: str) -> None:
    cols = list(d.keys())
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        for i in range(N):
            w.writerow([
                d["customer_id"][i], d["segment"][i], d["tenure_months"][i],
                fmt_fixed(int(d["monthly_revenue"][i]), 2), d["churned"][i],
                fmt_fixed(int(d["p_churn_current"][i]), 6),
                fmt_fixed(int(d["p_churn_candidate"][i]), 6),
            ])


def main() -> None:
    d = generate()
    path = os.path.join(HERE, "churn.csv")
    write(d, path)
    y = d["churned"]
    pc = d["p_churn_current"] / 1e6
    pn = d["p_churn_candidate"] / 1e6
    rev = d["monthly_revenue"] / 100.0
    print(f"{os.path.relpath(path)}: {N} customers, {os.path.getsize(path)} bytes")
    print(f"  churn rate {y.mean():.4f}   AUC current {auc(y, pc):.4f}   candidate {auc(y, pn):.4f}")
    print(f"  mean p: current {pc.mean():.4f}   candidate {pn.mean():.4f}")
    print(f"  p range: current [{pc.min():.6f}, {pc.max():.6f}]  candidate [{pn.min():.6f}, {pn.max():.6f}]")
    for name in SEGMENTS:
        sel = d["segment"] == name
        print(f"  {name:14s} n={sel.sum():5d}  churn {y[sel].mean():.4f}"
              f"  revenue median {np.median(rev[sel]):8.2f}  tenure median {np.median(d['tenure_months'][sel]):5.1f}"
              f"  AUC cur {auc(y[sel], pc[sel]):.3f} cand {auc(y[sel], pn[sel]):.3f}"
              f"  mean p cur {pc[sel].mean():.4f} cand {pn[sel].mean():.4f}")
    # calibration by decile of the probability, small business only
    sb = d["segment"] == "small_business"
    for label, p in (("current", pc), ("candidate", pn)):
        ps, ys = p[sb], y[sb]
        bins = np.quantile(ps, np.linspace(0, 1, 6))
        idx = np.clip(np.searchsorted(bins, ps, side="right") - 1, 0, 4)
        rows = [f"{ps[idx == b].mean():.3f}/{ys[idx == b].mean():.3f}" for b in range(5)]
        print(f"  small_business {label:9s} quintiles mean p / observed: " + "  ".join(rows))
    for t in (0.2, 0.3, 0.5):
        print(f"  threshold {t}: offers current {int((pc >= t).sum())} (recall {y[pc >= t].sum() / y.sum():.3f})"
              f"  candidate {int((pn >= t).sum())} (recall {y[pn >= t].sum() / y.sum():.3f})")


if __name__ == "__main__":
    main()
