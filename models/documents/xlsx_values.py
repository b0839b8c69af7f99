"""Opening a returned form for its values only: openpyxl's read-only reader, minus the style objects.

Reading values needs one thing from a workbook's stylesheet: which cell formats
show dates or durations (their numbers are read as dates).  openpyxl builds
every font, border, fill and named style first, about a third of the time of
reading a small form; here only the number formats are read, with openpyxl's
own rules for what counts as a date.  Everything else (the safety checks, the
parts read, the values and formula results) is openpyxl's read-only reading.
"""

from __future__ import annotations

import functools
import os

from models.documents.xlsx_io import as_rejection, check_xlsx


def open_values(path: str | os.PathLike):
    """A checked workbook, read-only, formulas giving their cached values; for ``values_only`` reading.

    Cell styles are not loaded: use it only to read values (``iter_rows(values_only=True)``).
    """
    path = check_xlsx(path)
    reader = None
    try:
        reader = _reader_class()(path, read_only=True, keep_vba=False, data_only=True, keep_links=True)
        reader.read()
    except Exception as exc:  # noqa: BLE001 - every parser failure is a refused file
        if reader is not None:
            reader.archive.close()
        raise as_rejection(exc, path.name) from exc
    return reader.wb


@functools.cache
def _reader_class():
    from openpyxl.reader.excel import ExcelReader

    class ValuesReader(ExcelReader):
        """openpyxl's ExcelReader.read, with the stylesheet reduced to the date formats."""

        def read(self) -> None:
            self.read_manifest()
            self.read_strings()
            self.read_workbook()
            self.read_properties()
            self.read_custom()
            self.read_theme()
            _read_date_styles(self.archive, self.wb)
            self.read_worksheets()
            self.parser.assign_names()

    return ValuesReader


def _read_date_styles(archive, workbook) -> None:
    """Set which cell formats (by index) are dates and durations, as openpyxl's stylesheet would."""
    from openpyxl.styles.numbers import builtin_format_code, is_date_format, is_timedelta_format
    from openpyxl.xml.constants import ARC_STYLE
    from openpyxl.xml.functions import fromstring, localname

    try:
        source = archive.read(ARC_STYLE)
    except KeyError:
        return
    custom, formats = {}, []
    for part in fromstring(source):
        tag = localname(part)
        if tag == "numFmts":
            custom.update(
                (int(item.get("numFmtId")), item.get("formatCode")) for item in part if localname(item) == "numFmt"
            )
        elif tag == "cellXfs":
            formats = [int(item.get("numFmtId", 0)) for item in part if localname(item) == "xf"]
    dates, durations = set(), set()
    for index, number in enumerate(formats):
        code = custom[number] if number in custom else builtin_format_code(number)
        if is_date_format(code):
            dates.add(index)
        if is_timedelta_format(code):
            durations.add(index)
    workbook._date_formats, workbook._timedelta_formats = dates, durations
