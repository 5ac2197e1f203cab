#!/usr/bin/env python3
"""Build vigie's event ontology files from the CAMEO and PLOVER reference data.

Usage: scripts/build_ontology.py [SHARED_DATA_DIR]   (default ../shared/data)

Reads  cameo/CAMEO.eventcodes.txt (the code list), cameo/CAMEO.goldsteinscale.txt (Goldstein
values), plover/CAMEO2PLOVER-2021.txt (the CAMEO -> PLOVER table with modes and contexts) and
lexicon/ontology/plover-overrides.tsv (the project's own coding decisions, see GUIDELINES).
Writes lexicon/ontology/cameo.tsv (every code: goldstein, quad class, plover, mode, context)
and lexicon/ontology/plover.tsv (the 16 PLOVER types, defined in our own words).
Only facts are carried over: codes, numbers and mapping; no descriptions are copied.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
OUT = os.path.join(REPO, "lexicon", "ontology")

# Our own short definitions of the PLOVER event types.
PLOVER = [
    ("AGREE", "says it will cooperate, promises, offers or accepts to do something for the target"),
    ("CONSULT", "meets, visits, hosts, phones or negotiates with the target"),
    ("SUPPORT", "speaks in favour of the target, praises it, recognizes it, signs an agreement with it"),
    ("COOPERATE", "acts together with the target: joint operations, shared intelligence, trade carried out"),
    ("AID", "gives the target money, weapons, goods, humanitarian help, protection or asylum"),
    ("CONCEDE", "yields to the target: eases restrictions or accepts its demands"),
    ("RETREAT", "steps back: withdraws forces, declares a truce, releases people or property, disarms"),
    ("REQUEST", "asks, appeals to, calls on or demands something of the target"),
    ("ACCUSE", "criticizes, denounces, blames or accuses the target, or investigates or sues it"),
    ("REJECT", "refuses, opposes, vetoes or defies the target or what it proposes"),
    ("THREATEN", "warns the target of harm or sanctions to come, or sets an ultimatum"),
    ("PROTEST", "demonstrates, strikes, boycotts, blocks or riots, usually against the target"),
    ("SANCTION", "cuts or reduces ties with the target, expels it, punishes it with sanctions or a sentence"),
    ("MOBILIZE", "deploys, masses or puts on alert troops, police or weapons"),
    ("COERCE", "uses force short of violence on the target: arrests, detains, seizes, bans, blockades"),
    ("ASSAULT", "uses violence on the target: kills, wounds, strikes, bombs, shells, fights, abducts"),
]


def quad(code):
    """CAMEO quad class from the root: 1 verbal and 2 material cooperation, 3 verbal and 4
    material conflict."""
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def read_pairs(path):
    out = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and re.fullmatch(r"\d{2,4}", parts[0].strip()):
                out[parts[0].strip()] = parts[1].strip()
    return out


def read_mapping(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
            if not m:
                continue
            body = m.group(2).split("#", 1)[0]
            fields = [x.strip() for x in body.split(",")]
            plover = fields[0]
            if not plover:
                continue
            mode = fields[1] if len(fields) > 1 else ""
            context = ";".join(x.strip() for x in ",".join(fields[2:]).split(";") if x.strip())
            # the table lists some codes twice (e.g. as a child of another root): first wins
            out.setdefault(m.group(1), (plover, mode, context))
    return out


def read_overrides(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "cameo":
                continue
            out[parts[0]] = parts[1]
    return out


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared", "data")
    codes = read_pairs(os.path.join(data, "cameo", "CAMEO.eventcodes.txt"))
    gold = read_pairs(os.path.join(data, "cameo", "CAMEO.goldsteinscale.txt"))
    mapping = read_mapping(os.path.join(data, "plover", "CAMEO2PLOVER-2021.txt"))
    overrides = read_overrides(os.path.join(OUT, "plover-overrides.tsv"))
    rows = []
    for code in sorted(codes, key=lambda c: (c[:2], c)):
        # a code takes its own mapping, else its nearest listed ancestor's
        plover, mode, context = "", "", ""
        for k in range(len(code), 1, -1):
            if code[:k] in mapping:
                plover, mode, context = mapping[code[:k]]
                break
        for k in range(len(code), 1, -1):
            if code[:k] in overrides:
                plover = overrides[code[:k]]
                break
        g = gold.get(code)
        if g is None:
            sys.exit("no Goldstein value for %s" % code)
        rows.append((code, "%.1f" % float(g), str(quad(code)), plover or "-", mode or "-", context or "-"))
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "cameo.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/build_ontology.py from CAMEO (GDELT lookups) and the PLOVER\n")
        f.write("# CAMEO2PLOVER table; do not edit by hand. plover '-' = no PLOVER event (statements).\n")
        f.write("cameo\tgoldstein\tquad_class\tplover\tmode\tcontext\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    with open(os.path.join(OUT, "plover.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/build_ontology.py: the PLOVER event types, in our own words.\n")
        f.write("plover\tdefinition\n")
        for name, d in PLOVER:
            f.write("%s\t%s\n" % (name, d))
    print("wrote %d CAMEO codes, %d PLOVER types" % (len(rows), len(PLOVER)))


if __name__ == "__main__":
    main()
