"""A received statistics template: its table model (the sheet holding the table, read with its formulas) and the
campaign layout it gives.  The grids of a workbook's sheets come from models/documents/sheet_grids.py (the
returned forms' readers use it too), so nothing here is imported by what reads the sheets."""

from __future__ import annotations

from models.errors import ImportRejected


def template_model(path, workbook=None):
    """The table model of a received template: the sheet holding the statistics table, read with its formulas."""
    from models.documents.sheet_grids import template_sheets
    from models.documents.xlsx_io import open_workbook
    from models.progress.forms.model import best_model, workbook_models

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
