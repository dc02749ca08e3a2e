#!/usr/bin/env python3
"""Writes the .xlsx cases of tests/vectors/statements.json (`workbook_hex`).

Each workbook is written here, part by part, as the Office Open XML format
describes a spreadsheet (a zip of XML parts; stored, not deflated, so the
bytes are the same on every machine): shared strings for text cells, number
cells for amounts, and a cell stored as an Excel date (serial day number
with a date-time number format). The statement is the one of the case
`statement-gbk-detected` (title row, header, two lines, 合计 row), so the
expectations are that case's, worked by hand from RULES.md; posfee is never
run to make them.

    python3 tests/vectors/tools/statement_xlsx.py           # rewrites the cases
    python3 tests/vectors/tools/statement_xlsx.py --check   # fails if they differ
"""
import io
import json
import sys
import zipfile
from pathlib import Path

FILE = Path(__file__).resolve().parent.parent / "statements.json"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def col(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def workbook(rows, sheet="对账单"):
    """rows: lists of cells, each ("s", text) | ("n", number text) | ("d", serial) | None."""
    strings = []
    body = []
    for r, row in enumerate(rows):
        cells = []
        for c, cell in enumerate(row):
            if cell is None:
                continue
            kind, value = cell
            ref = f"{col(c)}{r + 1}"
            if kind == "s":
                if value not in strings:
                    strings.append(value)
                cells.append(f'<c r="{ref}" t="s"><v>{strings.index(value)}</v></c>')
            elif kind == "n":
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:  # a date: style 1 is number format 22 (m/d/yy h:mm)
                cells.append(f'<c r="{ref}" s="1"><v>{value}</v></c>')
        body.append(f'<row r="{r + 1}">{"".join(cells)}</row>')
    sst = "".join(f"<si><t>{s}</t></si>" for s in strings)
    parts = {
        "[Content_Types].xml": XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>",
        "_rels/.rels": XML + f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": XML + f'<workbook xmlns="{MAIN}" xmlns:r="{DOC}"><sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": XML + f'<Relationships xmlns="{RELS}">'
        f'<Relationship Id="rId1" Type="{DOC}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{DOC}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId3" Type="{DOC}/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": XML + f'<styleSheet xmlns="{MAIN}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills>'
        '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="22" applyNumberFormat="1"/></cellXfs></styleSheet>',
        "xl/sharedStrings.xml": XML + f'<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>',
        "xl/worksheets/sheet1.xml": XML + f'<worksheet xmlns="{MAIN}"><sheetData>{"".join(body)}</sheetData></worksheet>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2025, 3, 12, 0, 0, 0))
            z.writestr(info, text.encode("utf-8"))
    return out.getvalue().hex()


S, N = (lambda t: ("s", t)), (lambda t: ("n", t))
HEADER = [S(h) for h in ["流水号", "交易时间", "交易金额", "卡类型", "交易方式", "手续费", "结算金额", "结算日期"]]
# 2025-03-12 10:00 as an Excel serial day: 45728 days after 1899-12-30, plus 10/24 of a day.
TEN_AM = ("d", "45728.416666666664")


def cases():
    same = workbook([
        [S("商户对账单")],
        HEADER,
        [S("S1"), TEN_AM, N("100"), None, S("微信"), N("0.38"), N("99.62"), S("2025/03/12")],
        [S("S2"), S("2025/03/12 10:00:00"), S("￥1,000.00"), S("贷记卡"), S("插卡"), N("5.5"), N("994.5"), S("2025/03/12")],
        [S("合计"), None, N("1100"), None, None, N("5.88"), N("1094.12")],
    ])
    not_fen = workbook([
        HEADER,
        [S("S1"), TEN_AM, N("100.005"), None, S("微信"), N("0.38"), N("99.62"), S("2025/03/12")],
    ])
    return [
        {
            "id": "statement-xlsx",
            "section": "§10",
            "note": "The statement of statement-gbk-detected as an .xlsx workbook (cells are text already: no encoding to settle): S1's time an Excel date cell "
            "(serial 45728.416666666664 = 2025-03-12 10:00), amounts and fees number cells (100, 0.38, 5.5), "
            "S2's amount the text ￥1,000.00. WeChat 100.00 × 0.38% = 0.38; credit chip 1000.00 × 0.55% = 5.50; "
            "the 合计 row 1100 / 5.88 / 1094.12 is the lines' sum.",
            "op": "audit",
            "input": {"merchant": "std", "as_of": "2025-03-20T00:00:00", "workbook_hex": same},
            "expect": {
                "results": [
                    {"line_number": 3, "status": "ok", "id": "S1", "expected_fee": "0.38"},
                    {"line_number": 4, "status": "ok", "id": "S2", "expected_fee": "5.50"},
                ],
                "summary": {"lines": 2, "ok": 2, "unjudgeable": 0},
                "layout": {"profile": "generic", "encoding": None, "header_line": 2, "title_rows": 1},
                "totals": {"line_number": 5, "agrees": True},
            },
        },
        {
            "id": "statement-xlsx-number-not-fen",
            "section": "§10",
            "note": "A number cell 100.005 in 交易金额 is not whole fen: the line is unjudgeable "
            "(invalid_amount, too_many_decimals at lines[0].amount), never rounded.",
            "op": "audit",
            "input": {"merchant": "std", "as_of": "2025-03-20T00:00:00", "workbook_hex": not_fen},
            "expect": {
                "results": [
                    {"line_number": 2, "status": "unjudgeable",
                     "error": {"code": "invalid_amount", "field": "lines[0].amount", "reason": "too_many_decimals"}},
                ],
            },
        },
    ]


def main():
    data = json.loads(FILE.read_text(encoding="utf-8"))
    new = cases()
    ids = {c["id"] for c in new}
    data["cases"] = [c for c in data["cases"] if c["id"] not in ids] + new
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if "--check" in sys.argv:
        if FILE.read_text(encoding="utf-8") != text:
            sys.exit(f"{FILE} differs from what {Path(__file__).name} writes: run it and commit the file")
        return
    FILE.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
