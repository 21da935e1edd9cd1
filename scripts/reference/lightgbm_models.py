#!/usr/bin/env python3
"""Train small LightGBM models and record LightGBM's own predictions for them.

Writes Tests/EvalModelsTests/Fixtures/lightgbm/*.txt (``Booster.save_model``) and
lightgbm_reference.json: for each model the input rows (feature columns, NaN written as
null) and LightGBM's ``predict`` and ``predict(raw_score=True)`` outputs, row-major.

    /tmp/venv/bin/python scripts/reference/lightgbm_models.py

Synthetic data from a fixed seed: ~5% NaN and some exact zeros in every feature. Models:
binary, regression (l2), regression_l1, multiclass (3 and 4 classes), one with a
categorical feature, one trained with zero_as_missing=True, one with use_missing=False, and\none with feature names.
"""

import json
import pathlib
import sys

import lightgbm as lgb
import numpy as np
import pandas as pd

OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "EvalModelsTests" / "Fixtures" / "lightgbm"
OUT.mkdir(parents=True, exist_ok=True)

rng = np.random.default_rng(20261129)
N_TRAIN, N_TEST, F = 1500, 200, 5


def features(n, f=F, zeros=0.08):
    x = rng.normal(size=(n, f))
    x[rng.random((n, f)) < zeros] = 0.0
    x[rng.random((n, f)) < 0.05] = np.nan
    return x


def signal(x):
    z = np.nan_to_num(x, nan=0.3)
    return 1.2 * z[:, 0] - 0.8 * z[:, 1] + 0.5 * z[:, 2] * z[:, 3] + 0.3 * np.sin(3 * z[:, 4])


def cat_col(n):
    c = rng.integers(0, 7, size=n).astype(float)
    c[rng.random(n) < 0.05] = np.nan
    return c


models = {}


def fit(name, params, x, y, rounds, categorical=None, names=None):
    base = {"verbose": -1, "seed": 7, "num_leaves": 13, "min_data_in_leaf": 10,
            "deterministic": True, "num_threads": 1}
    base.update(params)
    kw = {}
    if categorical is not None:
        kw["categorical_feature"] = categorical
    if names is not None:
        kw["feature_name"] = names
    ds = lgb.Dataset(x, label=y, **kw)
    booster = lgb.train(base, ds, num_boost_round=rounds)
    path = OUT / f"{name}.txt"
    booster.save_model(str(path))
    xt = test_rows[name]
    prob = np.asarray(booster.predict(xt)).reshape(len(xt), -1)
    raw = np.asarray(booster.predict(xt, raw_score=True)).reshape(len(xt), -1)
    # Round-trip: the saved text must predict what the trained booster does.
    again = lgb.Booster(model_file=str(path))
    assert np.array_equal(np.asarray(again.predict(xt)).reshape(len(xt), -1), prob)
    models[name] = {
        "file": f"{name}.txt",
        "features": booster.feature_name(),
        "columns": [[None if np.isnan(v) else float(v) for v in xt[:, j]] for j in range(xt.shape[1])],
        "predict": [float(v) for v in prob.ravel()],
        "raw": [float(v) for v in raw.ravel()],
        "width": int(prob.shape[1]),
    }


test_rows = {}

# binary
x = features(N_TRAIN); y = (signal(x) + rng.normal(scale=0.5, size=N_TRAIN) > 0).astype(int)
test_rows["binary"] = features(N_TEST)
fit("binary", {"objective": "binary"}, x, y, 25)

# binary with a non-default sigmoid
test_rows["binary_sigmoid"] = features(N_TEST)
fit("binary_sigmoid", {"objective": "binary", "sigmoid": 0.7}, x, y, 15)

# regression (l2)
x = features(N_TRAIN); y = signal(x) + rng.normal(scale=0.3, size=N_TRAIN)
test_rows["regression"] = features(N_TEST)
fit("regression", {"objective": "regression"}, x, y, 30)

# regression l1
test_rows["regression_l1"] = features(N_TEST)
fit("regression_l1", {"objective": "regression_l1"}, x, y, 15)

# zero_as_missing
test_rows["zero_as_missing"] = features(N_TEST, zeros=0.15)
fit("zero_as_missing", {"objective": "regression", "zero_as_missing": True}, features(N_TRAIN, zeros=0.15), y, 20)

# multiclass, 3 classes
x = features(N_TRAIN); s = signal(x)
y = np.digitize(s + rng.normal(scale=0.4, size=N_TRAIN), [-0.5, 0.5])
test_rows["multiclass3"] = features(N_TEST)
fit("multiclass3", {"objective": "multiclass", "num_class": 3}, x, y, 12)

# multiclass, 4 classes with feature names
y4 = np.digitize(s + rng.normal(scale=0.4, size=N_TRAIN), [-1.0, 0.0, 1.0])
test_rows["multiclass4_named"] = features(N_TEST)
fit("multiclass4_named", {"objective": "multiclass", "num_class": 4}, x, y4, 10,
    names=["age", "income", "tenure", "score", "visits"])

# categorical feature (column 5, integer codes 0..6 with NaN), binary
x = np.column_stack([features(N_TRAIN), cat_col(N_TRAIN)])
effect = np.array([1.5, -1.0, 0.2, 2.0, -2.0, 0.0, 0.8])
c = x[:, 5]
y = (signal(x[:, :5]) + np.where(np.isnan(c), 0.5, effect[np.nan_to_num(c, nan=0).astype(int)])
     + rng.normal(scale=0.5, size=N_TRAIN) > 0).astype(int)
xt = np.column_stack([features(N_TEST), cat_col(N_TEST)])
xt[:5, 5] = [-1.0, 9.0, 2.7, 40.0, 1e10]  # negative, unseen, fractional, beyond bitset, huge
test_rows["categorical"] = xt
fit("categorical", {"objective": "binary", "cat_smooth": 1, "min_data_per_group": 5,
                    "max_cat_to_onehot": 2}, x, y, 20, categorical=[5])

# use_missing=False: missing type None everywhere, so NaN reads as 0 at prediction
x = features(N_TRAIN); y = signal(x) + rng.normal(scale=0.3, size=N_TRAIN)
test_rows["no_missing"] = features(N_TEST)
fit("no_missing", {"objective": "regression", "use_missing": False}, x, y, 15)

doc = {
    "generator": "scripts/reference/lightgbm_models.py",
    "versions": {"python": sys.version.split()[0], "lightgbm": lgb.__version__,
                 "numpy": np.__version__, "pandas": pd.__version__},
    "models": models,
}
(OUT / "lightgbm_reference.json").write_text(json.dumps(doc, indent=1) + "\n")
