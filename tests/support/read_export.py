#!/usr/bin/python3
"""Reads an exported report back the way a person's tools would and prints a summary as
JSON: the header, the number of data rows, the sum of each money column (in kopecks) and,
for XLSX, whether cells are typed (money numbers with a money format, days as dates).

  read_export.py FILE.csv KEY:INDEX...    (Python's csv module, RFC 4180)
  read_export.py FILE.xlsx KEY:INDEX...   (openpyxl)
KEY:INDEX names a money column and its position (0-based).
"""
import csv
import datetime
import json
import sys
from decimal import Decimal


def kopecks(value):
    return int((Decimal(str(value)) * 100).to_integral_value())


def read_csv(path, money):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, strict=True))
    header, data = rows[0], rows[1:]
    idx = dict(money)
    fields = [v for r in data for v in r]
    return {"header": header, "rows": len(data), "widths": sorted({len(r) for r in data}),
            "sums": {c: sum(kopecks(r[i]) for r in data if r[i] != "") for c, i in idx.items()},
            "emergency": sum(1 for v in fields if v in ("101", "102", "103", "104", "112"))}


def read_xlsx(path, money):
    import openpyxl
    book = openpyxl.load_workbook(path, read_only=True)
    out = {"rows": 0, "sums": {}, "totals": {}, "typed": True, "sheets": len(book.worksheets), "emergency": 0}
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows())
        header = [c.value for c in rows[0]]
        out["header"] = header
        body = rows[1:]
        total = None
        if body and body[-1][0].value in ("Total", "Разом"):
            total, body = body[-1], body[:-1]
        out["rows"] += len(body)
        for r in body:
            for c in r:
                if c.value in ("101", "102", "103", "104", "112"):
                    out["emergency"] += 1
                if isinstance(c.value, datetime.datetime) and not c.is_date:
                    out["typed"] = False
        for name, i in money:
            for r in body:
                v = r[i].value
                if v is None:
                    continue
                if not isinstance(v, (int, float)) or "0.00" not in r[i].number_format:
                    out["typed"] = False
                out["sums"][name] = out["sums"].get(name, 0) + kopecks(round(v, 2))
            if total is not None:
                out["totals"][name] = out["totals"].get(name, 0) + kopecks(round(total[i].value, 2))
        out["dates"] = sum(1 for r in body for c in r if isinstance(c.value, datetime.datetime))
    return out


if __name__ == "__main__":
    path = sys.argv[1]
    money = [(a.split(":")[0], int(a.split(":")[1])) for a in sys.argv[2:]]
    print(json.dumps(read_xlsx(path, money) if path.endswith(".xlsx") else read_csv(path, money)))
