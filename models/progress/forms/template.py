"""Reading the header rows of a received statistics template: groups (merged cells), labels, measures.

Works on plain rows of values plus the merged ranges, so the same code serves a
template opened normally and a returned form read in read-only mode.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.campaigns.layouts import MEASURES
from models.errors import ImportRejected
from models.progress.values import fold

_LABEL_WORDS = re.compile(r"序号|单位|名称|地区|部门|乡镇|镇街|企业名称")
_SKIP_WORDS = re.compile(r"^(备注|说明)$")
_PAREN = re.compile(r"[（(]([^）)]*)[）)]\s*$")
_MEASURE_ORDER = sorted(MEASURES, key=len, reverse=True)


@dataclass
class Header:
    """Where a template's header sits and what each of its columns means."""

    first_row: int  # 1-based
    last_row: int
    label_columns: list[int]  # 1-based columns holding 序号/单位 …
    columns: list[dict] = field(default_factory=list)  # {col, group, label, measure, text}
    unit_text: str | None = None  # the "填报单位：…" text above the header, if any


def merged_lookup(merges: list[tuple[int, int, int, int]]) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, col) of every covered cell → the top-left cell of its merged range."""
    lookup = {}
    for min_row, min_col, max_row, max_col in merges:
        for r in range(min_row, max_row + 1):
            for c in range(min_col, max_col + 1):
                lookup[(r, c)] = (min_row, min_col)
    return lookup


def _value(rows: list[list], r: int, c: int, lookup: dict) -> object:
    r, c = lookup.get((r, c), (r, c))
    if r - 1 < len(rows) and c - 1 < len(rows[r - 1]):
        return rows[r - 1][c - 1]
    return None


def _text(value) -> str:
    return str(value).strip() if value is not None else ""


def split_measure(text: str) -> tuple[str, str | None]:
    """ "发放宣传资料（份）" → ("发放宣传资料", "份"); "参与人次" → ("参与人次", "人次")."""
    text = re.sub(r"\s+", "", text)
    paren = _PAREN.search(text)
    if paren and paren.group(1) in MEASURES:
        return text[: paren.start()], paren.group(1)
    for measure in _MEASURE_ORDER:
        if text.endswith(measure):
            return text, measure
    return text, None


def _is_header_row(rows, r: int, width: int, lookup: dict) -> bool:
    texts = [_value(rows, r, c, lookup) for c in range(1, width + 1)]
    filled = [v for v in texts if v not in (None, "")]
    text_cells = [v for v in filled if isinstance(v, str) and not fold(v).isdigit()]
    whole_row_merge = all(lookup.get((r, c)) == (r, 1) for c in range(2, width + 1)) and width > 1
    return len(text_cells) >= 3 and len(text_cells) >= 0.6 * len(filled) and not whole_row_merge


def read_header(rows: list[list], merges: list[tuple[int, int, int, int]], where: str) -> Header:
    """Find the header band in the first rows and describe each indicator column."""
    lookup = merged_lookup(merges)
    width = max((len(row) for row in rows[:20]), default=0)
    band = [r for r in range(1, min(len(rows), 15) + 1) if _is_header_row(rows, r, width, lookup)]
    if not band:
        raise ImportRejected("找不到表头（前 15 行中没有一行含 3 个以上的栏目名称）。", where)
    first = last = band[0]
    while last + 1 in band and last - first < 2:
        last += 1
    unit_text = None
    for r in range(1, first):
        for c in range(1, width + 1):
            text = _text(_value(rows, r, c, lookup))
            if fold(text).startswith("填报单位"):
                unit_text = re.sub(r"^填报单位[:：]?", "", fold(text)) or _text(_value(rows, r, c + 1, lookup))
    header = Header(first, last, [], unit_text=unit_text or None)
    for c in range(1, width + 1):
        texts = []
        for r in range(first, last + 1):
            text = _text(_value(rows, r, c, lookup))
            if text and (not texts or texts[-1] != text):
                texts.append(text)
        if not texts:
            continue
        if _LABEL_WORDS.search(texts[-1]) and not header.columns:
            header.label_columns.append(c)
            continue
        if _SKIP_WORDS.match(fold(texts[-1])):
            continue
        label, measure = split_measure(texts[-1])
        group = re.sub(r"\s+", "", texts[-2]) if len(texts) > 1 else None
        header.columns.append({"col": c, "group": group, "label": label, "measure": measure, "text": texts[-1]})
    if not header.label_columns:
        header.label_columns = [1] if header.columns and header.columns[0]["col"] > 1 else []
    return header


def layout_from_header(header: Header) -> list[dict]:
    """Layout items for a campaign from a template header, with 已整改 ≤ 排查 rules guessed by name."""
    layout = []
    for number, column in enumerate(header.columns):
        layout.append(
            {"code": f"c{number + 1}", "group": column["group"], "label": column["label"], "measure": column["measure"]}
        )
    for item in layout:
        if "整改" in item["label"]:
            found = [
                o for o in layout if o["group"] == item["group"] and ("排查" in o["label"] or "发现" in o["label"])
            ]
            if found:
                item["max_of"] = found[0]["code"]
    return layout


def sheet_rows(ws, max_rows: int | None = None) -> list[list]:
    """Values of a worksheet as lists (works for normal and read-only sheets)."""
    rows = []
    for row in ws.iter_rows(max_row=max_rows, values_only=True):
        rows.append(list(row))
    return rows


def sheet_merges(ws) -> list[tuple[int, int, int, int]]:
    """Merged ranges of a sheet: from the object model, or from the XML in read-only mode."""
    ranges = getattr(ws, "merged_cells", None)
    if ranges is not None:
        return [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ranges.ranges]
    from openpyxl.utils.cell import range_boundaries

    with ws._get_source() as source:
        xml = source.read()
    tail = xml[xml.rfind(b"</sheetData>") :] if b"</sheetData>" in xml else b""
    merges = []
    for ref in re.findall(rb'<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"', tail):
        min_col, min_row, max_col, max_row = range_boundaries(ref.decode())
        merges.append((min_row, min_col, max_row, max_col))
    return merges


def match_columns(columns: list[dict], indicators: list[dict], mapping: dict | None = None) -> tuple[dict, list]:
    """Template column → indicator id by header text; unmatched columns are returned, never guessed."""
    mapping = mapping or {}
    by_pair, by_label = {}, {}
    for ind in indicators:
        by_pair[(fold(ind["group_label"]), fold(ind["label"]))] = ind["id"]
        by_label.setdefault(fold(ind["label"]), []).append(ind["id"])
    matched, unmatched = {}, []
    known = {i["id"] for i in indicators}
    for column in columns:  # the clerk's own mapping wins over names
        if mapping.get(column["text"]) in known:
            matched[column["col"]] = mapping[column["text"]]
    used = set(matched.values())
    for column in columns:
        if column["col"] in matched:
            continue
        group, label = fold(column["group"]), fold(column["label"])
        found = by_pair.get((group, label))
        if not found and not group and len(by_label.get(label, [])) == 1:
            found = by_label[label][0]
        if not found and not group:
            found = by_pair.get((label, label)) or by_pair.get(("", label))
        if found and found not in used:
            matched[column["col"]] = found
            used.add(found)
        else:
            unmatched.append(column)
    return dict(sorted(matched.items())), unmatched


def template_model(path, workbook=None):
    """The table model of a received template: the sheet holding the statistics table, read with its formulas."""
    from models.documents.xlsx_io import open_workbook
    from models.progress.forms.model import best_model, workbook_models
    from models.progress.forms.sheets import template_sheets

    name = getattr(path, "name", str(path))
    book = workbook or open_workbook(path, read_only=False, data_only=False)
    try:
        model = best_model(workbook_models(s.as_tuple() for s in template_sheets(book)))
    finally:
        if workbook is None:
            book.close()
    if model is None:
        raise ImportRejected("找不到表头：没有一个工作表有带指标栏目（如“场次”“人次”）的表头。", name)
    return model


def layout_from_model(model) -> list[dict]:
    """Layout items (group, label, measure, decimals, ≤ rule, accumulation) of a table model's indicators."""
    items, code_of = [], {}
    counted = [c for c in model.columns if c.kind == "count"]
    for number, column in enumerate(counted + model.indicators, start=1):
        code_of[column.col] = f"c{number}"
        item = {
            "code": f"c{number}",
            "group": column.group,
            "label": column.label,
            "measure": column.measure,
            "integer_only": not column.decimal,
            "accumulation": column.accumulation if column.accumulation in ("weekly", "cumulative") else "weekly",
        }
        if model.kind == "event_list":
            item["derived"] = "count" if column.kind == "count" else "sum"
        items.append(item)
    for column, item in zip(counted + model.indicators, items):
        if column.max_of in code_of:
            item["max_of"] = code_of[column.max_of]
    return items


def layout_from_template(path) -> list[dict]:
    """The layout of a received blank template (`main.py layout --from-template`)."""
    return layout_from_model(template_model(path))
