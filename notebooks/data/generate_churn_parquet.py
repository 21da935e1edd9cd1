#!/usr/bin/env python3
"""Write a Parquet copy of the churn data: notebooks/data/churn.parquet.

Reads churn.csv (written by generate_churn.py, next to this script) with pandas'
default type inference and writes it with pyarrow's defaults (`pq.write_table`:
snappy compression, dictionary encoding, data page v1, format 2.6, one row group),
without the pandas index. Run it from the repository root with a Python (a venv
outside the repository) that has pandas and pyarrow:

    /tmp/pqvenv/bin/python notebooks/data/generate_churn_parquet.py

Columns as inferred and written (pandas dtype -> Parquet physical / logical type):

  customer_id        int64   -> INT64
  segment            str     -> BYTE_ARRAY / String  (consumer, small_business, enterprise)
  tenure_months      int64   -> INT64
  monthly_revenue    float64 -> DOUBLE
  churned            int64   -> INT64  (0/1, kept as an integer like the CSV)
  p_churn_current    float64 -> DOUBLE
  p_churn_candidate  float64 -> DOUBLE

No column has missing values. The values equal what `read_csv` gives for churn.csv,
so a notebook reading either file computes the same numbers. The file is
deterministic for fixed library versions (pyarrow writes its version in the footer).
"""

import pathlib

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

HERE = pathlib.Path(__file__).resolve().parent
SRC = HERE / "churn.csv"
OUT = HERE / "churn.parquet"

df = pd.read_csv(SRC)
table = pa.Table.from_pandas(df, preserve_index=False)
pq.write_table(table, OUT)

back = pq.read_table(OUT).to_pandas()
assert back.shape == df.shape and (back.columns == df.columns).all()
pd.testing.assert_frame_equal(back, df, check_dtype=False, check_exact=True)
md = pq.ParquetFile(OUT).metadata
print(f"{OUT.name}: {md.num_rows} rows, {md.num_columns} columns, {md.num_row_groups} row group(s), "
      f"{OUT.stat().st_size:,} bytes")
for j in range(md.num_columns):
    c = md.schema.column(j)
    cc = md.row_group(0).column(j)
    print(f"  {c.name:<18} {str(df.dtypes.iloc[j]):<8} {c.physical_type:<11} "
          f"{c.logical_type.type:<7} {cc.compression} {','.join(cc.encodings)}")
