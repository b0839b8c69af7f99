"""The 每周进展 tab of the demo window, as the clerk finds it: campaign 2021, 第2周."""

from __future__ import annotations

import pytest


@pytest.fixture
def tab(window):
    window.select_campaign(2021)
    window.show_tab("progress")
    page = window.tab_pages["progress"]
    page.week.setCurrentIndex(1)  # 第2周
    return page
