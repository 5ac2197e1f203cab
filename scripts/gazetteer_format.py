"""The gazetteer file format, shared by the scripts that write one (build_gazetteer.py,
places_admin2.py) so that vigie's reader (`mention/place/gazetteer.rs`) sees one layout.

Rows are tuples (geonameid, feature, country, admin1, lat, lon, population, name, names),
`names` a list of alternate names. Written sorted by the caller, gzip with mtime=0: the same
input gives the same bytes, so a rebuild shows no spurious diff.
"""

import gzip

HEADER = "geonameid\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tname\tnames\n"


def write(rows, out_path):
    with open(out_path, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz:
            gz.write(HEADER.encode())
            for r in rows:
                line = "\t".join(
                    [str(r[0]), r[1], r[2], r[3], f"{r[4]:.4f}", f"{r[5]:.4f}", str(r[6]), r[7], "|".join(r[8])]
                )
                gz.write((line + "\n").encode())
