#!/usr/bin/env python3
"""Generate the food-delivery ETA demo data used by the example notebooks.

Writes, next to this script:

  delivery_eta.csv      1,000 orders, two ETA models with the SAME mean absolute
                        error but very different root mean squared error.
  delivery_eta_toy.csv  the textbook case: 5 orders; model A is 2 minutes late on
                        every one, model B is 10 minutes late on one and exact on
                        the other four (MAE 2 vs 2, RMSE 2 vs 4.47).

The story
---------
Model A (`predicted_minutes`, in production; the promised ETA shown to the
customer is A's prediction rounded up to the whole minute) is "2 minutes late five
times": almost every order misses by a minute or three, usually late.

Model B (`predicted_minutes_b`, the candidate) was trained without the weather
feed. On clear-weather orders it is nearly exact; on rainy orders it misses by
10-20 minutes. It is "10 minutes late once".

Both have exactly the same MAE (the generator balances the total absolute error to
the hundredth of a minute), so a leaderboard ranked by MAE calls them a tie; RMSE
and the share of orders more than 5 minutes late tell them apart.

Columns
-------
order_id             int, 1..N
city                 one of Lisbon, Porto, Madrid, Valencia
weather              clear | rain
distance_km          courier distance, 2 decimals
prep_minutes         kitchen preparation time, 2 decimals
promised_minutes     int, ceil(predicted_minutes): the ETA promised to the customer
predicted_minutes    model A's ETA, 2 decimals
predicted_minutes_b  model B's ETA, 2 decimals
actual_minutes       observed delivery time, 2 decimals
late                 1 if actual_minutes > promised_minutes else 0

The output is deterministic: numpy default_rng with a fixed seed, all arithmetic
on the written values done in integer hundredths of a minute, floats written with
a fixed number of decimals. Re-running the script reproduces the files byte for
byte. Run with any Python 3 that has numpy, e.g.

    /tmp/venv/bin/python notebooks/data/generate_delivery_eta.py
"""

from __future__ import annotations

import csv
import math
import os

import numpy as np

SEED = 20240611
N = 1000
CITIES = ["Lisbon", "Porto", "Madrid", "Valencia"]
CITY_P = [0.35, 0.20, 0.30, 0.15]
# courier minutes per km, per city (traffic, hills)
CITY_MIN_PER_KM = {"Lisbon": 3.4, "Porto": 3.1, "Madrid": 2.8, "Valencia": 2.5}
RAIN_P = 0.15

HERE = os.path.dirname(os.path.abspath(__file__))


def cents(x: np.ndarray) -> np.ndarray:
    """Round minutes to integer hundredths of a minute."""
    return np.rint(np.asarray(x) * 100.0).astype(np.int64)


def fmt2(c: int) -> str:
    """Format integer hundredths as a fixed 2-decimal string (exact, no float)."""
    sign = "-" if c < 0 else ""
    c = abs(int(c))
    return f"{sign}{c // 100}.{c % 100:02d}"


def mae_rmse(actual_c: np.ndarray, pred_c: np.ndarray) -> tuple[float, float]:
    e = (actual_c - pred_c) / 100.0
    return float(np.mean(np.abs(e))), float(math.sqrt(np.mean(e * e)))


def generate() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(SEED)

    city = rng.choice(CITIES, size=N, p=CITY_P)
    rain = rng.random(N) < RAIN_P
    distance_c = cents(np.clip(0.4 + rng.gamma(2.2, 1.3, N), 0.4, 14.0))
    prep_c = cents(np.clip(6.0 + rng.gamma(2.5, 3.2, N), 6.0, 45.0))

    speed = np.array([CITY_MIN_PER_KM[c] for c in city])
    pickup_wait = rng.gamma(2.0, 1.5, N)  # minutes waiting at the restaurant
    base = prep_c / 100.0 + 4.0 + speed * distance_c / 100.0 + pickup_wait
    # rain slows couriers down: 10-20 extra minutes, more on long trips
    rain_delay = np.where(rain, 9.0 + rng.gamma(3.0, 1.2, N) + 0.4 * distance_c / 100.0, 0.0)
    actual_c = cents(base + rain_delay + rng.normal(0.0, 0.8, N))

    # Model A: every order off by ~2 minutes, late 70% of the time.
    mag_a = np.clip(rng.normal(2.0, 0.45, N), 0.6, 3.6)
    sign_a = np.where(rng.random(N) < 0.70, 1, -1)
    err_a_c = sign_a * cents(mag_a)  # err = actual - predicted (> 0: late)

    # Model B: exact-ish on clear days, blind to rain.
    small_b = cents(rng.normal(0.0, 0.30, N))
    big_b = cents(rain_delay)
    err_b_c = np.where(rain, big_b + small_b, small_b)

    # Balance B's total absolute error to A's, to the hundredth of a minute, by
    # scaling the rainy-order misses (they are all late, so |err| = err there).
    target = int(np.abs(err_a_c).sum())
    clear_abs = int(np.abs(err_b_c[~rain]).sum())
    rain_idx = np.flatnonzero(rain)
    raw = err_b_c[rain_idx].astype(np.float64)
    scaled = cents(raw * (target - clear_abs) / raw.sum() / 100.0)
    diff = (target - clear_abs) - int(scaled.sum())
    # distribute the remaining hundredths one at a time, deterministically
    step = 1 if diff > 0 else -1
    for k in range(abs(diff)):
        scaled[k % len(scaled)] += step
    err_b_c = err_b_c.copy()
    err_b_c[rain_idx] = scaled
    assert int(np.abs(err_b_c).sum()) == target
    assert (scaled > 0).all()

    pred_a_c = actual_c - err_a_c
    pred_b_c = actual_c - err_b_c
    assert (pred_a_c >= 100).all() and (pred_b_c >= 100).all()

    promised = (pred_a_c + 99) // 100  # ceil to whole minutes
    late = (actual_c > promised * 100).astype(np.int64)

    return {
        "order_id": np.arange(1, N + 1),
        "city": city,
        "weather": np.where(rain, "rain", "clear"),
        "distance_km": distance_c,
        "prep_minutes": prep_c,
        "promised_minutes": promised,
        "predicted_minutes": pred_a_c,
        "predicted_minutes_b": pred_b_c,
        "actual_minutes": actual_c,
        "late": late,
    }


def write_main(d: dict[str, np.ndarray], path: str) -> None:
    cols = list(d.keys())
    two_dec = {"distance_km", "prep_minutes", "predicted_minutes", "predicted_minutes_b", "actual_minutes"}
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        for i in range(N):
            w.writerow([fmt2(d[c][i]) if c in two_dec else str(d[c][i]) for c in cols])


def write_toy(path: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    actual = np.array([32, 27, 41, 36, 24]) * 100
    pred_a = actual - 200                 # 2 minutes late on every order
    pred_b = actual.copy()
    pred_b[2] -= 1000                     # 10 minutes late once, exact otherwise
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["order_id", "predicted_minutes", "predicted_minutes_b", "actual_minutes"])
        for i in range(5):
            w.writerow([i + 1, fmt2(pred_a[i]), fmt2(pred_b[i]), fmt2(actual[i])])
    return actual, pred_a, pred_b


def main() -> None:
    d = generate()
    main_path = os.path.join(HERE, "delivery_eta.csv")
    toy_path = os.path.join(HERE, "delivery_eta_toy.csv")
    write_main(d, main_path)
    actual, pa, pb = write_toy(toy_path)

    def report(name: str, actual_c, a_c, b_c, extra: str = "") -> None:
        mae_a, rmse_a = mae_rmse(actual_c, a_c)
        mae_b, rmse_b = mae_rmse(actual_c, b_c)
        print(f"{name}: {len(actual_c)} rows{extra}")
        print(f"  model A (predicted_minutes)    MAE {mae_a:.4f}  RMSE {rmse_a:.4f}")
        print(f"  model B (predicted_minutes_b)  MAE {mae_b:.4f}  RMSE {rmse_b:.4f}")
        print(f"  MAE B/A {mae_b / mae_a:.4f}   RMSE B/A {rmse_b / rmse_a:.4f}")

    late_rate = float(d["late"].mean())
    report(os.path.relpath(main_path), d["actual_minutes"], d["predicted_minutes"],
           d["predicted_minutes_b"], f", late rate {late_rate:.3f}")
    ea = (d["actual_minutes"] - d["predicted_minutes"]) / 100.0
    eb = (d["actual_minutes"] - d["predicted_minutes_b"]) / 100.0
    print(f"  orders > 5 min late: A {int((ea > 5).sum())}, B {int((eb > 5).sum())}")
    report(os.path.relpath(toy_path), actual, pa, pb)


if __name__ == "__main__":
    main()
