"""Creating a campaign, alone or copied from an earlier year, from the core and the command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from models.campaigns.campaign import campaign_by_year, campaign_units
from models.campaigns.layouts import layout_of
from models.errors import NotFound, ValidationError
from models.new_campaign import create_campaign
from models.store.history import undo
from tests.conftest import ROOT
from tests.models.stats_files import make_template


def test_new_campaign_copies_units_liaisons_and_layout(demo_store):
    made = create_campaign(demo_store, 2023, copy_from=2021, theme="人人讲安全")
    new = campaign_by_year(demo_store, 2023)
    old = campaign_by_year(demo_store, 2021)
    assert new["title"] == "2023年“安全生产月”活动" and new["theme"] == "人人讲安全"
    assert [u["name"] for u in campaign_units(demo_store, new["id"])] == [
        u["name"] for u in campaign_units(demo_store, old["id"])
    ]
    assert made["liaisons"] == demo_store.scalar("SELECT count(*) FROM liaisons WHERE campaign_id = ?", (old["id"],))
    strip = lambda items: [(i["group"], i["label"], i["measure"]) for i in items]  # noqa: E731
    assert strip(layout_of(demo_store, new["id"])) == strip(layout_of(demo_store, old["id"]))
    assert made["periods"] == 5
    assert undo(demo_store) == "新建 2023 年活动"
    with pytest.raises(NotFound):
        campaign_by_year(demo_store, 2023)


def test_year_taken_or_unknown_source_is_refused(demo_store):
    with pytest.raises(ValidationError, match="已经有 2021 年"):
        create_campaign(demo_store, 2021)
    with pytest.raises(NotFound, match="没有 2019 年"):
        create_campaign(demo_store, 2023, copy_from=2019)
    assert demo_store.scalar("SELECT count(*) FROM campaigns") == 2


def test_new_campaign_command_with_template_layout(store, db_path, tmp_path):
    store.close()
    template = make_template(tmp_path / "附件1.xlsx", ["甲镇"])
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "new-campaign",
            "--db",
            str(db_path),
            "--year",
            "2025",
            "--title",
            "2025年安全生产月",
            "--layout-from-template",
            str(template),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["indicators"] == 5
