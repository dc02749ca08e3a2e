#!/usr/bin/env python3
"""Builds core/data/calendar-cn.json, posfee's working-day calendar, from the
cross-checked State Council arrangements in shared/data/cn_calendar.json.

Usage: python3 scripts/build-calendar.py [path/to/cn_calendar.json]
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
src = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "data" / "cn_calendar.json"
data = json.loads(src.read_text(encoding="utf-8"))

years = []
for year, entry in sorted(data["years"].items()):
    official = entry.get("official_notice") or {}
    notice = f"国务院办公厅关于{year}年部分节假日安排的通知"
    papers = [official["url"]] if official.get("url") else []
    days_off = [
        {"date": h["date"], "name_zh": h["name_zh"], "name_en": h["name"]}
        for h in entry["holidays"]
    ]
    # A weekend working day takes the name of the festival block it serves:
    # the nearest block by date.
    blocks = [(h["date"], h["name_zh"], h["name"]) for h in entry["holidays"]]
    working = []
    for w in entry["workdays"]:
        nearest = min(blocks, key=lambda b: abs(
            (int(b[0][5:7]) * 31 + int(b[0][8:10])) - (int(w[5:7]) * 31 + int(w[8:10]))))
        working.append({"date": w, "name_zh": nearest[1] + "调休上班",
                        "name_en": "Adjusted working day (" + nearest[2] + ")"})
    years.append({"year": int(year), "notice": notice, "papers": papers,
                  "published": official.get("published"), "days_off": days_off,
                  "working_weekends": working})

out = {
    "schema_version": 1,
    "data_version": "2026.11.23",
    "source": "State Council General Office annual holiday notices (国务院办公厅关于部分节假日安排的通知), "
              "as cross-checked between chinesecalendar 1.11.0 and holidays 0.109 (no disagreement 2023–2026)",
    "years": years,
}
dest = root / "core" / "data" / "calendar-cn.json"
dest.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"wrote {dest} with years {[y['year'] for y in years]}")
