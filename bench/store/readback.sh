#!/usr/bin/env bash
# Extract a corpus, load it into a store, export Parquet and the GDELT table, and read both
# back with DuckDB from PyPI (in a venv under target/).
#   bench/store/readback.sh [CORPUS.jsonl ...]   (default: ../shared/corpus/news-dev/*.jsonl)
#   bench/store/readback.sh --generated [EVENTS]  (a synthetic store instead of a corpus)
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=target/bench-store-readback
mkdir -p "$OUT"
rm -f "$OUT"/store.db*
cargo build -p vigie
BIN="${CARGO_TARGET_DIR:-target}/debug/vigie"
if [ "${1:-}" = "--generated" ]; then
  # a synthetic store with events (useful while the extractor finds few)
  cargo build --release -p vigie-store --example store_bench
  "${CARGO_TARGET_DIR:-target}/release/examples/store_bench" gen "$OUT/store.db" "${2:-20000}"
else
  if [ $# -eq 0 ]; then set -- ../shared/corpus/news-dev/*.jsonl; fi
  "$BIN" extract --format jsonl "$@" > "$OUT/extract.jsonl"
  "$BIN" store load --db "$OUT/store.db" "$OUT/extract.jsonl"
fi
"$BIN" export --db "$OUT/store.db" --format parquet -o "$OUT/events.parquet"
"$BIN" export --db "$OUT/store.db" --format gdelt -o "$OUT/events.gdelt.tsv"
STATS=$("$BIN" store stats --db "$OUT/store.db")
echo "$STATS"
EVENTS=$(echo "$STATS" | sed -E 's/.* ([0-9]+) events in ([0-9]+) clusters.*/\1/')
CLUSTERS=$(echo "$STATS" | sed -E 's/.* ([0-9]+) events in ([0-9]+) clusters.*/\2/')
if [ ! -x target/venv-readback/bin/python ]; then
  python3 -m venv target/venv-readback
  target/venv-readback/bin/pip install -q duckdb
fi
target/venv-readback/bin/python bench/store/readback.py "$OUT/events.parquet" "$OUT/events.gdelt.tsv" "$EVENTS" "$CLUSTERS"
