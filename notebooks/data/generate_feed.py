#!/usr/bin/env python3
"""Generate the content-feed ranking data used by the feed trade-off notebook.

Writes, next to this script:

  feed.csv   400 user sessions x 25 candidate posts (10,000 rows): the scores of the
             two ranking models and what happened to each post in the session.

The story
---------
A content feed ranks the candidate posts of every session by

    alpha * quality_score + beta * engagement_score

where the two scores come from separately trained models:

- `quality_score`: a post-quality model (trained on editorial ratings and user
  reports). It sees the post's true quality through noise and nothing else.
- `engagement_score`: a click model. It sees the post's general appeal and part of
  this user's affinity for the post, through noise.

Quality and appeal are only loosely related (clickbait is appealing and poor;
a careful long read is good and not very clicky), so the two scores are positively
but weakly correlated (about 0.3) and choosing alpha/beta is a real trade-off:
weighting engagement more puts more clicked posts at the top of the feed, but also
more posts that users report as low quality, and less dwell time. (A small quality
weight costs no clicks: quality and appeal are correlated, so the quality score
helps the noisy engagement score a little. The trade-off bites beyond that.)

The data was logged in an exploration bucket where the 25 candidates of a session
were shown in random order, so every candidate has outcomes (no position bias in
the labels). Posts come from a shared pool of 2,500, so a post appears in several
sessions; sessions differ in how click-happy the user is.

Outcomes
--------
- clicked: driven mostly by appeal and user affinity (what the engagement model
  predicts), a little by quality; ~15% of candidates.
- reported_low_quality: rare (~3%), driven by low true quality; appealing poor
  posts are seen more and so reported more.
- dwell_seconds: time spent on the post (in the feed and, if opened, reading it);
  driven mainly by quality, only weakly by appeal.
- relevance: graded 0-3 editorial label that mixes quality and appeal.

Columns
-------
session_id            int, 1..400
post_id               int, 1..2500 (the post pool)
quality_score         quality model's score in [0, 1], 4 decimals
engagement_score      engagement model's score in [0, 1], 4 decimals
clicked               0 | 1
reported_low_quality  0 | 1
dwell_seconds         seconds, 1 decimal
relevance             0 | 1 | 2 | 3

The output is deterministic: numpy default_rng with a fixed seed and values
written with a fixed number of decimals. Re-running the script reproduces the file
byte for byte. Run with any Python 3 that has numpy, e.g.

    /tmp/venv/bin/python notebooks/data/generate_feed.py
"""

from __future__ import annotations

import csv
import os

import numpy as np

SEED = 20240802
N_SESSIONS = 400
PER_SESSION = 25
N_POSTS = 2500
RHO = 0.40                 # correlation of true quality and true appeal across posts
AFFINITY_SD = 0.70         # user-post affinity (per row)
QUALITY_NOISE = 0.55       # quality model's noise on true quality
ENGAGE_NOISE = 0.55        # engagement model's noise on appeal + affinity
ENGAGE_SEES_AFFINITY = 0.6  # share of the affinity the engagement model sees
SESSION_CLICK_SD = 0.55    # how click-happy the session's user is
CLICK_BASE = -2.55
REPORT_BASE = -4.40
# editorial relevance: thresholds on 0.6 quality + 0.4 appeal + noise
RELEVANCE_CUTS = (-0.35, 0.45, 1.15)

HERE = os.path.dirname(os.path.abspath(__file__))


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def auc(y: np.ndarray, s: np.ndarray) -> float:
    """Rank-based AUC (Mann-Whitney U), average ranks for ties."""
    order = np.argsort(s, kind="stable")
    ss = s[order]
    ranks = np.empty(len(s), dtype=np.float64)
    i = 0
    while i < len(ss):
        j = i
        while j + 1 < len(ss) and ss[j + 1] == ss[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    pos = y == 1
    n1, n0 = int(pos.sum()), int((~pos).sum())
    return float((ranks[pos].sum() - n1 * (n1 + 1) / 2.0) / (n1 * n0))


def generate() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(SEED)
    n = N_SESSIONS * PER_SESSION

    # post pool: true quality and true appeal, loosely correlated
    z1 = rng.normal(0.0, 1.0, N_POSTS)
    z2 = rng.normal(0.0, 1.0, N_POSTS)
    quality = z1
    appeal = RHO * z1 + np.sqrt(1.0 - RHO * RHO) * z2
    # each post's quality-model score is fixed (the model scores the post, not the user)
    q_score_post = sigmoid(0.2 + 1.1 * (quality + rng.normal(0.0, QUALITY_NOISE, N_POSTS)))

    session = np.repeat(np.arange(1, N_SESSIONS + 1), PER_SESSION)
    post = np.concatenate([rng.choice(N_POSTS, size=PER_SESSION, replace=False)
                           for _ in range(N_SESSIONS)])
    click_happy = np.repeat(rng.normal(0.0, SESSION_CLICK_SD, N_SESSIONS), PER_SESSION)

    q = quality[post]
    a = appeal[post]
    affinity = rng.normal(0.0, AFFINITY_SD, n)

    q_units = np.rint(q_score_post[post] * 10000).astype(np.int64)
    e_latent = a + ENGAGE_SEES_AFFINITY * affinity + rng.normal(0.0, ENGAGE_NOISE, n)
    e_units = np.rint(sigmoid(-0.6 + 1.1 * e_latent) * 10000).astype(np.int64)

    clicked = (rng.random(n) < sigmoid(CLICK_BASE + 1.25 * (a + affinity) + 0.10 * q + click_happy)).astype(np.int64)
    reported = (rng.random(n) < sigmoid(REPORT_BASE - 1.6 * q + 0.80 * a)).astype(np.int64)

    view = np.exp(1.2 + 0.45 * q + 0.05 * a + rng.normal(0.0, 0.45, n))          # in the feed
    read = np.exp(3.0 + 1.00 * q - 0.10 * a + rng.normal(0.0, 0.55, n))           # if opened
    dwell_d = np.rint((view + clicked * read) * 10).astype(np.int64)              # tenths of a second

    editorial = 0.6 * q + 0.4 * a + rng.normal(0.0, 0.45, n)
    relevance = np.searchsorted(np.array(RELEVANCE_CUTS), editorial).astype(np.int64)

    return {
        "session_id": session,
        "post_id": post + 1,
        "quality_score": q_units,
        "engagement_score": e_units,
        "clicked": clicked,
        "reported_low_quality": reported,
        "dwell_seconds": dwell_d,
        "relevance": relevance,
    }


def write(d: dict[str, np.ndarray], path: str) -> None:
    cols = list(d.keys())
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        for i in range(len(d["session_id"])):
            qs, es, dw = int(d["quality_score"][i]), int(d["engagement_score"][i]), int(d["dwell_seconds"][i])
            w.writerow([
                d["session_id"][i], d["post_id"][i],
                f"{qs // 10000}.{qs % 10000:04d}", f"{es // 10000}.{es % 10000:04d}",
                d["clicked"][i], d["reported_low_quality"][i],
                f"{dw // 10}.{dw % 10}", d["relevance"][i],
            ])


def top_k_stats(d: dict[str, np.ndarray], alpha: float, k: int = 5) -> tuple[float, float, float, float]:
    """Rank each session by alpha*quality + (1-alpha)*engagement; outcomes of the top k."""
    score = (alpha * d["quality_score"] + (1.0 - alpha) * d["engagement_score"]).reshape(N_SESSIONS, PER_SESSION)
    top = np.argsort(-score, axis=1, kind="stable")[:, :k]
    take = lambda c: np.take_along_axis(d[c].reshape(N_SESSIONS, PER_SESSION), top, axis=1)
    return (float(take("clicked").mean()), float(take("reported_low_quality").mean()),
            float(take("dwell_seconds").mean() / 10.0), float(take("relevance").mean()))


def main() -> None:
    d = generate()
    path = os.path.join(HERE, "feed.csv")
    write(d, path)
    qs = d["quality_score"] / 10000.0
    es = d["engagement_score"] / 10000.0
    dw = d["dwell_seconds"] / 10.0
    c, r, rel = d["clicked"], d["reported_low_quality"], d["relevance"]
    print(f"{os.path.relpath(path)}: {len(c)} rows ({N_SESSIONS} sessions x {PER_SESSION}),"
          f" {len(np.unique(d['post_id']))} distinct posts, {os.path.getsize(path)} bytes")
    print(f"  click rate {c.mean():.4f}   report rate {r.mean():.4f}   dwell mean {dw.mean():.1f}s"
          f" median {np.median(dw):.1f}s")
    print(f"  relevance distribution: " + "  ".join(f"{g}:{np.mean(rel == g):.3f}" for g in range(4)))
    print(f"  corr(quality_score, engagement_score) {np.corrcoef(qs, es)[0, 1]:.4f}")
    print(f"  corr(log dwell, quality_score) {np.corrcoef(np.log(dw), qs)[0, 1]:.4f}"
          f"   corr(log dwell, engagement_score) {np.corrcoef(np.log(dw), es)[0, 1]:.4f}")
    print(f"  AUC clicked:  by engagement {auc(c, es):.4f}  by quality {auc(c, qs):.4f}")
    print(f"  AUC reported: by (1 - quality) {auc(r, -qs):.4f}  by engagement {auc(r, es):.4f}")
    print("  top-5 per session, ranking by alpha*quality + (1-alpha)*engagement:")
    for alpha in (0.0, 0.25, 0.5, 0.75, 1.0):
        ctr, rep, dwm, relm = top_k_stats(d, alpha)
        print(f"    alpha {alpha:.2f}: click {ctr:.4f}  reported {rep:.4f}  dwell {dwm:6.1f}s  relevance {relm:.3f}")


if __name__ == "__main__":
    main()
