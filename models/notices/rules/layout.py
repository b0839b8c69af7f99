"""The parts every 公文 shares, found line by line: 版头 and title above, 主送, 正文, then 署名 and 成文日期.

Lines are classed before any field is read: site furniture is dropped, metadata blocks above the 主送 are kept
apart as evidence, the 主送 line ends the head, and only the body is joined into paragraphs (so a breadcrumb or
a 发布时间 line can never be read as part of the 主送 or the title).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.notices.rules.script import compile_tolerant, simplified, tolerant
from models.notices.rules.text import CJK, DOC_TYPES, clean_line, is_noise, paragraphs_of, spaced
from models.notices.rules.wrappers import is_bare_value, is_furniture, lone_label, metadata_pairs

# an addressee ends with the kind of body it names (单位, 局, 政府, 企业 …) or opens with 各/有关/全体
_ADDRESSEE_END = compile_tolerant(
    r"(?:[位门会局厅办室处科所站队心司团业校园院府道镇村区乡县市省州旗盟社组馆委部署行厂矿场军团员体构学宫台港库]|[）)])$"
)
_ADDRESSEE_START = compile_tolerant(r"^(?:各|有关|全体|所属|本|区|市|县|省|镇|乡)")
_NOT_ADDRESSEE = compile_tolerant(
    r"^(?:附\s*件|附\s*表|联\s*系|电\s*话|邮\s*箱|传\s*真|抄\s*送|抄\s*报|主\s*题|主送|印发|签发|原标题|标题|名称|"
    r"根据|按照|为|现|经(?!开区|济开发区|济技术开发区|济区)|关于|今年|近日|近期|特此|具体|一是|二是|活动|时间|地点|地址|(?:副?组长|成员|主任|副主任|组员|单位|部门|机构|发布者|发布人|撰稿|审核|编辑|供稿|填报单位|报送单位)$|注|说明|"
    r"来源|发布|文号|网址|E-?mail|QQ|微信)",
    re.I,
)
_GENERIC_LABEL = compile_tolerant(r"^(?!.*(?:各|有关|全体|所属|成员)).{0,4}(?:单位|部门|对象|人员|机构|范围)$")
_SENT_TO = compile_tolerant(r"^主\s*送(?:单位|机关)?\s*[:：]\s*(?P<to>.+?)[。.]?$")
_COLON = re.compile(r"(?<!\d)[:：]|[:：](?!\d)")
_OUTSIDE_BRACKETS = re.compile(r"[（(][^）)]*[）)]")


_QUOTED_NAME = re.compile(rf"(?:(?<=[、，,\s])|^)“[^“”。，,、]{{1,12}}”(?=[{CJK}])")


def addressee_like(text: str) -> bool:
    """各镇人民政府、街道办事处，区安委会成员单位: a list of bodies, not a sentence or a label."""
    text = _QUOTED_NAME.sub("甲", text)  # “安康杯”竞赛组委会: a name in quotes is part of a body's name
    if not 2 <= len(text) <= 260 or re.search('[。！？!?《》“”"]', text) or _NOT_ADDRESSEE.match(text):
        return False
    # 河北、内蒙古、…、新疆等省（自治区）安全生产委员会: the places before 等 name one body
    listed = re.sub(r"(?:[^，,；;、]+、)+(?=[^，,；;、]*等)", "", _OUTSIDE_BRACKETS.sub("（）", text))
    items = [i for i in re.split(r"[，,、；;\s]+", listed) if i]
    if not items or not re.match(f"[{CJK}]", items[0]):
        return False
    if len(items) == 1 and _GENERIC_LABEL.match(items[0]):
        return False  # 参加单位：… / 责任部门：… is a label with its value, not a 主送
    good = sum(bool(_ADDRESSEE_END.search(i) or _ADDRESSEE_START.match(i)) for i in items)
    last = items[-1]
    return good * 2 >= len(items) and bool(_ADDRESSEE_END.search(last) or re.match(tolerant("各|有关|全体|所属"), last))


def _body_like(line: str) -> bool:
    return bool(
        re.search("[。；]", line)
        or re.match(r"^[一二三四五六七八九十]+\s*、", line)
        or (len(line) >= 90 and re.search("[，,]", line))
    )


@dataclass
class NoticeText:
    """The notice as cleaned lines with their kind, its metadata, its 主送, and the body joined into paragraphs."""

    raw_lines: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # furniture, meta, head, recipients, body
    metadata: dict[str, str] = field(default_factory=dict)
    recipients: str | None = None
    recipients_at: int | None = None
    paragraphs: list[str] = field(default_factory=list)

    @property
    def flow(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def head(self) -> list[str]:
        """Lines above the 主送 (or the body) that may hold the 版头, 文号 and title."""
        return [line for line, kind in zip(self.lines, self.kinds) if kind == "head"]

    @property
    def body_lines(self) -> list[tuple[int, str]]:
        return [(i, line) for i, (line, kind) in enumerate(zip(self.lines, self.kinds)) if kind == "body"]


def _classify(notice: NoticeText) -> list[str | None]:
    """Each line's kind; returns, per line, the text the body keeps of it (None: not part of the body)."""
    in_head = True
    waiting = None  # a metadata label alone on the line before: this line is its value
    body_text: list[str | None] = []
    for index, line in enumerate(notice.lines):
        kind, keep = "body", line
        if in_head:
            pairs = metadata_pairs(spaced(notice.raw_lines[index]))
            colon = _COLON.search(line)
            if waiting and not lone_label(line) and not colon and not _body_like(line):
                kind, keep = "meta", None
                notice.metadata.setdefault(waiting, line)
                waiting = None
            elif waiting := lone_label(line):
                kind, keep = "meta", None
            elif pairs is not None:
                kind, keep = "meta", None
                for label, value in pairs.items():
                    notice.metadata.setdefault(label, value)
            elif is_furniture(line):
                kind, keep = "furniture", None
            elif (sent := _SENT_TO.match(line)) and addressee_like(sent["to"].rstrip("：:")):
                kind, keep = "recipients", None
                notice.recipients, notice.recipients_at = sent["to"].rstrip("：:"), index
                in_head = False
            elif colon and addressee_like(line[: colon.start()].strip()):
                kind, keep = "recipients", line[colon.end() :].strip() or None
                notice.recipients, notice.recipients_at = line[: colon.start()].strip(), index
                _join_wrapped_recipients(notice, index)
                in_head = False
            elif _body_like(line):
                in_head = False
            else:
                kind = "bare" if is_bare_value(line) else "head"
                keep = None
        elif is_furniture(line):
            kind, keep = "furniture", None
        notice.kinds.append(kind)
        body_text.append(keep)
    return body_text


def full_width(lines: list[str]) -> int:
    """The length of a full line: PDF text layers break every line at the text block's width."""
    lengths = sorted(len(line) for line in lines if len(line) >= 12)  # not a page's buttons and short labels
    return lengths[int(len(lengths) * 0.8)] if lengths else 0


def _join_wrapped_recipients(notice: NoticeText, index: int) -> None:
    """各县（市）区、开发（度假）园区安全生产委员会，市安委会各 / 成员单位，有关企业： (a 主送 broken over lines)."""
    width = full_width(notice.lines)
    for before in range(index - 1, max(index - 7, -1), -1):
        if notice.kinds[before] != "head":
            return
        line = notice.lines[before]
        full = re.search("[、，,]$", line) or len(line) >= width * 0.9
        listed = re.search("[、，,]", line) or re.match(tolerant("各|有关"), line)
        titled = "关于" in simplified(line) or re.search(DOC_TYPES + r"[》”\"]?(?:[（(][^（()）]{1,10}[）)])?$", line)
        if not full or not listed or titled or _COLON.search(line) or not addressee_like(line + notice.recipients):
            return
        notice.recipients = line + notice.recipients
        notice.kinds[before] = "recipients"


# A page that lost its line breaks keeps its paragraphs apart with runs of spaces after a sentence, a colon or
# a title (`…的通知   各市安监局：   经研究，…`), or (all on one line) with one space before a heading or a label.
_GAP = r"[ \t\u3000\xa0]"
_RUN_AFTER_END = re.compile(tolerant(r"([。：:；;！？!?]|" + DOC_TYPES + rf"){_GAP}{{3,}}(?=\S)"))
_SPACE_BEFORE_HEAD = re.compile(
    tolerant(
        rf"([。：:；;）)]){_GAP}+(?=[一二三四五六七八九十]{{1,3}}、|[（(][一二三四五六七八九十]{{1,3}}[）)])"
        rf"|(\S){_GAP}+(?=(?:附\s*件|联\s*系\s*人)\s*[:：])"
        rf"|(\S){_GAP}+(?=(?:19|20)\d\d年\d{{1,2}}月\d{{1,2}}日[\s|｜]*$)"  # the date closing the text
    )
)


def _unflattened(line: str) -> list[str]:
    """A raw line as the lines it stood for (most lines: itself)."""
    if len(line) < 80:
        return [line]
    line = _RUN_AFTER_END.sub(lambda m: m[1] + "\n", line)
    if len(line) >= 300:
        line = _SPACE_BEFORE_HEAD.sub(lambda m: (m[1] or m[2] or m[3]) + "\n", line)
    return line.split("\n")


def prepare(text: str) -> NoticeText:
    notice = NoticeText()
    blank_counts: list[int] = []
    blanks = 0
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for line in (piece for whole in lines for piece in _unflattened(whole)):
        cleaned = clean_line(line)
        if not cleaned:
            blanks += 1
            continue
        if is_noise(cleaned):
            continue
        notice.raw_lines.append(line)
        notice.lines.append(cleaned)
        blank_counts.append(blanks)
        blanks = 0
    body_text = _classify(notice)
    if notice.recipients is None:  # no 主送: the head may be the start of the text itself (a plan, a cut copy)
        body_text = [
            line if kind == "head" else kept for line, kind, kept in zip(notice.lines, notice.kinds, body_text)
        ]
    notice.paragraphs = paragraphs_of([(t, b) for t, b in zip(body_text, blank_counts) if t])
    return notice
