#!/usr/bin/env python3
"""Generate the feedback-tagging data used by notebooks/tagging.md.

Writes, next to this script:

  tagging_labels.csv   400 app-store feedback messages, each with its true tags
                       (0/1 per tag; a message can have one, two or three tags).
  tagging_scores.csv   the tagging model's probability for each tag, per message.

Both files have the columns message_id, bug, feature_request, pricing, praise, in
the same row order, so the notebook can compare them column by column.

The story
---------
A product team tags every piece of app-store feedback so that bugs reach the
engineers, feature requests reach the product managers and pricing complaints
reach the growth team. Most messages have one tag; about a third have two ("love
the app but it crashes": bug + praise). The model scores each tag independently;
the question is how to turn its scores into tags: a threshold, or the top k.

Message 1 is the worked example of the notebook: its scores are exactly
bug 0.45, feature_request 0.20, pricing 0.02, praise 0.33 and its true tags are
bug and praise.

How the scores are made: the main tag of a message gets a confident score, a
secondary tag a weaker one (the model hears the loudest topic best), and an absent
tag a low score, a little higher for tags that often travel together.

The output is deterministic: numpy default_rng with a fixed seed, scores held in
integer hundredths and written with two decimals. Re-running the script
reproduces the files byte for byte. Run with any Python 3 that has numpy, e.g.

    /tmp/venv/bin/python notebooks/data/generate_tagging.py
"""

from __future__ import annotations

import csv
import os

import numpy as np

SEED = 20240713
N = 400
TAGS = ["bug", "feature_request", "pricing", "praise"]
MAIN_P = [0.36, 0.26, 0.12, 0.26]
# P(second tag = column | main tag = row)
SECOND = np.array([
    [0.00, 0.25, 0.10, 0.65],  # bug + praise ("love it but it crashes")
    [0.20, 0.00, 0.35, 0.45],  # feature_request + pricing / praise
    [0.20, 0.50, 0.00, 0.30],  # pricing + feature_request
    [0.45, 0.45, 0.10, 0.00],  # praise + bug / feature_request
])
P_SECOND = 0.36
P_THIRD = 0.05
EXAMPLE_SCORES = [45, 20, 2, 33]    # hundredths: bug, feature_request, pricing, praise
EXAMPLE_TAGS = [1, 0, 0, 1]

HERE = os.path.dirname(os.path.abspath(__file__))


def beta_hundredths(rng: np.random.Generator, a: float, b: float) -> int:
    return int(np.clip(np.rint(rng.beta(a, b) * 100.0), 1, 99))


def generate() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(SEED)
    k = len(TAGS)
    labels = np.zeros((N, k), dtype=np.int64)
    scores = np.zeros((N, k), dtype=np.int64)
    for i in range(N):
        main = rng.choice(k, p=MAIN_P)
        labels[i, main] = 1
        second = -1
        if rng.random() < P_SECOND:
            second = rng.choice(k, p=SECOND[main])
            labels[i, second] = 1
            if rng.random() < P_THIRD / P_SECOND:
                rest = [j for j in range(k) if labels[i, j] == 0]
                labels[i, rng.choice(rest)] = 1
        for j in range(k):
            if j == main:
                scores[i, j] = beta_hundredths(rng, 7.0, 3.5)     # mean ~0.67
            elif labels[i, j] == 1:
                scores[i, j] = beta_hundredths(rng, 4.0, 5.0)     # mean ~0.44
            else:
                # an absent tag that often travels with the main one scores higher
                a = 1.0 + 4.0 * SECOND[main, j]
                scores[i, j] = beta_hundredths(rng, a, 9.0)
    labels[0] = EXAMPLE_TAGS
    scores[0] = EXAMPLE_SCORES
    return labels, scores


def write(path: str, rows: np.ndarray, fmt) -> None:
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["message_id"] + TAGS)
        for i in range(N):
            w.writerow([i + 1] + [fmt(v) for v in rows[i]])


def main() -> None:
    labels, scores = generate()
    lpath = os.path.join(HERE, "tagging_labels.csv")
    spath = os.path.join(HERE, "tagging_scores.csv")
    write(lpath, labels, str)
    write(spath, scores, lambda c: f"{c // 100}.{c % 100:02d}")
    print(f"{os.path.relpath(lpath)}: {N} messages, {os.path.getsize(lpath)} bytes")
    print(f"{os.path.relpath(spath)}: {N} messages, {os.path.getsize(spath)} bytes")
    card = labels.sum(axis=1)
    print("  tags per message:", {int(c): int((card == c).sum()) for c in np.unique(card)})
    print("  tag prevalence:", dict(zip(TAGS, labels.mean(axis=0).round(3).tolist())))
    P = scores / 100.0
    for name, pred in [
        ("threshold 0.5", P >= 0.5),
        ("threshold 0.3", P >= 0.3),
        ("top 1", np.argsort(-P, axis=1, kind="stable")[:, :1]),
        ("top 2", np.argsort(-P, axis=1, kind="stable")[:, :2]),
    ]:
        if pred.dtype != bool:
            m = np.zeros_like(P, dtype=bool)
            np.put_along_axis(m, pred, True, axis=1)
            pred = m
        y = labels.astype(bool)
        tp = (pred & y).sum()
        micro_f1 = 2 * tp / (pred.sum() + y.sum())
        print(f"  {name}: hamming {np.mean(pred != y):.4f}  subset {np.mean((pred == y).all(axis=1)):.4f}"
              f"  micro f1 {micro_f1:.4f}  empty rows {int((~pred.any(axis=1)).sum())}")


if __name__ == "__main__":
    main()
