#!/usr/bin/env python3
"""Generate reference values for the wider metric catalogue that EvalMetrics implements.

Writes Tests/EvalMetricsTests/Fixtures/metrics_reference_catalogue.json. Run it from
the repository root with a Python that has scikit-learn, scipy and numpy installed:

    python scripts/reference/metrics_catalogue_fixtures.py

Each case names a metric, its inputs (`y`, `x` for predictions or scores, `P` for a
row-major probability table, `weights`) and options, and expects either a scalar
(`expected`, null where Evalbook's undefined-result rule gives null) or named arrays
(`arrays`, where null marks an undefined entry and +inf is written as 1.7976931348623157e308,
JSON having no infinity).

Values come from scikit-learn and scipy wherever they define the quantity. Three
quantities have no scikit-learn counterpart and are computed here from their documented
definitions with numpy: `huber`, `lift`/`gain_curve`, and weighted `ece`/`mce`/
`calibration` (scikit-learn's calibration_curve takes no weights); the unweighted
calibration cases do come from scikit-learn.
"""

import json
import math
import pathlib
import warnings

import numpy as np
import scipy
import sklearn
from scipy import stats
from sklearn import metrics
from sklearn.calibration import calibration_curve

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "Tests" / "EvalMetricsTests" / "Fixtures" / "metrics_reference_catalogue.json"
SEED = 20261129
BIG = 1.7976931348623157e308

warnings.simplefilter("ignore")
rng = np.random.default_rng(SEED)
cases = []


def plain(values):
    """Plain Python numbers for JSON; NaN becomes None and infinities become +-BIG."""
    out = []
    for v in np.asarray(values, dtype=float).ravel():
        if math.isnan(v):
            out.append(None)
        elif math.isinf(v):
            out.append(BIG if v > 0 else -BIG)
        else:
            out.append(float(v))
    return out


inputs = {}
input_ids = {}


def shared(values):
    """Inputs are stored once in `inputs` and named by cases, to keep the file small."""
    values = plain(values)
    key = json.dumps(values)
    if key not in input_ids:
        input_ids[key] = f"i{len(input_ids)}"
        inputs[input_ids[key]] = values
    return input_ids[key]


def add(name, metric, y, x=None, weights=None, P=None, expected=None, arrays=None, **options):
    case = {"name": name, "metric": metric, "y": shared(y)}
    if x is not None:
        case["x"] = shared(x)
    if P is not None:
        P = np.asarray(P, dtype=float)
        case["P"] = shared(P)
        options["classes"] = options.get("classes", P.shape[1])
    if weights is not None:
        case["weights"] = shared(weights)
    if "group" in options:
        case["group"] = shared(options.pop("group"))
    case["options"] = options
    if arrays is not None:
        case["arrays"] = {k: plain(v) for k, v in arrays.items()}
    else:
        case["expected"] = None if expected is None or math.isnan(expected) else float(expected)
    cases.append(case)


def r(values, decimals=6):
    return np.round(values, decimals)


def weights_for(n, zeros=0):
    w = r(rng.uniform(0.1, 3.0, n), 3)
    if zeros:
        w[rng.choice(n, zeros, replace=False)] = 0.0
    return w


# Regression ------------------------------------------------------------------

n = 301
y = r(rng.normal(10.0, 4.0, n))
yhat = r(y + rng.normal(0.5, 1.5, n))
w = weights_for(n, zeros=6)
for weights in (None, w):
    tag = "weighted" if weights is not None else "unweighted"
    add(f"mape {tag}", "mape", y, yhat, weights,
        expected=metrics.mean_absolute_percentage_error(y, yhat, sample_weight=weights))
    add(f"median_ae {tag}", "median_ae", y, yhat, weights,
        expected=metrics.median_absolute_error(y, yhat, sample_weight=weights))
    add(f"explained_variance {tag}", "explained_variance", y, yhat, weights,
        expected=metrics.explained_variance_score(y, yhat, sample_weight=weights))
    yp = np.abs(y)
    yhatp = np.abs(yhat)
    add(f"msle {tag}", "msle", yp, yhatp, weights,
        expected=metrics.mean_squared_log_error(yp, yhatp, sample_weight=weights))
    add(f"rmsle {tag}", "rmsle", yp, yhatp, weights,
        expected=metrics.root_mean_squared_log_error(yp, yhatp, sample_weight=weights))
    for alpha in (0.1, 0.5, 0.9):
        add(f"pinball {alpha} {tag}", "pinball", y, yhat, weights, alpha=alpha,
            expected=metrics.mean_pinball_loss(y, yhat, alpha=alpha, sample_weight=weights))
    for delta in (0.5, 1.0, 3.0):
        res = np.abs(y - yhat)
        loss = np.where(res <= delta, 0.5 * res**2, delta * (res - 0.5 * delta))
        add(f"huber {delta} {tag}", "huber", y, yhat, weights, delta=delta,
            expected=np.average(loss, weights=weights))
add("max_error", "max_error", y, yhat, expected=metrics.max_error(y, yhat))
# Weighted max_error drops zero-weight rows: put the largest miss on one of them.
yhat_spike = yhat.copy()
yhat_spike[np.flatnonzero(w == 0)[0]] += 100.0
add("max_error weighted skips zero weight", "max_error", y, yhat_spike, w,
    expected=np.max(np.abs(y - yhat_spike)[w > 0]))
add("mape with a zero target", "mape", [0.0, 1.0, 2.0], [0.5, 1.0, 1.0],
    expected=metrics.mean_absolute_percentage_error([0.0, 1.0, 2.0], [0.5, 1.0, 1.0]))
add("msle near -1", "msle", [-0.5, 0.0, 3.0], [-0.9, 0.5, 2.0],
    expected=metrics.mean_squared_log_error([-0.5, 0.0, 3.0], [-0.9, 0.5, 2.0]))
add("explained_variance constant y", "explained_variance", [2.0] * 10, r(rng.normal(2, 1, 10)))
add("explained_variance bias only", "explained_variance", y[:50], y[:50] + 3.0,
    expected=metrics.explained_variance_score(y[:50], y[:50] + 3.0))

# Weighted medians: even count with unit weights (averaging branch), an exact boundary,
# a zero-weight row right after the boundary, trailing zero weights, and ties.
median_cases = [
    ("median_ae even unit weights", [0, 0, 0, 0], [1, 2, 3, 4], [1, 1, 1, 1]),
    ("median_ae boundary then zero weight", [0] * 5, [1, 2, 3, 4, 5], [1, 1, 0, 1, 1]),
    ("median_ae trailing zero weights", [0] * 4, [1, 2, 3, 4], [1, 1, 0, 0]),
    ("median_ae ties", [0] * 6, [1, 2, 2, 2, 3, 9], [0.5, 1, 2, 0.5, 1, 1]),
    ("median_ae uneven weights", [0] * 5, [5, 1, 4, 2, 3], [0.1, 0.2, 3.0, 0.4, 0.5]),
    ("median_ae odd unweighted", [0] * 5, [5, 1, 4, 2, 3], None),
    ("median_ae even unweighted", [0] * 6, [5, 1, 4, 2, 3, 8], None),
]
for name, yt, yp, ww in median_cases:
    add(name, "median_ae", yt, yp, ww, expected=metrics.median_absolute_error(yt, yp, sample_weight=ww))

# Binary hard predictions ------------------------------------------------------

n = 600
y_bin = rng.integers(0, 2, n)
yhat_bin = np.where(rng.uniform(size=n) < 0.75, y_bin, 1 - y_bin)
w_bin = weights_for(n, zeros=9)


def binary_cases(tag, yt, yp, ww):
    kw = {"sample_weight": ww}
    add(f"precision {tag}", "precision", yt, yp, ww, expected=metrics.precision_score(yt, yp, **kw))
    add(f"recall {tag}", "recall", yt, yp, ww, expected=metrics.recall_score(yt, yp, **kw))
    add(f"f1 {tag}", "f1", yt, yp, ww, expected=metrics.f1_score(yt, yp, **kw))
    for beta in (0.5, 2.0):
        add(f"fbeta {beta} {tag}", "fbeta", yt, yp, ww, beta=beta,
            expected=metrics.fbeta_score(yt, yp, beta=beta, **kw))
    add(f"specificity {tag}", "specificity", yt, yp, ww,
        expected=metrics.recall_score(yt, yp, pos_label=0, **kw))
    add(f"balanced_accuracy {tag}", "balanced_accuracy", yt, yp, ww,
        expected=metrics.balanced_accuracy_score(yt, yp, **kw))
    add(f"mcc {tag}", "mcc", yt, yp, ww, expected=metrics.matthews_corrcoef(yt, yp, **kw))
    for weighting in ("none", "linear", "quadratic"):
        add(f"cohen_kappa {weighting} {tag}", "cohen_kappa", yt, yp, ww, weighting=weighting,
            expected=metrics.cohen_kappa_score(yt, yp, weights=None if weighting == "none" else weighting, **kw))
    tn, fp, fn, tp = metrics.confusion_matrix(yt, yp, sample_weight=ww, labels=[0, 1]).ravel()
    add(f"confusion {tag}", "confusion", yt, yp, ww, arrays={"counts": [tp, fp, fn, tn]})


binary_cases("unweighted", y_bin, yhat_bin, None)
binary_cases("weighted", y_bin, yhat_bin, w_bin)
# Heavy imbalance: 0.1% positives.
y_rare = np.zeros(4000, dtype=int)
y_rare[rng.choice(4000, 4, replace=False)] = 1
yhat_rare = y_rare.copy()
yhat_rare[rng.choice(4000, 10, replace=False)] = 1
binary_cases("rare positives", y_rare, yhat_rare, None)

# Zero division: nothing predicted positive, no positives in y, neither.
y_z = np.array([0, 1, 0, 1, 0])
no_pred = np.zeros(5, dtype=int)
add("precision nothing predicted", "precision", y_z, no_pred)
for zd in (0.0, 1.0):
    add(f"precision nothing predicted zero_division {zd}", "precision", y_z, no_pred, zero_division=zd,
        expected=metrics.precision_score(y_z, no_pred, zero_division=zd))
add("f1 nothing predicted is 0", "f1", y_z, no_pred, expected=metrics.f1_score(y_z, no_pred, zero_division=0))
add("recall no positives", "recall", np.zeros(4), [0, 1, 0, 1])
add("recall no positives zero_division 1", "recall", np.zeros(4), [0, 1, 0, 1], zero_division=1.0,
    expected=metrics.recall_score(np.zeros(4), [0, 1, 0, 1], zero_division=1.0))
add("f1 no positives anywhere", "f1", np.zeros(4), np.zeros(4))
add("f1 no positives anywhere zero_division 1", "f1", np.zeros(4), np.zeros(4), zero_division=1.0,
    expected=metrics.f1_score(np.zeros(4), np.zeros(4), zero_division=1.0))
add("specificity no negatives", "specificity", np.ones(4), [0, 1, 0, 1])
add("balanced_accuracy one class", "balanced_accuracy", np.ones(4), [0, 1, 0, 1])
add("mcc constant prediction", "mcc", y_z, np.ones(5))
add("cohen_kappa one label", "cohen_kappa", np.ones(4), np.ones(4), weighting="none")

# Multiclass -------------------------------------------------------------------

n = 500
k = 6
y_mc = rng.integers(0, 5, n)  # class 5 occurs nowhere
yhat_mc = np.where(rng.uniform(size=n) < 0.6, y_mc, rng.integers(0, 5, n))
yhat_mc[yhat_mc == 4] = 3  # class 4 is never predicted
w_mc = weights_for(n, zeros=8)
# Every class present and predicted, for defined macro averages.
y_full = rng.integers(0, 4, 400)
yhat_full = np.where(rng.uniform(size=400) < 0.55, y_full, rng.integers(0, 4, 400))
# A class that is predicted but never true (3), so its recall is undefined.
y_extra = rng.integers(0, 3, 300)
yhat_extra = np.where(rng.uniform(size=300) < 0.7, y_extra, rng.integers(0, 4, 300))


def prf_nan(yt, yp, ww, beta):
    return metrics.precision_recall_fscore_support(
        yt, yp, beta=beta, average=None, sample_weight=ww, zero_division=np.nan)


def multiclass_cases(tag, yt, yp, ww, classes):
    labels = np.unique(np.concatenate([yt, yp]))
    for beta in (1.0, 2.0):
        p, rc, f, s = prf_nan(yt, yp, ww, beta)
        add(f"per_class beta {beta} {tag}", "per_class", yt, yp, ww, classes=classes, beta=beta,
            arrays={"label": labels, "precision": p, "recall": rc, "fscore": f, "support": s})
        for average in ("macro", "micro", "weighted"):
            for which, index in (("precision", 0), ("recall", 1), ("fbeta", 2)):
                if which != "fbeta" and beta != 1.0:
                    continue
                values = (p, rc, f)[index]
                undefined = np.isnan(values)
                if average == "macro" and undefined.any():
                    expected = None
                elif average == "weighted" and (undefined & (s > 0)).any():
                    expected = None
                else:
                    expected = metrics.precision_recall_fscore_support(
                        yt, yp, beta=beta, average=average, sample_weight=ww, zero_division=0.0)[index]
                add(f"{which} {average} beta {beta} {tag}", f"mc_{which}", yt, yp, ww,
                    classes=classes, beta=beta, average=average, expected=expected)
                if expected is None:
                    for zd in (0.0, 1.0):
                        add(f"{which} {average} beta {beta} zero_division {zd} {tag}", f"mc_{which}",
                            yt, yp, ww, classes=classes, beta=beta, average=average, zero_division=zd,
                            expected=metrics.precision_recall_fscore_support(
                                yt, yp, beta=beta, average=average, sample_weight=ww, zero_division=zd)[index])
    add(f"accuracy {tag}", "mc_accuracy", yt, yp, ww, classes=classes,
        expected=metrics.accuracy_score(yt, yp, sample_weight=ww))
    add(f"mcc {tag}", "mc_mcc", yt, yp, ww, classes=classes,
        expected=metrics.matthews_corrcoef(yt, yp, sample_weight=ww))
    for weighting in ("none", "linear", "quadratic"):
        add(f"cohen_kappa {weighting} {tag}", "mc_cohen_kappa", yt, yp, ww, classes=classes, weighting=weighting,
            expected=metrics.cohen_kappa_score(yt, yp, weights=None if weighting == "none" else weighting,
                                               sample_weight=ww))
    cm = metrics.confusion_matrix(yt, yp, labels=list(range(classes)), sample_weight=ww)
    add(f"confusion_matrix {tag}", "confusion_matrix", yt, yp, ww, classes=classes, arrays={"matrix": cm})
    report = metrics.classification_report(yt, yp, sample_weight=ww, zero_division=0.0, output_dict=True)
    rows = [report[str(c)] for c in labels]
    add(f"classification_report {tag}", "classification_report", yt, yp, ww, classes=classes, zero_division=0.0,
        arrays={
            "precision": [row["precision"] for row in rows],
            "recall": [row["recall"] for row in rows],
            "fscore": [row["f1-score"] for row in rows],
            "support": [row["support"] for row in rows],
            "accuracy": [report.get("accuracy", report.get("micro avg", {}).get("f1-score", np.nan))],
            "macro": [report["macro avg"][key] for key in ("precision", "recall", "f1-score", "support")],
            "weighted": [report["weighted avg"][key] for key in ("precision", "recall", "f1-score", "support")],
        })


multiclass_cases("absent classes", y_mc, yhat_mc, None, k)
multiclass_cases("absent classes weighted", y_mc, yhat_mc, w_mc, k)
multiclass_cases("all present", y_full, yhat_full, None, 4)
multiclass_cases("all present weighted", y_full, yhat_full, weights_for(400), 4)
multiclass_cases("predicted only class", y_extra, yhat_extra, None, 4)
# Kappa weights follow positions in the label set, not codes: codes {0, 2, 5} present.
codes = np.array([0, 2, 5])
y_sparse = codes[rng.integers(0, 3, 120)]
yhat_sparse = np.where(rng.uniform(size=120) < 0.6, y_sparse, codes[rng.integers(0, 3, 120)])
for weighting in ("linear", "quadratic"):
    add(f"cohen_kappa {weighting} sparse codes", "mc_cohen_kappa", y_sparse, yhat_sparse, classes=6,
        weighting=weighting, expected=metrics.cohen_kappa_score(y_sparse, yhat_sparse, weights=weighting))

# Probability tables: top-k accuracy and cross-entropy.
n = 400
m = 6
logits = rng.normal(0, 1.0, (n, m))
y_tab = rng.integers(0, m, n)
logits[np.arange(n), y_tab] += 1.2
P = np.exp(logits)
P = r(P / P.sum(axis=1, keepdims=True), 6)
w_tab = weights_for(n, zeros=5)
labels = list(range(m))
for kk in (1, 2, 3, 6):
    add(f"top_k {kk}", "top_k", y_tab, P=P, k=kk, expected=metrics.top_k_accuracy_score(y_tab, P, k=kk, labels=labels))
    add(f"top_k {kk} weighted", "top_k", y_tab, weights=w_tab, P=P, k=kk,
        expected=metrics.top_k_accuracy_score(y_tab, P, k=kk, labels=labels, sample_weight=w_tab))
P_ties = np.round(P, 1)
for kk in (1, 2, 3):
    add(f"top_k {kk} ties", "top_k", y_tab, P=P_ties, k=kk,
        expected=metrics.top_k_accuracy_score(y_tab, P_ties, k=kk, labels=labels))
add("cross_entropy", "cross_entropy", y_tab, P=P, expected=metrics.log_loss(y_tab, P, labels=labels))
add("cross_entropy weighted", "cross_entropy", y_tab, weights=w_tab, P=P,
    expected=metrics.log_loss(y_tab, P, labels=labels, sample_weight=w_tab))
P_edge = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.5, 0.5, 0.0], [0.2, 0.3, 0.5]])
y_edge = np.array([0, 2, 1, 2, 1])
add("cross_entropy exact zeros and ones", "cross_entropy", y_edge, P=P_edge,
    expected=metrics.log_loss(y_edge, P_edge, labels=[0, 1, 2]))
P_loose = np.array([[0.6, 0.3, 0.2], [0.1, 0.1, 0.7], [0.3, 0.3, 0.3]])
add("cross_entropy rows not summing to one", "cross_entropy", [0, 2, 1], P=P_loose,
    expected=metrics.log_loss([0, 2, 1], P_loose, labels=[0, 1, 2]))

# Scores: brier, average precision, PR AUC, KS, curves, lift, gain ---------------

n = 300
y_s = rng.integers(0, 2, n)
p_s = r(1 / (1 + np.exp(-(1.4 * (2 * y_s - 1) + rng.normal(0, 1.5, n)))), 4)
w_s = weights_for(n, zeros=11)
y_t = rng.integers(0, 2, 900)
p_t = np.round(np.clip(0.3 * y_t + rng.normal(0.35, 0.25, 900), 0, 1), 1)  # long tied runs
y_rare = np.zeros(3000, dtype=int)
y_rare[rng.choice(3000, 3, replace=False)] = 1
p_rare = r(1 / (1 + np.exp(-(rng.normal(-2, 1, 3000) + 2.0 * y_rare))), 3)
y_01 = rng.integers(0, 2, 60)
p_01 = np.where(rng.uniform(size=60) < 0.5, y_01, rng.integers(0, 2, 60)).astype(float)
p_01[:10] = r(rng.uniform(size=10), 3)
score_sets = [
    ("smooth", y_s, p_s, None),
    ("smooth weighted", y_s, p_s, w_s),
    ("ties", y_t, p_t, None),
    ("ties weighted", y_t, p_t, weights_for(900, zeros=30)),
    ("constant", y_t, np.full(900, 0.3), None),
    ("rare 0.1%", y_rare, p_rare, None),
    ("rare 0.1% weighted", y_rare, p_rare, weights_for(3000)),
    ("zeros and ones", y_01, p_01, None),
]


def sweep(yt, ps, ww):
    tns, fps, fns, tps, thr = metrics.confusion_matrix_at_thresholds(yt, ps, sample_weight=ww)
    return np.asarray(fps, float), np.asarray(tps, float), np.asarray(thr, float)


for tag, yt, ps, ww in score_sets:
    kw = {"sample_weight": ww}
    # Full curves of the large rare-positive sets would dominate the file; their scalars
    # and dropped ROC curves are checked, and the curve code is the same for every set.
    full_curves = "rare" not in tag
    add(f"brier {tag}", "brier", yt, ps, ww, expected=metrics.brier_score_loss(yt, ps, **kw))
    add(f"roc_auc sweep {tag}", "sweep_roc_auc", yt, ps, ww, expected=metrics.roc_auc_score(yt, ps, **kw))
    add(f"average_precision {tag}", "average_precision", yt, ps, ww,
        expected=metrics.average_precision_score(yt, ps, **kw))
    prec, rec, thr = metrics.precision_recall_curve(yt, ps, **kw)
    add(f"pr_auc {tag}", "pr_auc", yt, ps, ww, expected=metrics.auc(rec, prec))
    if full_curves:
        add(f"pr_curve {tag}", "pr_curve", yt, ps, ww, drop_intermediate=False,
            arrays={"precision": prec, "recall": rec, "thresholds": thr})
    prec, rec, thr = metrics.precision_recall_curve(yt, ps, drop_intermediate=True, **kw)
    add(f"pr_curve dropped {tag}", "pr_curve", yt, ps, ww, drop_intermediate=True,
        arrays={"precision": prec, "recall": rec, "thresholds": thr})
    for drop in (True, False) if full_curves else (True,):
        fpr, tpr, thr = metrics.roc_curve(yt, ps, drop_intermediate=drop, **kw)
        add(f"roc_curve drop {drop} {tag}", "roc_curve", yt, ps, ww, drop_intermediate=drop,
            arrays={"fpr": fpr, "tpr": tpr, "thresholds": thr})
    if ww is None:
        ks = stats.ks_2samp(ps[yt == 1], ps[yt == 0]).statistic
    else:
        fpr, tpr, _ = metrics.roc_curve(yt, ps, drop_intermediate=False, **kw)
        ks = np.max(np.abs(tpr - fpr))
    add(f"ks {tag}", "ks", yt, ps, ww, expected=ks)
    # Gain and lift by their documented definitions on scikit-learn's threshold counts.
    fps, tps, thr = sweep(yt, ps, ww)
    total = tps[-1] + fps[-1]
    fraction = np.r_[0.0, (tps + fps) / total]
    gain = np.r_[0.0, tps / tps[-1]]
    if full_curves:
        add(f"gain_curve {tag}", "gain_curve", yt, ps, ww,
            arrays={"thresholds": np.r_[np.inf, thr], "fraction": fraction, "gain": gain})
    for at in (0.05, 0.1, 0.3, 1.0):
        add(f"lift at {at} {tag}", "lift", yt, ps, ww, at=at,
            expected=np.interp(at, fraction, gain) / at)

# One class: undefined curves and scores (scikit-learn warns and returns NaN or 0).
add("average_precision no positives", "average_precision", np.zeros(5), r(rng.uniform(size=5)))
add("average_precision only positives", "average_precision", np.ones(5), r(rng.uniform(size=5)),
    expected=metrics.average_precision_score(np.ones(5), r(rng.uniform(size=5))))
add("ks one class", "ks", np.ones(5), r(rng.uniform(size=5)))
add("roc_curve one class", "roc_curve", np.zeros(5), r(rng.uniform(size=5)), drop_intermediate=True)
add("pr_curve no positives", "pr_curve", np.zeros(5), r(rng.uniform(size=5)), drop_intermediate=False)

# Calibration ------------------------------------------------------------------

n = 800
p_c = r(rng.beta(2, 3, n), 4)
p_c[:40] = np.round(p_c[:40], 1)  # values exactly on uniform edges
y_c = (rng.uniform(size=n) < p_c ** 1.2).astype(int)
w_c = weights_for(n, zeros=10)
p_gap = np.r_[r(rng.uniform(0.0, 0.3, 100), 4), r(rng.uniform(0.7, 1.0, 100), 4)]  # empty middle bins
y_gap = (rng.uniform(size=200) < p_gap).astype(int)
p_qt = np.round(rng.uniform(size=300), 1)  # quantile edges land on tied values
y_qt = (rng.uniform(size=300) < p_qt).astype(int)


def calibration_reference(yt, ps, bins, strategy, ww):
    """scikit-learn's curve when unweighted; the same binning with weights otherwise."""
    if strategy == "quantile":
        edges = np.percentile(ps, np.linspace(0, 1, bins + 1) * 100)
    else:
        edges = np.linspace(0.0, 1.0, bins + 1)
    ids = np.searchsorted(edges[1:-1], ps)
    wt = np.ones(len(ps)) if ww is None else np.asarray(ww, float)
    total = np.bincount(ids, weights=wt, minlength=bins)
    nonzero = total != 0
    pred = np.bincount(ids, weights=wt * ps, minlength=bins)[nonzero] / total[nonzero]
    true = np.bincount(ids, weights=wt * yt, minlength=bins)[nonzero] / total[nonzero]
    if ww is None:
        true_sk, pred_sk = calibration_curve(yt, ps, n_bins=bins, strategy=strategy)
        assert np.allclose(true_sk, true, rtol=1e-12) and np.allclose(pred_sk, pred, rtol=1e-12)
        true, pred = true_sk, pred_sk
    return np.flatnonzero(nonzero), total[nonzero], pred, true


for tag, yt, ps, ww in (("beta", y_c, p_c, None), ("beta weighted", y_c, p_c, w_c),
                        ("gap", y_gap, p_gap, None), ("tied quantiles", y_qt, p_qt, None)):
    for strategy in ("uniform", "quantile"):
        for bins in (5, 10):
            b, c, pred, true = calibration_reference(yt, ps, bins, strategy, ww)
            add(f"calibration {strategy} {bins} {tag}", "calibration", yt, ps, ww, bins=bins, strategy=strategy,
                arrays={"bin": b, "count": c, "prob_pred": pred, "prob_true": true})
    for bins in (10, 15):
        b, c, pred, true = calibration_reference(yt, ps, bins, "uniform", ww)
        gaps = np.abs(true - pred)
        add(f"ece {bins} {tag}", "ece", yt, ps, ww, bins=bins, expected=np.sum(c * gaps) / np.sum(c))
        add(f"mce {bins} {tag}", "mce", yt, ps, ww, bins=bins, expected=np.max(gaps))

# Multilabel -------------------------------------------------------------------
# Tables are row-major in `y` (truth) and `x` (prediction), `classes` labels wide.

n, L = 200, 5
Y = (rng.uniform(size=(n, L)) < [0.5, 0.3, 0.1, 0.6, 0.0]).astype(int)  # label 4 never true
flip = rng.uniform(size=(n, L)) < 0.2
Yhat = np.where(flip, 1 - Y, Y)
Yhat[:, 2] = 0  # label 2 never predicted
w_ml = weights_for(n, zeros=4)
Y_ok = (rng.uniform(size=(n, L)) < 0.5).astype(int)
Y_ok[Y_ok.sum(axis=1) == 0, 0] = 1
Yhat_ok = np.where(rng.uniform(size=(n, L)) < 0.25, 1 - Y_ok, Y_ok)
Yhat_ok[Yhat_ok.sum(axis=1) == 0, 1] = 1
for tag, yt, yp, ww in (("gaps", Y, Yhat, None), ("gaps weighted", Y, Yhat, w_ml),
                        ("full", Y_ok, Yhat_ok, None), ("full weighted", Y_ok, Yhat_ok, w_ml)):
    add(f"hamming_loss {tag}", "hamming_loss", yt, yp, ww, classes=L,
        expected=metrics.hamming_loss(yt, yp, sample_weight=ww))
    add(f"subset_accuracy {tag}", "subset_accuracy", yt, yp, ww, classes=L,
        expected=metrics.accuracy_score(yt, yp, sample_weight=ww))
    p_, r_, f_, s_ = metrics.precision_recall_fscore_support(yt, yp, average=None, sample_weight=ww,
                                                            zero_division=np.nan)
    add(f"multilabel per_class {tag}", "ml_per_class", yt, yp, ww, classes=L,
        arrays={"precision": p_, "recall": r_, "fscore": f_, "support": s_})
    for average in ("macro", "micro", "weighted", "samples"):
        nan_values = metrics.precision_recall_fscore_support(
            yt, yp, average=None if average != "samples" else "samples", sample_weight=ww, zero_division=np.nan)
        for index, which in enumerate(("precision", "recall", "fscore")):
            if average == "samples":
                # Per-row undefined entries: recompute per row to see whether any row is undefined.
                tp = (yt & yp).sum(axis=1)
                denominator = (yp.sum(axis=1), yt.sum(axis=1), yt.sum(axis=1) + yp.sum(axis=1))[index]
                undefined = denominator == 0
                if ww is not None:
                    undefined = undefined & (np.asarray(ww) > 0)
                spoiled = undefined.any()
            elif average == "macro":
                spoiled = np.isnan(nan_values[index]).any()
            elif average == "weighted":
                spoiled = (np.isnan(nan_values[index]) & (nan_values[3] > 0)).any()
            else:
                spoiled = False
            expected = None if spoiled else metrics.precision_recall_fscore_support(
                yt, yp, average=average, sample_weight=ww, zero_division=0.0)[index]
            add(f"multilabel {which} {average} {tag}", "ml_" + which, yt, yp, ww, classes=L, average=average,
                expected=expected)
            if spoiled:
                add(f"multilabel {which} {average} zero_division 1 {tag}", "ml_" + which, yt, yp, ww, classes=L,
                    average=average, zero_division=1.0,
                    expected=metrics.precision_recall_fscore_support(
                        yt, yp, average=average, sample_weight=ww, zero_division=1.0)[index])

# Ranking ----------------------------------------------------------------------
# `y` is relevance, `x` scores, `group` the query key of each row.

nq, L = 40, 8
rel = rng.integers(0, 4, (nq, L)).astype(float)
rel[rng.uniform(size=(nq, L)) < 0.4] = 0
rel[3] = 0  # a query with nothing relevant
score = np.round(rel * 0.3 + rng.normal(0, 1, (nq, L)), 1)  # ties within queries
group = np.repeat(np.arange(nq) * 7 + 3, L)  # keys need not be 0..<n
relevant_queries = rel.sum(axis=1) > 0
for k in (None, 1, 3, 5):
    tag = f"k {k}"
    add(f"dcg {tag}", "dcg", rel, score, group=group, k=k if k else 0,
        expected=metrics.dcg_score(rel, score, k=k))
    add(f"ndcg {tag}", "ndcg", rel, score, group=group, k=k if k else 0,
        expected=metrics.ndcg_score(rel[relevant_queries], score[relevant_queries], k=k))
    exp_rel = 2.0 ** rel - 1
    add(f"ndcg exponential {tag}", "ndcg", rel, score, group=group, k=k if k else 0, gain="exponential",
        expected=metrics.ndcg_score(exp_rel[relevant_queries], score[relevant_queries], k=k))
    add(f"dcg exponential {tag}", "dcg", rel, score, group=group, k=k if k else 0, gain="exponential",
        expected=metrics.dcg_score(exp_rel, score, k=k))
binary_rel = (rel > 0).astype(int)
binary_rel[5] = 1  # a query whose labels are all relevant
add("lrap", "lrap", binary_rel, score, group=group,
    expected=metrics.label_ranking_average_precision_score(binary_rel, score))
add("coverage_error", "coverage_error", binary_rel, score, group=group,
    expected=metrics.coverage_error(binary_rel, score))
add("ranking_loss", "ranking_loss", binary_rel, score, group=group,
    expected=metrics.label_ranking_loss(binary_rel, score))
# Queries of different sizes: each scored alone by scikit-learn, then averaged.
sizes = [3, 7, 5, 10, 4, 6]
rel_v, score_v, group_v = [], [], []
for q, size in enumerate(sizes):
    rel_v.append(rng.integers(0, 3, size).astype(float))
    score_v.append(np.round(rng.normal(0, 1, size), 1))
    group_v.append(np.full(size, 100 - q))  # keys in descending order of appearance
rel_v[2][:] = [0, 1, 0, 0, 1]
flat_rel, flat_score, flat_group = np.concatenate(rel_v), np.concatenate(score_v), np.concatenate(group_v)
for k in (None, 3):
    add(f"ndcg ragged k {k}", "ndcg", flat_rel, flat_score, group=flat_group, k=k if k else 0,
        expected=np.mean([metrics.ndcg_score([a], [b], k=k) for a, b in zip(rel_v, score_v) if a.sum() > 0]))
    add(f"dcg ragged k {k}", "dcg", flat_rel, flat_score, group=flat_group, k=k if k else 0,
        expected=np.mean([metrics.dcg_score([a], [b], k=k) for a, b in zip(rel_v, score_v)]))
for metric, fn in (("lrap", metrics.label_ranking_average_precision_score),
                   ("coverage_error", metrics.coverage_error), ("ranking_loss", metrics.label_ranking_loss)):
    add(f"{metric} ragged", metric, flat_rel, flat_score, group=flat_group,
        expected=np.mean([fn([(a > 0).astype(int)], [b]) for a, b in zip(rel_v, score_v)]))
add("ndcg nothing relevant", "ndcg", np.zeros(6), r(rng.uniform(size=6)), group=np.repeat([1, 2], 3), k=0)

document = {
    "generator": "scripts/reference/metrics_catalogue_fixtures.py",
    "versions": {"scikit-learn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__},
    "seed": SEED,
    "inputs": inputs,
    "cases": cases,
}
OUTPUT.parent.mkdir(parents=True, exist_ok=True)
OUTPUT.write_text(json.dumps(document) + "\n")
print(f"wrote {len(cases)} cases, {OUTPUT.stat().st_size} bytes to {OUTPUT.relative_to(ROOT)}")
