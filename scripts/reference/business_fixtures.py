#!/usr/bin/env python3
"""Generate reference values for the business metrics and the bootstrap generator.

Writes Tests/EvalMetricsTests/Fixtures/business_reference.json. Run it from the
repository root with a Python that has numpy installed:

    python scripts/reference/business_fixtures.py

No library defines profit curves, so the values come from their definition computed
the way a NumPy user would (a stable descending argsort, cumulative sums, one row per
distinct score, as scikit-learn's _binary_clf_curve groups ties), cross-checked against
a brute-force loop over every threshold that recounts each row from scratch:

- flag rows with score >= threshold; profit = sum over rows of
  weight * (tp if flagged and y=1, fp if flagged and y=0, fn if not flagged and y=1,
  tn if not flagged and y=0), where each amount is a constant or a per-row column;
- rows of zero weight are dropped before the sweep (they add no thresholds);
- best threshold: the largest threshold whose profit equals the maximum; null when
  acting on no one earns strictly more than every threshold;
- expected value: sum(w * M[y, yhat]) / sum(w).

The generator cases are an independent pure-Python implementation of SplitMix64 and
xoshiro256** (Blackman and Vigna's reference C code, transcribed) with the stream
derivation Evalbook documents: stream i of seed s starts xoshiro256** from four
SplitMix64 outputs of mix(s + mix(i + 1)); bounded draws use Lemire's method.
"""

import json
import pathlib

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "Tests" / "EvalMetricsTests" / "Fixtures" / "business_reference.json"
SEED = 20261129
MASK = (1 << 64) - 1

rng = np.random.default_rng(SEED)


def curve_numpy(y, p, amounts, w):
    keep = w > 0
    y, p, w = y[keep], p[keep], w[keep]
    amounts = {k: (v[keep] if isinstance(v, np.ndarray) else v) for k, v in amounts.items()}
    n = len(y)

    def amount(name):
        v = amounts[name]
        return v if isinstance(v, np.ndarray) else np.full(n, float(v))

    tp, fp, fn, tn = amount("tp"), amount("fp"), amount("fn"), amount("tn")
    order = np.argsort(-p, kind="stable")
    ys, ps, ws = y[order], p[order], w[order]
    gain = np.where(ys == 1, tp[order] - fn[order], fp[order] - tn[order]) * ws
    no_one = float(np.sum(np.where(y == 1, fn, tn) * w))
    distinct = np.r_[np.nonzero(np.diff(ps))[0], n - 1]
    profit = no_one + np.cumsum(gain)[distinct]
    tps = np.cumsum(ys * ws)[distinct]
    fps = np.cumsum((1 - ys) * ws)[distinct]
    return {
        "thresholds": ps[distinct].tolist(),
        "profit": profit.tolist(),
        "tp": tps.tolist(),
        "fp": fps.tolist(),
        "no_one": no_one,
    }


def curve_brute(y, p, amounts, w):
    """Every threshold recounted from scratch: O(n x thresholds), for checking only."""
    out = []
    for t in sorted({float(x) for x, wi in zip(p, w) if wi > 0}, reverse=True):
        total = 0.0
        for i in range(len(y)):
            act = p[i] >= t
            name = ("tp" if y[i] == 1 else "fp") if act else ("fn" if y[i] == 1 else "tn")
            v = amounts[name]
            total += w[i] * (v[i] if isinstance(v, np.ndarray) else v)
        out.append(total)
    return out


def best(curve):
    profit = curve["profit"]
    if not profit:
        return None
    top = max(profit)
    if curve["no_one"] > top:
        return None
    k = profit.index(top)
    return {"threshold": curve["thresholds"][k], "profit": top}


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


class Xoshiro:
    def __init__(self, seed, stream):
        state = (seed + mix((stream + 1) & MASK)) & MASK
        state = mix(state)
        self.s = []
        for _ in range(4):
            state = (state + 0x9E3779B97F4A7C15) & MASK
            self.s.append(mix(state))

    def next(self):
        s = self.s
        rotl = lambda x, k: ((x << k) | (x >> (64 - k))) & MASK
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def below(self, bound):
        m = self.next() * bound
        low = m & MASK
        if low < bound:
            threshold = ((1 << 64) - bound) % bound
            while low < threshold:
                m = self.next() * bound
                low = m & MASK
        return m >> 64


def scores(n, ties):
    p = rng.random(n)
    if ties:
        p = np.round(p * 8) / 8
    return p


cases = []
for index, (n, ties, weighted, per_row, positive_rate) in enumerate([
    (12, False, False, False, 0.4),
    (40, True, False, False, 0.3),
    (60, True, True, False, 0.5),
    (80, False, False, True, 0.2),
    (150, True, True, True, 0.1),
    (300, False, True, True, 0.05),
    (25, True, False, True, 0.0),
    (30, False, False, False, 1.0),
]):
    y = (rng.random(n) < positive_rate).astype(float)
    p = scores(n, ties)
    w = np.round(rng.random(n) * 3, 2) if weighted else np.ones(n)
    if weighted:
        w[rng.random(n) < 0.1] = 0.0
    if per_row:
        amount = np.round(rng.lognormal(4, 0.6, n), 2)
        amounts = {"tp": amount * 0.3 - 5, "fp": np.full(n, -5.0), "fn": -amount, "tn": 0.0}
    else:
        amounts = {"tp": 80.0, "fp": -20.0, "fn": -100.0, "tn": float(index % 3)}
    curve = curve_numpy(y, p, amounts, w)
    brute = curve_brute(y, p, amounts, w)
    assert np.allclose(curve["profit"], brute, rtol=1e-12, atol=1e-9), "numpy and brute force disagree"
    yhat = (p >= 0.5).astype(float)
    hard = float(sum(
        w[i] * (lambda v: v[i] if isinstance(v, np.ndarray) else v)(
            amounts[("tp" if y[i] == 1 else "fp") if yhat[i] == 1 else ("fn" if y[i] == 1 else "tn")])
        for i in range(n)))
    cases.append({
        "name": f"profit {index}: n={n} ties={ties} weighted={weighted} per_row={per_row}",
        "y": y.tolist(),
        "p": p.tolist(),
        "weights": w.tolist() if weighted else None,
        "payoff": {k: (v.tolist() if isinstance(v, np.ndarray) else v) for k, v in amounts.items()},
        "curve": curve,
        "best": best(curve),
        "profit_at_half": hard,
    })

expected_value_cases = []
for k, n, weighted in [(3, 50, False), (4, 200, True), (2, 30, False)]:
    y = rng.integers(0, k, n)
    yhat = np.where(rng.random(n) < 0.6, y, rng.integers(0, k, n))
    matrix = np.round(rng.normal(0, 10, (k, k)), 1)
    w = np.round(rng.random(n) * 2, 2) if weighted else np.ones(n)
    value = float(np.sum(w * matrix[y, yhat]) / np.sum(w))
    expected_value_cases.append({
        "classes": k, "y": y.tolist(), "yhat": yhat.tolist(),
        "matrix": matrix.ravel().tolist(), "weights": w.tolist() if weighted else None,
        "expected": value,
    })

streams = []
for seed, stream in [(0, 0), (0, 1), (42, 0), (42, 999), (2**63 + 5, 7)]:
    g = Xoshiro(seed, stream)
    raw = [str(g.next()) for _ in range(6)]
    g = Xoshiro(seed, stream)
    bounded = [g.below(b) for b in (1, 2, 3, 10, 1000, 2**40 + 3)]
    streams.append({"seed": str(seed), "stream": stream, "raw": raw, "bounded": bounded})

quantile_cases = []
for n in (2, 7, 100, 1001):
    values = rng.normal(0, 1, n)
    quantile_cases.append({
        "values": values.tolist(),
        "level": 0.9 if n % 2 else 0.95,
        "low": float(np.quantile(values, (1 - (0.9 if n % 2 else 0.95)) / 2)),
        "high": float(np.quantile(values, 1 - (1 - (0.9 if n % 2 else 0.95)) / 2)),
        "se": float(np.std(values, ddof=1)),
    })

OUTPUT.write_text(json.dumps({
    "generator": "scripts/reference/business_fixtures.py",
    "numpy": np.__version__,
    "seed": SEED,
    "profit_cases": cases,
    "expected_value_cases": expected_value_cases,
    "streams": streams,
    "quantile_cases": quantile_cases,
}, indent=1) + "\n")
print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(cases)} profit cases, "
      f"{len(expected_value_cases)} expected-value cases, {len(streams)} streams, {len(quantile_cases)} quantile cases")
