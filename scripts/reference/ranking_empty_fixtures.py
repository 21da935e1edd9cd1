#!/usr/bin/env python3
"""Generate reference values for `ndcg` with `empty: "zero"`: scikit-learn's `ndcg_score`.

Writes Tests/EvalMetricsTests/Fixtures/ranking_empty_reference.json. Run it from the
repository root with a Python that has scikit-learn and numpy installed:

    python scripts/reference/ranking_empty_fixtures.py

scikit-learn's `ndcg_score` scores a query with no relevant item 0 and keeps it in the
mean; Evalbook's `ndcg` leaves such queries out by default (`empty: "skip"`) and scores
them 0 with `empty: "zero"`. Each case is a matrix of queries (rows) by items
(columns), flattened row-major in `relevance` and `scores` with `queries` rows, some of
them with no relevant item, and holds:

- `zero`: `ndcg_score(relevance, scores, k=k)` over every query (with `sample_weight`
  when the case has `weights`, one per query);
- `skip`: the same over the queries that have a relevant item only;
- `left_out`: the number of queries without a relevant item.

`k` is null for no cut-off; `gain` is "linear", or "exponential" for 2^rel - 1 gains
(passed to scikit-learn as transformed relevance). Scores are rounded so that ties
occur within queries; scikit-learn averages them (`ignore_ties=False`), as Evalbook does.
"""

import json
import pathlib

import numpy as np
import sklearn
from sklearn.metrics import ndcg_score

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "Tests" / "EvalMetricsTests" / "Fixtures" / "ranking_empty_reference.json"
SEED = 20261219

rng = np.random.default_rng(SEED)


def matrix(queries, items, empty):
    """Graded relevance with exactly `empty` queries holding no relevant item."""
    rel = rng.integers(0, 4, (queries, items)).astype(float)
    rel[rng.uniform(size=(queries, items)) < 0.5] = 0
    chosen = rng.choice(queries, empty, replace=False)
    for q in range(queries):
        if q in chosen:
            rel[q] = 0
        elif rel[q].sum() == 0:
            rel[q, rng.integers(0, items)] = 1
    scores = np.round(rel * 0.4 + rng.normal(0, 1, (queries, items)), 1)
    return rel, scores


cases = []
shapes = [("many empty", 30, 6, 9), ("one empty", 12, 8, 1), ("none empty", 10, 5, 0), ("mostly empty", 8, 4, 6)]
for name, queries, items, empty in shapes:
    rel, scores = matrix(queries, items, empty)
    left_out = int((rel.sum(axis=1) == 0).sum())
    assert left_out == empty
    keep = rel.sum(axis=1) > 0
    weights = np.round(rng.uniform(0.5, 3.0, queries), 2)
    for k in (None, 1, 3):
        for gain in ("linear", "exponential"):
            g = rel if gain == "linear" else 2.0 ** rel - 1
            for weighted in (False, True):
                w = weights if weighted else None
                zero = ndcg_score(g, scores, k=k, sample_weight=w)
                skip = ndcg_score(g[keep], scores[keep], k=k, sample_weight=None if w is None else w[keep])
                case = {"name": f"{name} k={k} {gain}{' weighted' if weighted else ''}", "queries": queries,
                        "relevance": [float(v) for v in rel.ravel()], "scores": [float(v) for v in scores.ravel()],
                        "k": k, "gain": gain, "zero": float(zero), "skip": float(skip), "left_out": left_out}
                if weighted:
                    case["weights"] = [float(v) for v in weights]
                cases.append(case)

document = {
    "generator": "scripts/reference/ranking_empty_fixtures.py",
    "versions": {"sklearn": sklearn.__version__, "numpy": np.__version__},
    "seed": SEED,
    "cases": cases,
}
OUTPUT.parent.mkdir(parents=True, exist_ok=True)
OUTPUT.write_text(json.dumps(document) + "\n")
print(f"wrote {len(cases)} cases, {OUTPUT.stat().st_size} bytes to {OUTPUT.relative_to(ROOT)}")
