"""Cases on one open database: week grid, cumulative totals, statistics xlsx, summary PDF, form import."""

from __future__ import annotations

import shutil
import statistics

from bench.cases import Context, result
from bench.prepare import newest_campaign, returned_forms, week_of
from models.store.opening import open_store


def _open(ctx: Context, path=None):
    return open_store(path or ctx.fixture, readonly=path is None)


def week_grid(ctx: Context) -> dict:
    from models.progress.grid import load_week

    store = _open(ctx)
    try:
        campaign = newest_campaign(store)
        period = week_of(store, campaign)
        load_week(store, campaign["id"], period["id"])  # warm the page cache: both sides read warm

        def bare():
            rows = store.conn.execute(
                "SELECT unit_id, indicator_id, value FROM figures WHERE period_id = ?", (period["id"],)
            ).fetchall()
            return {(u, i): v for u, i, v in rows}

        app, baseline = ctx.paired(lambda: load_week(store, campaign["id"], period["id"]), bare, ctx.repeat * 2)
    finally:
        store.close()
    return result("open one week's grid", app, baseline, "≤ 0.150 s", app <= 0.150, "absolute; baseline: one SELECT")


def cumulative_totals(ctx: Context) -> dict:
    from models.progress.totals import cumulative_table

    store = _open(ctx)
    try:
        campaign = newest_campaign(store)
        cumulative_table(store, campaign["id"])
        ids = [p["id"] for p in store.rows("SELECT id FROM periods WHERE campaign_id = ?", (campaign["id"],))]

        def bare():
            marks = ",".join("?" * len(ids))
            sql = f"SELECT unit_id, indicator_id, SUM(value) FROM figures WHERE period_id IN ({marks})"
            return store.conn.execute(sql + " GROUP BY unit_id, indicator_id", ids).fetchall()

        app, baseline = ctx.paired(lambda: cumulative_table(store, campaign["id"]), bare, ctx.repeat * 2)
    finally:
        store.close()
    return result("cumulative totals", app, baseline, "≤ 0.050 s", app <= 0.050, "absolute; baseline: one GROUP BY")


def statistics_xlsx(ctx: Context) -> dict:
    from openpyxl import Workbook

    from models.progress.forms.export import export_own
    from models.progress.totals import cumulative_table

    store = _open(ctx)
    try:
        campaign = newest_campaign(store)
        table = cumulative_table(store, campaign["id"])
    finally:
        store.close()
    out = ctx.work / "stats.xlsx"
    header = ["序号", "单位", *(i["label"] for i in table["indicators"])]

    def bare():
        workbook = Workbook()
        ws = workbook.active
        ws.append(header)
        for number, row in enumerate(table["rows"], start=1):
            ws.append([number, row["unit"]["name"], *row["values"]])
        ws.append(["合计", None, *table["total"]])
        workbook.save(ctx.work / "bare.xlsx")

    export_own(table, campaign, out)
    app, baseline = ctx.paired(lambda: export_own(table, campaign, out), bare, ctx.repeat * 5)
    ratio = app / baseline
    return result("statistics xlsx", app, baseline, "≤ 1.5×", ratio <= 1.5)


def summary_pdf(ctx: Context) -> dict:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from models.documents.pdf import blocks as b
    from models.documents.pdf import fonts
    from models.documents.pdf.build import build_pdf
    from models.reports.summary import summary_document

    store = _open(ctx)
    out, bare_out = ctx.work / "summary.pdf", ctx.work / "bare.pdf"
    try:
        campaign = newest_campaign(store)
        document = summary_document(store, campaign)
        table = next(block for block in document.blocks if isinstance(block, b.Table))
        body = fonts.font("fangsong")  # registered once, as the app does

        def bare():
            flow = Table([table.header, *table.rows], repeatRows=1)
            flow.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), body, 9), ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0))]))
            SimpleDocTemplate(str(bare_out), pagesize=A4).build([flow])

        def app_run():
            build_pdf(summary_document(store, campaign), out)

        app_run()
        app, baseline = ctx.paired(app_run, bare, ctx.repeat * 5)
    finally:
        store.close()
    return result("summary PDF (per-unit table)", app, baseline, "≤ 1.5×", app / baseline <= 1.5)


def form_import(ctx: Context) -> dict:
    from openpyxl import load_workbook

    from models.progress.forms.importer import form_files, import_forms

    folder = ctx.cache.get("forms") or returned_forms(ctx.fixture, ctx.work / "forms")
    ctx.cache["forms"] = folder
    files = form_files([folder])
    copy = ctx.work / "import.db"
    times = []

    def bare():
        for path in files:
            workbook = load_workbook(path, read_only=True)
            for ws in workbook.worksheets:
                for _row in ws.iter_rows(values_only=True):
                    pass
            workbook.close()

    bare_times = []
    for _ in range(ctx.repeat):  # in turns with the bare reading, so that both see the same load
        shutil.copyfile(ctx.fixture, copy)  # each run imports into the same untouched data
        store = open_store(copy)
        try:
            campaign = newest_campaign(store)
            times.append(ctx.median_time(lambda s=store, c=campaign: _import_checked(import_forms, s, c, folder), 1))
        finally:
            store.close()
        bare_times.append(ctx.median_time(bare, 1))
    app, baseline = statistics.median(times), statistics.median(bare_times)
    note = f"{len(files)} forms, written into the db"
    return result("import returned forms", app, baseline, "≤ 1.3×", app / baseline <= 1.3, note)


def _import_checked(import_forms, store, campaign, folder) -> None:
    results = import_forms(store, campaign, [folder])
    bad = [r for r in results if r.status not in ("imported", "unchanged")]
    if bad:
        raise RuntimeError(f"{len(bad)} forms not imported: {bad[0].errors[:1]}")
