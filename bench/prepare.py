"""Inputs the cases need besides the fixture (returned forms, the merge target), made outside the timing."""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.store.opening import open_store  # noqa: E402

# Children before parents: what goes when a campaign is taken out of the merge target.
_CAMPAIGN_CHILDREN = (
    ("figures", "period_id IN (SELECT id FROM periods WHERE campaign_id = :c)"),
    ("narratives", "period_id IN (SELECT id FROM periods WHERE campaign_id = :c)"),
    ("deliveries", "deadline_id IN (SELECT id FROM deadlines WHERE campaign_id = :c)"),
    ("deadlines", "campaign_id = :c"),
    ("notice_contacts", "notice_id IN (SELECT id FROM notices WHERE campaign_id = :c)"),
    ("attachments", "notice_id IN (SELECT id FROM notices WHERE campaign_id = :c)"),
    ("reports", "campaign_id = :c"),
    ("notices", "campaign_id = :c"),
    ("liaisons", "campaign_id = :c"),
    ("indicators", "campaign_id = :c"),
    ("periods", "campaign_id = :c"),
    ("campaign_units", "campaign_id = :c"),
    ("campaigns", "id = :c"),
)


def newest_campaign(store) -> dict:
    return store.row("SELECT * FROM campaigns ORDER BY year DESC LIMIT 1")


def week_of(store, campaign: dict, seq: int = 3) -> dict:
    return store.row("SELECT * FROM periods WHERE campaign_id = ? AND seq = ?", (campaign["id"], seq))


def returned_forms(fixture: Path, folder: Path, limit: int = 300) -> Path:
    """The app's blank forms of one week for the first *limit* units, filled in with openpyxl as units would."""
    from openpyxl import load_workbook

    from models.documents.xlsx_io import read_mark

    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    rng = random.Random(7)
    store = open_store(fixture, readonly=True)
    try:
        campaign = newest_campaign(store)
        files = _blank_forms(store, campaign, week_of(store, campaign), folder, limit)
    finally:
        store.close()
    for path in files:
        workbook = load_workbook(path)
        mark = read_mark(workbook)
        ws = workbook["进展统计"]
        for col in mark["columns"].values():
            ws.cell(int(mark["row"]), col).value = rng.randint(0, 200)
        ws[mark["narrative"]["activities"]].value = "本周开展宣传咨询活动。"
        workbook.save(path)
    return folder


def _blank_forms(store, campaign: dict, period: dict, folder: Path, limit: int) -> list[Path]:
    """What 生成空白表 writes, for the first *limit* units only (a city's 3,000 forms take minutes to make)."""
    from models.campaigns.campaign import campaign_units
    from models.campaigns.layouts import list_indicators
    from models.documents.xlsx_io import save_workbook
    from models.progress.forms.blank import build_form, safe_file_name, write_blank_forms

    units = campaign_units(store, campaign["id"])
    if len(units) <= limit:
        return write_blank_forms(store, campaign, period, folder)
    indicators = list_indicators(store, campaign["id"])
    files = []
    for number, unit in enumerate(units[:limit], start=1):
        name = f"{number:03d}_{safe_file_name(unit['name'])}_第{period['seq']}周进展统计表.xlsx"
        files.append(save_workbook(build_form(campaign, period, unit, indicators), folder / name))
    return files


def merge_target(fixture: Path, target: Path) -> Path:
    """A copy of the fixture as another office's file that lacks the oldest campaign."""
    shutil.copyfile(fixture, target)
    conn = sqlite3.connect(target)
    try:
        with conn:
            oldest = conn.execute("SELECT id FROM campaigns ORDER BY year LIMIT 1").fetchone()[0]
            for table, where in _CAMPAIGN_CHILDREN:
                conn.execute(f"DELETE FROM [{table}] WHERE {where}", {"c": oldest})
            conn.execute("UPDATE meta SET value = ? WHERE key = 'office_id'", (str(uuid.UUID(int=42, version=4)),))
            conn.execute("UPDATE meta SET value = '另一区安委办' WHERE key = 'office_name'")
        conn.execute("VACUUM")
    finally:
        conn.close()
    return target
