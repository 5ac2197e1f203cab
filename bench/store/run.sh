#!/usr/bin/env bash
# Query latency on a generated store of one million events (default), release build.
#   bench/store/run.sh [EVENTS] [DB]
# Generates DB once (kept: delete it to regenerate), then times a suite of `vigie query`
# filters in-process (median and worst of 5), and one `vigie query` from the command line.
set -euo pipefail
cd "$(dirname "$0")/../.."
EVENTS="${1:-1000000}"
DB="${2:-target/bench-store-${EVENTS}.db}"
cargo build --release -p vigie-store --example store_bench -p vigie
BIN="${CARGO_TARGET_DIR:-target}/release"
if [ ! -f "$DB" ]; then
  "$BIN/examples/store_bench" gen "$DB" "$EVENTS"
fi
"$BIN/examples/store_bench" query "$DB"
echo "== command line (process start, open, query, print):"
time "$BIN/vigie" query --db "$DB" --actor RUS --plover THREATEN --format jsonl --limit 50 > /dev/null
