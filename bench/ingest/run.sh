#!/usr/bin/env bash
# Measure `vigie ingest` on a synthetic WARC of news pages: throughput (documents/s, MB/s)
# and peak memory (max RSS), for article extraction only and for the full pipeline.
#   bench/ingest/run.sh [SIZE]      SIZE defaults to 2G (bytes, K/M/G suffix)
# Needs GNU time (/usr/bin/time). Writes the archive under ${BENCH_DIR:-/tmp}.
set -euo pipefail
size="${1:-2G}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${BENCH_DIR:-/tmp}"
warc="$dir/vigie-synth-$size.warc"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
cargo build --release --quiet -p vigie --bin vigie
cargo build --release --quiet -p vigie-ingest --example synth_warc
bin="$CARGO_TARGET_DIR/release"
[ -f "$warc" ] || "$bin/examples/synth_warc" "$size" "$warc"
ls -l "$warc"
for mode in --articles ""; do
  echo "== vigie ingest $mode $warc"
  /usr/bin/time -f "peak_rss_kb=%M elapsed_s=%e cpu_percent=%P" \
    "$bin/vigie" ingest $mode --no-progress -o /dev/null "$warc"
done
