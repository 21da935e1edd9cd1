#!/usr/bin/env python3
"""Generate the benchmark data set: /tmp/evalbook-bench/events_5m.csv.

5,000,000 rows x 7 columns (about 255 MB), seeded, deterministic:

  id       int, 1..N
  label    int, 0/1 (about 30% positives)
  score    float in [0, 1], a classifier's probability, informative about label
  amount   float, order value (log-normal, 0.50 .. ~5,000)
  segment  one of 8 strings
  y_true   float, a regression target (rating-like scale, mostly 2..8)
  y_pred   float, a regression model's prediction of y_true

Floats are written with exactly 6 decimals. The data lives in /tmp, never in the
repository. A marker file (<csv>.ok) records the row count, seed and byte size of a
completed write; when the marker matches the file on disk, generation is skipped.
The CSV is written to a temporary name and renamed, so an interrupted run never
leaves a half-written file that looks complete.

Usage:
    python benchmarks/generate.py [--rows N] [--out PATH] [--seed S] [--force]
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np

DEFAULT_OUT = "/tmp/evalbook-bench/events_5m.csv"
DEFAULT_ROWS = 5_000_000
DEFAULT_SEED = 20240611
SEGMENTS = np.array(["web", "ios", "app", "api", "mail", "ads", "shop", "tv"])
CHUNK = 500_000
FORMAT_VERSION = 2  # bump when the generated content changes


def marker_text(rows: int, seed: int, size: int) -> str:
    return f"format={FORMAT_VERSION} rows={rows} seed={seed} bytes={size}\n"


def is_complete(path: str, rows: int, seed: int) -> bool:
    marker = path + ".ok"
    if not (os.path.exists(path) and os.path.exists(marker)):
        return False
    with open(marker) as f:
        return f.read() == marker_text(rows, seed, os.path.getsize(path))


def chunk_frame(rng: np.random.Generator, start: int, n: int):
    """Draw one chunk of rows (columns as numpy arrays)."""
    ids = np.arange(start + 1, start + n + 1, dtype=np.int64)
    label = (rng.random(n) < 0.30).astype(np.int8)
    # score: a noisy logistic of a latent that is shifted for positives
    latent = rng.normal(0.0, 1.0, n) + np.where(label == 1, 1.6, 0.0) - 0.9
    score = 1.0 / (1.0 + np.exp(-latent))
    amount = np.clip(np.exp(rng.normal(3.6, 1.0, n)), 0.5, 5000.0)
    segment = SEGMENTS[rng.integers(0, len(SEGMENTS), n)]
    # regression target on a rating-like scale (mostly 2..8), prediction = target + noise
    y_true = 3.0 + 0.5 * np.log(amount) + rng.normal(0.0, 1.0, n)
    y_pred = y_true + rng.normal(0.05, 0.7, n)
    return ids, label, score, amount, segment, y_true, y_pred


def write(path: str, rows: int, seed: int) -> None:
    import polars as pl  # fastest CSV writer with a fixed float precision

    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    tmp = path + ".tmp"
    rng = np.random.default_rng(seed)
    with open(tmp, "wb") as f:
        written = 0
        while written < rows:
            n = min(CHUNK, rows - written)
            ids, label, score, amount, segment, y_true, y_pred = chunk_frame(rng, written, n)
            df = pl.DataFrame({
                "id": ids, "label": label, "score": score, "amount": amount,
                "segment": segment, "y_true": y_true, "y_pred": y_pred,
            })
            df.write_csv(f, include_header=(written == 0), float_precision=6,
                         line_terminator="\n")
            written += n
    os.replace(tmp, path)
    with open(path + ".ok", "w") as f:
        f.write(marker_text(rows, seed, os.path.getsize(path)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=DEFAULT_ROWS)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--force", action="store_true", help="regenerate even if complete")
    a = ap.parse_args()

    if not a.force and is_complete(a.out, a.rows, a.seed):
        print(f"{a.out}: present ({a.rows:,} rows, {os.path.getsize(a.out) / 1e6:.1f} MB), skipping")
        return 0
    t0 = time.perf_counter()
    write(a.out, a.rows, a.seed)
    dt = time.perf_counter() - t0
    print(f"{a.out}: wrote {a.rows:,} rows, {os.path.getsize(a.out) / 1e6:.1f} MB in {dt:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
