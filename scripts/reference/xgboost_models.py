#!/usr/bin/env python3
"""Train small XGBoost models and record XGBoost's own predictions for them.

Writes Tests/EvalModelsTests/Fixtures/xgboost/*.json (one model per file, saved with
`Booster.save_model`) and xgboost_reference.json: the input rows (NaN written as
null), and for every model its probabilities / values (`predict`) and margins
(`predict(output_margin=True)`), plus the library versions. Run from the repo root:

    /tmp/venv/bin/python scripts/reference/xgboost_models.py

The seed is fixed; inputs are rounded to 4 decimals so the JSON holds exactly the
numbers XGBoost saw. About 5% of feature values are missing (NaN).
"""

import json
import pathlib
import platform

import numpy as np
import xgboost as xgb

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests" / "EvalModelsTests" / "Fixtures" / "xgboost"
SEED = 20241129
ROWS, FEATURES = 200, 5

rng = np.random.default_rng(SEED)
X = np.round(rng.normal(size=(ROWS, FEATURES)), 4)
signal = X[:, 0] - 0.7 * X[:, 1] + 0.5 * X[:, 2] * X[:, 3] + 0.3 * rng.normal(size=ROWS)
X[rng.uniform(size=X.shape) < 0.05] = np.nan
y_binary = (signal > 0).astype(int)
y_reg = signal
y_unit = 1 / (1 + np.exp(-signal))
y_multi = np.digitize(signal, np.quantile(signal, [0.25, 0.5, 0.75]))
NAMES = ["age", "income", "tenure", "score", "visits"]

MODELS = [
    # file, params, label, rounds, feature names
    ("binary_logistic", {"objective": "binary:logistic", "max_depth": 4}, y_binary, 20, None),
    ("binary_logitraw", {"objective": "binary:logitraw", "max_depth": 3}, y_binary, 15, None),
    ("reg_squarederror", {"objective": "reg:squarederror", "max_depth": 4}, y_reg, 25, None),
    ("reg_logistic", {"objective": "reg:logistic", "max_depth": 3}, y_unit, 20, None),
    ("multi_softprob", {"objective": "multi:softprob", "num_class": 4, "max_depth": 3}, y_multi, 10, None),
    ("multi_softmax", {"objective": "multi:softmax", "num_class": 4, "max_depth": 3}, y_multi, 8, None),
    ("dart_binary", {"objective": "binary:logistic", "booster": "dart", "max_depth": 3,
                     "rate_drop": 0.3, "skip_drop": 0.0, "seed": 7}, y_binary, 15, None),
    ("named_features", {"objective": "binary:logistic", "max_depth": 3, "base_score": 0.3}, y_binary, 12, NAMES),
]

reference = {
    "versions": {"xgboost": xgb.__version__, "numpy": np.__version__, "python": platform.python_version()},
    "seed": SEED,
    "features": FEATURES,
    "rows": [[None if np.isnan(v) else float(v) for v in row] for row in X],
    "models": [],
}

for name, params, label, rounds, names in MODELS:
    params = {**params, "eta": 0.3, "nthread": 1, "seed": params.get("seed", 0)}
    train = xgb.DMatrix(X, label=label, missing=np.nan, feature_names=names)
    booster = xgb.train(params, train, rounds)
    path = OUT / f"{name}.json"
    booster.save_model(str(path))
    data = xgb.DMatrix(X, missing=np.nan, feature_names=names)
    if params["objective"] == "multi:softmax":
        # predict() returns class ids for softmax; Evalbook returns the probability
        # table, which is softprob's transform of the same margins.
        margins = booster.predict(data, output_margin=True).reshape(ROWS, -1)
        e = np.exp(margins - margins.max(axis=1, keepdims=True))
        predictions = e / e.sum(axis=1, keepdims=True)
        classes = booster.predict(data)
    else:
        predictions = booster.predict(data)
        margins = booster.predict(data, output_margin=True)
        classes = None
    reference["models"].append({
        "file": f"{name}.json",
        "objective": params["objective"],
        "booster": params.get("booster", "gbtree"),
        "rounds": rounds,
        "features": names or [f"f{i}" for i in range(FEATURES)],
        "predictions": [float(v) for v in np.asarray(predictions, dtype=np.float64).ravel()],
        "margins": [float(v) for v in np.asarray(margins, dtype=np.float64).ravel()],
        "classes": None if classes is None else [int(v) for v in classes],
    })

with open(OUT / "xgboost_reference.json", "w") as f:
    json.dump(reference, f, indent=1)
    f.write("\n")
print(f"wrote {len(MODELS)} models and xgboost_reference.json to {OUT}")
