"""本单位: kept in the file, read back, level word read off the name when not given."""

from __future__ import annotations

import pytest

from models.campaigns.office import get_office, level_from_name, set_office
from models.errors import ValidationError
from models.store.opening import open_store


def test_office_travels_with_the_file(store, db_path):
    set_office(store, name="曲靖市麒麟区安全生产委员会办公室", filler="张三", phone="0874-3123456")
    store.close()
    reopened = open_store(db_path)
    office = get_office(reopened)
    reopened.close()
    assert office.name == "曲靖市麒麟区安全生产委员会办公室" and office.filler == "张三"
    assert office.region_word == "全区"


@pytest.mark.parametrize(
    ("name", "level"),
    [("宜良县安委办", "县"), ("昆明市安全生产委员会办公室", "市"), ("城关镇人民政府", "镇"), ("某某单位", "")],
)
def test_level_from_name(name, level):
    assert level_from_name(name) == level


def test_a_given_level_wins_over_the_name(store):
    office = set_office(store, name="曲靖市麒麟区安委办", level="县")
    assert office.region_word == "全县"


def test_bad_values_change_nothing(store):
    set_office(store, name="宜良县安委办")
    with pytest.raises(ValidationError, match="级别"):
        set_office(store, name="别的", level="省")
    with pytest.raises(ValidationError, match="过长"):
        set_office(store, filler="长" * 101)
    assert get_office(store).name == "宜良县安委办"
