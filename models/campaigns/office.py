"""本单位: the office that uses this file — its name, level word, who fills in tables, phone, e-mail.

Kept in the file's ``meta`` table so it travels with the file (a merged file says where it came from); every
generated document reads it from here: 发文机关 and signatures, 填报单位 and 填报人/联系电话 lines, and the region word
of generated sentences (全区, 全县, 全市, 全镇).
"""

from __future__ import annotations

from typing import NamedTuple

from models.errors import ValidationError

LEVELS = ("区", "县", "市", "镇", "街道", "乡")
_KEYS = {
    "name": "office_name",
    "short_name": "office_short_name",
    "level": "office_level",
    "filler": "office_filler",
    "phone": "office_phone",
    "email": "office_email",
}
TITLES = {
    "name": "单位全称",
    "short_name": "简称",
    "level": "级别",
    "filler": "填报人",
    "phone": "联系电话",
    "email": "邮箱",
}
_MAX_LENGTH = 100
_ASKED_KEY = "office_asked"


class Office(NamedTuple):
    name: str = ""
    short_name: str = ""
    level: str = ""
    filler: str = ""
    phone: str = ""
    email: str = ""

    @property
    def is_set(self) -> bool:
        return bool(self.name)

    @property
    def region_word(self) -> str:
        """全区 / 全县 / 全市 …: the level given, else read off the name (…区安委办 → 区), else 全区."""
        return "全" + (self.level or level_from_name(self.name) or "区")


def level_from_name(name: str) -> str:
    """The level word a name implies: 曲靖市麒麟区安全生产委员会办公室 → 区, 宜良县安委办 → 县; '' when unclear."""
    core = name
    for tail in ("安全生产委员会办公室", "安全生产委员会", "安委会办公室", "安委办", "应急管理局", "人民政府"):
        core = core.split(tail)[0]
    for level in ("街道", "区", "县", "市", "镇", "乡"):
        if core.endswith(level):
            return level
    return ""


def _check_contacts(cleaned: dict) -> None:
    from models.documents.contacts import ERROR, check_email, check_landline

    for field, check, title in (("phone", check_landline, "联系电话"), ("email", check_email, "邮箱")):
        if cleaned.get(field):
            found = check(cleaned[field])
            if found.level == ERROR:
                raise ValidationError(f"本单位{title}：{found.message}", field)


def get_office(store) -> Office:
    return Office(**{field: store.meta(key, "") or "" for field, key in _KEYS.items()})


def set_office(store, **fields: str) -> Office:
    """Change some of the office's details; refuses unknown fields, over-long values and an unknown level."""
    unknown = set(fields) - set(_KEYS)
    if unknown:
        raise ValueError(f"unknown office fields: {sorted(unknown)}")
    cleaned = {field: " ".join(str(value or "").split()) for field, value in fields.items()}
    for field, value in cleaned.items():
        if len(value) > _MAX_LENGTH:
            raise ValidationError(f"本单位{TITLES[field]}过长（{len(value)} 字，最多 {_MAX_LENGTH} 字）。", field)
    if cleaned.get("level") and cleaned["level"] not in LEVELS:
        raise ValidationError(f"本单位级别只能是 {'、'.join(LEVELS)} 之一，不是“{cleaned['level']}”。", "level")
    _check_contacts(cleaned)
    with store.atomic():
        for field, value in cleaned.items():
            store.set_meta(_KEYS[field], value)
    return get_office(store)


def office_for(store, campaign: dict | None = None) -> Office:
    """The office that signs a campaign's documents: the file's 本单位, its gaps filled from what the campaign
    itself says (a campaign made before 本单位 was entered, the demo's)."""
    office = get_office(store)
    if not campaign:
        return office
    name = office.name or campaign.get("office_name") or ""
    level = office.level
    if not office.name and not level:
        word = (campaign.get("region_word") or "").removeprefix("全")
        level = word if word in LEVELS else level_from_name(name)
    return office._replace(name=name, level=level)


def was_asked(store) -> bool:
    """Whether this file has already asked the clerk for 本单位 once (at first start)."""
    return bool(get_office(store).name or store.meta(_ASKED_KEY))


def mark_asked(store) -> None:
    store.set_meta(_ASKED_KEY, "1")
