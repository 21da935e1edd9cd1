#!/usr/bin/env python3
"""Generate ONNX reference models and onnxruntime predictions for EvalModels.

Writes Tests/EvalModelsTests/Fixtures/onnx/*.onnx and onnx_reference.json. Run it from
the repository root with a Python that has scikit-learn, skl2onnx, onnx and onnxruntime:

    /tmp/venv/bin/python scripts/reference/onnx_models.py

Every model is trained on seeded synthetic data and converted with skl2onnx using
`initial_types=[('X', FloatTensorType([None, F]))]`. The JSON holds the versions, the
shared input rows (`inputs`, float32 values written as doubles) and per model the file,
the task, the class labels and onnxruntime's outputs: `probabilities` (rows x classes)
for classifiers, `values` (rows) for regressors. Two graphs are made by hand with onnx.helper: `standard_ops` (Gemm,
Sigmoid, Concat, Mul, Sub, Div, Cast, Reshape, Flatten, MatMul, Softmax, Identity and
ArgMax around a LinearClassifier) and `tree_modes` (a TreeEnsembleRegressor with every
branch mode, AVERAGE, a base value and missing_value_tracks_true); some input rows sit
exactly on its thresholds. `unsupported_einsum.onnx` is a tiny
hand-made graph with an Einsum node, for the "unsupported operator" error.
"""

import json
import pathlib

import numpy as np
import onnx
import onnxruntime as ort
import skl2onnx
import sklearn
from onnx import TensorProto, helper
from skl2onnx import convert_sklearn
from skl2onnx.common.data_types import FloatTensorType
from sklearn.datasets import make_classification, make_regression
from sklearn.ensemble import (GradientBoostingClassifier, GradientBoostingRegressor,
                              RandomForestClassifier, RandomForestRegressor)
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests/EvalModelsTests/Fixtures/onnx"
F = 6
ROWS = 200


def convert(model, name, zipmap=False):
    options = None
    if hasattr(model, "predict_proba"):
        options = {id(model): {"zipmap": zipmap}}
    onx = convert_sklearn(model, initial_types=[("X", FloatTensorType([None, F]))],
                          options=options, target_opset={"": 17, "ai.onnx.ml": 3})
    path = OUT / f"{name}.onnx"
    path.write_bytes(onx.SerializeToString())
    return path


def standard_ops_model():
    """The standard operators around a LinearClassifier: Gemm, Sigmoid, Concat, Mul, Sub,
    Div, Reshape, Flatten, MatMul, Softmax, Identity, Cast, ArgMax."""
    rng = np.random.RandomState(11)
    init = [
        helper.make_tensor("W1", TensorProto.FLOAT, [4, F], rng.randn(4 * F).astype(np.float32)),
        helper.make_tensor("b1", TensorProto.FLOAT, [4], rng.randn(4).astype(np.float32)),
        helper.make_tensor("scale", TensorProto.FLOAT, [F + 4], (rng.rand(F + 4) + 0.5).astype(np.float32)),
        helper.make_tensor("off", TensorProto.DOUBLE, [1, F + 4], rng.randn(F + 4)),
        helper.make_tensor("two", TensorProto.FLOAT, [], [2.0]),
        helper.make_tensor("shape", TensorProto.INT64, [2], [-1, F + 4]),
        helper.make_tensor("W2", TensorProto.FLOAT, [F + 4, 3], rng.randn((F + 4) * 3).astype(np.float32).tobytes(), raw=True),
    ]
    nodes = [
        helper.make_node("Gemm", ["X", "W1", "b1"], ["h"], transB=1, alpha=0.5, beta=2.0),
        helper.make_node("Sigmoid", ["h"], ["s"]),
        helper.make_node("Concat", ["X", "s"], ["c"], axis=1),
        helper.make_node("Mul", ["c", "scale"], ["m"]),
        helper.make_node("Cast", ["off"], ["offf"], to=TensorProto.FLOAT),
        helper.make_node("Sub", ["m", "offf"], ["d"]),
        helper.make_node("Div", ["d", "two"], ["q"]),
        helper.make_node("Reshape", ["q", "shape"], ["r"]),
        helper.make_node("Flatten", ["r"], ["fl"], axis=1),
        helper.make_node("MatMul", ["fl", "W2"], ["z"]),
        helper.make_node("Softmax", ["z"], ["sm"], axis=-1),
        helper.make_node("Identity", ["sm"], ["smi"]),
        helper.make_node("Concat", ["fl", "smi"], ["feats"], axis=-1),
        helper.make_node("LinearClassifier", ["feats"], ["label", "probabilities"], domain="ai.onnx.ml",
                         classlabels_ints=[0, 1, 2], coefficients=rng.randn(3 * (F + 7)).astype(np.float32).tolist(),
                         intercepts=rng.randn(3).astype(np.float32).tolist(), post_transform="SOFTMAX"),
        helper.make_node("ArgMax", ["probabilities"], ["top"], axis=1, keepdims=0),
    ]
    x = helper.make_tensor_value_info("X", TensorProto.FLOAT, [None, F])
    outs = [helper.make_tensor_value_info("label", TensorProto.INT64, [None]),
            helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [None, 3]),
            helper.make_tensor_value_info("top", TensorProto.INT64, [None])]
    graph = helper.make_graph(nodes, "standard_ops", [x], outs, init)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("ai.onnx.ml", 3)],
                             ir_version=8)


def tree_modes_model():
    """A hand-made TreeEnsembleRegressor: every branch mode, AVERAGE over two trees,
    a base value and missing_value_tracks_true."""
    # tree 0: 0 LEQ f0<=0.5 ? 1 : 2 ; 1 EQ f1==0 ? 3 : 4 ; 2 GT f2>-1 ? 5 : 6 ; 3..6 leaves
    # tree 1: 0 LT f3<0.2 ? 1 : 2 ; 1 GTE f4>=0.1 ? 3 : 4 ; 2 NEQ f2!=-1 ? 5 : 6 ; 3..6 leaves
    modes = ["BRANCH_LEQ", "BRANCH_EQ", "BRANCH_GT", "LEAF", "LEAF", "LEAF", "LEAF",
             "BRANCH_LT", "BRANCH_GTE", "BRANCH_NEQ", "LEAF", "LEAF", "LEAF", "LEAF"]
    node = helper.make_node(
        "TreeEnsembleRegressor", ["X"], ["variable"], domain="ai.onnx.ml", n_targets=1,
        nodes_treeids=[0] * 7 + [1] * 7, nodes_nodeids=list(range(7)) * 2,
        nodes_featureids=[0, 1, 2, 0, 0, 0, 0, 3, 4, 2, 0, 0, 0, 0],
        nodes_values=[0.5, 0.0, -1.0, 0, 0, 0, 0, 0.2, 0.1, -1.0, 0, 0, 0, 0],
        nodes_modes=modes,
        nodes_truenodeids=[1, 3, 5, 0, 0, 0, 0, 1, 3, 5, 0, 0, 0, 0],
        nodes_falsenodeids=[2, 4, 6, 0, 0, 0, 0, 2, 4, 6, 0, 0, 0, 0],
        nodes_missing_value_tracks_true=[1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0],
        target_treeids=[0, 0, 0, 0, 1, 1, 1, 1], target_nodeids=[3, 4, 5, 6, 3, 4, 5, 6],
        target_ids=[0] * 8, target_weights=[1.0, 2.5, -3.0, 4.25, 10.0, -20.0, 30.0, 0.125],
        aggregate_function="AVERAGE", base_values=[0.75], post_transform="NONE")
    x = helper.make_tensor_value_info("X", TensorProto.FLOAT, [None, F])
    y = helper.make_tensor_value_info("variable", TensorProto.FLOAT, [None, 1])
    graph = helper.make_graph([node], "tree_modes", [x], [y])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("ai.onnx.ml", 3)],
                             ir_version=8)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.RandomState(7)
    Xb, yb = make_classification(n_samples=400, n_features=F, n_informative=4, random_state=1)
    Xm, ym = make_classification(n_samples=400, n_features=F, n_informative=4, n_classes=3,
                                 n_clusters_per_class=1, random_state=2)
    Xr, yr = make_regression(n_samples=400, n_features=F, noise=5.0, random_state=3)
    inputs = (rng.randn(ROWS, F) * 1.5).astype(np.float32)
    # a few rows exactly on training values so threshold ties get exercised
    inputs[:20] = Xb[:20].astype(np.float32)
    # and some on the hand-made tree_modes thresholds (0, 0.5, -1), for its EQ/NEQ nodes
    inputs[20:60:2, 0] = 0.5
    inputs[21:60:2, 1] = 0.0
    inputs[20:60:3, 2] = -1.0

    models = [
        ("logreg_binary", make_pipeline(StandardScaler(), LogisticRegression()).fit(Xb, yb), "binary", True),
        ("logreg_multiclass", make_pipeline(StandardScaler(), LogisticRegression()).fit(Xm, ym), "multiclass", False),
        ("linear_regression", LinearRegression().fit(Xr, yr), "regression", False),
        ("decision_tree", DecisionTreeClassifier(max_depth=5, random_state=0).fit(Xm, ym), "multiclass", False),
        ("random_forest", RandomForestClassifier(n_estimators=5, max_depth=4, random_state=0).fit(Xb, yb), "binary", False),
        ("gradient_boosting", GradientBoostingClassifier(n_estimators=10, max_depth=3, random_state=0).fit(Xb, yb), "binary", False),
        ("gradient_boosting_multiclass", GradientBoostingClassifier(n_estimators=5, max_depth=2, random_state=0).fit(Xm, ym), "multiclass", False),
        ("random_forest_regressor", RandomForestRegressor(n_estimators=5, max_depth=4, random_state=0).fit(Xr, yr), "regression", False),
        ("gradient_boosting_regressor", GradientBoostingRegressor(n_estimators=10, max_depth=3, random_state=0).fit(Xr, yr), "regression", False),
    ]
    out = {
        "versions": {"onnx": onnx.__version__, "onnxruntime": ort.__version__,
                     "skl2onnx": skl2onnx.__version__, "sklearn": sklearn.__version__,
                     "numpy": np.__version__},
        "features": F,
        "inputs": [[float(v) for v in row] for row in inputs],
        "models": [],
    }
    for name, model, task, zipmap in models:
        path = convert(model, name, zipmap=zipmap)
        sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
        res = sess.run(None, {"X": inputs})
        entry = {"name": name, "file": path.name, "task": task, "zipmap": zipmap}
        if task == "regression":
            entry["values"] = [float(v) for v in np.asarray(res[0]).reshape(-1)]
        else:
            probs = res[1]
            if zipmap:
                keys = list(probs[0].keys())
                probs = [[float(d[k]) for k in keys] for d in probs]
            else:
                probs = [[float(v) for v in row] for row in np.asarray(probs)]
            entry["classes"] = [str(c) for c in model.classes_]
            entry["probabilities"] = probs
        entry["ops"] = sorted({f"{n.domain}:{n.op_type}" for n in onnx.load(str(path)).graph.node})
        out["models"].append(entry)

    for name, task, model in [("standard_ops", "multiclass", standard_ops_model()),
                              ("tree_modes", "regression", tree_modes_model())]:
        onnx.checker.check_model(model)
        path = OUT / f"{name}.onnx"
        path.write_bytes(model.SerializeToString())
        sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
        res = sess.run(None, {"X": inputs})
        entry = {"name": name, "file": path.name, "task": task, "zipmap": False}
        if task == "regression":
            entry["values"] = [float(v) for v in np.asarray(res[0]).reshape(-1)]
        else:
            entry["classes"] = ["0", "1", "2"]
            entry["probabilities"] = [[float(v) for v in row] for row in np.asarray(res[1])]
        entry["ops"] = sorted({f"{n.domain}:{n.op_type}" for n in model.graph.node})
        out["models"].append(entry)

    # a tiny graph with an operator Evalbook does not run
    x = helper.make_tensor_value_info("X", TensorProto.FLOAT, [None, F])
    y = helper.make_tensor_value_info("Y", TensorProto.FLOAT, [None, None])
    node = helper.make_node("Einsum", ["X", "X"], ["Y"], equation="ij,ij->ij")
    graph = helper.make_graph([node], "einsum", [x], [y])
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    onnx.checker.check_model(m)
    (OUT / "unsupported_einsum.onnx").write_bytes(m.SerializeToString())

    (OUT / "onnx_reference.json").write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
