#!/usr/bin/env python3
"""Write the small Parquet files the language cases read (Tests/EvalLangTests/Cases/data/).

  orders.parquet  the table of orders.csv, as read_csv reads it (amount and note with
                  missing values), written by pyarrow with its defaults
  nested.parquet  a flat `id` and `score` around a list column `tags` and a struct `info`
  big.parquet     INT64 ids beyond 2^53, which read as the nearest number, with a warning

Run from the repository root with a Python (a venv outside the repository) that has
pyarrow:

    /tmp/pqvenv/bin/python scripts/reference/parquet_cases.py
"""

import pathlib

import pyarrow as pa
import pyarrow.parquet as pq

OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "EvalLangTests" / "Cases" / "data"

orders = pa.table({
    "id": pa.array([1, 2, 3, 4, 5], pa.int64()),
    "city": pa.array(["Lisbon", "Porto", "Lisbon", "Madrid", "Porto"]),
    "amount": pa.array([10.5, 20.0, None, 7.25, 12.0]),
    "late": pa.array([True, False, True, False, True]),
    "note": pa.array(["ok", None, 'says "hi", twice', None, "x"]),
})
pq.write_table(orders, OUT / "orders.parquet")

nested = pa.table({
    "id": pa.array([1, 2, 3], pa.int64()),
    "tags": pa.array([[1, 2], [], [3]], pa.list_(pa.int64())),
    "info": pa.array([{"a": 1}, {"a": 2}, {"a": 3}], pa.struct([("a", pa.int64())])),
    "score": pa.array([0.5, 0.25, 0.125]),
})
pq.write_table(nested, OUT / "nested.parquet")

big = pa.table({"id": pa.array([1, 2**53 + 1, -(2**62)], pa.int64())})
pq.write_table(big, OUT / "big.parquet")

for name in ("orders.parquet", "nested.parquet", "big.parquet"):
    print(name, (OUT / name).stat().st_size, "bytes")
