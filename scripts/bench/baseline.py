#!/usr/bin/env python3
"""The script a researcher would otherwise write: pandas/openpyxl reads the
published table, then a regex splits each 绩效指标 cell into indicators.

Usage: baseline.py text FILE [--encoding gbk]   (tab-separated, the sample's layout)
       baseline.py xlsx FILE                     (openpyxl, read-only mode)
Prints: projects, indicators (so the result can be compared with jixiao's).
"""
import re
import sys

ITEM = re.compile(
    r"(\d{1,2})-(产出|效益|满意度|成本)指标：(.*?)，年度指标值：(.*?)(?:[。，；])?"
    r"(?=\d{1,2}-(?:产出|效益|满意度|成本)指标：|$)"
)
VALUE = re.compile(r"^(.*?)(≥|≤|>=|<=|>|<|=)?(\d+(?:\.\d+)?)(.*)$")


def split_cell(cell):
    out = []
    for m in ITEM.finditer(cell):
        seq, level, name, raw = m.groups()
        v = VALUE.match(raw)
        if v:
            label, op, num, unit = v.groups()
            out.append((int(seq), level, name, raw, label, op, num, unit))
        else:
            out.append((int(seq), level, name, raw, None, None, None, None))
    return out


def from_rows(rows):
    header_seen = False
    idx = None
    projects = []
    for row in rows:
        cells = ["" if c is None else str(c) for c in row]
        if not header_seen:
            if "绩效指标" in cells:
                header_seen = True
                idx = cells.index("绩效指标")
            continue
        if idx is not None and idx < len(cells) and cells[idx]:
            projects.append((cells[0], split_cell(cells[idx])))
    return projects


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "text":
        import pandas as pd

        enc = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--encoding" else "utf-8"
        df = pd.read_csv(
            path, sep="\t", header=None, dtype=str, keep_default_na=False,
            encoding=enc, engine="c", skip_blank_lines=False, names=range(7),
        )
        projects = from_rows(df.itertuples(index=False, name=None))
    elif kind == "xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        ws = wb.worksheets[0]
        projects = from_rows(ws.iter_rows(values_only=True))
    else:
        sys.exit("kind must be text or xlsx")
    print(len(projects), sum(len(i) for _, i in projects))


if __name__ == "__main__":
    main()
