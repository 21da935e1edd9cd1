#!/usr/bin/env python3
"""Generate ONNX models of scikit-learn pipelines, and onnxruntime's predictions, for EvalModels.

Writes Tests/EvalModelsTests/Fixtures/onnx/pipeline_*.onnx and onnx_pipelines_reference.json,
and copies two of the models to Tests/EvalLangTests/Cases/data/model_pipeline*.onnx for the
language cases.
Run it from the repository root with a Python that has scikit-learn, skl2onnx, onnx,
onnxruntime, pandas and numpy:

    /tmp/venv/bin/python scripts/reference/onnx_pipelines.py

Each pipeline is trained on seeded synthetic customer data with numeric columns (with
missing values), string columns and an integer column, and converted by skl2onnx with one
named input per column (`FloatTensorType([None, 1])`, `StringTensorType([None, 1])`,
`Int64TensorType([None, 1])`), except `pipeline_array`, which takes one float matrix and
selects its columns by index (ArrayFeatureExtractor and Gather). `pipeline_ops` is made by
hand with onnx.helper: CategoryMapper, LabelEncoder (strings to floats and integers to
strings and back), Unsqueeze/Squeeze and the standard arithmetic operators around a
LinearRegressor.

The JSON holds the versions, the rows every model is run on (`columns`: each column's
values by name, null for a missing number; the rows include categories the pipelines never
saw), and per model its file, task, inputs (name and type: "float", "int64" or "string"),
class labels, the operators of its graph, and onnxruntime's outputs: `probabilities`
(rows x classes) for classifiers, `values` (rows) for regressors, null where onnxruntime
gives NaN (`pipeline_ops` does not impute, so a missing tenure reaches its output). `unknown_category` is a
pipeline whose OneHotEncoder refuses unknown categories (handle_unknown="error"), for the
error a category it never saw must give.
"""

import json
import pathlib

import numpy as np
import onnx
import onnxruntime as ort
import pandas as pd
import skl2onnx
import sklearn
from onnx import TensorProto, helper
from skl2onnx import convert_sklearn
from skl2onnx.common.data_types import FloatTensorType, Int64TensorType, StringTensorType
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder, OrdinalEncoder, StandardScaler
from sklearn.tree import DecisionTreeRegressor

OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests/EvalModelsTests/Fixtures/onnx"
CASES = pathlib.Path(__file__).resolve().parents[2] / "Tests/EvalLangTests/Cases/data"
SEED = 20261223
ROWS = 120
OPSETS = {"": 17, "ai.onnx.ml": 3}

rng = np.random.default_rng(SEED)


def customers(n, unseen=False):
    plans = ["basic", "pro", "team"] + (["gold"] if unseen else [])
    regions = ["eu", "us", "apac"] + (["latam"] if unseen else [])
    frame = pd.DataFrame({
        "tenure": np.round(rng.normal(20, 6, n), 2).astype(np.float32),
        "spend": np.round(rng.normal(50, 12, n), 2).astype(np.float32),
        "plan": rng.choice(plans, n),
        "region": rng.choice(regions, n),
        "seats": rng.integers(1, 6, n).astype(np.int64),
    })
    frame.loc[rng.uniform(size=n) < 0.12, "spend"] = np.nan
    frame.loc[rng.uniform(size=n) < 0.05, "tenure"] = np.nan
    return frame


train = customers(600)
score = train.tenure.fillna(20) / 6 + train.spend.fillna(50) / 12 + (train.plan == "pro") * 1.5 - (train.region == "eu") * 0.8
y_binary = (score + rng.normal(0, 1, len(train)) > score.median()).astype(int)
y_multi = np.digitize(score + rng.normal(0, 1, len(train)), np.quantile(score, [0.33, 0.66]))
y_value = (score * 3 + train.seats * 0.7 + rng.normal(0, 1, len(train))).astype(np.float64)
rows = customers(ROWS, unseen=True)
rows.loc[:9, "plan"] = "gold"  # never seen in training

NUMERIC = ["tenure", "spend"]
TYPES = {"tenure": FloatTensorType([None, 1]), "spend": FloatTensorType([None, 1]),
         "plan": StringTensorType([None, 1]), "region": StringTensorType([None, 1]),
         "seats": Int64TensorType([None, 1])}
KINDS = {"tenure": "float", "spend": "float", "plan": "string", "region": "string", "seats": "int64"}


def numeric_then_categories(encoder):
    return ColumnTransformer([
        ("num", Pipeline([("impute", SimpleImputer(strategy="mean")), ("scale", StandardScaler())]), NUMERIC),
        ("cat", encoder, ["plan", "region"]),
    ])


def feed(columns):
    out = {}
    for name in columns:
        values = rows[name].to_numpy()
        if KINDS[name] == "float":
            out[name] = values.astype(np.float32).reshape(-1, 1)
        elif KINDS[name] == "int64":
            out[name] = values.astype(np.int64).reshape(-1, 1)
        else:
            out[name] = values.astype(object).reshape(-1, 1)
    return out


def convert(model, columns):
    options = {id(model.steps[-1][1]): {"zipmap": False}} if hasattr(model, "predict_proba") else None
    return convert_sklearn(model, initial_types=[(c, TYPES[c]) for c in columns], options=options,
                           target_opset=OPSETS)


def reproducible(onx, name):
    """skl2onnx names graphs by a random uuid and lists opsets in set order; fix both so
    the files come out byte for byte the same on every run."""
    onx.graph.name = name
    opsets = sorted(onx.opset_import, key=lambda o: o.domain)
    del onx.opset_import[:]
    onx.opset_import.extend(opsets)
    return onx


def record(name, onx, columns, task, classes=None, run_columns=None):
    onx = reproducible(onx, name)
    path = OUT / f"{name}.onnx"
    path.write_bytes(onx.SerializeToString())
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    outputs = session.run(None, run_columns if run_columns is not None else feed(columns))
    entry = {"name": name, "file": path.name, "task": task,
             "inputs": [{"name": c, "type": KINDS.get(c, "float")} for c in columns],
             "ops": sorted({f"{n.domain}:{n.op_type}" for n in onx.graph.node})}
    if task == "regression":
        entry["values"] = [plain(v) for v in np.asarray(outputs[0]).reshape(-1)]
    else:
        entry["classes"] = [str(c) for c in classes]
        entry["probabilities"] = [[plain(v) for v in row] for row in np.asarray(outputs[1])]
    return entry


def plain(value):
    """A float for JSON, or None for NaN (a row whose missing input the graph does not impute)."""
    value = float(value)
    return None if np.isnan(value) else value


def ops_model():
    """CategoryMapper, LabelEncoder both ways, Unsqueeze/Squeeze and arithmetic around a LinearRegressor."""
    plan = helper.make_tensor_value_info("plan", TensorProto.STRING, [None, 1])
    tenure = helper.make_tensor_value_info("tenure", TensorProto.FLOAT, [None, 1])
    seats = helper.make_tensor_value_info("seats", TensorProto.INT64, [None, 1])
    init = [
        helper.make_tensor("two", TensorProto.FLOAT, [], [2.0]),
        helper.make_tensor("half", TensorProto.FLOAT, [1], [0.5]),
        helper.make_tensor("shift", TensorProto.FLOAT, [1, 1], [3.25]),
        helper.make_tensor("axes", TensorProto.INT64, [1], [2]),
    ]
    nodes = [
        helper.make_node("CategoryMapper", ["plan"], ["plan_code"], domain="ai.onnx.ml",
                         cats_strings=["basic", "pro", "team"], cats_int64s=[3, 7, 11], default_int64=-5),
        helper.make_node("Cast", ["plan_code"], ["plan_float"], to=TensorProto.FLOAT),
        helper.make_node("LabelEncoder", ["plan"], ["plan_weight"], domain="ai.onnx.ml",
                         keys_strings=["basic", "pro", "team"], values_floats=[0.25, 1.5, -2.0], default_float=9.5),
        helper.make_node("LabelEncoder", ["seats"], ["seat_name"], domain="ai.onnx.ml",
                         keys_int64s=[1, 2, 3, 4], values_strings=["one", "two", "three", "four"],
                         default_string="many"),
        helper.make_node("LabelEncoder", ["seat_name"], ["seat_size"], domain="ai.onnx.ml",
                         keys_strings=["one", "two", "three", "four", "many"], values_int64s=[10, 20, 30, 40, 99]),
        helper.make_node("CategoryMapper", ["seat_size"], ["seat_back"], domain="ai.onnx.ml",
                         cats_strings=["ten", "twenty", "thirty"], cats_int64s=[10, 20, 30], default_string="other"),
        helper.make_node("LabelEncoder", ["seat_back"], ["seat_code"], domain="ai.onnx.ml",
                         keys_strings=["ten", "twenty", "thirty", "other"], values_floats=[1.0, 2.0, 3.0, -1.0]),
        helper.make_node("Cast", ["seat_size"], ["seat_float"], to=TensorProto.FLOAT),
        helper.make_node("Abs", ["tenure"], ["t_abs"]),
        helper.make_node("Sqrt", ["t_abs"], ["t_sqrt"]),
        helper.make_node("Log", ["t_abs"], ["t_log"]),
        helper.make_node("Neg", ["t_log"], ["t_neg"]),
        helper.make_node("Mul", ["tenure", "half"], ["t_half"]),
        helper.make_node("Exp", ["t_half"], ["t_exp0"]),
        helper.make_node("Div", ["t_exp0", "shift"], ["t_exp"]),
        helper.make_node("Reciprocal", ["shift"], ["inv_shift"]),
        helper.make_node("Pow", ["t_abs", "half"], ["t_pow"]),
        helper.make_node("Sub", ["t_pow", "inv_shift"], ["t_sub"]),
        helper.make_node("Max", ["t_sqrt", "plan_weight", "two"], ["t_max"]),
        helper.make_node("Min", ["t_neg", "plan_float"], ["t_min"]),
        helper.make_node("Sum", ["t_sub", "seat_code", "shift"], ["t_sum"]),
        helper.make_node("Floor", ["t_half"], ["t_floor"]),
        helper.make_node("Ceil", ["t_half"], ["t_ceil"]),
        helper.make_node("Unsqueeze", ["t_floor", "axes"], ["t_floor3"]),
        helper.make_node("Squeeze", ["t_floor3", "axes"], ["t_floor2"]),
        helper.make_node("Concat", ["t_exp", "t_max", "t_min", "t_sum", "t_floor2", "t_ceil", "seat_float",
                                    "plan_weight"], ["features"], axis=1),
        helper.make_node("LinearRegressor", ["features"], ["variable"], domain="ai.onnx.ml",
                         coefficients=[0.5, -1.25, 2.0, 0.75, -0.3, 0.2, 0.01, 1.1], intercepts=[4.0]),
    ]
    out = helper.make_tensor_value_info("variable", TensorProto.FLOAT, [None, 1])
    graph = helper.make_graph(nodes, "ops", [plan, tenure, seats], [out], init)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("ai.onnx.ml", 3)],
                             ir_version=8)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    all_columns = ["tenure", "spend", "plan", "region"]
    entries = []
    logreg = Pipeline([("pre", numeric_then_categories(OneHotEncoder(handle_unknown="ignore"))),
                       ("model", LogisticRegression())]).fit(train, y_binary)
    entries.append(record("pipeline_logreg", convert(logreg, all_columns), all_columns, "binary", logreg.classes_))
    forest = Pipeline([("pre", numeric_then_categories(OneHotEncoder(handle_unknown="ignore"))),
                       ("model", RandomForestClassifier(n_estimators=8, max_depth=5, random_state=0))]).fit(
        train, y_binary)
    entries.append(record("pipeline_forest", convert(forest, all_columns), all_columns, "binary", forest.classes_))
    boosted = Pipeline([("pre", numeric_then_categories(OneHotEncoder(handle_unknown="ignore"))),
                        ("model", GradientBoostingClassifier(n_estimators=12, max_depth=3, random_state=0))]).fit(
        train, y_multi)
    entries.append(record("pipeline_boosting_multiclass", convert(boosted, all_columns), all_columns, "multiclass",
                          boosted.classes_))
    with_seats = ["tenure", "spend", "plan", "seats"]
    ordinal = Pipeline([
        ("pre", ColumnTransformer([
            ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", MinMaxScaler())]), NUMERIC),
            ("ord", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), ["plan"]),
            ("seats", OneHotEncoder(handle_unknown="ignore"), ["seats"]),
        ])),
        ("model", DecisionTreeRegressor(max_depth=5, random_state=0))]).fit(train, y_value)
    entries.append(record("pipeline_tree_regressor", convert(ordinal, with_seats), with_seats, "regression"))
    ridge = Pipeline([
        ("pre", ColumnTransformer([
            ("num", Pipeline([("impute", SimpleImputer(strategy="mean")), ("scale", StandardScaler())]), NUMERIC),
            ("cat", OneHotEncoder(drop="first", handle_unknown="ignore"), ["plan", "region"]),
        ])),
        ("model", Ridge(alpha=0.5))]).fit(train, y_value)
    entries.append(record("pipeline_ridge", convert(ridge, all_columns), all_columns, "regression"))

    # One float matrix, its columns chosen by index: two numbers, then two category codes.
    def matrix(frame):
        codes = {"basic": 0, "pro": 1, "team": 2, "gold": 3}
        regions = {"eu": 0, "us": 1, "apac": 2, "latam": 3}
        return np.c_[frame.tenure, frame.spend, frame.plan.map(codes), frame.region.map(regions)].astype(np.float32)
    array = Pipeline([
        ("pre", ColumnTransformer([
            ("num", Pipeline([("impute", SimpleImputer(strategy="mean")), ("scale", StandardScaler())]), [0, 1]),
            ("cat", OneHotEncoder(handle_unknown="ignore"), [2, 3]),
        ])),
        ("model", LogisticRegression())]).fit(matrix(train), y_multi)
    onx = convert_sklearn(array, initial_types=[("X", FloatTensorType([None, 4]))],
                          options={id(array.steps[-1][1]): {"zipmap": False}}, target_opset=OPSETS)
    entry = record("pipeline_array", onx, ["X"], "multiclass", array.classes_, run_columns={"X": matrix(rows)})
    entry["inputs"] = [{"name": "X", "type": "float", "width": 4}]
    entry["matrix"] = {"codes": {"plan": {"basic": 0, "pro": 1, "team": 2, "gold": 3},
                                 "region": {"eu": 0, "us": 1, "apac": 2, "latam": 3}}}
    entries.append(entry)

    ops = ops_model()
    onnx.checker.check_model(ops)
    entries.append(record("pipeline_ops", ops, ["plan", "tenure", "seats"], "regression"))

    strict = Pipeline([("pre", numeric_then_categories(OneHotEncoder(handle_unknown="error"))),
                       ("model", LogisticRegression())]).fit(train, y_binary)
    strict_onnx = reproducible(convert(strict, all_columns), "pipeline_unknown_category")
    (OUT / "pipeline_unknown_category.onnx").write_bytes(strict_onnx.SerializeToString())
    # The language cases load two of them from their own data folder.
    (CASES / "model_pipeline.onnx").write_bytes((OUT / "pipeline_logreg.onnx").read_bytes())
    (CASES / "model_pipeline_strict.onnx").write_bytes((OUT / "pipeline_unknown_category.onnx").read_bytes())

    columns = {}
    for name in ["tenure", "spend", "plan", "region", "seats"]:
        values = rows[name].tolist()
        if KINDS[name] == "float":
            columns[name] = [None if np.isnan(v) else float(np.float32(v)) for v in values]
        elif KINDS[name] == "int64":
            columns[name] = [int(v) for v in values]
        else:
            columns[name] = [str(v) for v in values]
    out = {
        "versions": {"onnx": onnx.__version__, "onnxruntime": ort.__version__, "skl2onnx": skl2onnx.__version__,
                     "sklearn": sklearn.__version__, "numpy": np.__version__, "pandas": pd.__version__},
        "seed": SEED,
        "rows": ROWS,
        "columns": columns,
        "models": entries,
        "unknown_category": {"file": "pipeline_unknown_category.onnx", "category": "gold", "input": "plan"},
    }
    (OUT / "onnx_pipelines_reference.json").write_text(json.dumps(out, indent=1) + "\n")
    for e in entries:
        print(e["name"], " ".join(e["ops"]))


if __name__ == "__main__":
    main()
