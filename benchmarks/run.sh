#!/usr/bin/env bash
# Side-by-side benchmark runner: Evalbook vs pandas / polars.
#
#   bash benchmarks/run.sh [--runs N] [--markdown] [--skip-peers] [--skip-evalbook]
#
# Environment:
#   PYTHON    Python with numpy, pandas, polars, pyarrow
#             (default: /tmp/venv/bin/python if present, else python3)
#   EVALBOOK  Evalbook binary (default: <repo>/.build/release/evalbook;
#             build it with `swift build -c release`). Skipped if missing.
#
# Data is generated once into /tmp/evalbook-bench/ (about 255 MB), never the repo.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# Only numpy's OpenBLAS kernels read these; run every tool on the defaults.
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE

if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x /tmp/venv/bin/python ]]; then PYTHON=/tmp/venv/bin/python; else PYTHON=python3; fi
fi

if ! "$PYTHON" -c 'import numpy, pandas, polars, pyarrow' 2>/dev/null; then
    echo "benchmarks: $PYTHON lacks numpy/pandas/polars/pyarrow;" >&2
    echo "  set PYTHON to an interpreter that has them (a venv outside the repo)." >&2
    exit 2
fi

exec "$PYTHON" "$here/run.py" "$@"
