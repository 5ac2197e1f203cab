#!/usr/bin/env bash
# Measure `vigie ingest` on one huge HTML page written on a single line (default 100 MiB of
# paragraphs inside an article, with navigation and footer around): time and peak memory,
# for article extraction only and for the full pipeline.
#   bench/ingest/huge-page.sh [MIB]
# Needs GNU time (/usr/bin/time). Writes the page under ${BENCH_DIR:-/tmp}.
set -euo pipefail
mib="${1:-100}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${BENCH_DIR:-/tmp}"
page="$dir/vigie-huge-$mib.html"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
cargo build --release --quiet -p vigie --bin vigie
bin="$CARGO_TARGET_DIR/release"
if [ ! -f "$page" ]; then
  python3 - "$mib" "$page" <<'PY'
import sys
mib, path = int(sys.argv[1]), sys.argv[2]
para = "<p>Le conseil municipal a adopté le budget lundi soir, après un long débat, par douze voix contre neuf, a indiqué la mairie.</p>"
n = (mib << 20) // len(para.encode())
with open(path, "w", encoding="utf-8") as f:
    f.write('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Budget</title></head><body><nav><a href="/">Accueil</a></nav><article>')
    for _ in range(n // 1000):
        f.write(para * 1000)
    f.write(para * (n % 1000))
    f.write("</article><footer>Tous droits réservés</footer></body></html>")
PY
fi
ls -l "$page"
for mode in --articles ""; do
  echo "== vigie ingest $mode $page"
  /usr/bin/time -f "peak_rss_kb=%M elapsed_s=%e cpu_percent=%P" \
    "$bin/vigie" ingest $mode --no-progress -o /dev/null "$page"
done
