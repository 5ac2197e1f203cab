"""Run dateparser's search_dates over documents dumped by `vigie eval time --dump` and write
predictions in the `vigie eval time --pred` format (char offsets, TimeML type, ISO value).

Each document is searched with RELATIVE_BASE set to its creation date, so relative
expressions resolve as vigie's do. The granularity of each match comes from dateparser's own
DateDataParser period (day, week, month, year, time), which decides how much of the date the
value keeps. Prints the seconds spent in dateparser (search and period), nothing else timed.
"""
import json
import sys
import time
from datetime import datetime

from dateparser.date import DateDataParser
from dateparser.search import search_dates


def value_of(dt, period):
    if period == "year":
        return dt.strftime("%Y")
    if period == "month":
        return dt.strftime("%Y-%m")
    if period == "week":
        y, w, _ = dt.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if period == "time":
        return dt.strftime("%Y-%m-%dT%H:%M")
    return dt.strftime("%Y-%m-%d")


def main():
    src, out = sys.argv[1], sys.argv[2]
    docs = [json.loads(line) for line in open(src, encoding="utf-8") if line.strip()]
    spent = 0.0
    parsers = {}
    with open(out, "w", encoding="utf-8") as w:
        for d in docs:
            text, lang = d["text"], d.get("lang") or "en"
            settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
            if d.get("date"):
                settings["RELATIVE_BASE"] = datetime.strptime(d["date"][:10], "%Y-%m-%d")
            t0 = time.perf_counter()
            found = search_dates(text, languages=[lang], settings=settings) or []
            key = (lang, d.get("date"))
            ddp = parsers.get(key)
            if ddp is None:
                ddp = parsers[key] = DateDataParser(languages=[lang], settings=settings)
            periods = []
            for sub, _dt in found:
                try:
                    periods.append(ddp.get_date_data(sub).period)
                except Exception:  # dateparser may fail to re-parse its own match
                    periods.append("day")
            spent += time.perf_counter() - t0
            times, pos = [], 0
            for (sub, dt), period in zip(found, periods):
                at = text.find(sub, pos)
                if at < 0:
                    at = text.find(sub)
                if at < 0:
                    continue
                pos = at + len(sub)
                ttype = "TIME" if period == "time" else "DATE"
                times.append({"start": at, "end": at + len(sub), "type": ttype,
                              "value": value_of(dt, period)})
            w.write(json.dumps({"id": d["id"], "times": times}, ensure_ascii=False) + "\n")
    print(f"dateparser: docs={len(docs)} seconds={spent:.3f} docs/s={len(docs) / max(spent, 1e-9):.1f}")


if __name__ == "__main__":
    main()
