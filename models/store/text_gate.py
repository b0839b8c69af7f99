"""The one gate for text entering the database: typing, pasting, xlsx and docx imports (every Batch write),
and merges (an incoming file is checked against the same rules and refused by table, row and column).

Removed: control characters (they break XML in every export: openpyxl's IllegalCharacterError), and the
invisible ones that make look-alike duplicates (zero-width, bidi marks and embeddings, BOM).  In a field of
one line (a name, a phone) tabs and line breaks become a space.  Each field has a length limit: a unit
name is a name, not 15 MB.
"""

from __future__ import annotations

import re

from models.errors import ValidationError

_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_INVISIBLE = "\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
_REMOVED = re.compile(f"[{_CONTROL}{_INVISIBLE}]")
_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029\x85]")
_ONE_LINE_BREAKS = re.compile("[\t\r\n\u2028\u2029]+")
SLICE_ROWS = 50_000  # rows of one column joined at a time by a merge's check

NAME, SHORT, TITLE, LINE, NOTE, TEXT, BODY = 100, 50, 300, 1000, 5000, 50_000, 500_000
# (table, column) → (limit in characters, multi-line).  Columns not listed: DEFAULT_FIELD.
FIELDS: dict[tuple[str, str], tuple[int, bool]] = {
    ("units", "name"): (NAME, False),
    ("units", "category"): (SHORT, False),
    ("units", "notes"): (NOTE, True),
    ("campaigns", "title"): (TITLE, False),
    ("campaigns", "theme"): (TITLE, False),
    ("campaigns", "companion_title"): (TITLE, False),
    ("campaigns", "office_name"): (NAME, False),
    ("campaigns", "notes"): (NOTE, True),
    ("liaisons", "name"): (SHORT, False),
    ("liaisons", "role"): (SHORT, False),
    ("liaisons", "position"): (NAME, False),
    ("liaisons", "office_phone"): (SHORT, False),
    ("liaisons", "mobile"): (SHORT, False),
    ("liaisons", "fax"): (SHORT, False),
    ("liaisons", "email"): (254, False),
    ("liaisons", "remarks"): (LINE, True),
    ("notices", "doc_number"): (NAME, False),
    ("notices", "title"): (TITLE, False),
    ("notices", "issuer"): (TITLE, False),
    ("notices", "recipients"): (NOTE, True),
    ("notices", "theme"): (TITLE, True),
    ("notices", "body"): (BODY, True),
    ("notice_contacts", "name"): (SHORT, False),
    ("notice_contacts", "phone"): (SHORT, False),
    ("notice_contacts", "email"): (254, False),
    ("attachments", "title"): (TITLE, False),
    ("attachments", "template_name"): (TITLE, False),
    ("deadlines", "what"): (LINE, True),
    ("deadlines", "audience"): (LINE, True),
    ("deliveries", "note"): (LINE, True),
    ("indicators", "group_label"): (NAME, False),
    ("indicators", "label"): (NAME, False),
    ("indicators", "measure"): (SHORT, False),
    ("periods", "label"): (NAME, False),
    ("narratives", "activities"): (TEXT, True),
    ("narratives", "highlights"): (TEXT, True),
    ("narratives", "problems"): (TEXT, True),
    ("narratives", "media"): (TEXT, True),
    ("reports", "title"): (TITLE, False),
    ("reports", "sections"): (BODY, True),
    ("leads", "what"): (NOTE, True),
    ("leads", "place"): (TITLE, False),
    ("leads", "handed_to"): (NAME, False),
    ("leads", "result"): (NOTE, True),
    ("cases", "medium"): (NAME, False),
    ("cases", "title"): (TITLE, False),
    ("cases", "link"): (LINE, False),
    ("cases", "concerned"): (LINE, True),
    ("cases", "problem"): (NOTE, True),
}
DEFAULT_FIELD = (NOTE, True)  # a column not listed (added later): lines kept, control characters not
UNCHECKED = {"id", "created_at", "updated_at", "exported_path"}  # stamps and paths the app itself writes
UNCHECKED_TABLES = {"meta", "batches", "changes", "_sqlite_migrations"}  # the app's own bookkeeping


def field_rule(table: str, column: str) -> tuple[int, bool]:
    return FIELDS.get((table, column), DEFAULT_FIELD)


def clean_text(text: str, *, multiline: bool = True) -> str:
    """*text* without control and invisible characters; one line unless *multiline*."""
    if multiline:
        text = _LINE_BREAKS.sub("\n", text)
    else:
        text = _ONE_LINE_BREAKS.sub(" ", text)
    return _REMOVED.sub("", text)


def clean_row(table: str, row: dict) -> dict:
    """The row's text values cleaned for *table*; raises ValidationError for a value over its limit."""
    if table in UNCHECKED_TABLES:
        return row
    cleaned = row
    for column, value in row.items():
        if not isinstance(value, str) or column in UNCHECKED or column.endswith("_id"):
            continue  # ids and references are the app's own (or a merged office's): kept as they are
        limit, multiline = field_rule(table, column)
        new = clean_text(value, multiline=multiline)
        if len(new) > limit:
            start = new[:20].replace("\n", " ")
            raise ValidationError(
                f"内容过长（{len(new):,} 个字，上限 {limit:,} 个字）：“{start}……”。请缩短后再保存。",
                f"{table}.{column}",
            )
        if new is not value and new != value:
            if cleaned is row:
                cleaned = dict(row)
            cleaned[column] = new
    return cleaned


def clean_rows(table: str, rows: list[dict]) -> list[dict]:
    """:func:`clean_row` for many rows of one table (a paste, an import: ``Batch.write_many``).

    The checked columns are found once per set of names and each distinct text cleaned once: a city's
    9,000 figures, numbers with one source each, cost a type test per value instead of a call per row.
    """
    if table in UNCHECKED_TABLES:
        return rows
    checked_of: dict[tuple, list[str]] = {}
    done: dict[tuple[str, str], str] = {}
    out = []
    for row in rows:
        names = tuple(row)
        checked = checked_of.get(names)
        if checked is None:
            checked = checked_of[names] = [c for c in names if c not in UNCHECKED and not c.endswith("_id")]
        cleaned = row
        for column in checked:
            value = row[column]
            if not isinstance(value, str):
                continue
            new = done.get((column, value))
            if new is None:
                new = done[(column, value)] = clean_row(table, {column: value})[column]
            if new is not value:
                if cleaned is row:
                    cleaned = dict(row)
                cleaned[column] = new
        out.append(cleaned)
    return out


def refused_cell(conn, schema_name: str, table: str, columns: list[str]) -> tuple[int, str, str, str] | None:
    """The first (row number, record id, column, why) of *table* in *schema_name* the gate would not let in.

    Reads each text column in slices of rows joined in SQL, searched with one regex: a large district's
    225,000 figures take a few tens of ms (a GLOB over each row took seconds).  Ids and references are
    the app's own UUIDs, matched by the merge, never shown: not read here.
    """
    if table in UNCHECKED_TABLES:
        return None
    source = f"{schema_name}.[{table}]"
    last = conn.execute(f"SELECT max(rowid) FROM {source}").fetchone()[0] or 0
    for column in columns:
        if column in UNCHECKED or column.endswith("_id"):
            continue
        limit, _multiline = field_rule(table, column)
        for low in range(0, last, SLICE_ROWS):
            longest, joined = conn.execute(
                f"SELECT max(length([{column}])), group_concat([{column}], ' ') FROM {source}"
                " WHERE rowid > ? AND rowid <= ?",
                (low, low + SLICE_ROWS),
            ).fetchone()
            if (longest or 0) > limit or (joined and _REMOVED.search(joined)):
                return _first_refused(conn, source, column, limit, low, low + SLICE_ROWS)
    return None


def _first_refused(conn, source: str, column: str, limit: int, low: int, high: int) -> tuple[int, str, str, str]:
    for rowid, record_id, value in conn.execute(
        f"SELECT rowid, id, [{column}] FROM {source} WHERE rowid > ? AND rowid <= ? ORDER BY rowid", (low, high)
    ):
        if value is None:
            continue
        text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
        if len(text) > limit or (isinstance(value, bytes) and len(value) > limit):
            return rowid, str(record_id), column, f"内容过长（{len(text):,} 个字，上限 {limit:,} 个字）"
        if _REMOVED.search(text):
            return rowid, str(record_id), column, "含有控制字符或不可见字符"
    return low + 1, "?", column, "含有不是文字的内容"  # what SQL joined differs from the values one by one
