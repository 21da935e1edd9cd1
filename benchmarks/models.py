#!/usr/bin/env python3
"""XGBoost prediction speed, for comparison with Evalbook's XGBoost JSON reader.

Usage: PYTHON=/tmp/venv/bin/python; $PYTHON benchmarks/models.py [--rows 1000000] [--runs 3]

Writes to /tmp/evalbook-bench/models/ (reused when already there):
- features.csv: ROWS x 20 seeded features, header f0..f19, ~5% empty cells (missing);
- xgb_binary_100x6.json: a 100-tree, depth-6 binary:logistic model trained on them;
- xgb_predictions.csv: XGBoost's probabilities for every row (column `p`), to check
  Evalbook's predictions against.

Then times XGBoost's own `Booster.predict` on the data already in memory, with
nthread=1 and nthread=2, best of N runs, and prints the timings. Each run predicts on
a fresh DMatrix built before the clock starts: XGBoost caches predictions per DMatrix,
so a second `predict` on the same one would only read the cache. `inplace_predict`
on the NumPy array (no DMatrix at all) is timed as well.
"""

from __future__ import annotations

import argparse
import os
import platform
import time

import numpy as np
import xgboost as xgb

OUT = "/tmp/evalbook-bench/models"
SEED = 20241129
FEATURES = 20


def best(fn, runs, setup=lambda: None):
    times = []
    for _ in range(runs):
        arg = setup()
        t0 = time.perf_counter()
        fn(arg)
        times.append(time.perf_counter() - t0)
    return min(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    features_csv = os.path.join(OUT, "features.csv")
    model_path = os.path.join(OUT, "xgb_binary_100x6.json")

    rng = np.random.default_rng(SEED)
    X = np.round(rng.normal(size=(args.rows, FEATURES)), 4).astype(np.float32)
    logit = X[:, 0] - 0.8 * X[:, 1] + 0.5 * X[:, 2] * X[:, 3] + np.sin(X[:, 4]) + 0.3 * X[:, 5] ** 2 - 0.3
    y = (logit + rng.normal(size=args.rows) > 0).astype(np.float32)
    X[rng.uniform(size=X.shape) < 0.05] = np.nan

    if not os.path.exists(features_csv):
        t0 = time.perf_counter()
        with open(features_csv, "w") as f:
            f.write(",".join(f"f{i}" for i in range(FEATURES)) + "\n")
            for start in range(0, args.rows, 100_000):
                block = X[start:start + 100_000]
                lines = (",".join("" if np.isnan(v) else f"{v:.4f}" for v in row) for row in block)
                f.write("\n".join(lines) + "\n")
        print(f"wrote {features_csv} in {time.perf_counter() - t0:.1f}s")

    dtrain = xgb.DMatrix(X, label=y, missing=np.nan, nthread=2)
    if not os.path.exists(model_path):
        t0 = time.perf_counter()
        booster = xgb.train({"objective": "binary:logistic", "max_depth": 6, "eta": 0.1,
                             "tree_method": "hist", "nthread": 2, "seed": 0}, dtrain, 100)
        booster.save_model(model_path)
        print(f"trained and saved {model_path} in {time.perf_counter() - t0:.1f}s")
    booster = xgb.Booster(model_file=model_path)

    predictions = os.path.join(OUT, "xgb_predictions.csv")
    if not os.path.exists(predictions):
        booster.set_param({"nthread": 2})
        p = booster.predict(xgb.DMatrix(X, missing=np.nan, nthread=2))
        np.savetxt(predictions, p, fmt="%.9g", header="p", comments="")

    print(f"xgboost {xgb.__version__}, numpy {np.__version__}, python {platform.python_version()}, "
          f"{args.rows:,} rows x {FEATURES} features, 100 trees depth 6, best of {args.runs}")
    for nthread in (1, 2):
        booster.set_param({"nthread": nthread})
        fresh = lambda: xgb.DMatrix(X, missing=np.nan, nthread=nthread)
        t_dm = best(lambda d: booster.predict(d), args.runs, fresh)
        t_inplace = best(lambda _: booster.inplace_predict(X, missing=np.nan), args.runs)
        print(f"  nthread={nthread}: predict(DMatrix) {t_dm:.3f}s   inplace_predict(ndarray) {t_inplace:.3f}s")


if __name__ == "__main__":
    main()
