#!/usr/bin/env bash
# vigie and dateparser side by side on the same TimeML documents, scored by the same code
# path (`vigie eval time`, once on vigie's own output and once with `--pred`), with both
# throughputs and their ratio. Usage: bench/peers/dateparser/run.sh [SHARED_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
shared="${1:-$root/../shared}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet dateparser
fi
(cd "$root" && cargo build --release --quiet -p vigie)
vigie="$CARGO_TARGET_DIR/release/vigie"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

run() {  # name lang corpus-dir
  local name="$1" lang="$2" dir="$3"
  echo "== $name ($lang): $dir"
  "$vigie" eval time --lang "$lang" "$dir" --dump "$work/$name.jsonl" >/dev/null
  local v p runs
  # FR-TimeBank dev is 51 short documents: vigie reads them in about 2 ms, so one run is at
  # the mercy of a single preemption on a shared machine; report the median of five runs
  runs="$(for _ in 1 2 3 4 5; do "$vigie" eval time --lang "$lang" "$dir"; done)"
  v="$(echo "$runs" | python3 -c '
import re, statistics, sys
lines = [l for l in sys.stdin.read().splitlines() if l.startswith("summary:")]
rates = [float(re.search(r"docs/s=([0-9.]+)", l).group(1)) for l in lines]
med = statistics.median(rates)
print(next(l for l in lines if float(re.search(r"docs/s=([0-9.]+)", l).group(1)) == med))
print(f"vigie docs/s over five runs: {sorted(round(r) for r in rates)} (median {med:.0f})")
')"
  echo "-- vigie"; echo "$v"
  p="$("$venv/bin/python" "$here/run_dateparser.py" "$work/$name.jsonl" "$work/$name.pred")"
  echo "-- dateparser ($p)"
  "$vigie" eval time --lang "$lang" "$dir" --pred "$work/$name.pred" | sed "s|$work/$name.pred|dateparser|"
  local vds pds
  vds="$(echo "$v" | sed -n 's/.*docs\/s=\([0-9.]*\).*/\1/p')"
  pds="$(echo "$p" | sed -n 's/.*docs\/s=\([0-9.]*\).*/\1/p')"
  python3 -c "print(f'throughput: vigie {float(\"$vds\"):.0f} docs/s, dateparser {float(\"$pds\"):.1f} docs/s, ratio {float(\"$vds\")/float(\"$pds\"):.0f}x')"
}

run fr-timebank-dev fr "$shared/corpus/time/fr-timebank-dev"
run tempeval3-dev en "$shared/corpus/time/tempeval3-dev"
