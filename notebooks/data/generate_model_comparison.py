#!/usr/bin/env python3
"""Data and candidate models for notebooks/model_comparison.md.

A subscription business wants to choose which churn model drives its retention
offers. Four candidates were trained by different people with different tools:

- `xgb_auc`:     XGBoost tuned for AUC, built before support tickets were joined
                 into the feature store (so without `support_tickets`);
- `xgb_value`:   XGBoost, same features, trained with sample weights proportional to
                 monthly revenue, so it ranks the customers who are worth saving;
- `lgbm_small`:  a small LightGBM model (fewer trees), cheaper to serve;
- `logreg`:      a scikit-learn logistic regression on standardised features,
                 exported to ONNX with skl2onnx.

The holdout file holds the features, the observed churn and the monthly revenue that
the payoff uses. Everything is seeded; run from the repository root:

    /tmp/venv/bin/python notebooks/data/generate_model_comparison.py

It writes notebooks/data/model_comparison_holdout.csv and the four models under
notebooks/models/.
"""

import os

import numpy as np

SEED = 20261129
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODELS = os.path.join(ROOT, "notebooks", "models")
HOLDOUT = os.path.join(ROOT, "notebooks", "data", "model_comparison_holdout.csv")
FEATURES = ["tenure_months", "monthly_revenue", "support_tickets", "logins_30d", "discount_used", "plan_changes"]


def simulate(rng, n):
    tenure = rng.integers(1, 72, n).astype(float)
    revenue = np.round(np.exp(rng.normal(3.3, 0.9, n)), 2)
    tickets = rng.poisson(1.2, n).astype(float)
    logins = np.round(np.clip(rng.normal(14, 8, n), 0, None))
    discount = (rng.random(n) < 0.25).astype(float)
    plan_changes = rng.poisson(0.4, n).astype(float)
    # Low-value customers churn for price reasons (discounts, logins); high-value ones
    # churn when support fails them (tickets) — a different signal the unweighted
    # model underweights because high-value customers are few.
    high = revenue > np.quantile(revenue, 0.93)
    risk = np.where(high,
                    -2.2 + 1.2 * tickets + 0.8 * plan_changes - 0.01 * tenure,
                    -0.8 - 0.04 * tenure + 1.2 * discount - 0.08 * logins)
    churned = (rng.random(n) < 1 / (1 + np.exp(-risk))).astype(int)
    # Some logins are not recorded: missing values the tree models handle natively.
    logins_missing = logins.copy()
    logins_missing[rng.random(n) < 0.04] = np.nan
    X = np.column_stack([tenure, revenue, tickets, logins_missing, discount, plan_changes])
    return X, churned, revenue, high


def main():
    import lightgbm as lgb
    import xgboost as xgb
    from skl2onnx import to_onnx
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    rng = np.random.default_rng(SEED)
    X_train, y_train, rev_train, high_train = simulate(rng, 20000)
    X_test, y_test, rev_test, _ = simulate(rng, 5000)
    os.makedirs(MODELS, exist_ok=True)

    params = dict(n_estimators=40, max_depth=2, learning_rate=0.1, subsample=0.9, random_state=1, n_jobs=1)
    # Built before support tickets were joined into the feature store: it has every
    # behavioural signal except the one that drives high-value churn.
    behaviour = [j for j, name in enumerate(FEATURES) if name != "support_tickets"]
    auc_model = xgb.XGBClassifier(**params, objective="binary:logistic")
    auc_model.fit(X_train[:, behaviour], y_train)
    auc_model.get_booster().feature_names = [FEATURES[j] for j in behaviour]
    auc_model.get_booster().save_model(os.path.join(MODELS, "xgb_auc.json"))

    value_model = xgb.XGBClassifier(**params, objective="binary:logistic")
    value_model.fit(X_train, y_train, sample_weight=(rev_train / rev_train.mean()) ** 2)
    value_model.get_booster().feature_names = FEATURES
    value_model.get_booster().save_model(os.path.join(MODELS, "xgb_value.json"))

    small = lgb.LGBMClassifier(n_estimators=25, num_leaves=8, learning_rate=0.15, random_state=1, verbose=-1, n_jobs=1)
    small.fit(X_train, y_train, feature_name=FEATURES)
    small.booster_.save_model(os.path.join(MODELS, "lgbm_small.txt"))

    # The logistic regression cannot take missing values: impute logins with the
    # training median before fitting, and the holdout file carries the same column
    # imputed for it (`logins_30d_filled` is not a model feature; the ONNX model's
    # features are f0…f5 by position, so the notebook passes a table in that order).
    median = np.nanmedian(X_train[:, 3])
    X_train_lr = X_train.copy()
    X_train_lr[np.isnan(X_train_lr[:, 3]), 3] = median
    logreg = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    logreg.fit(X_train_lr, y_train)
    onx = to_onnx(logreg, X_train_lr[:1].astype(np.float32), options={"zipmap": False}, target_opset={"": 17, "ai.onnx.ml": 3})
    with open(os.path.join(MODELS, "logreg.onnx"), "wb") as f:
        f.write(onx.SerializeToString())

    with open(HOLDOUT, "w") as f:
        f.write("customer_id," + ",".join(FEATURES) + ",churned\n")
        for i in range(len(y_test)):
            cells = [str(i + 1)]
            for j, name in enumerate(FEATURES):
                v = X_test[i, j]
                cells.append("" if np.isnan(v) else (f"{v:.2f}" if name == "monthly_revenue" else f"{v:.0f}"))
            cells.append(str(y_test[i]))
            f.write(",".join(cells) + "\n")

    from sklearn.metrics import roc_auc_score

    def best_profit(p):
        cost = 0.2 * 3 * rev_test
        gain = np.where(y_test == 1, 0.3 * (12 * rev_test - cost), -cost)
        order = np.argsort(-p, kind="stable")
        return float(np.max(np.r_[0, np.cumsum(gain[order])]))

    for name, model, cols in [("xgb_auc", auc_model, behaviour), ("xgb_value", value_model, list(range(6))), ("lgbm_small", small, list(range(6)))]:
        p = model.predict_proba(X_test[:, cols])[:, 1]
        print(name, "AUC", round(roc_auc_score(y_test, p), 4), "best profit", round(best_profit(p)))
    X_test_lr = X_test.copy()
    X_test_lr[np.isnan(X_test_lr[:, 3]), 3] = median
    p = logreg.predict_proba(X_test_lr)[:, 1]
    print("logreg AUC", round(roc_auc_score(y_test, p), 4), "best profit", round(best_profit(p)), "median logins", median)


if __name__ == "__main__":
    main()
