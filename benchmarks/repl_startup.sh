#!/usr/bin/env bash
# REPL start-up time (SPEC §7 / issue 3: ready in under 50 ms).
#
#   bash benchmarks/repl_startup.sh [RUNS]
#
# Times `printf ':quit\n' | evalbook` RUNS times (default 20) with the release build
# and prints the best, median and worst wall time in milliseconds. Piped input skips
# the line editor's terminal set-up, which is microseconds; everything else (process
# start, Swift runtime, argument parsing, the interpreter and builtin registry) runs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="${EVALBOOK:-$here/../.build/release/evalbook}"
runs="${1:-20}"
if [[ ! -x "$bin" ]]; then
    echo "repl_startup: $bin is missing; build it with: swift build -c release --product evalbook" >&2
    exit 2
fi
state="$(mktemp -d)"
trap 'rm -rf "$state"' EXIT
times=()
for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    printf ':quit\n' | XDG_STATE_HOME="$state" "$bin" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
done
printf '%s\n' "${times[@]}" | sort -n | awk -v runs="$runs" '
    { t[NR] = $1 }
    END { printf "evalbook REPL start-up, %d runs: best %.1f ms, median %.1f ms, worst %.1f ms\n",
          runs, t[1] / 1000, t[int((NR + 1) / 2)] / 1000, t[NR] / 1000 }'
