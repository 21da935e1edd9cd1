#!/usr/bin/env python3
"""Side-by-side benchmark: Evalbook's read_parquet vs pyarrow, polars and pandas.

    unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
    /tmp/pqvenv/bin/python benchmarks/parquet.py [--runs N] [--only pyarrow|polars]
        [--skip-peers] [--skip-evalbook] [--force] [--rows N] [--csv PATH]

Environment: EVALBOOK (default <repo>/.build/release/evalbook; skipped with a message
if missing). Run it with a Python (a venv outside the repository) that has numpy,
pandas, polars and pyarrow. The script unsets OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE
for every child process, as run.sh does.

Data (in /tmp/evalbook-bench/, never the repository): the 5,000,000-row table of the
CSV benchmark (benchmarks/generate.py, generated if missing), read with pyarrow's CSV
reader (id, label int64; score, amount, y_true, y_pred double; segment string) and
written twice with each writer's defaults:

  events_5m_pyarrow.parquet  pyarrow pq.write_table(table, path)   (snappy, dictionary, v1 pages)
  events_5m_polars.parquet   polars DataFrame.write_parquet(path)  (zstd)

A marker file (<parquet>.ok) records the CSV marker and the writer version; the files
are rewritten only when it does not match (or with --force).

What is measured, for each file, interleaved (one round runs every tool once on every
file, the tool order rotating between rounds), N rounds (--runs, default 5), medians:

- call alone, warm process: the read call by itself, timed inside a long-lived process
  after one untimed warm-up read of the same file:
    pyarrow  pq.read_table(path)            polars  pl.read_parquet(path)
    pandas   pd.read_parquet(path)          (engine pyarrow, includes the conversion to pandas)
    evalbook `:time nrow(read_parquet("path"))` in `evalbook repl --allow-read DIR` (stdin
             piped), a fresh REPL per round that reads the file twice; the second `:time`
             is the warm one. (The first one, in a fresh process, is shown as "first call".)
- whole process: a fresh process per run, wall clock from spawn to exit, start-up and
  imports included for every tool: `python -c "import ...; read; print rows"` for the
  peers and `evalbook eval --allow-read DIR 'nrow(read_parquet("path"))'` (must print
  the row count) for Evalbook. Peak RSS of the same run from `/usr/bin/time -v`
  (wait4() rusage if GNU time is absent).
- ratios: each tool's median divided by pyarrow's median of the same measure on the
  same file ("x pyarrow"; below 1.00 is faster than pyarrow).

The page cache is warmed (each file read once) before timing. Threads: every tool's
defaults (pyarrow and polars use all cores).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
BENCH_DIR = "/tmp/evalbook-bench"
DEFAULT_CSV = os.path.join(BENCH_DIR, "events_5m.csv")
DEFAULT_ROWS = 5_000_000
DEFAULT_EVALBOOK = os.path.join(REPO, ".build", "release", "evalbook")
TIMEOUT_S = 900

READERS = {  # tool -> (import, call producing `out`, row count of `out`)
    "pyarrow.parquet.read_table": ("import pyarrow.parquet as pq", "pq.read_table(p)", "out.num_rows"),
    "polars.read_parquet": ("import polars as pl", "pl.read_parquet(p)", "out.height"),
    "pandas.read_parquet": ("import pandas as pd", "pd.read_parquet(p)", "len(out)"),
}
PYARROW = "pyarrow.parquet.read_table"

# A long-lived process per peer: reads "path<TAB>rows" lines, answers with JSON.
WORKER = """
import gc, json, sys, time
{imp}
for line in sys.stdin:
    p, n = line.rstrip("\\n").split("\\t")
    gc.collect()
    t0 = time.perf_counter()
    out = {call}
    rows = {rows}
    dt = time.perf_counter() - t0
    del out
    print(json.dumps({{"rows": rows, "read_s": dt, "ok": rows == int(n)}}), flush=True)
"""

# One fresh process: import, read, print rows and the in-process read time.
ONESHOT = """
import json, sys, time
p, n = sys.argv[1], int(sys.argv[2])
{imp}
t0 = time.perf_counter()
out = {call}
rows = {rows}
dt = time.perf_counter() - t0
assert rows == n, f"expected {{n}} rows, got {{rows}}"
print(json.dumps({{"rows": rows, "read_s": dt}}))
"""


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)
    return env


def sh(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=20, env=child_env()).stdout.strip()
    except Exception:
        return ""


def machine_details() -> list[tuple[str, str]]:
    cpu, mem = "unknown", "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                    break
    except OSError:
        pass
    os_name = platform.platform()
    try:
        with open("/etc/os-release") as f:
            m = re.search(r'^PRETTY_NAME="?([^"\n]*)', f.read(), re.M)
            if m:
                os_name = f"{m.group(1)}, kernel {platform.release()}"
    except OSError:
        pass
    import numpy, pandas, polars, pyarrow
    return [("date", time.strftime("%Y-%m-%d %H:%M %Z")), ("nproc", sh(["nproc"]) or str(os.cpu_count())),
            ("cpu", cpu), ("memory", mem), ("os", os_name),
            ("load", "%.2f %.2f %.2f (1/5/15 min, at start)" % os.getloadavg()),
            ("python", sys.version.split()[0]), ("numpy", numpy.__version__),
            ("pandas", pandas.__version__), ("polars", polars.__version__),
            ("pyarrow", pyarrow.__version__)]


# ------------------------------------------------------------------ data

def ensure_data(csv: str, rows: int, force: bool) -> dict[str, str]:
    import polars as pl
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--rows", str(rows), "--out", csv],
                   check=True, env=child_env())
    with open(csv + ".ok") as f:
        csv_marker = f.read().strip()
    stem = os.path.splitext(csv)[0]
    files = {"pyarrow": stem + "_pyarrow.parquet", "polars": stem + "_polars.parquet"}
    markers = {"pyarrow": f"{csv_marker} writer=pyarrow-{pa.__version__} pq.write_table defaults\n",
               "polars": f"{csv_marker} writer=polars-{pl.__version__} write_parquet defaults\n"}
    table = None
    for name, path in files.items():
        ok = path + ".ok"
        if not force and os.path.exists(path) and os.path.exists(ok) and open(ok).read() == markers[name]:
            print(f"{path}: present ({os.path.getsize(path) / 1e6:.1f} MB), skipping")
            continue
        if table is None:
            table = pacsv.read_csv(csv)
            assert table.num_rows == rows, table.num_rows
        tmp = path + ".tmp"
        t0 = time.perf_counter()
        if name == "pyarrow":
            pq.write_table(table, tmp)
        else:
            pl.from_arrow(table).write_parquet(tmp)
        os.replace(tmp, path)
        with open(ok, "w") as f:
            f.write(markers[name])
        print(f"{path}: wrote {os.path.getsize(path) / 1e6:.1f} MB in {time.perf_counter() - t0:.1f} s")
    del table
    for name, path in files.items():
        md = pq.ParquetFile(path).metadata
        codecs = sorted({md.row_group(g).column(j).compression
                         for g in range(md.num_row_groups) for j in range(md.num_columns)})
        print(f"  {os.path.basename(path)}: {md.num_rows:,} rows, {md.num_row_groups} row groups, "
              f"{','.join(codecs)}, created_by {md.created_by!r}")
    return files


# ------------------------------------------------------------------ measuring

GNU_TIME = "/usr/bin/time"


def run_process(cmd: list[str], cwd: str | None = None) -> tuple[float, float | None, int, str, str]:
    """Wall time, peak RSS (MB), exit status, stdout, stderr of one run of cmd.

    Peak RSS comes from GNU time (`/usr/bin/time -v -o FILE`), which forks from a small
    process; without it, from wait4() rusage of our own child, which can over-report
    (a forked child counts the parent's resident pages until it execs)."""
    use_time = os.access(GNU_TIME, os.X_OK)
    with tempfile.TemporaryFile("w+") as errf, tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = [GNU_TIME, "-v", "-o", tf.name, *cmd] if use_time else cmd
        t0 = time.perf_counter()
        proc = subprocess.Popen(full, stdout=subprocess.PIPE, stderr=errf, env=child_env(),
                                cwd=cwd, text=True)
        out = proc.stdout.read()  # to EOF; then reap the child ourselves for its rusage
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        proc.stdout.close()
        errf.seek(0)
        err = errf.read()
        rss = ru.ru_maxrss / 1024.0
        if use_time:
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", tf.read())
            rss = int(m.group(1)) / 1024.0 if m else None
    return wall, rss, proc.returncode, out, err


class Worker:
    def __init__(self, tool: str):
        imp, call, rows = READERS[tool]
        self.proc = subprocess.Popen([sys.executable, "-c", WORKER.format(imp=imp, call=call, rows=rows)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     env=child_env())

    def read(self, path: str, rows: int) -> float:
        self.proc.stdin.write(f"{path}\t{rows}\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("worker died")
        r = json.loads(line)
        if not r["ok"]:
            raise RuntimeError(f"expected {rows} rows, got {r['rows']}")
        return r["read_s"]

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


UNITS = {"s": 1.0, "ms": 1e-3, "µs": 1e-6, "us": 1e-6, "ns": 1e-9}


def evalbook_repl_times(binary: str, path: str, rows: int) -> tuple[float, float]:
    """(first, second) `:time` of nrow(read_parquet(path)) in one fresh REPL."""
    expr = f'nrow(read_parquet("{path}"))'
    script = f":time {expr}\n:time {expr}\n"
    r = subprocess.run([binary, "repl", "--allow-read", os.path.dirname(path)], input=script,
                       capture_output=True, text=True, env=child_env(), cwd=REPO, timeout=TIMEOUT_S)
    if r.returncode != 0:
        raise RuntimeError(f"exit {r.returncode}: {(r.stderr or r.stdout).strip()[-300:]}")
    times, values = [], []
    for line in r.stdout.splitlines():
        line = line.strip()
        if line.startswith("time: "):
            amount, unit = line[6:].split()
            times.append(float(amount.replace(",", "").replace("_", "")) * UNITS[unit])
        elif line:
            values.append(line.replace(",", "").replace("_", ""))
    if len(times) != 2:
        raise RuntimeError(f"no `time:` lines in REPL output: {r.stdout.strip()[-300:]!r} {r.stderr.strip()[-200:]!r}")
    if str(rows) not in values:
        raise RuntimeError(f"expected {rows} in REPL output, got {values[:4]}")
    return times[0], times[1]


def med(xs: list[float]) -> float | None:
    return statistics.median(xs) if xs else None


def fmt(x: float | None, digits: int = 3) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def main() -> int:
    ap = argparse.ArgumentParser(description="Evalbook vs pyarrow/polars/pandas: read_parquet benchmark")
    ap.add_argument("--runs", type=int, default=5, help="rounds; medians are reported")
    ap.add_argument("--csv", default=DEFAULT_CSV)
    ap.add_argument("--rows", type=int, default=DEFAULT_ROWS)
    ap.add_argument("--only", choices=["pyarrow", "polars"], help="only this file")
    ap.add_argument("--skip-peers", action="store_true")
    ap.add_argument("--skip-evalbook", action="store_true")
    ap.add_argument("--force", action="store_true", help="rewrite the Parquet files")
    a = ap.parse_args()
    for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        os.environ.pop(k, None)

    print("== data (generated only when missing)")
    files = ensure_data(a.csv, a.rows, a.force)
    if a.only:
        files = {a.only: files[a.only]}
    details = machine_details()

    tools = [] if a.skip_peers else list(READERS)
    binary = None
    if not a.skip_evalbook:
        path = os.environ.get("EVALBOOK") or DEFAULT_EVALBOOK
        if os.path.isfile(path) and os.access(path, os.X_OK):
            binary = path
            version = sh([binary, "--version"])
            if version:
                details.append(("evalbook", version.splitlines()[0]))
            tools.append("evalbook")
        else:
            print(f"\nevalbook: SKIPPED, no executable at {path}\n"
                  f"  build it with `swift build -c release` in {REPO}, or set EVALBOOK=/path/to/evalbook")

    print("\n== machine")
    for k, v in details:
        print(f"  {k:<8} {v}")

    for path in files.values():  # warm the page cache
        with open(path, "rb") as f:
            while f.read(1 << 24):
                pass

    # results[(file, tool)] = dict of lists
    res = {(f, t): {"proc": [], "rss": [], "call": [], "first": [], "error": None} for f in files for t in tools}
    workers = {}
    for t in tools:
        if t != "evalbook":
            workers[t] = Worker(t)
    try:
        for t, w in workers.items():  # untimed warm-up read of every file
            for f, path in files.items():
                try:
                    w.read(path, a.rows)
                except Exception as e:
                    res[(f, t)]["error"] = f"warm-up: {e}"
        print(f"\n== timing: {len(tools)} tools x {len(files)} files, {a.runs} interleaved rounds")
        for rnd in range(a.runs):
            order = tools[rnd % len(tools):] + tools[:rnd % len(tools)] if tools else []
            for f, path in files.items():
                for t in order:
                    r = res[(f, t)]
                    if r["error"]:
                        continue
                    try:
                        if t == "evalbook":
                            cmd = [binary, "eval", "--allow-read", os.path.dirname(path),
                                   f'nrow(read_parquet("{path}"))']
                            wall, rss, code, out, err = run_process(cmd, cwd=REPO)
                            if code != 0:
                                raise RuntimeError(f"exit {code}: {(err or out).strip()[-300:]}")
                            if out.strip().replace(",", "").replace("_", "") != str(a.rows):
                                raise RuntimeError(f"expected {a.rows}, got {out.strip()[:200]!r}")
                            first, second = evalbook_repl_times(binary, path, a.rows)
                            r["first"].append(first)
                            r["call"].append(second)
                        else:
                            imp, call, rows = READERS[t]
                            cmd = [sys.executable, "-c", ONESHOT.format(imp=imp, call=call, rows=rows),
                                   path, str(a.rows)]
                            wall, rss, code, out, err = run_process(cmd)
                            if code != 0:
                                raise RuntimeError(f"exit {code}: {err.strip()[-300:]}")
                            r["first"].append(json.loads(out.strip().splitlines()[-1])["read_s"])
                            r["call"].append(workers[t].read(path, a.rows))
                        r["proc"].append(wall)
                        r["rss"].append(rss)
                    except Exception as e:
                        r["error"] = str(e)
                        print(f"  {t} on {f}: FAILED: {e}", file=sys.stderr)
            print(f"  round {rnd + 1}/{a.runs} done", flush=True)
    finally:
        for w in workers.values():
            try:
                w.close()
            except Exception:
                w.proc.kill()

    header = ["tool", "file", "call alone s (warm)", "× pyarrow", "whole process s", "× pyarrow",
              "peak RSS MB", "first call s", "call runs s", "process runs s"]
    out = ["| " + " | ".join(header) + " |", "|---|---|" + "---:|" * (len(header) - 2)]
    for f, path in files.items():
        base = res.get((f, PYARROW))
        base_call = med(base["call"]) if base and not base["error"] else None
        base_proc = med(base["proc"]) if base and not base["error"] else None
        for t in tools:
            r = res[(f, t)]
            name = f"**evalbook** `read_parquet`" if t == "evalbook" else t
            fname = os.path.basename(path)
            if r["error"]:
                out.append(f"| {name} | {fname} | FAILED: {r['error'][:100]} |" + " |" * (len(header) - 3))
                continue
            c, p_ = med(r["call"]), med(r["proc"])
            out.append("| " + " | ".join([
                name, fname, fmt(c), fmt(c / base_call if base_call and c else None, 2),
                fmt(p_), fmt(p_ / base_proc if base_proc and p_ else None, 2),
                fmt(med(r["rss"]), 0), fmt(med(r["first"])),
                " ".join(f"{x:.3f}" for x in r["call"]), " ".join(f"{x:.3f}" for x in r["proc"]),
            ]) + " |")
    print(f"\n## read_parquet, {a.rows:,} rows × 7 columns, medians of {a.runs} interleaved rounds\n")
    for f, path in files.items():
        print(f"- `{path}`: {os.path.getsize(path) / 1e6:.1f} MB")
    print()
    print("\n".join(out))
    print("\n'call alone' is the read by itself in a warm process (after a warm-up read; Evalbook: the\n"
          "second `:time` in its REPL); 'whole process' is a fresh process from spawn to exit, start-up\n"
          "and imports included; 'first call' is the read inside that fresh process (Evalbook: the first\n"
          "`:time` in a fresh REPL). '× pyarrow' divides by pyarrow.read_table's median on the same file.\n"
          "Peak RSS: maximum resident set size of the whole-process runs (median), from /usr/bin/time -v.")
    print("\n| machine | |\n|---|---|")
    for k, v in details:
        print(f"| {k} | {v} |")
    return 1 if any(r["error"] for r in res.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
