#!/usr/bin/env python3
"""Write the Parquet fixture files that EvalData's Parquet reader is tested against.

Writes Tests/EvalDataTests/Fixtures/parquet/NAME.parquet, one NAME.json per file with
the values every column must read as, and index.json (versions, the list of files and
a coverage table: which fixture covers which page type, encoding, codec, physical and
logical type, writer and edge case). Run it from the repository root with a Python
(a venv outside the repository) that has pyarrow, pandas, polars, duckdb and numpy:

    /tmp/pqvenv/bin/python scripts/reference/parquet_fixtures.py

Data is drawn from numpy's default_rng with a fixed seed, so re-running with the same
library versions rewrites the same values (the writers may embed their version in the
footer's created_by, so the bytes can differ across versions). Versions used are
recorded in index.json.

The expected values are what pyarrow reads back from each written file (`pq.read_table`),
checked against the table that was written wherever the writer was pyarrow.

NAME.json schema
----------------
{
  "file": "NAME.parquet", "writer": "how it was written", "description": "...",
  "created_by": footer created_by, "format_version": footer version ("1.0", "2.6"),
  "num_rows": N, "row_groups": [{"num_rows": n}, ...],
  "columns": [                               # top-level columns, in file order
    {
      "name": "score",
      "nested": false,                       # true: list/struct/map column (see below)
      "arrow_type": "double",                # pyarrow's type when reading it back
      "kind": "double",                      # how "values" is encoded, see below
      "nullable": true,                      # false: REQUIRED in the Parquet schema
                                             # (flat columns: max_definition_level > 0)
      "max_definition_level": 1,             # flat columns
      "null_count": 3,
      "physical_type": "DOUBLE",             # Parquet physical type as written
      "logical_type": {"Type": "None"},      # pyarrow LogicalType.to_json(), parsed
      "converted_type": "NONE",
      "length": 16,                          # FIXED_LEN_BYTE_ARRAY only
      "precision": 38, "scale": 10,          # decimals only
      "unit": "ms", "utc": true,             # timestamps only
      "chunks": [                            # one per row group
        {"codec": "SNAPPY",                  # pyarrow's name for the codec
         "codec_thrift": "SNAPPY",           # the footer's CompressionCodec (LZ4_RAW for "LZ4")
         "encodings": ["PLAIN", "RLE", "RLE_DICTIONARY"],   # ColumnMetaData.encodings
         "has_dictionary_page": true,
         "pages": [["DICTIONARY_PAGE", "PLAIN", 1], ["DATA_PAGE", "RLE_DICTIONARY", 5]]}
      ],                                     # pages: runs of [page type, encoding, count]
                                             # read from the page headers in the file;
                                             # nested columns: one chunk per leaf, with "leaf"
      "values": [...]                        # one per row, null = missing
    }
  ]
}

Value encodings by kind (null is always a missing value):
  bool          true / false
  int           JSON number when |x| < 2^53, else a string of the exact integer
                ("arrow_type" says int8 ... uint64)
  float, double JSON number printed with Python repr (round-trips exactly; float32 values
                are the exact double of the float32), or the strings "NaN", "Infinity",
                "-Infinity". -0.0 is the JSON number -0.0. Float columns of the edge-case
                files also carry "bits": the IEEE-754 bit pattern of each value as hex
                (16 digits for double, 8 for float), so NaN and -0.0 compare exactly.
  string        JSON string (valid UTF-8)
  binary        lowercase hex of the bytes (also FIXED_LEN_BYTE_ARRAY binaries:
                kind "fixed_binary")
  date          integer days since 1970-01-01
  timestamp     "values": the integer count in "unit" ("ms"/"us"/"ns", the unit stored in
                the Parquet logical type; int rule above, so ns values are strings),
                "utc": isAdjustedToUTC, and "seconds": the correctly rounded double of
                count / 10^k seconds since the Unix epoch. INT96 columns are "unit": "ns",
                "utc": false (how pyarrow reads INT96) and also carry "int96": per value
                [julian_day, nanoseconds_of_day] as stored.
  decimal       "values": exact decimal strings with exactly `scale` fraction digits,
                "floats": the correctly rounded double, "unscaled": the stored integer
                (int rule above)
  null          arrow null type (Parquet INT32 with logical type Null): all values null
  nested        list/struct/map: "values" are the natural JSON (lists, objects, maps as
                lists of [key, value]) for reference; "leaves" lists the Parquet leaf
                columns. A flat-only reader should refuse these columns by name.

Dictionary-encoded Arrow columns (pyarrow dictionary<string>, DuckDB ENUM, polars Enum)
have "dictionary": true and kind "string".

Fixtures (index.json "coverage" lists, feature by feature, every fixture that has it,
collected from the written files' metadata and page headers, and the script fails if a
required feature is missing):

  types_plain_v1          every flat type, PLAIN, data page v1, UNCOMPRESSED; decimal(9,2) as
                          INT32, decimal(18,4) as INT64, decimal(38,10) as FLBA
                          (store_decimal_as_integer); REQUIRED req_* columns beside OPTIONAL ones
  types_plain_v2          same table, data page v2 (booleans RLE), SNAPPY, all decimals FLBA
  types_dict_v2           same table, dictionary pages + RLE_DICTIONARY, v2 pages, ZSTD
  types_dict_v1_format1   format version 1.0: PLAIN_DICTIONARY pages, GZIP (uint32 -> INT64)
  int96                   INT96 timestamps, optional and required
  dict_fallback_v1/_v2    dictionary falls back to PLAIN mid-chunk (dictionary page, 1
                          RLE_DICTIONARY data page, then PLAIN data pages), many pages
  pages_rowgroups_v1/_v2  3 row groups (2000/2000/1000), >= 10 data pages per chunk, nulls
  encodings_v1/_v2        DELTA_BINARY_PACKED (int32/int64, incl. extremes), DELTA_LENGTH_BYTE_ARRAY,
                          DELTA_BYTE_ARRAY (strings, binary), BYTE_STREAM_SPLIT (float, double,
                          int32, int64, FLBA(16), decimal(38,10) FLBA), RLE booleans, PLAIN
  codec_<c>_v1/_v2        c = none, snappy, gzip, zstd, lz4 (footer LZ4_RAW), brotli
  codec_per_column        gzip / brotli / lz4 / zstd in one row group
  nested_mixed            list<int64>, struct<a: int64, b: string>, map<string, int64> between
                          flat columns id, score, name, flag
  writer_pyarrow, writer_pandas, writer_pandas_index (__index_level_0__ column),
  writer_polars, writer_duckdb
                          one 2,000-row table (score, label, segment, flag, ts, day, ~5% nulls)
                          written by each writer with its defaults
  enum_duckdb             DuckDB ENUM (written as String + dictionary; no ENUM logical type)
  enum_polars             polars Enum and Categorical (String + dictionary pages)
  empty, empty_dict_v2    0 rows, every flat type
  all_null, all_null_dict_v2  all-null typed columns and arrow's null type (logical Null)
  single_row_group        11 rows in row groups of 5, 5, 1;  one_row: a 1-row file
  strings_edge, strings_edge_plain_v2  non-ASCII, NUL, BOM, U+10FFFF, "" vs null, 20,000- and
                          60,000-character strings
  floats_edge_plain_v1, floats_edge_dict_v2, floats_edge_bss_v2  NaN, NaN with payload,
                          +-inf, -0.0, subnormals, extremes, null vs NaN, with "bits"

What pyarrow 26 actually writes (recorded per chunk, from the metadata and the pages):
format 2.6 (the default) writes RLE_DICTIONARY with both page versions; PLAIN_DICTIONARY
only with version="1.0" (DuckDB's defaults write it too); dictionary pages are PLAIN
encoded; booleans are PLAIN on v1 pages and RLE on v2 pages; compression="lz4" is the
footer codec LZ4_RAW (which pyarrow's metadata calls "LZ4").

Not covered: Spark is not installed here, so there is no Spark-written fixture.
"""

from __future__ import annotations

import datetime as dt
import decimal
import fractions
import json
import math
import pathlib
import struct
import sys

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests" / "EvalDataTests" / "Fixtures" / "parquet"
SEED = 20261129
MAX_FILE = 200_000
TWO53 = 1 << 53
decimal.getcontext().prec = 100  # 38-digit decimals must not be rounded

rng = np.random.default_rng(SEED)
fixtures: list[dict] = []          # index entries
coverage: dict[str, set] = {}      # feature -> fixture names


def cover(feature: str, name: str) -> None:
    coverage.setdefault(feature, set()).add(name)


# ---------------------------------------------------------------- page headers
# Minimal Thrift compact-protocol reader: enough to walk the PageHeaders of a column
# chunk and name each page's type and encoding.

ENCODINGS = {0: "PLAIN", 2: "PLAIN_DICTIONARY", 3: "RLE", 4: "BIT_PACKED",
             5: "DELTA_BINARY_PACKED", 6: "DELTA_LENGTH_BYTE_ARRAY", 7: "DELTA_BYTE_ARRAY",
             8: "RLE_DICTIONARY", 9: "BYTE_STREAM_SPLIT"}
PAGE_TYPES = {0: "DATA_PAGE", 1: "INDEX_PAGE", 2: "DICTIONARY_PAGE", 3: "DATA_PAGE_V2"}


class Compact:
    def __init__(self, buf: bytes, pos: int):
        self.b, self.p = buf, pos

    def byte(self) -> int:
        v = self.b[self.p]
        self.p += 1
        return v

    def varint(self) -> int:
        shift = out = 0
        while True:
            x = self.byte()
            out |= (x & 0x7F) << shift
            shift += 7
            if not x & 0x80:
                return out

    def zigzag(self) -> int:
        v = self.varint()
        return (v >> 1) ^ -(v & 1)

    def skip(self, t: int) -> None:
        if t in (1, 2):
            return
        if t == 3:
            self.p += 1
        elif t in (4, 5, 6):
            self.varint()
        elif t == 7:
            self.p += 8
        elif t == 8:
            n = self.varint()
            self.p += n
        elif t in (9, 10):
            h = self.byte()
            n = h >> 4
            if n == 15:
                n = self.varint()
            for _ in range(n):
                if h & 0x0F in (1, 2):  # booleans in a list take one byte each
                    self.p += 1
                else:
                    self.skip(h & 0x0F)
        elif t == 11:
            n = self.varint()
            if n:
                kv = self.byte()
                for _ in range(n):
                    self.skip(kv >> 4)
                    self.skip(kv & 0x0F)
        elif t == 12:
            self.struct(lambda fid, ft: self.skip(ft))
        else:
            raise ValueError(f"thrift type {t}")

    def struct(self, on_field) -> None:
        last = 0
        while True:
            h = self.byte()
            if h == 0:
                return
            delta, t = h >> 4, h & 0x0F
            fid = last + delta if delta else self.zigzag()
            last = fid
            on_field(fid, t)


def page_header(buf: bytes, pos: int) -> tuple[dict, int]:
    r = Compact(buf, pos)
    h: dict = {}

    def sub(target):
        def f(fid, t):
            if t == 5 and fid in target[1]:
                target[0][target[1][fid]] = r.zigzag()
            else:
                r.skip(t)
        return f

    def top(fid, t):
        if fid in (1, 2, 3) and t == 5:
            h[{1: "type", 2: "uncompressed", 3: "compressed"}[fid]] = r.zigzag()
        elif fid == 5 and t == 12:
            r.struct(sub((h, {1: "num_values", 2: "encoding"})))
        elif fid == 7 and t == 12:
            r.struct(sub((h, {1: "num_values", 2: "encoding"})))
        elif fid == 8 and t == 12:
            r.struct(sub((h, {1: "num_values", 2: "num_nulls", 3: "num_rows", 4: "encoding"})))
        else:
            r.skip(t)

    r.struct(top)
    return h, r.p + h["compressed"]


def chunk_pages(buf: bytes, cc) -> list[list]:
    offsets = [o for o in (cc.dictionary_page_offset if cc.has_dictionary_page else None,
                           cc.data_page_offset) if o]  # 0 = absent (empty chunks)
    if not offsets or cc.total_compressed_size == 0:
        return []
    start = min(offsets)
    end = start + cc.total_compressed_size
    pos, runs = start, []
    while pos < end:
        h, pos = page_header(buf, pos)
        key = [PAGE_TYPES.get(h["type"], str(h["type"])), ENCODINGS.get(h.get("encoding"), str(h.get("encoding")))]
        if runs and runs[-1][:2] == key:
            runs[-1][2] += 1
        else:
            runs.append(key + [1])
    return runs


CODECS = {0: "UNCOMPRESSED", 1: "SNAPPY", 2: "GZIP", 3: "LZO", 4: "BROTLI", 5: "LZ4",
          6: "ZSTD", 7: "LZ4_RAW"}


def footer_codecs(buf: bytes) -> list[list[str]]:
    """The CompressionCodec of every column chunk as the footer stores it (pyarrow's
    metadata says "LZ4" for both LZ4 and LZ4_RAW), per row group."""
    n = struct.unpack("<I", buf[-8:-4])[0]
    r = Compact(buf, len(buf) - 8 - n)
    groups: list[list[str]] = []

    def each(fn):
        h = r.byte()
        k = h >> 4
        if k == 15:
            k = r.varint()
        for _ in range(k):
            r.struct(fn)

    def meta(fid, t):
        if fid == 4 and t == 5:
            groups[-1].append(CODECS.get(r.zigzag(), "?"))
        else:
            r.skip(t)

    def chunk(fid, t):
        r.struct(meta) if fid == 3 and t == 12 else r.skip(t)

    def group(fid, t):
        each(chunk) if fid == 1 and t == 9 else r.skip(t)

    def top(fid, t):
        if fid == 4 and t == 9:
            h = r.byte()
            k = h >> 4
            if k == 15:
                k = r.varint()
            for _ in range(k):
                groups.append([])
                r.struct(group)
        else:
            r.skip(t)

    r.struct(top)
    return groups


# ---------------------------------------------------------------- value encoding

def jint(x):
    if x is None:
        return None
    x = int(x)
    return x if -TWO53 < x < TWO53 else str(x)


def jfloat(x):
    if x is None:
        return None
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def fbits(x, width):
    if x is None:
        return None
    if width == 4:
        return struct.pack(">f", x).hex()
    return struct.pack(">d", x).hex()


UNITS = {"MILLIS": ("ms", 3), "MICROS": ("us", 6), "NANOS": ("ns", 9),
         "milliseconds": ("ms", 3), "microseconds": ("us", 6), "nanoseconds": ("ns", 9)}


def nested_json(v):
    if isinstance(v, dict):
        return {k: nested_json(x) for k, x in v.items()}
    if isinstance(v, list):
        return [nested_json(x) for x in v]
    if isinstance(v, tuple):
        return [nested_json(x) for x in v]
    if isinstance(v, float):
        return jfloat(v)
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, int):
        return jint(v)
    if isinstance(v, bytes):
        return v.hex()
    return str(v)


def int96_parts(ns: int) -> list:
    day, rem = divmod(ns, 86_400 * 10**9)
    return [day + 2_440_588, rem]


def column_json(name, arr: pa.ChunkedArray, pcol, pschema_node, chunks, bits: bool) -> dict:
    t = arr.type
    c: dict = {"name": name}
    nested = pa.types.is_nested(t)
    c["nested"] = nested
    c["arrow_type"] = str(t)
    c["nullable"] = pschema_node.nullable
    c["null_count"] = arr.null_count
    if nested:
        c["kind"] = "nested"
        c["leaves"] = [{"path": p.path, "physical_type": p.physical_type,
                        "logical_type": json.loads(p.logical_type.to_json()),
                        "max_definition_level": p.max_definition_level,
                        "max_repetition_level": p.max_repetition_level} for p in pcol]
        c["chunks"] = chunks
        c["values"] = [nested_json(v) for v in arr.to_pylist()]
        return c
    p = pcol[0]
    c["physical_type"] = p.physical_type
    c["logical_type"] = json.loads(p.logical_type.to_json())
    c["converted_type"] = p.converted_type
    c["max_definition_level"] = p.max_definition_level
    if p.physical_type == "FIXED_LEN_BYTE_ARRAY":
        c["length"] = p.length
    c["chunks"] = chunks
    if pa.types.is_dictionary(t):
        c["dictionary"] = True
        arr = arr.cast(t.value_type)
        t = t.value_type
    if pa.types.is_boolean(t):
        c["kind"] = "bool"
        c["values"] = arr.to_pylist()
    elif pa.types.is_integer(t):
        c["kind"] = "int"
        c["values"] = [jint(v) for v in arr.to_pylist()]
    elif pa.types.is_floating(t):
        c["kind"] = "float" if t == pa.float32() else "double"
        vals = arr.to_pylist()
        c["values"] = [jfloat(v) for v in vals]
        if bits:
            c["bits"] = [fbits(v, t.bit_width // 8) for v in vals]
    elif pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
        c["kind"] = "string"
        c["values"] = arr.to_pylist()
    elif pa.types.is_fixed_size_binary(t):
        c["kind"] = "fixed_binary"
        c["values"] = [None if v is None else v.hex() for v in arr.to_pylist()]
    elif pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_binary_view(t):
        c["kind"] = "binary"
        c["values"] = [None if v is None else v.hex() for v in arr.to_pylist()]
    elif pa.types.is_date32(t):
        c["kind"] = "date"
        c["values"] = arr.cast(pa.int32()).to_pylist()
    elif pa.types.is_timestamp(t):
        c["kind"] = "timestamp"
        lt = c["logical_type"]
        if p.physical_type == "INT96":
            unit, k, utc = "ns", 9, False
        else:
            unit, k = UNITS[lt["timeUnit"]]
            utc = bool(lt["isAdjustedToUTC"])
        if t.unit != unit:  # read back in another unit: convert exactly
            arr = arr.cast(pa.timestamp(unit, t.tz), safe=True)
        counts = arr.cast(pa.int64()).to_pylist()
        c["unit"], c["utc"] = unit, utc
        c["values"] = [jint(v) for v in counts]
        c["seconds"] = [None if v is None else float(fractions.Fraction(v, 10**k)) for v in counts]
        if p.physical_type == "INT96":
            c["int96"] = [None if v is None else int96_parts(v) for v in counts]
    elif pa.types.is_decimal(t):
        c["kind"] = "decimal"
        c["precision"], c["scale"] = t.precision, t.scale
        vals = arr.to_pylist()
        q = decimal.Decimal(1).scaleb(-t.scale)
        c["values"] = [None if v is None else format(v.quantize(q), "f") for v in vals]
        c["floats"] = [None if v is None else float(v) for v in vals]
        c["unscaled"] = [None if v is None else jint(int(v.scaleb(t.scale))) for v in vals]
    elif pa.types.is_null(t):
        c["kind"] = "null"
        c["values"] = [None] * len(arr)
    else:
        raise TypeError(f"{name}: no encoding for {t}")
    return c


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


# ---------------------------------------------------------------- recording a fixture

def record(name: str, writer: str, description: str, source: pa.Table | None = None,
           bits: bool = False, features: tuple[str, ...] = ()) -> None:
    path = OUT / f"{name}.parquet"
    size = path.stat().st_size
    assert size < MAX_FILE, f"{path.name} is {size} bytes"
    pf = pq.ParquetFile(path)
    md = pf.metadata
    table = pq.read_table(path)
    if source is not None:
        assert table.equals(source), f"{name}: read-back differs from the written table"
    buf = path.read_bytes()
    thrift_codecs = footer_codecs(buf)
    schema = md.schema
    leaves_by_top: dict[str, list[int]] = {}
    for j in range(md.num_columns):
        leaves_by_top.setdefault(schema.column(j).path.split(".")[0], []).append(j)
    cols = []
    for ci, top in enumerate(table.column_names):
        leaf_idx = leaves_by_top[top]
        pcol = [schema.column(j) for j in leaf_idx]
        node = schema.to_arrow_schema().field(top)
        chunks = []
        for g in range(md.num_row_groups):
            rg = md.row_group(g)
            for j in leaf_idx:
                cc = rg.column(j)
                chunk = {"codec": cc.compression, "codec_thrift": thrift_codecs[g][j],
                         "encodings": sorted(cc.encodings),
                         "has_dictionary_page": cc.has_dictionary_page,
                         "pages": chunk_pages(buf, cc)}
                if len(leaf_idx) > 1:
                    chunk["leaf"] = cc.path_in_schema
                chunks.append(chunk)
                cover(f"codec {cc.compression}", name)
                cover(f"footer codec {thrift_codecs[g][j]}", name)
                for e in cc.encodings:
                    cover(f"encoding {e}", name)
                for ptype, penc, _ in chunk["pages"]:
                    cover(f"page {ptype}", name)
                    cover(f"page encoding {penc}", name)
                data_encs = [p[1] for p in chunk["pages"] if p[0] != "DICTIONARY_PAGE"]
                if cc.has_dictionary_page and "PLAIN" in data_encs and any(
                        e in ("RLE_DICTIONARY", "PLAIN_DICTIONARY") for e in data_encs):
                    cover("dictionary fallback to PLAIN mid-chunk", name)
                if sum(p[2] for p in chunk["pages"] if p[0] != "DICTIONARY_PAGE") >= 10:
                    cover("chunk with >= 10 data pages", name)
        col = column_json(top, table.column(ci), pcol, node, chunks, bits)
        if not col["nested"]:
            col["nullable"] = pcol[0].max_definition_level > 0
            cover(f"physical {col['physical_type']}", name)
            lt = col["logical_type"]["Type"]
            cover(f"logical {lt}" + (f" {col['unit']} utc={str(col['utc']).lower()}"
                                     if col.get("kind") == "timestamp" and col["physical_type"] != "INT96" else ""), name)
            if col["kind"] == "decimal":
                cover(f"decimal({col['precision']},{col['scale']}) as {col['physical_type']}", name)
            if col.get("kind") == "int":
                cover(f"arrow {col['arrow_type']}", name)
            if col.get("kind") in ("float", "double", "bool", "date"):
                cover(f"arrow {col['arrow_type']}", name)
            if col.get("dictionary"):
                cover("dictionary<string> / enum column", name)
            cover("REQUIRED column" if not col["nullable"] else "OPTIONAL column", name)
            if col["nullable"] and col["null_count"] > 0:
                cover("OPTIONAL column with nulls", name)
        else:
            cover(f"nested {col['arrow_type'].split('<')[0]}", name)
        cols.append(col)
    if md.num_row_groups > 1:
        cover("several row groups", name)
    for f in features:
        cover(f, name)
    head = {"file": path.name, "writer": writer, "description": description,
            "created_by": md.created_by, "format_version": md.format_version,
            "num_rows": md.num_rows,
            "row_groups": [{"num_rows": md.row_group(g).num_rows} for g in range(md.num_row_groups)]}
    text = "{\n" + ",\n".join(f"{dumps(k)}:{dumps(v)}" for k, v in head.items())
    text += ',\n"columns":[\n' + ",\n".join(dumps(c) for c in cols) + "\n]}\n"
    (OUT / f"{name}.json").write_text(text, encoding="utf-8")
    fixtures.append({"name": name, "parquet": path.name, "json": f"{name}.json",
                     "bytes": size, "json_bytes": len(text.encode()), "rows": md.num_rows,
                     "row_groups": md.num_row_groups, "writer": writer,
                     "description": description})


def pyarrow_fixture(name, table, description, features=(), bits=False, **kw):
    pq.write_table(table, OUT / f"{name}.parquet", **kw)
    opts = ", ".join(f"{k}={v!r}" for k, v in kw.items())
    record(name, f"pyarrow {pa.__version__} pq.write_table({opts})", description,
           source=table, bits=bits, features=features)


# ---------------------------------------------------------------- data

def with_nulls(values: list, frac: float, r=rng) -> list:
    mask = r.random(len(values)) < frac
    return [None if m else v for v, m in zip(values, mask)]


def types_table(n: int, required: bool = True) -> pa.Table:
    """Every flat type, with nulls in optional columns (the first n rows of a larger draw)."""
    if n < 8:
        return types_table(8, required).slice(0, n)
    r = np.random.default_rng(SEED + 1)
    i64 = r.integers(-2**62, 2**62, n).tolist()
    i64[:4] = [-2**63, 2**63 - 1, TWO53, -TWO53 - 1]
    u64 = r.integers(0, 2**63, n, dtype=np.uint64).tolist()
    u64[:3] = [2**64 - 1, 0, 2**63]
    f64 = (r.normal(size=n) * 10.0 ** r.integers(-8, 9, n)).tolist()
    f32 = np.float32(r.normal(size=n) * 100).astype(float).tolist()
    words = ["alpha", "beta", "gamma", "δέλτα", "ε", "", "日本語", "naïve café", "emoji 🎉"]
    strs = [words[k] + ("" if k % 3 else f"-{i}") for i, k in enumerate(r.integers(0, len(words), n))]
    bins = [bytes(r.integers(0, 256, int(r.integers(0, 12))).astype(np.uint8).tolist()) for _ in range(n)]
    fixed = [bytes(r.integers(0, 256, 16).astype(np.uint8).tolist()) for _ in range(n)]
    days = r.integers(-25_000, 30_000, n).tolist()
    ms = r.integers(-2_000_000_000_000, 4_000_000_000_000, n)
    d9 = [decimal.Decimal(int(v)).scaleb(-2) for v in r.integers(-10**9 + 1, 10**9, n)]
    d9[:2] = [decimal.Decimal("9999999.99"), decimal.Decimal("-9999999.99")]
    d18 = [decimal.Decimal(int(v)).scaleb(-4) for v in r.integers(-10**18 + 1, 10**18, n)]
    d38 = [decimal.Decimal(int(a) * 10**19 + int(b)).scaleb(-10)
           for a, b in zip(r.integers(-10**18, 10**18, n), r.integers(0, 10**19, n, dtype=np.uint64))]
    d38[:2] = [decimal.Decimal("9" * 28 + "." + "9" * 10), decimal.Decimal("-0.0000000001")]
    cols = {
        "bool": pa.array(with_nulls(r.random(n).__lt__(0.4).tolist(), 0.1, r), pa.bool_()),
        "int8": pa.array(with_nulls(r.integers(-128, 128, n).tolist(), 0.1, r), pa.int8()),
        "int16": pa.array(with_nulls(r.integers(-2**15, 2**15, n).tolist(), 0.1, r), pa.int16()),
        "int32": pa.array(with_nulls(r.integers(-2**31, 2**31, n).tolist(), 0.1, r), pa.int32()),
        "int64": pa.array(with_nulls(i64, 0.1, r), pa.int64()),
        "uint8": pa.array(with_nulls(r.integers(0, 256, n).tolist(), 0.1, r), pa.uint8()),
        "uint16": pa.array(with_nulls(r.integers(0, 2**16, n).tolist(), 0.1, r), pa.uint16()),
        "uint32": pa.array(with_nulls([2**32 - 1] + r.integers(0, 2**32, n - 1).tolist(), 0.1, r), pa.uint32()),
        "uint64": pa.array(with_nulls(u64, 0.1, r), pa.uint64()),
        "float32": pa.array(with_nulls(f32, 0.1, r), pa.float32()),
        "float64": pa.array(with_nulls(f64, 0.1, r), pa.float64()),
        "string": pa.array(with_nulls(strs, 0.1, r), pa.string()),
        "binary": pa.array(with_nulls(bins, 0.1, r), pa.binary()),
        "fixed16": pa.array(with_nulls(fixed, 0.1, r), pa.binary(16)),
        "date32": pa.array(with_nulls(days, 0.1, r), pa.date32()),
        "ts_ms": pa.array(with_nulls(ms.tolist(), 0.1, r), pa.timestamp("ms")),
        "ts_ms_utc": pa.array(with_nulls(ms.tolist(), 0.1, r), pa.timestamp("ms", "UTC")),
        "ts_us": pa.array(with_nulls((ms * 1000 + r.integers(0, 1000, n)).tolist(), 0.1, r), pa.timestamp("us")),
        "ts_us_utc": pa.array(with_nulls((ms * 1000 + r.integers(0, 1000, n)).tolist(), 0.1, r), pa.timestamp("us", "UTC")),
        "ts_ns": pa.array(with_nulls((ms * 1_000_000 + r.integers(0, 10**6, n)).tolist(), 0.1, r), pa.timestamp("ns")),
        "ts_ns_utc": pa.array(with_nulls((ms * 1_000_000 + r.integers(0, 10**6, n)).tolist(), 0.1, r), pa.timestamp("ns", "UTC")),
        "dec9_2": pa.array(with_nulls(d9, 0.1, r), pa.decimal128(9, 2)),
        "dec18_4": pa.array(with_nulls(d18, 0.1, r), pa.decimal128(18, 4)),
        "dec38_10": pa.array(with_nulls(d38, 0.1, r), pa.decimal128(38, 10)),
        "category": pa.array(with_nulls([["red", "green", "blue", "ünïcode"][k] for k in r.integers(0, 4, n)], 0.1, r)).dictionary_encode(),
    }
    if required:
        cols["req_int64"] = pa.array(r.integers(-10**6, 10**6, n).tolist(), pa.int64())
        cols["req_double"] = pa.array(r.normal(size=n).tolist(), pa.float64())
        cols["req_string"] = pa.array([f"row {i}" for i in range(n)], pa.string())
        cols["req_bool"] = pa.array((r.random(n) < 0.5).tolist(), pa.bool_())
    t = pa.table(cols)
    if required:
        fields = [f.with_nullable(not f.name.startswith("req_")) for f in t.schema]
        t = t.cast(pa.schema(fields))
    return t


def writer_frame(n: int = 2000) -> pd.DataFrame:
    """The small table every writer writes with its defaults."""
    r = np.random.default_rng(SEED + 2)
    label = (r.random(n) < 0.3).astype(np.int64)
    score = 1 / (1 + np.exp(-(r.normal(size=n) + 1.5 * label - 0.8)))
    score = np.round(score, 6)
    score[r.random(n) < 0.05] = np.nan
    seg = np.array(["web", "ios", "android", "api"], dtype=object)[r.integers(0, 4, n)]
    seg[r.random(n) < 0.05] = None
    flag = pd.array(r.random(n) < 0.5, dtype="boolean")
    flag[r.random(n) < 0.05] = pd.NA
    base = np.datetime64("2024-01-01T00:00:00", "us")
    ts = base + r.integers(0, 366 * 86_400 * 10**6, n).astype("timedelta64[us]")
    ts = pd.Series(ts).astype("datetime64[us]")
    ts[r.random(n) < 0.05] = pd.NaT
    day = pd.Series(pd.to_datetime("2024-01-01") + pd.to_timedelta(r.integers(0, 366, n), unit="D")).dt.date
    day[r.random(n) < 0.05] = None
    return pd.DataFrame({"score": score, "label": label, "segment": seg, "flag": flag,
                         "ts": ts, "day": day})


# ---------------------------------------------------------------- fixtures

def build() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for f in OUT.glob("*"):
        if f.suffix in (".parquet", ".json"):
            f.unlink()

    # --- every flat type, PLAIN, v1 and v2 pages, no compression / snappy
    t = types_table(120)
    pyarrow_fixture("types_plain_v1", t,
                    "every flat type, PLAIN (no dictionary), data page v1, uncompressed; decimals "
                    "stored as INT32/INT64/FLBA by precision; optional columns with nulls and req_* REQUIRED",
                    use_dictionary=False, compression="none", data_page_version="1.0",
                    store_decimal_as_integer=True)
    pyarrow_fixture("types_plain_v2", t,
                    "every flat type, PLAIN, data page v2 (booleans RLE), snappy; decimals all FLBA "
                    "(pyarrow default)", use_dictionary=False, compression="snappy",
                    data_page_version="2.0")
    pyarrow_fixture("types_dict_v2", t,
                    "every flat type, dictionary pages (RLE_DICTIONARY), data page v2, zstd",
                    use_dictionary=True, compression="zstd", data_page_version="2.0",
                    store_decimal_as_integer=True)
    # format version 1.0: PLAIN_DICTIONARY pages; uint32 is widened to INT64, timestamps
    # ns to us, decimals stay; so compare with what pyarrow reads back.
    t1 = t.drop_columns(["uint64", "ts_ns", "ts_ns_utc"])
    pq.write_table(t1, OUT / "types_dict_v1_format1.parquet", version="1.0", use_dictionary=True,
                   compression="gzip", data_page_version="1.0")
    record("types_dict_v1_format1", f"pyarrow {pa.__version__} pq.write_table(version='1.0', "
           "use_dictionary=True, compression='gzip', data_page_version='1.0')",
           "format version 1.0 (old-style footer): PLAIN_DICTIONARY dictionary/data pages, "
           "gzip; uint32 written as INT64 (pyarrow 1.0 rule)")

    # --- INT96 timestamps
    r = np.random.default_rng(SEED + 3)
    ns = (r.integers(-2_000_000_000, 4_000_000_000, 200) * 10**9 + r.integers(0, 10**9, 200)).tolist()
    ns[:3] = [0, -1, 86_400 * 10**9 - 1]
    t96 = pa.table({"ts96": pa.array(with_nulls(ns, 0.1, r), pa.timestamp("ns")),
                    "ts96_req": pa.array(ns[::-1], pa.timestamp("ns")),
                    "id": pa.array(range(200), pa.int32())})
    t96 = t96.cast(pa.schema([t96.schema.field(0), t96.schema.field(1).with_nullable(False), t96.schema.field(2)]))
    pyarrow_fixture("int96", t96, "INT96 timestamps (deprecated Impala/Spark style), optional and required",
                    use_deprecated_int96_timestamps=True, compression="snappy", store_schema=False)

    # --- dictionary falling back to PLAIN mid-chunk
    r = np.random.default_rng(SEED + 4)
    n = 2500
    tf = pa.table({
        "s": pa.array(with_nulls([f"value-{int(v):07d}" for v in r.integers(0, 10**7, n)], 0.05, r)),
        "i": pa.array(with_nulls(r.integers(-10**12, 10**12, n).tolist(), 0.05, r), pa.int64()),
        "d": pa.array(r.normal(size=n).tolist(), pa.float64()),
    })
    pyarrow_fixture("dict_fallback_v1", tf,
                    "dictionary that falls back to PLAIN mid-chunk (dictionary_pagesize_limit=2048, "
                    "2,500 distinct values), data page v1", use_dictionary=True,
                    dictionary_pagesize_limit=2048, data_page_size=4096, write_batch_size=256,
                    compression="snappy", data_page_version="1.0")
    pyarrow_fixture("dict_fallback_v2", tf,
                    "same as dict_fallback_v1 with data page v2", use_dictionary=True,
                    dictionary_pagesize_limit=2048, data_page_size=4096, write_batch_size=256,
                    compression="snappy", data_page_version="2.0")

    # --- several row groups, many small pages, nulls and required
    r = np.random.default_rng(SEED + 5)
    n = 5_000
    tp = pa.table({
        "id": pa.array(range(n), pa.int64()),
        "x": pa.array(with_nulls(r.normal(size=n).round(4).tolist(), 0.2, r), pa.float64()),
        "k": pa.array(with_nulls(r.integers(0, 50, n).tolist(), 0.2, r), pa.int32()),
        "tag": pa.array(with_nulls([f"t{v}" for v in r.integers(0, 30, n)], 0.2, r)),
        "ok": pa.array(with_nulls((r.random(n) < 0.5).tolist(), 0.2, r)),
    })
    tp = tp.cast(pa.schema([tp.schema.field(0).with_nullable(False)] + list(tp.schema)[1:]))
    pyarrow_fixture("pages_rowgroups_v1", tp,
                    "5,000 rows in row groups of 2,000 (last one 1,000), data pages of at most 1 KB "
                    "/ 200 rows (many pages per chunk), dictionary + PLAIN, nulls, data page v1",
                    row_group_size=2000, data_page_size=1024, write_batch_size=100,
                    max_rows_per_page=200, compression="snappy", data_page_version="1.0")
    pyarrow_fixture("pages_rowgroups_v2", tp,
                    "same as pages_rowgroups_v1 with data page v2, no dictionary, zstd",
                    row_group_size=2000, data_page_size=1024, write_batch_size=100,
                    max_rows_per_page=200, use_dictionary=False, compression="zstd",
                    data_page_version="2.0")

    # --- encodings
    r = np.random.default_rng(SEED + 6)
    n = 600
    base = np.cumsum(r.integers(-50, 100, n))
    te = pa.table({
        "dbp_i32": pa.array(with_nulls(base.astype(np.int32).tolist(), 0.05, r), pa.int32()),
        "dbp_i32_wide": pa.array(r.integers(-2**31, 2**31, n).tolist(), pa.int32()),
        "dbp_i64": pa.array(with_nulls((base * 1_000_003 + 2**40).tolist(), 0.05, r), pa.int64()),
        "dbp_i64_wide": pa.array([-2**63, 2**63 - 1] + r.integers(-2**63, 2**63 - 1, n - 2).tolist(), pa.int64()),
        "dlba_str": pa.array(with_nulls([("x" * int(k)) + f"{i}é" for i, k in enumerate(r.integers(0, 20, n))], 0.05, r)),
        "dba_str": pa.array(with_nulls(sorted(f"https://example.com/path/{int(v):06d}/ü" for v in r.integers(0, 10**6, n)), 0.05, r)),
        "dba_bin": pa.array([b"prefix-\x00\xff" + bytes([i % 256]) * (i % 5) for i in range(n)], pa.binary()),
        "bss_f32": pa.array(with_nulls(np.float32(r.normal(size=n)).astype(float).tolist(), 0.05, r), pa.float32()),
        "bss_f64": pa.array(with_nulls(r.normal(size=n).tolist(), 0.05, r), pa.float64()),
        "bss_i32": pa.array(with_nulls(r.integers(-2**31, 2**31, n).tolist(), 0.05, r), pa.int32()),
        "bss_i64": pa.array(with_nulls(r.integers(-2**63, 2**63 - 1, n).tolist(), 0.05, r), pa.int64()),
        "bss_fixed16": pa.array(with_nulls([bytes(r.integers(0, 256, 16).astype(np.uint8).tolist()) for _ in range(n)], 0.05, r), pa.binary(16)),
        "bss_dec38": pa.array(with_nulls([decimal.Decimal(int(v)).scaleb(-10) for v in r.integers(-10**18, 10**18, n)], 0.05, r), pa.decimal128(38, 10)),
        "rle_bool": pa.array(with_nulls((r.random(n) < 0.2).tolist(), 0.05, r)),
        "plain_f64": pa.array(r.normal(size=n).tolist(), pa.float64()),
    })
    enc = {"dbp_i32": "DELTA_BINARY_PACKED", "dbp_i32_wide": "DELTA_BINARY_PACKED",
           "dbp_i64": "DELTA_BINARY_PACKED", "dbp_i64_wide": "DELTA_BINARY_PACKED",
           "dlba_str": "DELTA_LENGTH_BYTE_ARRAY", "dba_str": "DELTA_BYTE_ARRAY",
           "dba_bin": "DELTA_BYTE_ARRAY", "bss_f32": "BYTE_STREAM_SPLIT",
           "bss_f64": "BYTE_STREAM_SPLIT", "bss_i32": "BYTE_STREAM_SPLIT",
           "bss_i64": "BYTE_STREAM_SPLIT", "bss_fixed16": "BYTE_STREAM_SPLIT",
           "bss_dec38": "BYTE_STREAM_SPLIT", "rle_bool": "RLE", "plain_f64": "PLAIN"}
    for v in ("1.0", "2.0"):
        tag = "v1" if v == "1.0" else "v2"
        pyarrow_fixture(f"encodings_{tag}", te,
                        f"column_encoding per column (name prefix = encoding: DELTA_BINARY_PACKED, "
                        f"DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT, RLE booleans, "
                        f"PLAIN), use_dictionary=False, data page {v}, small pages, 2 row groups",
                        use_dictionary=False, column_encoding=enc, data_page_version=v,
                        compression="snappy", data_page_size=512, row_group_size=400)

    # --- codecs
    r = np.random.default_rng(SEED + 7)
    n = 300
    tc = pa.table({
        "i": pa.array(with_nulls(r.integers(-1000, 1000, n).tolist(), 0.1, r), pa.int64()),
        "x": pa.array(with_nulls(r.normal(size=n).tolist(), 0.1, r), pa.float64()),
        "s": pa.array(with_nulls([f"item {int(v)}" for v in r.integers(0, 40, n)], 0.1, r)),
        "b": pa.array(with_nulls((r.random(n) < 0.5).tolist(), 0.1, r)),
    })
    for codec in ("none", "snappy", "gzip", "zstd", "lz4", "brotli"):
        pyarrow_fixture(f"codec_{codec}_v1", tc, f"codec {codec}, dictionary, data page v1",
                        compression=codec, data_page_version="1.0")
        pyarrow_fixture(f"codec_{codec}_v2", tc, f"codec {codec}, dictionary, data page v2",
                        compression=codec, data_page_version="2.0")
    pyarrow_fixture("codec_per_column", tc, "a different codec per column, no dictionary",
                    compression={"i": "gzip", "x": "brotli", "s": "lz4", "b": "zstd"},
                    use_dictionary=False)

    # --- nested beside flat
    r = np.random.default_rng(SEED + 8)
    n = 100
    lists = [None if r.random() < 0.1 else [int(v) for v in r.integers(-100, 100, int(r.integers(0, 5)))] for _ in range(n)]
    structs = [None if r.random() < 0.1 else {"a": int(r.integers(0, 100)), "b": None if r.random() < 0.2 else f"s{i}"} for i in range(n)]
    maps = [None if r.random() < 0.1 else [(f"k{j}", int(r.integers(0, 10))) for j in range(int(r.integers(0, 4)))] for _ in range(n)]
    tn = pa.table({
        "id": pa.array(range(n), pa.int64()),
        "tags": pa.array(lists, pa.list_(pa.int64())),
        "score": pa.array(with_nulls(r.random(n).tolist(), 0.1, r), pa.float64()),
        "info": pa.array(structs, pa.struct([("a", pa.int64()), ("b", pa.string())])),
        "name": pa.array(with_nulls([f"n{i}" for i in range(n)], 0.1, r)),
        "attrs": pa.array(maps, pa.map_(pa.string(), pa.int64())),
        "flag": pa.array((r.random(n) < 0.5).tolist()),
    })
    pyarrow_fixture("nested_mixed", tn, "flat columns (id, score, name, flag) between nested ones "
                    "(tags list<int64>, info struct<a: int64, b: string>, attrs map<string, int64>); "
                    "a flat reader refuses the nested ones by name and loads the flat ones with columns:",
                    features=("nested beside flat",))

    # --- writers with their defaults
    df = writer_frame()
    wt = pa.Table.from_pandas(df, preserve_index=False)
    pq.write_table(wt, OUT / "writer_pyarrow.parquet")
    record("writer_pyarrow", f"pyarrow {pa.__version__} pq.write_table(table, path) defaults",
           "2,000-row writer table (score double, label int64, segment string, flag bool, "
           "ts timestamp[us], day date32, about 5% nulls each but label; pandas NaN scores "
           "became nulls in Table.from_pandas), pyarrow defaults",
           features=("writer pyarrow defaults",))
    df.to_parquet(OUT / "writer_pandas.parquet")
    record("writer_pandas", f"pandas {pd.__version__} DataFrame.to_parquet(path) defaults (engine pyarrow)",
           "the writer table from pandas with a RangeIndex: pandas stores the index only as "
           "metadata, no column", features=("writer pandas defaults",))
    dfi = df.copy()
    dfi.index = pd.Index(np.arange(len(df)) * 10 + 7, name=None)
    dfi.to_parquet(OUT / "writer_pandas_index.parquet")
    record("writer_pandas_index", f"pandas {pd.__version__} DataFrame.to_parquet(path) defaults, non-range index",
           "the writer table from pandas with a non-range integer index: pandas writes it as "
           "the extra column __index_level_0__ (last)", features=("writer pandas defaults", "pandas index column"))
    pl.from_pandas(df).write_parquet(OUT / "writer_polars.parquet")
    record("writer_polars", f"polars {pl.__version__} DataFrame.write_parquet(path) defaults",
           "the writer table from polars (NaN scores become null in polars' from_pandas)",
           features=("writer polars defaults",))
    con = duckdb.connect()
    con.register("df", df)
    con.execute(f"COPY (SELECT * FROM df) TO '{OUT / 'writer_duckdb.parquet'}' (FORMAT parquet)")
    record("writer_duckdb", f"duckdb {duckdb.__version__} COPY (SELECT * FROM df) TO 'path' (FORMAT parquet)",
           "the writer table from DuckDB defaults", features=("writer duckdb defaults",))

    # --- enums
    moods = ["sad", "ok", "happy", "ünïcode"]
    con.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'ünïcode')")
    con.execute("CREATE TABLE e AS SELECT i::INTEGER AS id, "
                "CASE WHEN i % 7 = 3 THEN NULL ELSE (['sad','ok','happy','ünïcode'])[(i * 5) % 4 + 1]::mood END AS mood "
                "FROM range(300) t(i)")
    con.execute(f"COPY e TO '{OUT / 'enum_duckdb.parquet'}' (FORMAT parquet)")
    record("enum_duckdb", f"duckdb {duckdb.__version__} ENUM column, COPY ... (FORMAT parquet)",
           "DuckDB ENUM('sad','ok','happy','ünïcode') with nulls", features=("DuckDB ENUM",))
    r = np.random.default_rng(SEED + 9)
    pe = pl.DataFrame({"id": list(range(300)),
                       "mood": pl.Series([None if v == 4 else moods[v] for v in r.integers(0, 5, 300)],
                                         dtype=pl.Enum(moods)),
                       "cat": pl.Series([["x", "y", "z"][v] for v in r.integers(0, 3, 300)], dtype=pl.Categorical)})
    pe.write_parquet(OUT / "enum_polars.parquet")
    record("enum_polars", f"polars {pl.__version__} Enum and Categorical columns, write_parquet defaults",
           "polars Enum (with nulls) and Categorical columns", features=("polars Enum/Categorical",))

    # --- edge cases
    empty = types_table(0, required=True)
    pyarrow_fixture("empty", empty, "0 rows, every flat type (one row group with 0 rows or none)",
                    features=("empty table (0 rows)",))
    pq.write_table(types_table(0), OUT / "empty_dict_v2.parquet", data_page_version="2.0")
    record("empty_dict_v2", f"pyarrow {pa.__version__} pq.write_table(data_page_version='2.0')",
           "0 rows, every flat type, dictionary defaults, data page v2", features=("empty table (0 rows)",))
    n = 50
    tn0 = pa.table({
        "id": pa.array(range(n), pa.int64()),
        "all_null_i64": pa.array([None] * n, pa.int64()),
        "all_null_f64": pa.array([None] * n, pa.float64()),
        "all_null_str": pa.array([None] * n, pa.string()),
        "all_null_bool": pa.array([None] * n, pa.bool_()),
        "all_null_ts": pa.array([None] * n, pa.timestamp("us")),
        "null_type": pa.nulls(n),
    })
    pyarrow_fixture("all_null", tn0, "columns that are entirely null (typed, and arrow's null type "
                    "written as INT32 with logical type Null)", features=("all-null column",))
    pyarrow_fixture("all_null_dict_v2", tn0, "same as all_null, data page v2, zstd",
                    data_page_version="2.0", compression="zstd", features=("all-null column",))
    ts1 = types_table(11)
    pyarrow_fixture("single_row_group", ts1, "11 rows in row groups of 5, 5 and 1 (a one-row row group)",
                    row_group_size=5, features=("row group with a single row",))
    pyarrow_fixture("one_row", types_table(1), "a file of exactly one row",
                    features=("row group with a single row",))

    r = np.random.default_rng(SEED + 10)
    alphabet = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ") + ["é", "ß", "中", "🙂"]
    long1 = "".join(r.choice(alphabet, 20_000))
    strings = [
        "", " ", "plain ascii", "naïve café", "Grüße aus Köln", "日本語のテキスト", "中文字符",
        "한국어", "Ελληνικά", "русский текст", "עברית", "العربية", "हिन्दी", "🎉🚀👍🏽", "👨‍👩‍👧‍👦",
        "e\u0301 (combining)", "\u00e9 (precomposed)", "tab\tnew\nline\rcr", 'quote " and \\ backslash',
        "nul \x00 inside", "\u2028\u2029 separators", "\ufeffBOM first", "\U0010ffff max code point",
        long1, "x" * 60_000, None, "last",
    ]
    tstr = pa.table({"s": pa.array(strings), "len": pa.array([None if s is None else len(s.encode()) for s in strings], pa.int32())})
    pyarrow_fixture("strings_edge", tstr, "non-ASCII strings (many scripts, emoji, ZWJ, combining, "
                    "NUL, BOM, U+10FFFF), empty string vs null, very long strings (20,000 random "
                    "characters and 60,000 x 'x'); len = UTF-8 byte length",
                    features=("non-ASCII strings", "very long strings", "empty string vs null"))
    pyarrow_fixture("strings_edge_plain_v2", tstr, "strings_edge without dictionary, data page v2, "
                    "DELTA_LENGTH_BYTE_ARRAY", use_dictionary=False, data_page_version="2.0",
                    column_encoding={"s": "DELTA_LENGTH_BYTE_ARRAY"},
                    features=("non-ASCII strings", "very long strings"))

    specials = [0.0, -0.0, 1.0, -1.0, math.nan, math.inf, -math.inf, None, 5e-324, -5e-324,
                2.2250738585072014e-308, 1.7976931348623157e308, -1.7976931348623157e308,
                0.1, 1 / 3, 1e-300, 123456789.123456789, 2.0**53, 2.0**53 + 2]
    f32s = [0.0, -0.0, 1.0, -1.0, math.nan, math.inf, -math.inf, None,
            float(np.float32(1e-45)), float(np.float32(-1e-45)), float(np.finfo(np.float32).tiny),
            float(np.finfo(np.float32).max), float(-np.finfo(np.float32).max), float(np.float32(0.1)),
            float(np.float32(1 / 3)), float(np.float32(1e-30)), float(np.float32(123456789.123)),
            float(2**24), float(2**24 + 2)]
    nanpayload = struct.unpack(">d", bytes.fromhex("7ff8000000000001"))[0]
    tfl = pa.table({
        "f64": pa.array(specials, pa.float64()),
        "f32": pa.array(f32s, pa.float32()),
        "f64_req": pa.array([v if v is not None else nanpayload for v in specials], pa.float64()),
    })
    tfl = tfl.cast(pa.schema([tfl.schema.field(0), tfl.schema.field(1), tfl.schema.field(2).with_nullable(False)]))
    for tag, kw in (("plain_v1", dict(use_dictionary=False, data_page_version="1.0")),
                    ("dict_v2", dict(use_dictionary=True, data_page_version="2.0")),
                    ("bss_v2", dict(use_dictionary=False, data_page_version="2.0",
                                    column_encoding={"f64": "BYTE_STREAM_SPLIT", "f32": "BYTE_STREAM_SPLIT",
                                                     "f64_req": "BYTE_STREAM_SPLIT"}))):
        # NaN != NaN, so compare the read-back with the bits recorded, not table.equals
        pq.write_table(tfl, OUT / f"floats_edge_{tag}.parquet", **kw)
        record(f"floats_edge_{tag}", f"pyarrow {pa.__version__} pq.write_table({kw})",
               "NaN (and a NaN with payload in f64_req), +-inf, -0.0 and 0.0, subnormals, extremes, "
               "null vs NaN; 'bits' gives each value's IEEE-754 pattern", bits=True,
               features=("NaN and +-inf", "negative zero", "null vs NaN"))


def check_coverage() -> dict:
    required = [
        "page DATA_PAGE", "page DATA_PAGE_V2", "page DICTIONARY_PAGE",
        "dictionary fallback to PLAIN mid-chunk", "several row groups", "chunk with >= 10 data pages",
        "OPTIONAL column with nulls", "REQUIRED column",
        "encoding PLAIN", "encoding RLE", "encoding RLE_DICTIONARY", "encoding PLAIN_DICTIONARY",
        "encoding DELTA_BINARY_PACKED", "encoding DELTA_LENGTH_BYTE_ARRAY", "encoding DELTA_BYTE_ARRAY",
        "encoding BYTE_STREAM_SPLIT",
        "codec UNCOMPRESSED", "codec SNAPPY", "codec GZIP", "codec ZSTD", "codec LZ4", "codec BROTLI",
        "footer codec LZ4_RAW",
        "physical BOOLEAN", "physical INT32", "physical INT64", "physical INT96", "physical FLOAT",
        "physical DOUBLE", "physical BYTE_ARRAY", "physical FIXED_LEN_BYTE_ARRAY",
        "logical String", "logical Date", "decimal(9,2) as INT32", "decimal(18,4) as INT64",
        "decimal(38,10) as FIXED_LEN_BYTE_ARRAY",
        "logical Timestamp ms utc=false", "logical Timestamp ms utc=true",
        "logical Timestamp us utc=false", "logical Timestamp us utc=true",
        "logical Timestamp ns utc=false", "logical Timestamp ns utc=true",
        "arrow int8", "arrow int16", "arrow int32", "arrow int64", "arrow uint8", "arrow uint16",
        "arrow uint32", "arrow uint64", "arrow float", "arrow double", "arrow bool",
        "dictionary<string> / enum column", "DuckDB ENUM",
        "nested list", "nested struct", "nested map", "nested beside flat",
        "writer pyarrow defaults", "writer pandas defaults", "pandas index column",
        "writer polars defaults", "writer duckdb defaults",
        "empty table (0 rows)", "all-null column", "row group with a single row",
        "very long strings", "non-ASCII strings", "NaN and +-inf", "negative zero",
    ]
    missing = [k for k in required if k not in coverage]
    if missing:
        raise SystemExit(f"coverage missing: {missing}")
    return {k: sorted(v) for k, v in sorted(coverage.items())}


def main() -> int:
    build()
    cov = check_coverage()
    index = {
        "generator": "scripts/reference/parquet_fixtures.py",
        "seed": SEED,
        "versions": {"python": sys.version.split()[0], "pyarrow": pa.__version__,
                     "pandas": pd.__version__, "polars": pl.__version__,
                     "duckdb": duckdb.__version__, "numpy": np.__version__},
        "not_covered": ["Spark-written files (Spark is not installed here)"],
        "files": fixtures,
        "coverage": cov,
    }
    (OUT / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    total = sum(f["bytes"] + f["json_bytes"] for f in fixtures)
    print(f"{'file':<28} {'bytes':>7} {'json':>8} {'rows':>6} rg  codecs / encodings")
    for f in fixtures:
        md = pq.ParquetFile(OUT / f["parquet"]).metadata
        codecs, encs = set(), set()
        for g in range(md.num_row_groups):
            for j in range(md.num_columns):
                cc = md.row_group(g).column(j)
                codecs.add(cc.compression)
                encs.update(cc.encodings)
        print(f"{f['parquet']:<28} {f['bytes']:>7} {f['json_bytes']:>8} {f['rows']:>6} {f['row_groups']:>2}  "
              f"{','.join(sorted(codecs))} / {','.join(sorted(encs))}")
    print(f"\n{len(fixtures)} fixtures, {total / 1e6:.2f} MB with JSON, in {OUT.relative_to(ROOT)}")
    print("\ncoverage:")
    for k, v in cov.items():
        print(f"  {k:<42} {', '.join(v[:4])}{' …' if len(v) > 4 else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
