#!/usr/bin/env python3
"""A whole notebook run: Evalbook vs papermill (Jupyter) vs a bare Python script.

Usage: PYTHON=/tmp/venv/bin/python; $PYTHON benchmarks/notebook_run.py [--runs 3] [--markdown]
(needs numpy, pandas, scikit-learn, papermill and ipykernel in that Python; the
Jupyter kernel `evalbook-bench` is registered on first use).

The same work three ways, each timed as a whole process from spawn to exit, best of N:
read a 1,000,000-row CSV (label, score) and report ten binary metrics — roc_auc,
average_precision, log_loss, brier, and accuracy, precision, recall, f1, mcc and
balanced accuracy at a 0.5 threshold.
- Evalbook: `evalbook run notebook.md` into a fresh reports folder (so every run
  writes a full version: report.md, report.html, metrics.json, manifest.json);
- papermill: executes the equivalent .ipynb with pandas and scikit-learn in a Jupyter
  kernel and writes the output notebook;
- bare Python: the same code as a plain script.
Data and notebooks go to /tmp/evalbook-bench/run/.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
EVALBOOK = os.environ.get("EVALBOOK", os.path.join(REPO, ".build", "release", "evalbook"))
WORK = "/tmp/evalbook-bench/run"
CSV = os.path.join(WORK, "scores_1m.csv")

METRICS_EB = """```evalbook
t = read_csv("scores_1m.csv")
y = t.label
p = t.score
roc = roc_auc(y, p)
ap = average_precision(y, p)
ll = log_loss(y, p)
br = brier(y, p)
acc = accuracy(y, p, threshold: 0.5)
prec = precision(y, p, threshold: 0.5)
rec = recall(y, p, threshold: 0.5)
f = f1(y, p, threshold: 0.5)
m = mcc(y, p, threshold: 0.5)
bal = balanced_accuracy(y, p, threshold: 0.5)
table(metric: ["roc_auc", "average_precision", "log_loss", "brier", "accuracy", "precision", "recall", "f1", "mcc", "balanced_accuracy"],
      value: [roc, ap, ll, br, acc, prec, rec, f, m, bal])
```
"""

PYTHON_CODE = """import pandas as pd
from sklearn import metrics as m
t = pd.read_csv("scores_1m.csv")
y, p = t["label"].to_numpy(), t["score"].to_numpy()
yhat = (p >= 0.5).astype(int)
values = {
    "roc_auc": m.roc_auc_score(y, p), "average_precision": m.average_precision_score(y, p),
    "log_loss": m.log_loss(y, p), "brier": m.brier_score_loss(y, p),
    "accuracy": m.accuracy_score(y, yhat), "precision": m.precision_score(y, yhat),
    "recall": m.recall_score(y, yhat), "f1": m.f1_score(y, yhat),
    "mcc": m.matthews_corrcoef(y, yhat), "balanced_accuracy": m.balanced_accuracy_score(y, yhat),
}
print(pd.DataFrame({"metric": list(values), "value": list(values.values())}))
"""


def prepare():
    os.makedirs(WORK, exist_ok=True)
    if not os.path.exists(CSV):
        rng = np.random.default_rng(20261129)
        n = 1_000_000
        y = (rng.random(n) < 0.3).astype(int)
        score = 1 / (1 + np.exp(-(rng.normal(0, 1, n) + 1.4 * y - 0.9)))
        with open(CSV, "w") as f:
            f.write("label,score\n")
            for a, b in zip(y, score):
                f.write(f"{a},{b:.6f}\n")
    with open(os.path.join(WORK, "metrics.md"), "w") as f:
        f.write("---\ntitle: Ten metrics\n---\n\n" + METRICS_EB)
    with open(os.path.join(WORK, "metrics.py"), "w") as f:
        f.write(PYTHON_CODE)
    import nbformat
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(PYTHON_CODE)]
    nbformat.write(nb, os.path.join(WORK, "metrics.ipynb"))
    subprocess.run([sys.executable, "-m", "ipykernel", "install", "--user", "--name", "evalbook-bench"],
                   check=True, capture_output=True)


def timed(cmd, runs, before=None):
    times = []
    for _ in range(runs):
        if before:
            before()
        t0 = time.perf_counter()
        out = subprocess.run(cmd, cwd=WORK, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        if out.returncode != 0:
            raise SystemExit(f"failed: {' '.join(cmd)}\n{out.stdout}\n{out.stderr}")
    return min(times), times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    prepare()
    reports = os.path.join(WORK, "reports")
    clear = lambda: shutil.rmtree(reports, ignore_errors=True)
    rows = [
        ("evalbook run (writes a report version)", *timed([EVALBOOK, "run", "metrics.md", "--reports", reports], args.runs, clear)),
        ("papermill + pandas + scikit-learn", *timed([sys.executable, "-m", "papermill", "metrics.ipynb", "out.ipynb",
                                                       "-k", "evalbook-bench", "--no-progress-bar"], args.runs)),
        ("bare Python script (pandas + scikit-learn)", *timed([sys.executable, "metrics.py"], args.runs)),
    ]
    papermill = rows[1][1]
    header = ("tool", "best s", "× papermill", "all runs, s")
    lines = [(name, f"{best:.3f}", f"{best / papermill:.3f}", " ".join(f"{t:.3f}" for t in times)) for name, best, times in rows]
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|---|---:|---:|---:|")
        for line in lines:
            print("| " + " | ".join(line) + " |")
    else:
        for line in [header] + lines:
            print("  ".join(line))


if __name__ == "__main__":
    main()
