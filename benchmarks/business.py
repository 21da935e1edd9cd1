#!/usr/bin/env python3
"""Profit sweeps on 5,000,000 rows: Evalbook vs NumPy vs a naive threshold loop.

Usage: PYTHON=/tmp/venv/bin/python; $PYTHON benchmarks/business.py [--runs 3] [--markdown]

Data: label, score and amount of the 5,000,000-row file of benchmarks/generate.py.
The payoff is example-dependent (the row's amount): flagging a positive earns
0.3 × amount − 2, flagging a negative costs 2, missing a positive loses the amount.

Three ways to get every threshold's profit, each timed as the call alone on data
in memory, best of N (Evalbook through the REPL's `:time` in a fresh process per
run, as in metrics.py, so no run reuses a cached sort):
- Evalbook `profit_curve` / `best_threshold`: one sort, one scan, one row per
  distinct score (about 1,000,000 thresholds here);
- NumPy: a stable argsort of −p, cumulative sums of each row's gain, read at the
  last row of each run of tied scores — the same answer, in vectorised Python;
- naive: a loop over 1,001 fixed thresholds 0.000, 0.001, …, 1.000, recounting the
  whole column at each (what a hand-rolled notebook does); it sees only those 1,001
  thresholds, so its best profit can only be lower.
"""

from __future__ import annotations

import argparse
import sys

import numpy as np

from metrics import EVENTS, best, evalbook_time


def numpy_curve(y, p, tp, fp, fn, tn):
    order = np.argsort(-p, kind="stable")
    ps = p[order]
    ys = y[order]
    gain = np.where(ys == 1, tp[order] - fn[order], fp - tn)
    no_one = np.sum(np.where(y == 1, fn, tn))
    last = np.r_[np.nonzero(np.diff(ps))[0], len(ps) - 1]
    return ps[last], no_one + np.cumsum(gain)[last]


def numpy_best(y, p, tp, fp, fn, tn):
    thresholds, profit = numpy_curve(y, p, tp, fp, fn, tn)
    k = int(np.argmax(profit))
    return thresholds[k], profit[k]


def naive_best(y, p, tp, fp, fn, tn):
    best_t, best_profit = None, -np.inf
    positive = y == 1
    for t in np.linspace(0, 1, 1001):
        act = p >= t
        profit = (np.sum(tp[act & positive]) + fp * np.sum(act & ~positive)
                  + np.sum(fn[~act & positive]) + tn * np.sum(~act & ~positive))
        if profit > best_profit:
            best_t, best_profit = t, profit
    return best_t, best_profit


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    import pandas as pd

    ev = pd.read_csv(EVENTS, usecols=["label", "score", "amount"])
    y = ev["label"].to_numpy(np.float64)
    p = ev["score"].to_numpy(np.float64)
    amount = ev["amount"].to_numpy(np.float64)
    tp, fp, fn, tn = 0.3 * amount - 2, -2.0, -amount, 0.0

    prelude = (f't = read_csv("{EVENTS}", columns: ["label", "score", "amount"]); '
               'gain = payoff(tp: 0.3 * t.amount - 2, fp: -2, fn: -t.amount)')
    rows = []
    for name, expr, np_fn in [
        ("profit_curve", "nrow(profit_curve(t.label, t.score, gain))", lambda: numpy_curve(y, p, tp, fp, fn, tn)),
        ("best_threshold", "best_threshold(t.label, t.score, gain).profit", lambda: numpy_best(y, p, tp, fp, fn, tn)),
    ]:
        print(f"  {name} ...", file=sys.stderr)
        eb, value = evalbook_time(prelude, expr, args.runs)
        tnp = best(np_fn, args.runs)
        rows.append((name, eb, tnp, value))
    print("  naive 1,001-threshold loop ...", file=sys.stderr)
    tnaive = best(lambda: naive_best(y, p, tp, fp, fn, tn), 1)
    _, np_profit = numpy_best(y, p, tp, fp, fn, tn)
    naive_t, naive_profit = naive_best(y, p, tp, fp, fn, tn)
    thresholds, _ = numpy_curve(y, p, tp, fp, fn, tn)

    header = ("sweep", "evalbook s", "numpy s", "naive loop s", "eb / numpy", "eb / naive", "evalbook value")
    lines = [(name, f"{eb:.3f}", f"{tnp:.3f}", f"{tnaive:.3f}", f"{eb / tnp:.2f}", f"{eb / tnaive:.3f}", value)
             for name, eb, tnp, value in rows]
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|---|" + "---:|" * (len(header) - 1))
        for line in lines:
            print("| " + " | ".join(line) + " |")
    else:
        for line in [header] + lines:
            print("  ".join(line))
    print(f"\ndistinct thresholds: {len(thresholds):,}; NumPy best profit {np_profit:.6f}; "
          f"naive loop best {naive_profit:.6f} at {naive_t:.3f} (1,001 thresholds only)")


if __name__ == "__main__":
    main()
