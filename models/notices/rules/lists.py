"""Rules for the lists at the end of a notice: attachments and contact persons."""

from __future__ import annotations

import re

from models.notices.rules.layout import NoticeText, full_width
from models.notices.rules.script import compile_tolerant, tolerant
from models.notices.rules.text import CJK, DOC_TYPES

_ITEM = re.compile(
    r"^\s*(?:附件\s*)?(?:\d{1,2}\s*[.、．:：,，](?!\d)|\d{1,2}\.(?=(?:19|20)\d\d年)|[（(]\d{1,2}[）)]|[①-⑳]|[一二三四五六七八九十]、)\s*"
)
_HEAD = compile_tolerant(r"^附\s*[件表]\s*(?:\d{1,2}\s*)?[：:.、．]?\s*")
_BARE_HEAD = compile_tolerant(r"^附\s*[：:]\s*(?=\d{1,2}\s*[.、．]|[《①]|[（(]\d|\S{6,})")  # 附：1、《…》 / 附：X的通知
_FILE_END = re.compile(r"(\.(?:docx?|xlsx?|et|wps|pdf|ofd|zip|rar|7z|jpe?g|png))(?![A-Za-z0-9]).+$", re.I)
_CLOSING = compile_tolerant(r"\s*(?:特此通知|特此函告|特此通报|特此报告|此复)[。.！!]?$")


def _title(item: str) -> str:
    """An item's title: without its number, what follows its file's extension (the date of the signature when
    the page lost its line breaks) and a closing formula joined to the last item (…(水路)特此通知)."""
    title = _FILE_END.sub(r"\1", _ITEM.sub("", item))
    return _CLOSING.sub("", title).strip(" 。；;，,")


def _start(notice: NoticeText, paragraph: str) -> tuple[str, str] | None:
    """The paragraph's first line and the line below it, when the first is short: a line that ends before the
    text's full width ended where its writer ended it (a paragraph joins it to what follows)."""
    at = next((i for i, line in enumerate(notice.lines) if line and paragraph.startswith(line)), None)
    if at is None or len(notice.lines[at]) >= full_width(notice.lines) * 0.8:
        return None
    return notice.lines[at], notice.lines[at + 1] if at + 1 < len(notice.lines) else ""


def _title_below(notice: NoticeText, paragraph: str) -> str | None:
    """附件2 / 联络员名单 / 单位 姓名 …: when the paragraph's first line is the head alone, the next line (when
    short) is the title of the form that follows; None otherwise."""
    start = _start(notice, paragraph)
    if start is None or not re.fullmatch(tolerant(r"附\s*[件表]\s*\d{1,2}\s*[：:]?"), start[0]):
        return None
    below = _start(notice, paragraph[len(start[0]) :])
    return _title(below[0]) if below and paragraph.startswith(start[0] + below[0]) else None


_TITLE_DONE = compile_tolerant(
    r"(?:" + DOC_TYPES + r"|表|单|册|书|提纲|汇总|目录|名录|清单|细则|材料)[》”\"）)]*(?:\.\w{2,4})?$"
)


def _one_line(notice: NoticeText, paragraph: str) -> str:
    """The paragraph's first line when that line is short (附件：汇总表 above the form's own rows), or its first two
    when they are one title broken over them."""
    start = _start(notice, paragraph)
    if start is None:
        return paragraph
    first, below = start
    if not _TITLE_DONE.search(first) and _TITLE_DONE.search(below) and paragraph.startswith(first + below):
        return first + below  # …关于开展全区 / 非煤矿山汛期安全生产专项督查工作的通知: one title on two lines
    return first


def _split_inline(items: list[str]) -> list[str]:
    """1.活动方案 2.统计表 on one line: split where the next number in sequence follows a title."""
    out: list[str] = []
    for item in items:
        number = re.match(r"^\s*(?:附件\s*)?(\d{1,2})", item)
        while number:
            following = str(int(number[1]) + 1)
            cut = re.search(
                rf"(?<=[{CJK}）》”)；;。，,])\s*{following}\s*(?:[.、．](?!\d)|\.(?=(?:19|20)\d\d年))", item
            )
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
        head = _HEAD.match(paragraph) or _BARE_HEAD.match(paragraph)
        if not head or (head.end() == len(paragraph) and not re.match(tolerant(r"^附\s*[件表]\s*[：:]"), paragraph)):
            continue
        items: list[str] = []
        numbered_head = re.match(tolerant(r"^附\s*[件表]\s*\d"), paragraph)
        if head.end() == len(paragraph) and index + 1 < len(paragraphs):  # 附件： alone, one title below it
            below = _one_line(notice, paragraphs[index + 1])
            if not _ITEM.match(below) and _TITLE_DONE.search(below):
                return [_title(below)]
        if numbered_head and _title_below(notice, paragraph):  # 附件2 alone above a form printed after the notice
            return [t for t in (_title_below(notice, p) for p in paragraphs[index:] if _HEAD.match(p)) if t]
        if not numbered_head and not _ITEM.match(paragraph[head.end() :]):
            paragraph = _one_line(notice, paragraph)  # one title, never the rows of the form that follows it
        first = paragraph if numbered_head else paragraph[head.end() :]
        if first.strip():
            items.append(first)
        for following in paragraphs[index + 1 :]:
            if _ITEM.match(following) or (numbered_head and re.match(tolerant(r"^附\s*[件表]\s*\d"), following)):
                items.append(_one_line(notice, following))  # the page's furniture after the last one is not its
            else:
                break
        titles = [_title(_HEAD.sub("", i) if numbered_head else i) for i in _split_inline(items)]
        if not _HEAD.match(paragraph):  # 附： alone: only what reads as a document's or a form's title
            titles = [t for t in titles if _TITLE_DONE.search(t)]
        return [t for t in titles if t]
    return []


PHONE = re.compile(
    r"(?<![\d@.])(?:(?:[（(]\s*0\d{2,3}\s*[）)]\s*|0\d{2,3}\s*[-—–－―‐]+\s*)?\d{7,8}(?:\s*(?:转|-)\s*\d{1,5})?"
    r"|1[3-9]\d[\s-]?\d{4}[\s-]?\d{4})(?![\d@])"
)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_NOT_NAME = compile_tolerant(
    r"^(联系|电话|手机|邮箱|传真|电子|办公|地址|及|和|方式|同志|座机|固话|号码|科室|单位|姓名|QQ|微信|以备|发送|各|本)"
)
_NAME_AFTER = compile_tolerant(
    rf"(?:联\s*系\s*人(?:及(?:联系)?(?:电话|方式))?|联系方式|姓名)\s*[：:]?\s*(?:[{CJK}]{{2,12}}(?:局|科|股|办|室|中心|处|队)\s*)?"
    rf"(?P<name>[{CJK}]{{2,4}}?)(?:同志)?(?=[\s，,、；;。（(：:\d]|$|电话|手机|联系|座机|办公)"
)
_MORE_NAMES = compile_tolerant(
    rf"(?<=[、，,；;\s\d])(?P<name>[{CJK}]{{2,4}}?)(?:同志)?"
    r"(?=\s*[，,：:（(]?\s*(?:电话|手机|联系电话)?\s*[：:]?\s*(?:\d{7}|0\d{2,3}\s*[-—–－]|1[3-9]\d{9}|[（(]\s*0\d{2,3}))"
)
_JOINED_NAME = re.compile(rf"^、\s*(?P<name>[{CJK}]{{2,4}}?)(?:同志)?(?=[、，,；;\s（(]|$)")
_LABEL = compile_tolerant(r"联\s*系\s*人|联系方式")
_LINE_LABEL = compile_tolerant(
    r"^[（(]?(电子邮箱|邮箱|E-?mail|电\s*话|传\s*真|联系电话|手\s*机|联系邮箱|咨询电话)", re.I
)
_FAX = compile_tolerant(r"传\s*真\s*[：:]?\s*$")


def _contact_blocks(notice: NoticeText) -> list[str]:
    paragraphs = notice.paragraphs
    blocks, used = [], set()
    for index, paragraph in enumerate(paragraphs):
        found = next(
            (
                m
                for m in _LABEL.finditer(paragraph)
                if re.match(r"[^，,。；;]{0,12}(?:[：:]|\d|@)", paragraph[m.end() :])
            ),
            None,
        )
        if not found or index in used:
            continue
        start = index
        if index and _LINE_LABEL.match(paragraphs[index - 1]) and index - 1 not in used:
            start -= 1
        end = index + 1
        while end < len(paragraphs) and not re.match(tolerant(r"^附\s*件"), paragraphs[end]):
            if not (EMAIL.search(paragraphs[end]) and len(paragraphs[end]) < 60 or _LINE_LABEL.match(paragraphs[end])):
                break
            end += 1
        used.update(range(start, end))
        text = "\n".join(paragraphs[start:end])
        labelled = _LINE_LABEL.match(paragraph) and found.start() < 60  # 电子邮箱：…联系人及电话：… on one line
        blocks.append(text[found.start() :] if start == index and not labelled else text)
    return blocks


_PHONE_START = r"(?:\d{7}|0\d{2,3}\s*[-—–－]|1[3-9]\d{9}|[（(]\s*0\d{2,3})"
_PHONE_NEXT = re.compile(rf"^\s*(?:同志)?\s*[（(，,、\s]*(?:电话|手机|联系电话|座机|電話)?\s*[：:]?\s*{_PHONE_START}")


def _names(block: str) -> list[tuple[int, str]]:
    """Names after 联系人：, or right before a phone (联系人张三 1391…); never words of a sentence (联系人要保持…)."""
    names = []
    for m in _NAME_AFTER.finditer(block):
        labelled = re.search("[：:]", block[m.start() : m.start("name")])
        if not labelled and not _PHONE_NEXT.match(block[m.end("name") :]):
            continue
        names.append((m.start("name"), m["name"]))
        cursor = m.end("name")
        while joined := _JOINED_NAME.match(block[cursor:]):
            names.append((cursor + joined.start("name"), joined["name"]))
            cursor += joined.end("name")
    if names:
        for m in _MORE_NAMES.finditer(block, names[0][0] + len(names[0][1])):
            if not _NOT_NAME.match(m["name"]) and all(m.start("name") != s for s, _ in names):
                names.append((m.start("name"), m["name"]))
    return sorted((s, n) for s, n in names if not _NOT_NAME.match(n))


def _numbers(block: str) -> dict[str, list[tuple[int, str]]]:
    mails = list(EMAIL.finditer(block))
    phones = [
        m
        for m in PHONE.finditer(block)
        if not any(e.start() <= m.start() < e.end() for e in mails)
        and not _FAX.search(block[max(0, m.start() - 6) : m.start()])
    ]
    return {
        "email": [(m.start(), m.group()) for m in mails],
        "phone": [(m.start(), re.sub(r"\s+", "", m.group())) for m in phones],
    }


def _assign(block: str, names: list[tuple[int, str]]) -> list[dict]:
    people = [{"name": n, "phone": [], "email": []} for _, n in names]
    starts = [s for s, _ in names]
    for kind, values in _numbers(block).items():
        if len(values) == len(names) > 1 and values[0][0] > starts[-1]:
            for person, (_, value) in zip(people, values):  # 张雷，马楠 / 010-…，010-…: in printed order
                person[kind].append(value)
            continue
        spare = []
        for position, value in values:
            owner = max((i for i, s in enumerate(starts) if s <= position), default=None)
            (people[owner][kind] if owner is not None else spare).append(value)
        for value in spare:
            target = next((p for p in people if not p[kind]), None)
            if target is not None:
                target[kind].append(value)
    _share_within_groups(block, names, people)
    return people


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


_SENT_TO_MAIL = compile_tolerant(
    r"(?:邮\s*箱|电子邮件|E-?mail|发送至|发送到|发至|报送至|报至|送至)\s*[：:]?\s*(?P<mail>" + EMAIL.pattern + r")",
    re.I,
)


# 报送区政府应急办（联系电话：6390289，传真：…） / （联系股室：安保股，电话：6622525） / …负责，联系电话：88388715。
_PHONE_IN_BRACKETS = compile_tolerant(
    r"(?:[（(][^（）()]{0,20}?(?:联系电话|电话|联系方式|咨询电话)|联系电话)\s*[：:]\s*(?P<phone>"
    + PHONE.pattern
    + r")(?=\s*[）)，,；;、。]|\s*$)"
)


def _nameless(notice: NoticeText) -> list[dict]:
    """联系电话：88150313 / 联系邮箱：… printed without a person: a contact with no name."""
    phones, mails = [], []
    for paragraph in notice.paragraphs:
        if _LINE_LABEL.match(paragraph) and not _FAX.search(paragraph[:8] + "：") and len(paragraph) < 80:
            numbers = _numbers(paragraph)
            phones += [v for _, v in numbers["phone"]]
            mails += [v for _, v in numbers["email"]]
    if not phones and not mails:  # an address the text sends to: 上报局基建科（邮箱：…） / 将意见发送至：…
        mails = [m["mail"] for paragraph in notice.paragraphs for m in _SENT_TO_MAIL.finditer(paragraph)]
        phones = [  # 报送区政府应急办（联系电话：6390289，传真：…）: the office's line, in its brackets
            re.sub(r"\s+", "", m["phone"])
            for paragraph in notice.paragraphs
            for m in _PHONE_IN_BRACKETS.finditer(paragraph)
        ]
    if not phones and not mails:
        return []
    return [
        {
            "name": None,
            "phone": "、".join(dict.fromkeys(phones)) or None,
            "email": "、".join(dict.fromkeys(mails)) or None,
        }
    ]


def contacts(notice: NoticeText) -> list[dict]:
    """联系人：夏欣，联系电话：0874— 6172266；邮箱：…  /  联系人及电话：赵师佳，63104019（传真）"""
    people: list[dict] = []
    for block in _contact_blocks(notice):
        names = _names(block)
        if names:
            people += _assign(block, names)
    if not people:
        return _nameless(notice)
    return [
        {"name": p["name"], "phone": "、".join(p["phone"]) or None, "email": "、".join(p["email"]) or None}
        for p in people
    ]
