#!/usr/bin/env python3
"""Write Parquet files of the types the main fixtures leave out, for EvalData's tests.

Writes Tests/EvalDataTests/Fixtures/parquet_extra/:

  types_extra.parquet  FLOAT16, UUID, TIME(ms) as INT32, TIME(us) as INT64, a 45-digit
                       DECIMAL (FIXED_LEN_BYTE_ARRAY(19)), large_string and string_view
                       (both BYTE_ARRAY/String), 6 rows, pyarrow's defaults
  types_extra.txt      what pyarrow reads back, for the record (the test spells out
                       the values it expects)

Run from the repository root with a Python (a venv outside the repository) that has
pyarrow and numpy:

    /tmp/pqvenv/bin/python scripts/reference/parquet_extra_fixtures.py
"""

import datetime
import decimal
import pathlib
import uuid

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "EvalDataTests" / "Fixtures" / "parquet_extra"
OUT.mkdir(parents=True, exist_ok=True)

table = pa.table({
    "h": pa.array(np.array([1.5, -2.25, 65504, 6.1e-5, np.nan, 0], dtype=np.float16)),
    "u": pa.array([uuid.UUID(int=i * 12345678901234567).bytes for i in range(6)], pa.uuid()),
    "t32": pa.array([datetime.time(1, 2, 3, 456000)] * 5 + [None], pa.time32("ms")),
    "t64": pa.array([datetime.time(23, 59, 59, 999999)] * 6, pa.time64("us")),
    "d256": pa.array([decimal.Decimal("1234567890123456789012345678901234567890.12"),
                      decimal.Decimal("-0.01")] * 3, pa.decimal256(45, 2)),
    "lstr": pa.array(["x", "y", None, "z", "", None], pa.large_string()),
    "view": pa.array(["a", "b", "c", "d", "e", "f"], pa.string_view()),
})
pq.write_table(table, OUT / "types_extra.parquet")
back = pq.read_table(OUT / "types_extra.parquet")
with open(OUT / "types_extra.txt", "w") as f:
    f.write(f"pyarrow {pa.__version__}\n{pq.read_metadata(OUT / 'types_extra.parquet').schema}\n")
    for name, values in back.to_pydict().items():
        f.write(f"{name}: {values!r}\n")
    f.write(f"d256 as floats: {[float(v) for v in back['d256'].to_pylist()]!r}\n")
print((OUT / "types_extra.parquet").stat().st_size, "bytes")
