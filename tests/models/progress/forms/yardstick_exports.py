"""The yardstick's export checks: the campaign's figures filled into each template, the liaisons into each
liaison template, and the files read back (see yardstick.py)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from tests.models.progress.forms.yardstick import EXPECTED, SAMPLES, TEMPLATES, _norm, item_name, make_store

# ---------------------------------------------------------------- exports


def _fill_week(store, campaign, seq: int = 2) -> dict:
    """Figures for every unit in week *seq*: distinct values; returns {unit name: {indicator name: value}}."""
    from models.campaigns.campaign import campaign_units
    from models.campaigns.layouts import list_indicators
    from models.campaigns.periods import period_by_seq

    period = period_by_seq(store, campaign["id"], seq)
    indicators = list_indicators(store, campaign["id"])
    rows, values = [], {}
    for u_number, unit in enumerate(campaign_units(store, campaign["id"]), start=1):
        for i_number, ind in enumerate(indicators, start=1):
            value = u_number * 10 + i_number
            if not ind["integer_only"]:
                value = value + 0.5
            rows.append((unit["id"], period["id"], ind["id"], value))
            values.setdefault(unit["name"], {})[item_name(ind)] = value
    from models.progress.figures import set_figures

    with store.batch("test figures", source="test") as batch:
        set_figures(batch, rows, source="test")
    return values


def _open(path, data_only=False):
    from openpyxl import load_workbook

    return load_workbook(path, data_only=data_only)


def check_export(key: str) -> list[str]:
    from models.campaigns.periods import period_by_seq
    from models.progress.forms.export import export_into_template
    from models.progress.totals import week_table

    spec = TEMPLATES[key]
    layout = spec["layout"]
    template = SAMPLES / spec["file"]
    with tempfile.TemporaryDirectory() as folder:
        try:
            store, campaign = make_store(Path(folder), key)
        except Exception as exc:  # noqa: BLE001
            return [f"no campaign from the template: {exc}"]
        try:
            values = _fill_week(store, campaign)
            table = week_table(store, campaign["id"], period_by_seq(store, campaign["id"], 2)["id"])
            out = Path(folder) / "out.xlsx"
            try:
                report = export_into_template(table, template, out, store=store)
            except TypeError:
                report = export_into_template(table, template, out)
            except Exception as exc:  # noqa: BLE001
                message = getattr(exc, "message", None)
                if layout.get("kind") == "event_list" and message:
                    return []  # an event list refused with a clear word is acceptable
                return [f"export failed: {type(exc).__name__}: {exc}"]
            return _export_problems(key, layout, template, out, values, report)
        finally:
            store.close()


def _col(letter: str) -> int:
    from openpyxl.utils import column_index_from_string

    return column_index_from_string(letter)


def _same_value(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) < 1e-9
    return a == b


def _export_problems(key, layout, template, out, values, report) -> list[str]:
    problems = []
    before_book, after_book = _open(template), _open(out)
    sheet = layout["data_sheet"]
    before, after = before_book[sheet], after_book[sheet]
    rows = layout.get("rows", {})
    indicators = [i for i in layout["indicators"] if i.get("col")]
    county = {i["name"]: sum(v[i["name"]] for v in values.values() if i["name"] in v) for i in indicators}
    office = EXPECTED["campaign"]["office"]
    written_rows = {}  # row in the output → expected values there
    unit_col = _col(layout["label_columns"]["unit"]["col"]) if layout.get("label_columns", {}).get("unit") else None
    if rows.get("unit_rows") and set(rows["unit_rows"]) & set(values):
        for name, r in rows["unit_rows"].items():
            if name in values:
                written_rows[r] = values[name]
        unplaced = [u for u in values if u not in rows["unit_rows"]]
        listed = set(report.get("unplaced_units") or [])
        if set(unplaced) - listed:
            problems.append(f"units not placed and not reported: {sorted(set(unplaced) - listed)}")
    elif rows.get("unit_rows"):  # the rows are other counties: only the office's own row is filled
        own = next((r for n, r in rows["unit_rows"].items() if n in office), None)
        if own is None:
            problems.append("no row of the office's own county in the expectations")
        else:
            written_rows[own] = county
    elif rows.get("period_rows"):
        written_rows[rows["period_rows"]["6月"]] = county
    elif layout.get("kind") == "single_unit_row":
        written_rows[layout["data_row"]] = county
    elif layout.get("kind") == "event_list":
        pass
    else:  # blank rows: every unit in some row, by its name in the unit column
        found = {}
        for r in range(1, after.max_row + 1):
            name = after.cell(r, unit_col).value
            if isinstance(name, str) and _norm(name) in {_norm(u) for u in values}:
                found[_norm(name)] = r
        for name, vals in values.items():
            if _norm(name) not in found:
                problems.append(f"unit {name} not written")
            else:
                written_rows[found[_norm(name)]] = vals
    for r, vals in written_rows.items():
        for ind in indicators:
            got = after.cell(r, _col(ind["col"])).value
            if not _same_value(got, vals.get(ind["name"])):
                problems.append(f"{ind['col']}{r}: {got!r} != {vals.get(ind['name'])!r}")
                break
    # Formulas of the template stay formulas (rows may have moved down: compare by text where the row did not move)
    inserted = after.max_row - before.max_row
    total_row = rows.get("total_row")
    if total_row:
        new_total = total_row + (inserted if total_row > (rows.get("header_rows") or [0, 0])[-1] + 1 else 0)
        for ind in indicators:
            c = _col(ind["col"])
            new = after.cell(new_total, c).value
            if rows.get("total_has_formulas"):
                if not (isinstance(new, str) and new.startswith("=")):
                    problems.append(f"total {ind['col']}{new_total} lost its formula: {new!r}")
                    break
            elif layout.get("kind") != "event_list":
                listed = round(sum(v[ind["name"]] for v in written_rows.values() if ind["name"] in v), 6)
                if not _same_value(new, listed):  # 合计 = what is listed
                    problems.append(f"total {ind['col']}{new_total}: {new!r} != {listed}")
                    break
    from datetime import date

    today = date.today()
    filled = ("李明", "0871-65010000", office, f"{today.year}年{today.month}月{today.day}日")
    for row_number in rows.get("footer_rows") or []:  # notes stay; info lines only get the office's details
        texts_before = [_norm(c.value) for c in before[row_number]]
        texts_after = [_norm(c.value) for c in after[row_number + inserted]]
        for word in filled:
            texts_after = [t.replace(_norm(word), "") for t in texts_after]
        texts_before = [re.sub("[年月日]", "", t) for t in texts_before]  # the date's blanks are filled in
        texts_after = [re.sub("[年月日]", "", t) for t in texts_after]
        if texts_before != texts_after:
            problems.append(f"footer row {row_number} changed: {texts_after}")
    if before.freeze_panes and after.freeze_panes != before.freeze_panes:
        problems.append(f"freeze {after.freeze_panes} != {before.freeze_panes}")
    hidden = lambda ws: sorted(k for k, d in ws.column_dimensions.items() if d.hidden)  # noqa: E731
    if hidden(before) != hidden(after):
        problems.append("hidden columns changed")
    if inserted and after.print_area and before.print_area and after.print_area == before.print_area:
        problems.append("print area did not follow the inserted rows")
    if len(after.merged_cells.ranges) != len(before.merged_cells.ranges):
        problems.append("merged ranges changed")
    return problems


def _liaison_store(folder: Path, key: str):
    """A store with two people for each of the 22 units (one 分管领导, one 联络员): 44 people."""
    from models.campaigns.campaign import campaign_units
    from models.liaisons.liaison import insert_liaison

    store, campaign = make_store(folder, "T11")
    people = []
    with store.batch("test liaisons", source="test") as batch:
        for number, unit in enumerate(campaign_units(store, campaign["id"]), start=1):
            for role, offset in (("分管领导", 0), ("联络员", 50)):
                person = {
                    "role": role,
                    "name": f"测试{number:02d}{'甲' if offset == 0 else '乙'}",
                    "position": "副局长" if offset == 0 else "股长",
                    "mobile": f"139880{number + offset:05d}",
                    "office_phone": f"0871-6501{number + offset:04d}",
                    "fax": None,
                    "email": None,
                }
                insert_liaison(batch, campaign["id"], unit["id"], {k: v for k, v in person.items() if v})
                people.append({**person, "unit": unit["name"]})
    return store, campaign, people


def check_liaison_export(key: str) -> list[str]:
    from models.liaisons.export import export_liaisons

    spec = TEMPLATES[key]["liaison"]
    template = SAMPLES / TEMPLATES[key]["file"]
    with tempfile.TemporaryDirectory() as folder:
        store, campaign, people = _liaison_store(Path(folder), key)
        out = Path(folder) / "out.xlsx"
        try:
            export_liaisons(store, campaign, out, template=str(template))
        except Exception as exc:  # noqa: BLE001
            message = getattr(exc, "message", "")
            if "另附" in message or "超出" in message or "超过" in message:
                return []  # refused with a word: the template has a hard limit
            return [f"export failed: {type(exc).__name__}: {exc}"]
        finally:
            store.close()
        return _liaison_export_problems(spec, template, out, people)


def _liaison_export_problems(spec, template, out, people) -> list[str]:
    problems = []
    before, after = _open(template)[spec["sheet"]], _open(out)[spec["sheet"]]
    header_last = spec.get("header_row") or spec["header_rows"][-1]
    for r in range(1, header_last + 1):
        if [c.value for c in before[r]] != [c.value for c in after[r]]:
            problems.append(f"header row {r} changed")
    inserted = after.max_row - before.max_row
    footer_before = [c.value for c in before[spec["footer_row"]]]
    footer_after = [c.value for c in after[spec["footer_row"] + inserted]]
    if footer_before != footer_after:
        problems.append(f"footer row {spec['footer_row']} overwritten or lost")
    cols = {f: _col(c) for f, c in spec["col"].items()}
    name_col = cols.get("name")
    names = set()
    for r in range(header_last + 1, spec["footer_row"] + inserted):
        for field in ("name", "lead_name"):
            if field in cols and after.cell(r, cols[field]).value:
                names.add(after.cell(r, cols[field]).value)
    wanted = {p["name"] for p in people if "lead_name" in cols or p["role"] == "联络员" or name_col}
    if "lead_name" not in cols:
        wanted = {p["name"] for p in people}
    if inserted and before.print_area and after.print_area == before.print_area:
        problems.append("print area does not cover the inserted rows")
    book = after.parent
    for extra in book.worksheets:  # a template with a stated row limit continues on copies of its sheet
        if extra.title != after.title and extra.title.startswith(after.title[:25]):
            if [c.value for c in extra[header_last]] != [c.value for c in before[header_last]]:
                problems.append(f"continuation sheet {extra.title} lacks the header")
            for r in range(header_last + 1, spec["footer_row"]):
                for field in ("name", "lead_name"):
                    if field in cols and extra.cell(r, cols[field]).value:
                        names.add(extra.cell(r, cols[field]).value)
    missing = wanted - names
    if missing:
        problems.append(f"{len(missing)} people not written (e.g. {sorted(missing)[:3]})")
    for r in range(header_last + 1, spec["footer_row"] + inserted):
        mobile_col = cols.get("mobile")
        cell = after.cell(r, mobile_col) if mobile_col else None
        if cell is not None and cell.value is not None and not isinstance(cell.value, str):
            problems.append(f"mobile {cell.coordinate} not written as text")
            break
    return problems
