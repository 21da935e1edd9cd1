#!/usr/bin/env python3
"""Metric kernels side by side: Evalbook vs scikit-learn vs hand-written NumPy.

Usage: PYTHON=/tmp/venv/bin/python; $PYTHON benchmarks/metrics.py [--runs 3] [--markdown]

Data: the 5,000,000-row file of benchmarks/generate.py (label, score, y_true,
y_pred) and a seeded 200,000-row x 100-class probability table written to
/tmp/evalbook-bench/multiclass_200k.csv on first use.

How each side is timed, best of N:
- scikit-learn and NumPy: the metric call alone, inside one Python process, on
  arrays already in memory (loading is not timed).
- Evalbook: the REPL reads the data, then times the metric call once with
  `:time EXPR` (piped input, the release build), in N fresh processes; the best is
  reported. So every column is the metric call alone, inside its own process, on
  data in memory, and no run is served by the score-sweep cache.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
EVENTS = "/tmp/evalbook-bench/events_5m.csv"
MULTI = "/tmp/evalbook-bench/multiclass_200k.csv"
EVALBOOK = os.environ.get("EVALBOOK", os.path.join(REPO, ".build", "release", "evalbook"))


def best(fn, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def evalbook_time(prelude, expr, runs):
    """Best in-process time of `expr`, from the REPL's `:time` after `prelude` ran.

    Each run is a fresh process timing the call once, so the score-sweep cache (which
    lets several curve metrics of one (y, p) share a sort) never serves a repeat."""
    script = prelude.replace("; ", "\n") + "\n" + f":time {expr}\n"
    times, value = [], None
    for _ in range(runs):
        out = subprocess.run([EVALBOOK, "--allow-read", "/tmp/evalbook-bench"], input=script,
                             capture_output=True, text=True)
        if out.returncode != 0:
            raise SystemExit(f"evalbook failed: {expr}\n{out.stderr}")
        for line in out.stdout.splitlines():
            if line.startswith("time: "):
                amount, unit = line[6:].split()
                times.append(float(amount) * {"s": 1.0, "ms": 1e-3, "µs": 1e-6}[unit])
            elif line.strip():
                value = line.strip()
    return min(times), value


def write_multiclass():
    if os.path.exists(MULTI):
        return
    rng = np.random.default_rng(20261129)
    n, k = 200_000, 100
    logits = rng.normal(size=(n, k))
    y = rng.integers(0, k, size=n)
    logits[np.arange(n), y] += 2.0
    P = np.exp(logits)
    P /= P.sum(axis=1, keepdims=True)
    tmp = MULTI + ".tmp"
    with open(tmp, "w") as f:
        f.write("label," + ",".join(f"p{i}" for i in range(k)) + "\n")
        for row in range(n):
            f.write(str(y[row]) + "," + ",".join(f"{v:.6f}" for v in P[row]) + "\n")
    os.replace(tmp, MULTI)


# --- hand-written NumPy versions --------------------------------------------

def np_auc(y, p):
    order = np.argsort(-p, kind="stable")
    ys, ps = y[order], p[order]
    distinct = np.r_[np.nonzero(np.diff(ps))[0], len(ps) - 1]
    tps = np.cumsum(ys)[distinct]
    fps = (distinct + 1) - tps
    tpr = np.r_[0, tps / tps[-1]]
    fpr = np.r_[0, fps / fps[-1]]
    return np.trapezoid(tpr, fpr)


def np_ap(y, p):
    order = np.argsort(-p, kind="stable")
    ys, ps = y[order], p[order]
    distinct = np.r_[np.nonzero(np.diff(ps))[0], len(ps) - 1]
    tps = np.cumsum(ys)[distinct]
    precision = tps / (distinct + 1)
    recall = tps / tps[-1]
    return np.sum(np.diff(np.r_[0, recall]) * precision)


def np_logloss(y, p):
    eps = np.finfo(float).eps
    q = np.clip(p, eps, 1 - eps)
    return -np.mean(y * np.log(q) + (1 - y) * np.log(1 - q))


def np_f1(y, p):
    yhat = p >= 0.5
    tp = np.sum(yhat & (y == 1))
    return 2 * tp / (np.sum(yhat) + np.sum(y == 1))


def np_regression(a, b):
    r = a - b
    return np.sqrt(np.mean(r * r)), np.mean(np.abs(r)), 1 - np.sum(r * r) / np.sum((a - a.mean()) ** 2)


def np_cross_entropy(y, P):
    eps = np.finfo(float).eps
    Q = np.clip(P / P.sum(axis=1, keepdims=True), eps, 1 - eps)
    return -np.mean(np.log(Q[np.arange(len(y)), y]))


def np_top5(y, P):
    top = np.argpartition(-P, 5, axis=1)[:, :5]
    return np.mean(np.any(top == y[:, None], axis=1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    import pandas as pd
    from sklearn import metrics as m

    write_multiclass()
    ev = pd.read_csv(EVENTS, usecols=["label", "score", "y_true", "y_pred"])
    y = ev["label"].to_numpy(np.int64)
    p = ev["score"].to_numpy(np.float64)
    yt = ev["y_true"].to_numpy(np.float64)
    yp = ev["y_pred"].to_numpy(np.float64)
    mc = pd.read_csv(MULTI)
    my = mc["label"].to_numpy(np.int64)
    MP = mc.drop(columns=["label"]).to_numpy(np.float64)
    labels = np.arange(MP.shape[1])

    binary = f't = read_csv("{EVENTS}", columns: ["label", "score"]); '
    regression = f't = read_csv("{EVENTS}", columns: ["y_true", "y_pred"]); '
    multi = f't = read_csv("{MULTI}"); P = drop(t, "label"); '
    rows = [
        ("roc_auc", binary, "roc_auc(t.label, t.score)",
         lambda: m.roc_auc_score(y, p), lambda: np_auc(y, p)),
        ("log_loss", binary, "log_loss(t.label, t.score)",
         lambda: m.log_loss(y, p), lambda: np_logloss(y, p)),
        ("average_precision", binary, "average_precision(t.label, t.score)",
         lambda: m.average_precision_score(y, p), lambda: np_ap(y, p)),
        ("brier", binary, "brier(t.label, t.score)",
         lambda: m.brier_score_loss(y, p), lambda: np.mean((p - y) ** 2)),
        ("f1 at 0.5", binary, "f1(t.label, t.score, threshold: 0.5)",
         lambda: m.f1_score(y, p >= 0.5), lambda: np_f1(y, p)),
        ("rmse + mae + r2", regression, "[rmse(t.y_true, t.y_pred), mae(t.y_true, t.y_pred), r2(t.y_true, t.y_pred)]",
         lambda: (m.root_mean_squared_error(yt, yp), m.mean_absolute_error(yt, yp), m.r2_score(yt, yp)),
         lambda: np_regression(yt, yp)),
        ("cross_entropy 200k x 100", multi, "cross_entropy(t.label, P)",
         lambda: m.log_loss(my, MP, labels=labels), lambda: np_cross_entropy(my, MP)),
        ("top-5 accuracy 200k x 100", multi, "top_k_accuracy(t.label, P, k: 5)",
         lambda: m.top_k_accuracy_score(my, MP, k=5, labels=labels), lambda: np_top5(my, MP)),
    ]
    results = []
    for name, prelude, expr, sk, npf in rows:
        print(f"  {name} ...", file=sys.stderr)
        eb, value = evalbook_time(prelude, expr, args.runs)
        tsk = best(sk, args.runs)
        tnp = best(npf, args.runs)
        results.append((name, eb, tsk, tnp, value))
    header = ("metric", "evalbook s", "scikit-learn s", "numpy s", "eb / sklearn", "eb / numpy", "evalbook value")
    lines = []
    for name, eb, tsk, tnp, value in results:
        lines.append((name, f"{eb:.3f}", f"{tsk:.3f}", f"{tnp:.3f}", f"{eb / tsk:.2f}", f"{eb / tnp:.2f}", value))
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|---|" + "---:|" * (len(header) - 1))
        for line in lines:
            print("| " + " | ".join(line) + " |")
    else:
        widths = [max(len(h), *(len(l[i]) for l in lines)) for i, h in enumerate(header)]
        print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
        for line in lines:
            print("  ".join(c.ljust(w) for c, w in zip(line, widths)))


if __name__ == "__main__":
    main()
