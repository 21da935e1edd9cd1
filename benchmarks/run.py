#!/usr/bin/env python3
"""Side-by-side benchmark: Evalbook vs pandas / polars reading the same CSV.

Usually started through `bash benchmarks/run.sh`. See benchmarks/README.md.

Every tool is measured the same way: as a fresh process, wall clock from spawn
to exit, best of N runs (default 3). Process start-up, interpreter start and
library imports are part of the time for every tool, Evalbook included. For the
Python peers the time of the read_csv call alone, measured inside the process,
is shown too. Peak memory is the maximum resident set size of one separate run
under `/usr/bin/time -v` (falling back to wait4() rusage if GNU time is absent).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_CSV = "/tmp/evalbook-bench/events_5m.csv"
DEFAULT_ROWS = 5_000_000
DEFAULT_EVALBOOK = os.path.join(REPO, ".build", "release", "evalbook")
TIMEOUT_S = 900

# Each peer is a small Python program: read the CSV, check the row count, and
# print the in-process read time as JSON. argv[1] = path, argv[2] = expected rows.
PEER_PRELUDE = "import sys, time, json\np, n = sys.argv[1], int(sys.argv[2])\n"
PEER_EPILOGUE = (
    "dt = time.perf_counter() - t0\n"
    "assert rows == n, f'expected {n} rows, got {rows}'\n"
    "print(json.dumps({'rows': rows, 'read_s': dt}))\n"
)
PEERS = {
    "pandas.read_csv (C engine)": (
        "import pandas as pd\n"
        "t0 = time.perf_counter()\n"
        "df = pd.read_csv(p)\n"
        "rows = len(df)\n"
    ),
    "pandas.read_csv (engine=pyarrow)": (
        "import pandas as pd\n"
        "t0 = time.perf_counter()\n"
        "df = pd.read_csv(p, engine='pyarrow')\n"
        "rows = len(df)\n"
    ),
    "polars.read_csv": (
        "import polars as pl\n"
        "t0 = time.perf_counter()\n"
        "df = pl.read_csv(p)\n"
        "rows = df.height\n"
    ),
}


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    # Only numpy's BLAS kernels look at these; keep every run on the defaults.
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)
    return env


def sh(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=20).stdout.strip()
    except Exception:
        return ""


def machine_details(python: str) -> list[tuple[str, str]]:
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "unknown"
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
    nproc = sh(["nproc"]) or str(os.cpu_count())
    versions = sh([python, "-c",
                   "import sys, numpy, pandas, polars, pyarrow; "
                   "print(sys.version.split()[0], numpy.__version__, pandas.__version__, "
                   "polars.__version__, pyarrow.__version__)"]).split()
    names = ["python", "numpy", "pandas", "polars", "pyarrow"]
    rows = [("date", time.strftime("%Y-%m-%d %H:%M %Z")), ("nproc", nproc), ("cpu", cpu),
            ("memory", mem), ("os", os_name),
            ("load", "%.2f %.2f %.2f (1/5/15 min, at start)" % os.getloadavg())]
    rows += list(zip(names, versions)) if len(versions) == len(names) else [("python libs", "unavailable")]
    return rows


def peak_rss_mb(cmd: list[str], cwd: str | None) -> float | None:
    """Maximum resident set size (MB) of one run of cmd."""
    gnu_time = "/usr/bin/time"
    if os.access(gnu_time, os.X_OK):
        r = subprocess.run([gnu_time, "-v", *cmd], capture_output=True, text=True,
                           env=child_env(), cwd=cwd, timeout=TIMEOUT_S)
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
        if r.returncode == 0 and m:
            return int(m.group(1)) / 1024.0
        return None
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=child_env(), cwd=cwd)
    _, status, ru = os.wait4(proc.pid, 0)
    return ru.ru_maxrss / 1024.0 if status == 0 else None


def timed_runs(cmd: list[str], runs: int, cwd: str | None, check) -> dict:
    walls, reads = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, text=True, env=child_env(), cwd=cwd,
                           timeout=TIMEOUT_S)
        wall = time.perf_counter() - t0
        err = check(r)
        if err:
            return {"error": err}
        walls.append(wall)
        try:
            reads.append(float(json.loads(r.stdout.strip().splitlines()[-1])["read_s"]))
        except (ValueError, KeyError, IndexError, TypeError):
            pass
    return {"walls": walls, "best": min(walls), "read_best": min(reads) if reads else None}


def evalbook_binary() -> tuple[str | None, str]:
    path = os.environ.get("EVALBOOK") or DEFAULT_EVALBOOK
    if os.path.isfile(path) and os.access(path, os.X_OK):
        return path, path
    return None, path


def fmt_table(header: list[str], rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        out = ["| " + " | ".join(header) + " |",
               "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
        out += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(out)
    widths = [max(len(x) for x in col) for col in zip(header, *rows)]
    line = lambda r: "  ".join(x.ljust(w) if i == 0 else x.rjust(w)
                               for i, (x, w) in enumerate(zip(r, widths)))
    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])


def main() -> int:
    ap = argparse.ArgumentParser(description="Evalbook vs pandas/polars: read_csv benchmark")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per tool; best is reported")
    ap.add_argument("--csv", default=DEFAULT_CSV)
    ap.add_argument("--rows", type=int, default=DEFAULT_ROWS)
    ap.add_argument("--skip-peers", action="store_true", help="only run Evalbook")
    ap.add_argument("--skip-evalbook", action="store_true", help="only run the Python peers")
    ap.add_argument("--markdown", action="store_true", help="also print the table as Markdown")
    a = ap.parse_args()
    python = sys.executable

    print("== generating data (skipped when already complete)")
    subprocess.run([python, os.path.join(HERE, "generate.py"), "--rows", str(a.rows),
                    "--out", a.csv], check=True, env=child_env())
    size_mb = os.path.getsize(a.csv) / 1e6

    details = machine_details(python)
    print("\n== machine")
    for k, v in details:
        print(f"  {k:<8} {v}")

    # Warm the page cache so every tool reads the file from memory.
    with open(a.csv, "rb") as f:
        while f.read(1 << 24):
            pass

    print(f"\n== read_csv: {a.csv} ({a.rows:,} rows x 7 columns, {size_mb:.1f} MB), "
          f"best of {a.runs}, wall clock per process")
    results: list[tuple[str, dict, bool]] = []  # (tool, result, is_peer)

    if not a.skip_peers:
        for name, body in PEERS.items():
            cmd = [python, "-c", PEER_PRELUDE + body + PEER_EPILOGUE, a.csv, str(a.rows)]
            check = lambda r: (None if r.returncode == 0
                               else f"exit {r.returncode}: {r.stderr.strip()[-300:]}")
            print(f"  {name} ...", flush=True)
            res = timed_runs(cmd, a.runs, None, check)
            if "error" not in res:
                res["rss"] = peak_rss_mb(cmd, None)
            results.append((name, res, True))

    if not a.skip_evalbook:
        binary, where = evalbook_binary()
        if binary is None:
            print(f"  evalbook: SKIPPED, no executable at {where}\n"
                  f"    build it with `swift build -c release` in {REPO}, "
                  f"or set EVALBOOK=/path/to/evalbook")
        else:
            expr = f'nrow(read_csv("{a.csv}"))'
            cmd = [binary, "eval", "--allow-read", os.path.dirname(a.csv), expr]

            def check(r):
                if r.returncode != 0:
                    return f"exit {r.returncode}: {(r.stderr or r.stdout).strip()[-300:]}"
                out = r.stdout.strip().replace(",", "").replace("_", "")
                if out != str(a.rows):
                    return f"expected output {a.rows}, got {r.stdout.strip()[:200]!r}"
                return None

            print(f"  evalbook ({binary}) ...", flush=True)
            version = sh([binary, "--version"])
            if version:
                details.append(("evalbook", version.splitlines()[0]))
                print(f"    version: {version.splitlines()[0]}")
            res = timed_runs(cmd, a.runs, REPO, check)
            if "error" not in res:
                res["rss"] = peak_rss_mb(cmd, REPO)
            results.append(("evalbook", res, False))

    peer_bests = [r["best"] for _, r, peer in results if peer and "error" not in r]
    fastest_peer = min(peer_bests) if peer_bests else None
    header = ["tool", "best s", "x fastest peer", "peak RSS MB", "read_csv s (in-process)", "all runs s"]
    rows = []
    for name, r, _ in results:
        if "error" in r:
            rows.append([name, "FAILED", "", "", "", r["error"][:80]])
            continue
        rows.append([
            name,
            f"{r['best']:.3f}",
            f"{r['best'] / fastest_peer:.2f}" if fastest_peer else "n/a",
            f"{r['rss']:.0f}" if r.get("rss") is not None else "n/a",
            f"{r['read_best']:.3f}" if r.get("read_best") is not None else "-",
            " ".join(f"{w:.3f}" for w in r["walls"]),
        ])
    print()
    print(fmt_table(header, rows, markdown=False))
    print("\n'best s' is whole-process wall time (start-up and imports included for every tool);"
          "\n'x fastest peer' divides it by the fastest peer's; 'read_csv s' times the call alone.")
    if a.markdown:
        print("\nMarkdown:\n")
        print(fmt_table(header, rows, markdown=True))
        print()
        print("| machine | |\n|---|---|")
        for k, v in details:
            print(f"| {k} | {v} |")
    failed = any("error" in r for _, r, _ in results)
    for name, r, _ in results:
        if "error" in r:
            print(f"\n{name} failed: {r['error']}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
