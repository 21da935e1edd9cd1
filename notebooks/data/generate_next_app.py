#!/usr/bin/env python3
"""Generate the next-app prediction data used by notebooks/next_app.md.

Writes, next to this script:

  next_app.csv   one row per (week, user, app): the features the scorer sees, the
                 scorer's score, and what the user actually opened next.

The story
---------
A phone launcher shows three app suggestions when the user unlocks the phone. The
scorer is a fixed formula over (user, app) features: it gives one score per row,
and the launcher shows the three highest-scored apps of each user. It is NOT a
classifier with one output per app, so it has no list of apps baked in.

Week 1: every user has the same 8 apps. Week 2: a new app, Podcasts, is launched
and installed by every user on Monday; the same scorer, unchanged, scores it from
the same features as any other app (opens since install, hours since last open,
and how well the app fits the hour of the unlock).

For each user and week we record one unlock. `relevance` is graded:
2 for the app the user opened right after that unlock, 1 for any other app
opened within the next hour, 0 otherwise. `opened_next` is relevance == 2.

Columns
-------
week              1 | 2
user              u01..u80
segment           commuter | homebody (commuters use Maps, Music and Podcasts more)
app               Mail, Maps, Music, Camera, Chat, News, Bank, Fitness (+ Podcasts in week 2)
opens_7d          the user's opens of the app in the 7 days before the unlock
hours_since_last  hours since the user last opened the app (capped at 168)
hour_fit          0..1, how typical the unlock hour is for this app
score             the scorer's output, 4 decimals
relevance         0 | 1 | 2
opened_next       1 if relevance == 2 else 0

The output is deterministic: numpy default_rng with a fixed seed and values
written with a fixed number of decimals. Re-running the script reproduces the file
byte for byte. Run with any Python 3 that has numpy, e.g.

    /tmp/venv/bin/python notebooks/data/generate_next_app.py
"""

from __future__ import annotations

import csv
import math
import os

import numpy as np

SEED = 20240714
N_USERS = 80
APPS = ["Mail", "Maps", "Music", "Camera", "Chat", "News", "Bank", "Fitness"]
NEW_APP = "Podcasts"
# base popularity (log-odds scale) per app, per segment
BASE = {
    "commuter": {"Mail": 0.6, "Maps": 1.0, "Music": 1.1, "Camera": -0.6, "Chat": 1.3,
                 "News": 0.5, "Bank": -0.8, "Fitness": -0.5, "Podcasts": 1.0},
    "homebody": {"Mail": 0.5, "Maps": -1.0, "Music": 0.3, "Camera": 0.0, "Chat": 1.4,
                 "News": 0.7, "Bank": -0.6, "Fitness": 0.2, "Podcasts": 0.1},
}

HERE = os.path.dirname(os.path.abspath(__file__))


def scorer(opens_7d: float, hours_since_last: float, hour_fit: float) -> float:
    """The frozen scorer: a logistic score of three (user, app) features."""
    z = -3.5 + 0.8 * math.log1p(opens_7d) - 0.3 * math.log1p(hours_since_last) + 3.2 * hour_fit
    return 1.0 / (1.0 + math.exp(-z))


def generate() -> list[list]:
    rng = np.random.default_rng(SEED)
    users = [f"u{i:02d}" for i in range(1, N_USERS + 1)]
    segment = rng.choice(["commuter", "homebody"], size=N_USERS, p=[0.5, 0.5])
    # each user's taste: segment base plus a personal offset per app
    taste = {}
    for u, s in zip(users, segment):
        for a in APPS + [NEW_APP]:
            taste[(u, a)] = BASE[s][a] + rng.normal(0.0, 0.7)

    rows = []
    for week in (1, 2):
        apps = APPS if week == 1 else APPS + [NEW_APP]
        for u, s in zip(users, segment):
            feats = {}
            utility = {}
            for a in apps:
                t = taste[(u, a)]
                new = a == NEW_APP
                # usage history: the new app has only the days since Monday
                rate = math.exp(t) * (3.0 if not new else 1.4)
                opens = int(rng.poisson(rate))
                hours = float(min(168.0, rng.exponential(60.0 / (1.0 + opens))))
                fit = float(np.clip(0.5 + 0.12 * t + rng.normal(0.0, 0.22), 0.0, 1.0))
                fit = round(fit, 2)
                hours = round(hours, 1)
                feats[a] = (opens, hours, fit)
                # what the user really wants right now: taste, context, noise
                utility[a] = t + 3.0 * fit + rng.gumbel(0.0, 0.9)
            order = sorted(apps, key=lambda a: (-utility[a], apps.index(a)))
            next_app = order[0]
            later = set(a for a in order[1:4] if rng.random() < 0.45)
            for a in apps:
                opens, hours, fit = feats[a]
                rel = 2 if a == next_app else (1 if a in later else 0)
                rows.append([week, u, s, a, opens, f"{hours:.1f}", f"{fit:.2f}",
                             f"{scorer(opens, hours, fit):.4f}", rel, int(rel == 2)])
    return rows


def main() -> None:
    rows = generate()
    path = os.path.join(HERE, "next_app.csv")
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["week", "user", "segment", "app", "opens_7d", "hours_since_last",
                    "hour_fit", "score", "relevance", "opened_next"])
        w.writerows(rows)
    print(f"{os.path.relpath(path)}: {len(rows)} rows, {os.path.getsize(path)} bytes")
    for week in (1, 2):
        wr = [r for r in rows if r[0] == week]
        users = sorted(set(r[1] for r in wr))
        hits = 0
        pod_next = 0
        pod_hit = 0
        for u in users:
            ur = [r for r in wr if r[1] == u]
            ur.sort(key=lambda r: -float(r[7]))
            top3 = [r[3] for r in ur[:3]]
            nxt = [r[3] for r in ur if r[9] == 1][0]
            hits += nxt in top3
            if nxt == NEW_APP:
                pod_next += 1
                pod_hit += nxt in top3
        print(f"  week {week}: hit@3 {hits / len(users):.3f}; next app = {NEW_APP} for {pod_next} users, "
              f"{pod_hit} of them in the top 3")


if __name__ == "__main__":
    main()
