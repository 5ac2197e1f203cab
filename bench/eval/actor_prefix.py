#!/usr/bin/env python3
"""How often vigie's actors are right on the events it finds (issue #4's figure).

For each gold event, predicted events of an accepted PLOVER type in the same document are
matched to gold events one to one, ignoring actors (a maximum matching; among maximum
matchings, the one with the most right actor prefixes). A matched event is right when the
first three letters of both its source and its target are among the gold's accepted ones
(`null` = no actor), as in /work/shared/eval/score.py. The share of matched events that are
right is the figure; each wrong one is listed with the words the actors were read from.

Usage:
  actor_prefix.py --gold G.json [G.json ...] --pred P.jsonl [--name NAME] [--quiet]
  actor_prefix.py --bin path/to/vigie [--corpus /work/shared/corpus] [--tmp /tmp/ap] [--quiet]
    (runs the extractor on news-dev fr, en and plover-gsr-dev and reports each)

Only the Python standard library is used.
"""
import argparse
import glob
import json
import os
import subprocess
import sys


def actor3(actor):
    """First three letters of an actor code, or None for no actor (as score.py)."""
    if not actor:
        return None
    code = actor.get("code") if isinstance(actor, dict) else actor
    if not code:
        return None
    return code[:3].upper()


def actor_text(actor, rule):
    if not isinstance(actor, dict):
        return "-"
    return "%s=%s (%s)" % (actor.get("text"), actor.get("code"), rule)


def hungarian(weight):
    """Maximum-weight assignment of rows to columns (rows <= columns), O(n^2 m).

    `weight[i][j]` is None where row i may not take column j. Returns {row: column}."""
    n = len(weight)
    m = len(weight[0]) if n else 0
    if n == 0 or m == 0:
        return {}
    big = 1 + max((w for row in weight for w in row if w is not None), default=0)
    # minimise cost = big - weight; a forbidden pair costs more than any allowed set
    forbid = big * (n + 1) * 4
    cost = [[forbid if w is None else big - w for w in row] for row in weight]
    inf = float("inf")
    u = [0] * (n + 1)
    v = [0] * (m + 1)
    p = [0] * (m + 1)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j] = cur
                    way[j] = j0
                if minv[j] < delta:
                    delta = minv[j]
                    j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    out = {}
    for j in range(1, m + 1):
        i = p[j]
        if i and weight[i - 1][j - 1] is not None:
            out[i - 1] = j - 1
    return out


def match_doc(golds, pred):
    """Match gold events to predicted keys (plover, source prefix, target prefix)."""
    keys = {}
    for ev in pred.get("events", []):
        k = (ev.get("plover"), actor3(ev.get("source")), actor3(ev.get("target")))
        keys.setdefault(k, []).append(ev)
    klist = list(keys)
    if not golds or not klist:
        return [], keys
    # a matched pair outweighs any number of right prefixes, so the matching is maximum
    base = 4 * (len(golds) + 1)
    weight = []
    for g in golds:
        row = []
        for k in klist:
            if k[0] not in g["plover"]:
                row.append(None)
                continue
            w = base + (k[1] in g["source"]) + (k[2] in g["target"])
            # required events first, as score.py
            w += base * len(golds) if g.get("required", True) else 0
            row.append(w)
        weight.append(row)
    # rows must not outnumber columns: pad with forbidden columns
    width = max(len(klist), len(golds))
    for row in weight:
        row.extend([None] * (width - len(klist)))
    pairs = hungarian(weight)
    return [(golds[i], klist[j], keys[klist[j]]) for i, j in sorted(pairs.items())], keys


RULES = {}


def tally(rule, ok):
    """Count one matched side under the rule that read its actor (for --rules)."""
    r = RULES.setdefault(rule or "-", [0, 0])
    r[0 if ok else 1] += 1


def report(name, gold_paths, pred_path, quiet):
    preds = {}
    with open(pred_path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                d = json.loads(line)
                preds[str(d.get("id"))] = d
    total = matched = right = src_ok = tgt_ok = 0
    wrong = []
    for path in sorted(gold_paths):
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
        gid = str(gold["doc"]["id"])
        golds = gold.get("events", [])
        total += len(golds)
        pairs, _ = match_doc(golds, preds.get(gid, {}))
        for g, k, evs in pairs:
            matched += 1
            s, t = k[1] in g["source"], k[2] in g["target"]
            src_ok += s
            tgt_ok += t
            why0 = evs[0].get("explain") or {}
            tally(why0.get("source_rule"), s)
            tally(why0.get("target_rule"), t)
            if s and t:
                right += 1
                continue
            ev = evs[0]
            why = ev.get("explain") or {}
            wrong.append(
                "  %s %s %s gold %s->%s got %s->%s [%s | %s | %s]%s"
                % (
                    gid,
                    g.get("id"),
                    k[0],
                    "/".join(str(x) for x in g["source"]),
                    "/".join(str(x) for x in g["target"]),
                    k[1],
                    k[2],
                    actor_text(ev.get("source"), why.get("source_rule")),
                    (ev.get("trigger") or {}).get("text"),
                    actor_text(ev.get("target"), why.get("target_rule")),
                    " wrong:" + ("" if s else " source") + ("" if t else " target"),
                )
            )
    share = right / matched if matched else 0.0
    print(
        "%-4s actor prefixes right %d/%d = %.3f (source %d, target %d) on %d matched of %d gold events"
        % (name, right, matched, share, src_ok, tgt_ok, matched, total)
    )
    if not quiet:
        for w in wrong:
            print(w)
    return right, matched


def run_sets(binary, corpus, tmp, quiet):
    sets = [
        ("fr", os.path.join(corpus, "news-dev/news_dev_fr.jsonl"), "news-dev/fr-*.gold.json"),
        ("en", os.path.join(corpus, "news-dev/news_dev_en.jsonl"), "news-dev/en-*.gold.json"),
        ("gsr", os.path.join(corpus, "plover-gsr-dev/docs.jsonl"), "plover-gsr-dev/*.gold.json"),
    ]
    all_right = all_matched = 0
    for name, docs, pattern in sets:
        out = "%s-%s.jsonl" % (tmp, name)
        with open(out, "w", encoding="utf-8") as f:
            subprocess.run([binary, "extract", "--format", "jsonl", docs], stdout=f, check=True)
        r, m = report(name, glob.glob(os.path.join(corpus, pattern)), out, quiet)
        all_right += r
        all_matched += m
    print(
        "all  actor prefixes right %d/%d = %.3f"
        % (all_right, all_matched, all_right / all_matched if all_matched else 0.0)
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", nargs="+")
    ap.add_argument("--pred")
    ap.add_argument("--name", default="set")
    ap.add_argument("--bin", help="run this vigie binary on the dev sets")
    ap.add_argument("--corpus", default="/work/shared/corpus")
    ap.add_argument("--tmp", default="/tmp/actor-prefix", help="prefix of the prediction files --bin writes")
    ap.add_argument("--quiet", action="store_true", help="figures only, no list of wrong events")
    ap.add_argument("--rules", action="store_true", help="also tally right/wrong sides by the rule that read them")
    a = ap.parse_args()
    if a.bin:
        run_sets(a.bin, a.corpus, a.tmp, a.quiet)
    elif a.gold and a.pred:
        report(a.name, a.gold, a.pred, a.quiet)
    else:
        sys.exit("give --bin, or --gold and --pred")
    if a.rules:
        for rule, (ok, bad) in sorted(RULES.items(), key=lambda x: -sum(x[1])):
            print("  rule %-28s right %3d wrong %3d" % (rule, ok, bad))


if __name__ == "__main__":
    main()
