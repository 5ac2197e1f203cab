"""Read vigie's Parquet and GDELT TSV exports back with DuckDB, as an analyst would.

Usage: readback.py EVENTS.parquet EVENTS.gdelt.tsv EXPECTED_EVENTS EXPECTED_CLUSTERS
Exits non-zero (with the reason) when a count, a column count or a type is off.
"""
import sys

import duckdb


def main() -> int:
    parquet, tsv, n_events, n_clusters = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    con = duckdb.connect()
    rows = con.execute(f"SELECT COUNT(*) FROM read_parquet('{parquet}')").fetchone()[0]
    cols = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{parquet}')").fetchall()
    types = {c[0]: c[1] for c in cols}
    top = con.execute(
        f"SELECT plover, COUNT(*) n FROM read_parquet('{parquet}') GROUP BY plover ORDER BY n DESC LIMIT 3"
    ).fetchall()
    print(f"parquet: {rows} rows, {len(cols)} columns; date is {types.get('date')}; top types {top}")
    gd = con.execute(
        f"SELECT * FROM read_csv('{tsv}', delim='\\t', header=false, all_varchar=true, quote='')"
    )
    gd_rows = gd.fetchall()
    width = {len(r) for r in gd_rows}
    print(f"gdelt tsv: {len(gd_rows)} rows, widths {sorted(width)}")
    problems = []
    if rows != n_events:
        problems.append(f"parquet has {rows} rows, the store {n_events} events")
    if types.get("date") != "DATE":
        problems.append(f"parquet date column is {types.get('date')}, not DATE")
    if len(gd_rows) != n_clusters:
        problems.append(f"gdelt tsv has {len(gd_rows)} rows, the store {n_clusters} clusters")
    if gd_rows and width != {61}:
        problems.append(f"gdelt rows are {sorted(width)} columns wide, not 61")
    for p in problems:
        print("FAIL:", p)
    print(f"readback: {'FAILED' if problems else 'ok'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
