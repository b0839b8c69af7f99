"""Importing returned weekly forms: the app's own (matched by mark) and the campaign's template layout.

Every file is read first (cached formula values; models/documents/xlsx_grid.py) into a preview: unit, week,
added/changed/unchanged and per-cell errors.  The files are read on every core (models/progress/forms/pool.py):
reading and parsing the figures need no database, only the campaign's units, weeks and indicators
(:class:`FormContext`); what each file changes is counted here afterwards, in the files' order, against the
stored figures of the units the files name.  A confirmed import writes all files in one batch;
a file that cannot be read is refused by name and never stops the others; importing the same files again
changes nothing.
"""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass, field
from pathlib import Path

from models.campaigns.campaign import campaign_unit_names
from models.campaigns.layouts import header_text, list_indicators
from models.campaigns.periods import list_periods
from models.errors import DeskError, ImportRejected
from models.progress.figures import figures_of_units, set_figures
from models.progress.forms.reading import own_form_cells, template_form_cells
from models.progress.values import fold, parse_figure, whole_floor
from models.store.database import Store

FORM_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".ods", ".csv")


@dataclass
class FileResult:
    """What one file gives (or why it is refused)."""

    file: str
    status: str = "ready"  # ready, imported, unchanged, rejected
    unit: str | None = None
    week: int | None = None
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    errors: list[dict] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)
    received_at: str | None = None  # when the unit sent it back (models/progress/received.py), or as typed
    figures: list[tuple] = field(default_factory=list, repr=False)
    narratives: list[tuple] = field(default_factory=list, repr=False)

    def public(self) -> dict:
        data = asdict(self)
        data.pop("figures")
        data.pop("narratives")
        return data


def located(item: dict) -> str:
    """An error or a note as the clerk reads it: ``工作表!单元格：message``, or the message alone when it is about
    the whole file."""
    where = "!".join(part for part in (item.get("sheet"), item.get("cell")) if part)
    return f"{where}：{item['message']}" if where else item["message"]


def form_files(paths) -> list[Path]:
    """The files to read: given files, and every spreadsheet directly inside given folders."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(
                p for p in path.iterdir() if p.suffix.lower() in FORM_SUFFIXES and not p.name.startswith(("~$", ".~"))
            )
        else:
            found.append(path)
    return found


class FormContext:
    """What every file of one import is read against: plain data, so that it goes to the reader processes."""

    def __init__(self, campaign: dict, indicators: list[dict], units: list[dict], periods: list[dict], week):
        self.campaign = campaign
        self.indicators = indicators
        self.by_indicator = {i["id"]: i for i in indicators}
        self.units = units
        self.unit_by_id = {u["id"]: u for u in units}
        self.periods = {p["id"]: p for p in periods}
        self.week = next((p for p in periods if p["seq"] == week), None) if week else None
        if week and self.week is None:
            raise ImportRejected(f"本活动没有第 {week} 周（共 {len(self.periods)} 周）。")

    @functools.cached_property
    def floors(self) -> dict[str, float]:
        """Indicator id → the least figure it takes (its minimum, else -inf): a whole number at or above it is
        read as it is, without :func:`parse_figure` (most cells of a form; the same value and no note)."""
        return {indicator["id"]: whole_floor(indicator) for indicator in self.indicators}

    @functools.cached_property
    def unit_by_name(self) -> dict[str, dict]:
        """Folded name → unit, made when a form names its units (the app's own forms, by mark, never do)."""
        return {fold(u["name"]): u for u in self.units}

    def find_unit(self, text) -> dict | None:
        """The campaign's unit a written name means: exact, with 人民政府/办事处 added or dropped, or the one
        unit it abbreviates (县市场监管局 → 县市场监督管理局); None when not certain."""
        from models.campaigns.unit_names import find_unit

        return find_unit(text, self.unit_by_name)


class _Context(FormContext):
    """The reading context and the figures stored so far, to count what each file adds or changes."""

    def __init__(self, store: Store, campaign: dict, week: int | None):
        periods = list_periods(store, campaign["id"])
        units = campaign_unit_names(store, campaign["id"])  # ids and names: all the readers use
        super().__init__(campaign, list_indicators(store, campaign["id"]), units, periods, week)
        self.store = store
        self._known: dict[tuple[str, str], dict] = {}  # (week, unit) → indicator → value, files counted so far in

    def plain(self) -> FormContext:
        """The same context without the database, for the reader processes."""
        plain = FormContext.__new__(FormContext)
        plain.__dict__.update({k: v for k, v in self.__dict__.items() if k not in ("store", "_known")})
        return plain

    def load_old(self, reads) -> None:
        """Read the stored figures of the units and weeks the files name: one query per week (in chunks of
        units), not the whole week (a city's week is 90,000 figures for 300 forms' 9,000)."""
        wanted: dict[str, set] = {}
        for parsed in reads:
            for unit_id, period_id, _values, _narrative in parsed["blocks"]:
                if (period_id, unit_id) not in self._known:
                    wanted.setdefault(period_id, set()).add(unit_id)
        for period_id, units in wanted.items():
            self._read_old(period_id, sorted(units))

    def _read_old(self, period_id: str, units: list[str]) -> None:
        found: dict[str, dict] = {u: {} for u in units}
        for row in figures_of_units(self.store, period_id, units, "unit_id, indicator_id, value"):
            found[row["unit_id"]][row["indicator_id"]] = row["value"]
        for unit_id, values in found.items():
            self._known[(period_id, unit_id)] = values

    def known(self, unit_id: str, period_id: str) -> dict:
        """Indicator → the unit's figure of the week: as stored, or as a file counted before this one gives it
        (the caller puts each file's figures in)."""
        if (period_id, unit_id) not in self._known:
            self._read_old(period_id, [unit_id])
        return self._known[(period_id, unit_id)]


def _check_row(context: FormContext, errors: list, values: dict, cells: dict, sheet: str) -> None:
    """Cross-field rules (已整改 ≤ 排查隐患) on one unit's parsed values; a broken one is dropped."""
    for indicator_id, value in list(values.items()):
        limit_id = context.by_indicator[indicator_id]["max_of_id"]
        limit = values.get(limit_id)
        if limit_id and limit is not None and value > limit:
            other = header_text(context.by_indicator[limit_id])
            errors.append(
                {"sheet": sheet, "cell": cells[indicator_id], "message": f"不能大于{other}（{limit}）：{value}"}
            )
            del values[indicator_id]


def _parse(context: FormContext, read: dict) -> dict:
    """The figures the raw cells of a form give (parsed, cross-checked), with its errors and notes.  Needs no
    database: it runs in the reader processes; what the figures add or change is counted by :func:`_collect`."""
    errors, notes, blocks, units, week = [], [], [], set(), None
    sheet, floors = read["sheet"], context.floors
    for block in read["blocks"]:
        unit, period = block["unit"], block["period"]
        values, cells = {}, {}
        for indicator_id, (coordinate, raw) in block["cells"].items():
            if type(raw) is int and raw >= floors[indicator_id]:  # what parse_figure gives it, sooner
                values[indicator_id], cells[indicator_id] = raw, coordinate
                continue
            parsed = parse_figure(raw, context.by_indicator[indicator_id])
            if parsed.error:
                errors.append({"sheet": sheet, "cell": coordinate, "message": parsed.error})
                continue
            if parsed.note:
                notes.append({"sheet": sheet, "cell": coordinate, "message": parsed.note})
            if parsed.value is not None:
                values[indicator_id], cells[indicator_id] = parsed.value, coordinate
        _check_row(context, errors, values, cells, sheet)
        units.add(unit["name"])
        week = period["seq"]
        narrative = {k: v for k, v in (block.get("narrative") or {}).items() if v}
        blocks.append((unit["id"], period["id"], values, narrative))
    return {
        "blocks": blocks,
        "errors": errors + read["errors"],
        "notes": notes + read.get("notes", []),
        "unit": "、".join(sorted(units)) or None,
        "week": week,
    }


def _collect(context: _Context, result: FileResult, parsed: dict) -> None:
    """The figures of one form (:func:`_parse`) to write, counted against what is stored (and the files before)."""
    added = changed = unchanged = 0
    figures = result.figures
    for unit_id, period_id, values, narrative in parsed["blocks"]:
        known = context.known(unit_id, period_id)
        for indicator_id, value in values.items():
            old = known.get(indicator_id)
            if old is None:
                added += 1
            elif old == value:
                unchanged += 1
            else:
                changed += 1
            known[indicator_id] = value
            figures.append((unit_id, period_id, indicator_id, value))
        if values or narrative:  # an empty form sent back is not a report
            result.narratives.append((unit_id, period_id, narrative))
    result.added, result.changed, result.unchanged = added, changed, unchanged
    result.errors += parsed["errors"]
    result.notes += parsed["notes"]
    result.unit = parsed["unit"]
    result.week = parsed["week"]


def read_form(context: FormContext, path: Path) -> tuple[dict, str | None]:
    """The cells one returned file gives, and when the unit sent it; DeskError (or OSError) when it is refused.
    Needs no database: it runs in the reader processes."""
    from models.documents.sheet_grids import form_book
    from models.documents.xlsx_io import as_rejection
    from models.progress.received import core_saved_at, file_received_at, received_at

    sheets, mark, core = form_book(path)
    try:
        if mark and mark.get("kind") == "stats":
            read = own_form_cells(sheets, mark, context, path.name)
        else:
            read = template_form_cells(sheets, context, path.name)
    except DeskError:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser failure is a refused file
        raise as_rejection(exc, path.name) from exc
    return read, (file_received_at(path) if core is None else received_at(path, core_saved_at(core)))


def read_outcome(context: FormContext, path: Path) -> tuple:
    """:func:`read_form` and :func:`_parse` as data: ``("read", parsed, received_at)`` or ``("rejected", message)``."""
    try:
        read, received = read_form(context, path)
        return ("read", _parse(context, read), received)
    except DeskError as exc:
        return ("rejected", exc.message)
    except OSError as exc:
        return ("rejected", f"无法读取文件（{exc.strerror or exc}）。")


def _counted(context: _Context, path: Path, parsed: dict, received: str | None) -> FileResult:
    result = FileResult(path.name)
    _collect(context, result, parsed)
    result.received_at = received
    return result


def preview_forms(store: Store, campaign: dict, paths, week: int | None = None, progress=None) -> list[FileResult]:
    """Read every file; nothing is written.  Bad files come back as 'rejected' with the reason.

    *progress(done, total, file name)* is called as the files are read (it may raise to cancel)."""
    from models.progress.forms.pool import read_all

    context = _Context(store, campaign, week)
    files = form_files(paths)
    outcomes = read_all(context.plain(), files, read_outcome, progress)
    context.load_old(outcome[1] for outcome in outcomes if outcome[0] == "read")
    results = []
    for path, outcome in zip(files, outcomes):
        if outcome[0] == "read":
            results.append(_counted(context, path, outcome[1], outcome[2]))
        else:
            error = {"sheet": "", "cell": "", "message": outcome[1]}
            results.append(FileResult(path.name, status="rejected", errors=[error]))
    _note_overlaps(results)
    return results


def _note_overlaps(results: list[FileResult]) -> None:
    """Two files with figures of one unit for one week (a form sent twice, a copy renamed): imported together,
    the later one's figures stand.  Each later file says so, naming the earlier one, so the clerk can choose."""
    first_of: dict[tuple[str, str], str] = {}
    for result in results:
        if result.status != "ready":
            continue
        keys = {(unit_id, period_id) for unit_id, period_id, _indicator, _value in result.figures}
        keys |= {(unit_id, period_id) for unit_id, period_id, _narrative in result.narratives}
        earlier = sorted({first_of[key] for key in keys if key in first_of})
        for name in earlier:
            shared = sum(1 for key in keys if first_of.get(key) == name)
            result.notes.append(
                {
                    "sheet": "",
                    "cell": "",
                    "message": f"与“{name}”有 {shared} 个单位同一周的数重复：两份一起导入时以本文件为准，请核对",
                }
            )
        for key in keys:
            first_of.setdefault(key, result.file)


def apply_import(
    store: Store, results: list[FileResult], received_at: str | None = None, *, backed_up: bool = False
) -> dict[str, int]:
    """Write the previewed files in one batch (one undo step), after a backup unless *backed_up*."""
    from models.clock import now

    good = [r for r in results if r.status == "ready"]
    rows = [row for r in good for row in r.figures]
    totals = {"added": 0, "changed": 0, "unchanged": 0, "cleared": 0}
    stamp = received_at or now()
    if good and not backed_up:
        from models.store.backups import backup_if_changed

        backup_if_changed(store, reason="导入前")
    with store.batch(f"导入 {len(good)} 个进展统计表", source="import") as batch:
        if rows:
            totals = set_figures(batch, rows, source="import")
        for result in good:
            for unit_id, period_id, narrative in result.narratives:
                _store_narrative(
                    batch, unit_id, period_id, narrative, received_at or result.received_at or stamp, result.file
                )
            result.status = "imported" if (result.added or result.changed) else "unchanged"
    return totals


def _store_narrative(batch, unit_id: str, period_id: str, narrative: dict, stamp: str, source: str) -> None:
    old = batch.store.row("SELECT * FROM narratives WHERE unit_id = ? AND period_id = ?", (unit_id, period_id))
    from models.progress.narratives import media_names

    fields = {k: v for k, v in narrative.items() if v}
    if fields.get("media"):
        fields["media"] = "\n".join(media_names(fields["media"]))
    if old is None:
        batch.insert(
            "narratives", {"unit_id": unit_id, "period_id": period_id, "received_at": stamp, "source": source, **fields}
        )
    elif fields:
        batch.update("narratives", old["id"], fields)


def import_forms(
    store: Store, campaign: dict, paths, *, week: int | None = None, dry_run: bool = False
) -> list[FileResult]:
    if dry_run:
        return preview_forms(store, campaign, paths, week)
    from models.store.backups import backup_in_background, changed_since_backup

    # The backup runs while the files are read; nothing is written before it is joined.
    backed_up = backup_in_background(store, "导入前") if changed_since_backup(store) else (lambda: None)
    try:
        results = preview_forms(store, campaign, paths, week)
    finally:
        backed_up()
    if any(r.status == "ready" for r in results):
        apply_import(store, results, backed_up=True)
    return results
