#!/usr/bin/env python3
"""Generate brute-force reference values for the top-k ranking metrics.

Writes Tests/EvalMetricsTests/Fixtures/ranking_topk_reference.json. Run it from the
repository root with a Python that has numpy installed:

    python scripts/reference/ranking_topk_fixtures.py

scikit-learn has no hit rate, mean reciprocal rank or MAP@k, so the values come from
their plain definitions applied to every ordering of the tied items and averaged, in
exact rational arithmetic (fractions.Fraction). This is the meaning Evalbook gives to
tied scores (SPEC §5: averaged as scikit-learn does): the expected value of the metric
when each run of tied scores is put in a uniformly random order. The Swift kernels use
closed (hypergeometric) forms instead; this script never uses them.

Definitions, per query (items ranked by descending score, rank 1 first; an item is
relevant when its relevance is above 0; k = None means every position):

- hit_rate: 1 if a relevant item ranks in the top k, else 0;
- mrr: 1 / rank of the first relevant item, 0 if it ranks below k;
- map_at_k: sum over relevant items in the top k of (relevant among the first i) / i,
  divided by min(k, number of relevant items).

A query with no relevant item is left out of the mean for all three (as Evalbook's ndcg
does); with none left the expected value is null (undefined).

Each case holds one input, `name`, `relevance`, `scores` and optional `group` (integer
codes), and its `results`: `metric`, `k` (null for no cut-off) and `expected` (null when
undefined). Infinite scores are
written as +-1.7976931348623157e308, JSON having no infinity.
"""

import itertools
import json
import math
import pathlib
from fractions import Fraction

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "Tests" / "EvalMetricsTests" / "Fixtures" / "ranking_topk_reference.json"
SEED = 20261207
METRICS = ("hit_rate", "mrr", "map_at_k")
# Orderings enumerated per query at most; the generator keeps its queries below this.
MAX_ORDERINGS = 300_000
BIG = 1.7976931348623157e308

rng = np.random.default_rng(SEED)
cases = []


def hit_rate(ranked, k):
    return Fraction(1 if any(ranked[:k]) else 0)


def mrr(ranked, k):
    for i, relevant in enumerate(ranked[:k]):
        if relevant:
            return Fraction(1, i + 1)
    return Fraction(0)


def map_at_k(ranked, k):
    total = Fraction(0)
    seen = 0
    for i, relevant in enumerate(ranked[:k]):
        if relevant:
            seen += 1
            total += Fraction(seen, i + 1)
    return total / min(k, sum(ranked))


DEFINITIONS = {"hit_rate": hit_rate, "mrr": mrr, "map_at_k": map_at_k}


def run_orderings(flags):
    """Every ordering of one tied run, as tuples of relevant flags, equally likely.

    Small runs enumerate every permutation of their items outright. For larger runs the
    m! permutations are grouped by the pattern of relevant flags they produce: each of
    the C(m, r) patterns arises from the same number r!(m - r)! of permutations, so
    enumerating the patterns once each is the same average.
    """
    m = len(flags)
    if math.factorial(m) <= 720:
        return [tuple(flags[i] for i in order) for order in itertools.permutations(range(m))]
    r = sum(flags)
    patterns = []
    for chosen in itertools.combinations(range(m), r):
        chosen = set(chosen)
        patterns.append(tuple(i in chosen for i in range(m)))
    return patterns


def query_runs(relevance, scores):
    """The query's tied runs by descending score, each a list of relevant flags."""
    runs = {}
    for rel, score in zip(relevance, scores):
        runs.setdefault(score, []).append(rel > 0)
    return [runs[s] for s in sorted(runs, reverse=True)]


def orderings_count(runs):
    return math.prod(len(run_orderings(run)) for run in runs)


def query_value(metric, relevance, scores, k):
    """The metric of one query averaged over all orderings of its ties, or None."""
    runs = query_runs(relevance, scores)
    if not any(any(run) for run in runs):
        return None
    cutoff = len(relevance) if k is None else k
    per_run = [run_orderings(run) for run in runs]
    assert math.prod(len(p) for p in per_run) <= MAX_ORDERINGS
    total = Fraction(0)
    count = 0
    for parts in itertools.product(*per_run):
        ranked = [flag for part in parts for flag in part]
        total += DEFINITIONS[metric](ranked, cutoff)
        count += 1
    return total / count


def reference(metric, relevance, scores, group, k):
    keys = [0] * len(relevance) if group is None else group
    values = []
    for key in sorted(set(keys)):
        rows = [i for i, g in enumerate(keys) if g == key]
        value = query_value(metric, [relevance[i] for i in rows], [scores[i] for i in rows], k)
        if value is not None:
            values.append(value)
    if not values:
        return None
    return float(sum(values) / len(values))


def finite(value):
    """JSON has no infinity: +-inf is written as +-BIG, which the Swift test maps back."""
    return math.copysign(BIG, value) if math.isinf(value) else value


def add(name, relevance, scores, group=None, ks=(None,), metrics=METRICS):
    relevance = [float(v) for v in relevance]
    scores = [float(v) for v in scores]
    group = None if group is None else [int(v) for v in group]
    case = {"name": name, "relevance": relevance, "scores": [finite(v) for v in scores]}
    if group is not None:
        case["group"] = group
    case["results"] = [
        {"metric": metric, "k": k, "expected": reference(metric, relevance, scores, group, k)}
        for metric in metrics for k in ks
    ]
    cases.append(case)


# Hand-made cases ---------------------------------------------------------------

add("untied binary", [0, 1, 0, 0, 1, 0], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4], ks=(None, 1, 2, 3, 5))
add("graded two users", [3, 2, 0, 1, 0, 1, 2, 0], [0.9, 0.8, 0.3, 0.1, 0.2, 0.9, 0.4, 0.1],
    group=[0, 0, 0, 0, 1, 1, 1, 1], ks=(None, 1, 2, 3))
add("tie across the cut-off", [1, 0, 0, 1, 0], [0.9, 0.5, 0.5, 0.5, 0.1], ks=(None, 1, 2, 3, 4))
add("relevant only inside a straddling tie", [0, 0, 1, 0, 1, 0], [0.9, 0.6, 0.6, 0.6, 0.6, 0.2],
    ks=(None, 1, 2, 3, 4, 5))
add("all tied", [0, 1, 0, 2, 0, 0, 1], [0.5] * 7, ks=(None, 1, 2, 3, 6))
add("all relevant", [1, 2, 1], [0.3, 0.1, 0.3], ks=(None, 1, 2))
add("k larger than the query", [0, 1, 0], [0.2, 0.1, 0.2], group=[4, 4, 4], ks=(3, 10, 1000))
add("a query with nothing relevant", [0, 0, 0, 1, 0, 0, 1], [0.9, 0.8, 0.1, 0.4, 0.4, 0.9, 0.2],
    group=[1, 1, 1, 2, 2, 3, 3], ks=(None, 1, 2))
add("nothing relevant anywhere", [0, 0, 0, 0], [0.4, 0.3, 0.3, 0.1], group=[1, 1, 2, 2], ks=(None, 2))
add("single item queries", [1, 0, 3], [0.5, 0.5, 0.1], group=[1, 2, 3], ks=(None, 1))
add("negative and infinite scores", [0, 1, 1, 0], [-math.inf, -1.5, math.inf, -1.5], ks=(None, 1, 2))

# Random queries with many ties ---------------------------------------------------


def random_queries(queries, max_size, levels, graded):
    """Ragged queries whose scores take few values, so ties are common."""
    while True:
        relevance, scores, group = [], [], []
        ok = True
        for q in rng.permutation(queries):
            size = int(rng.integers(1, max_size + 1))
            rel = rng.integers(0, 4, size) if graded else rng.integers(0, 2, size)
            rel = np.where(rng.uniform(size=size) < 0.6, 0, rel)
            score = np.round(rng.integers(0, levels, size) / levels, 6)
            if orderings_count(query_runs(list(rel), list(score))) > MAX_ORDERINGS:
                ok = False
                break
            relevance += list(rel)
            scores += list(score)
            group += [int(q)] * size
        if ok:
            return relevance, scores, group


for index, (queries, max_size, levels, graded) in enumerate(
        [(6, 6, 3, False), (12, 10, 4, True), (25, 14, 6, False), (40, 9, 2, True), (8, 20, 10, True)]):
    relevance, scores, group = random_queries(queries, max_size, levels, graded)
    add(f"random {index} ({queries} queries)", relevance, scores, group=group, ks=(None, 1, 2, 3, 5, 10, 25))

document = {
    "generator": "scripts/reference/ranking_topk_fixtures.py",
    "versions": {"numpy": np.__version__, "python": ".".join(map(str, __import__("sys").version_info[:3]))},
    "seed": SEED,
    "cases": cases,
}
OUTPUT.write_text(json.dumps(document, allow_nan=False, default=float) + "\n")
print(f"wrote {len(cases)} inputs, {sum(len(c['results']) for c in cases)} results to {OUTPUT.relative_to(ROOT)}")
