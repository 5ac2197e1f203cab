#!/usr/bin/env bash
# Compare the single-core speed of vigie binaries on one corpus, in one run:
#   bench/speed.sh CORPUS.jsonl RUNS BIN [BIN…]
# For each binary: instructions a pass (callgrind, `bench --repeat 3` minus `--repeat 1`,
# halved: deterministic, whatever else the machine does) and CPU time of 20 passes
# (`perf stat -e task-clock` of `--repeat 21` minus `--repeat 1`, RUNS runs alternating the
# binaries, median), with MB/s of text: the bytes of the documents' `text` fields, which is
# what `vigie bench` counts.
# Needs valgrind and perf (Debian: valgrind, linux-perf).
set -euo pipefail
corpus=$1; runs=$2; shift 2
for b in "$@"; do
  for r in 1 3; do
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$b" bench --threads 1 --repeat $r "$corpus" >/dev/null 2>/tmp/speed.cg.$r
  done
  ir1=$(grep -o 'Collected : [0-9]*' /tmp/speed.cg.1 | grep -o '[0-9]*$')
  ir3=$(grep -o 'Collected : [0-9]*' /tmp/speed.cg.3 | grep -o '[0-9]*$')
  echo "$b: $(( (ir3 - ir1) / 2 )) instructions a pass"
done
python3 - "$corpus" "$runs" "$@" <<'PY'
import json, statistics, subprocess, sys
corpus, runs, bins = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def clock(b, r):
    err = subprocess.run(["perf", "stat", "-x,", "-e", "task-clock", b, "bench", "--threads", "1",
                          "--repeat", str(r), corpus], capture_output=True, text=True).stderr
    return float(next(l for l in err.splitlines() if "task-clock" in l).split(",")[0])
with open(corpus, encoding="utf-8") as f:
    text = sum(len(json.loads(l).get("text", "").encode()) for l in f if l.strip())
ms = {b: [] for b in bins}
for _ in range(runs):
    for b in bins:
        ms[b].append(clock(b, 21) - clock(b, 1))
for b in bins:
    med = statistics.median(ms[b])
    rate = f", {text * 20 / med / 1000:.2f} MB/s"
    print(f"{b}: median {med:.0f} ms for 20 passes{rate} (runs: {', '.join(f'{x:.0f}' for x in ms[b])})")
PY
