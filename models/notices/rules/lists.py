"""Rules for the lists at the end of a notice: attachments and contact persons."""

from __future__ import annotations

import re

from models.notices.rules.text import CJK, NoticeText

_ITEM = re.compile(
    r"^\s*(?:附件\s*)?(?:\d{1,2}\s*[.、．:：,，](?!\d)|[（(]\d{1,2}[）)]|[①-⑳]|[一二三四五六七八九十]、)\s*"
)
_HEAD = re.compile(r"^附\s*件\s*(?:\d{1,2}\s*)?[：:.、．]?\s*")


def _title(item: str) -> str:
    item = _ITEM.sub("", item).strip(" 。；;，,")
    if item.startswith("《") and item.endswith("》") and item.count("《") == 1:
        item = item[1:-1]
    return item


def _split_inline(items: list[str]) -> list[str]:
    """1.活动方案 2.统计表 on one line: split where the next number in sequence follows a title."""
    out: list[str] = []
    for item in items:
        number = re.match(r"^\s*(?:附件\s*)?(\d{1,2})", item)
        while number:
            following = str(int(number[1]) + 1)
            cut = re.search(rf"(?<=[{CJK}）》”)；;。，,])\s*{following}\s*[.、．](?!\d)", item)
            if not cut:
                break
            out.append(item[: cut.start()])
            item = item[cut.start() :].strip()
            number = re.match(r"^(\d{1,2})", item)
        out.append(item)
    return out


def attachments(notice: NoticeText) -> list[str]:
    """附件：1.… 2.… (1. 1、 （1） ① 附件1：), items continued over several lines."""
    paragraphs = notice.paragraphs
    for index, paragraph in enumerate(paragraphs):
        head = _HEAD.match(paragraph)
        if not head or (head.end() == len(paragraph) and not re.match(r"^附\s*件\s*[：:]", paragraph)):
            continue
        items: list[str] = []
        numbered_head = re.match(r"^附\s*件\s*\d", paragraph)
        first = paragraph if numbered_head else paragraph[head.end() :]
        if first.strip():
            items.append(first)
        for following in paragraphs[index + 1 :]:
            if _ITEM.match(following) or (numbered_head and re.match(r"^附\s*件\s*\d", following)):
                items.append(following)
            else:
                break
        titles = [_title(_HEAD.sub("", i) if numbered_head else i) for i in _split_inline(items)]
        return [t for t in titles if t]
    return []


PHONE = re.compile(
    r"(?<![\d@.])(?:(?:[（(]\s*0\d{2,3}\s*[）)]\s*|0\d{2,3}\s*[-—–－―‐]+\s*)?\d{7,8}(?:\s*(?:转|-)\s*\d{1,5})?"
    r"|1[3-9]\d[\s-]?\d{4}[\s-]?\d{4})(?![\d@])"
)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_NOT_NAME = re.compile(
    r"^(联系|电话|手机|邮箱|传真|电子|办公|地址|及|和|方式|同志|座机|固话|号码|科室|单位|姓名|QQ|微信)"
)
_NAME_AFTER = re.compile(
    rf"(?:联\s*系\s*人(?:及(?:联系)?(?:电话|方式))?|联系方式|姓名)\s*[：:]?\s*(?:[{CJK}]{{2,12}}(?:局|科|股|办|室|中心|处|队)\s*)?"
    rf"(?P<name>[{CJK}]{{2,4}}?)(?:同志)?(?=[\s，,、；;。（(：:\d]|$|电话|手机|联系|座机|办公)"
)
_MORE_NAMES = re.compile(
    rf"(?<=[、，,；;\s\d])(?P<name>[{CJK}]{{2,4}}?)(?:同志)?(?=\s*[，,：:（(]?\s*(?:电话|手机|联系电话)?\s*[：:]?\s*(?:\d|[（(]0))"
)


def _contact_block(notice: NoticeText) -> str:
    paragraphs = notice.paragraphs
    for index, paragraph in enumerate(paragraphs):
        if not re.search(r"联\s*系\s*人|联系方式", paragraph):
            continue
        start = index
        if index and re.match(r"^(电子邮箱|邮箱|E-?mail|电话|传真|联系电话)", paragraphs[index - 1], re.I):
            start -= 1
        end = index + 1
        while end < len(paragraphs) and not re.match(r"^附\s*件", paragraphs[end]):
            if not (
                EMAIL.search(paragraphs[end]) or re.match(r"^(电话|手机|传真|邮箱|电子邮箱|联系电话)", paragraphs[end])
            ):
                break
            end += 1
        return "\n".join(paragraphs[start:end])
    return ""


def _share_within_groups(block: str, names: list[tuple[int, str]], people: list[dict]) -> None:
    """张三、李四，电话：… : names listed together share the phones and mails that follow them."""
    group = [0]
    for index in range(1, len(names) + 1):
        joined = index < len(names) and block[names[index - 1][0] + len(names[index - 1][1]) : names[index][0]] == "、"
        if joined:
            group.append(index)
            continue
        for kind in ("phone", "email"):
            shared = [v for i in group for v in people[i][kind]]
            for i in group:
                people[i][kind] = list(dict.fromkeys(shared))
        group = [index]


def contacts(notice: NoticeText) -> list[dict]:
    """联系人：夏欣，联系电话：0874— 6172266；邮箱：…  /  联系人及电话：赵师佳，63104019（传真）"""
    block = _contact_block(notice)
    if not block:
        return []
    names = [(m.start("name"), m["name"]) for m in _NAME_AFTER.finditer(block)]
    if names:
        for m in _MORE_NAMES.finditer(block, names[0][0] + len(names[0][1])):
            if not _NOT_NAME.match(m["name"]) and all(m.start("name") != s for s, _ in names):
                names.append((m.start("name"), m["name"]))
    names = sorted((s, n) for s, n in names if not _NOT_NAME.match(n))
    if not names:
        return []
    people = [{"name": n, "phone": [], "email": []} for _, n in names]
    starts = [s for s, _ in names]
    spare = {"phone": [], "email": []}
    for kind, pattern in (("email", EMAIL), ("phone", PHONE)):
        for m in pattern.finditer(block):
            if kind == "phone" and any(m.start() >= e.start() and m.start() < e.end() for e in EMAIL.finditer(block)):
                continue
            value = re.sub(r"\s+", "", m.group())
            owner = max((i for i, s in enumerate(starts) if s <= m.start()), default=None)
            (people[owner][kind] if owner is not None else spare[kind]).append(value)
    for kind in ("phone", "email"):
        for value in spare[kind]:
            target = next((p for p in people if not p[kind]), None)
            if target is not None:
                target[kind].append(value)
    _share_within_groups(block, names, people)
    return [
        {"name": p["name"], "phone": "、".join(p["phone"]) or None, "email": "、".join(p["email"]) or None}
        for p in people
    ]
