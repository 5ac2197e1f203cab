#!/usr/bin/env bash
# Peak memory and throughput of `vigie extract` on a large JSON Lines input generated from the
# team-written sample articles (default 1 GB). Memory must stay flat: the batch driver holds
# at most two bounded chunks whatever the input size.
#   bench/big-jsonl.sh [SIZE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-1024}
big=${TMPDIR:-/tmp}/vigie-big-${size_mb}.jsonl
cargo build --release -q -p vigie
if [ ! -s "$big" ]; then
  python3 - "$big" "$size_mb" <<'PY'
import json, sys
path, size = sys.argv[1], int(sys.argv[2]) * 1_000_000
docs = [json.loads(l) for l in open("examples/articles.jsonl", encoding="utf-8") if l.strip()]
n = 0
with open(path, "w", encoding="utf-8") as f:
    while f.tell() < size:
        for d in docs:
            d = dict(d, id=f"{d['id']}-{n}")
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
            n += 1
PY
fi
bytes=$(stat -c %s "$big")
start=$(date +%s.%N)
/usr/bin/time -f "%M" -o /tmp/vigie-big.rss ./target/release/vigie extract --format jsonl "$big" > /dev/null
end=$(date +%s.%N)
rss_kb=$(tail -n 1 /tmp/vigie-big.rss)
python3 - "$bytes" "$start" "$end" "$rss_kb" <<'PY'
import sys
b, s, e, rss = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
print(f"input {b/1e6:.0f} MB in {e-s:.1f} s: {b/1e6/(e-s):.1f} MB/s of JSON Lines, peak memory {rss/1024:.0f} MB")
PY
