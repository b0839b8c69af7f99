"""What a cell in a liaison list's name column holds: a person's name, a name with its phone, or not a person.

A name is kept as the person writes it on official lists, without what the form adds around it: 同志/先生/
女士 after it, spaces put in to line two-character names up (李　明), a 间隔号 in another code point (•).  A
cell that cannot be a name (a 合计 count "2人", a note line "备注：…", a sample "张三" beside ××镇) is never
taken for a person: the reader reports it instead.
"""

from __future__ import annotations

import re
import unicodedata

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
_HONORIFIC = re.compile(r"(同志|先生|女士|老师)$")
_DOTS = re.compile(r"[•‧・･∙⋅]")
_NAME = re.compile(rf"^[{_HAN}]{{2,8}}(·[{_HAN}]{{1,10}}){{0,3}}$|^[A-Za-z][A-Za-z .'-]{{1,40}}$")
# "郭敏 13988010152", "吕刚　0871-65012453", "王芳：139 8801 0154", "张三(13988010152)"
_NAME_PHONE = re.compile(
    rf"^(?P<name>[{_HAN}·•]{{2,12}})\s*[,，、:：/（(]?\s*(?P<phone>(?:\+?86)?[\d][\d\s\-－—()（）]{{6,}}\d)\s*[)）]?$"
)
# words no personal name holds, that instructions and counts do (请填写真实姓名, 以上人员, 单位联系人)
_NOT_NAME_WORDS = re.compile(
    r"填写|请填|姓名|说明|示例|如有|单位|职务|电话|手机|合计|人员|以上|以下|负责|联系|联络|见附|同上|另附"
)
_VACANT = re.compile(r"^([/\\—–―－\-]+|无|暂无|空缺|待定|待补|未定|暂缺|缺)$")
_PLACEHOLDER = re.compile(r"[×xX＊*○〇□]{2,}|某某|ＸＸ")
_SAMPLE_NAMES = {"张三", "李四", "王五", "赵六", "某某", "某某某", "×××", "XXX"}
_LEFT = re.compile(r"[（(](已?调离|已?离任|已?退休|已?调走|原[^）)]*|离职|已离职)[）)]")


def clean_name(text: str) -> str:
    """王芳同志 → 王芳, 李　明 → 李明, 阿依古丽•吐尔逊 → 阿依古丽·吐尔逊; Latin names keep single spaces."""
    text = unicodedata.normalize("NFKC", text).strip()
    text = _DOTS.sub("·", text)
    if re.search(rf"[{_HAN}]", text):
        text = re.sub(r"\s+", "", text)
        text = re.sub(r"\s*·\s*", "·", text)
        if len(text) > 3:
            text = _HONORIFIC.sub("", text)
    else:
        text = re.sub(r"\s+", " ", text)
    return text


def split_name_phone(text: str) -> tuple[str, str] | None:
    """("郭敏", "13988010152") for a cell holding both; None when the cell is not name-and-phone."""
    found = _NAME_PHONE.match(unicodedata.normalize("NFKC", text).strip())
    if found is None:
        return None
    return found.group("name"), found.group("phone").strip()


def is_mobile(phone: str) -> bool:
    return re.fullmatch(r"(\+?86)?1\d{10}", re.sub(r"[\s\-]", "", phone)) is not None


def left_note(text: str) -> str | None:
    """The note of a person who has left (钟鸣（已调离）→ 已调离), None otherwise."""
    found = _LEFT.search(unicodedata.normalize("NFKC", text).replace("(", "（").replace(")", "）"))
    return found.group(1) if found else None


def is_vacant(text: str) -> bool:
    """A name cell that says nobody is named yet (暂无, 空缺, /): no person, and nothing wrong."""
    return _VACANT.match(re.sub(r"\s", "", unicodedata.normalize("NFKC", text))) is not None


def not_a_name(text: str) -> str | None:
    """Why a cleaned text cannot be a person's name (a Chinese message part), None when it can."""
    if _NAME.match(text) and not _NOT_NAME_WORDS.search(text):
        return None
    if re.search(r"\d", text):
        return "含有数字"
    if re.search(r"[:：。；;，,！!？?]", text) or len(text) > 12:
        return "像是一句说明"
    return "不像姓名"


def bracket_note(text: str) -> tuple[str, str] | None:
    """("王芳", "女") for "王芳（女）": a note after the name; None when there is none."""
    found = re.fullmatch(r"(.+?)\s*[（(]([^）)]*)[）)]", unicodedata.normalize("NFKC", text).strip())
    return (found.group(1), found.group(2)) if found else None


def is_placeholder(unit: str, name: str, *phones: str) -> bool:
    """Whether a row is a sample to copy (××镇, XXX, 张三 with 13900000000…), not a person."""
    texts = [unit, name, *phones]
    if _PLACEHOLDER.search(f"{unit} {name}"):
        return True
    names = [t for t in texts if t in _SAMPLE_NAMES]
    phones = [re.sub(r"\D", "", t) for t in texts if t and re.search(r"\d{7}", t)]
    fake = [p for p in phones if re.search(r"(\d)\1{6,}", p) or "12345678" in p]
    return bool(names and fake)
