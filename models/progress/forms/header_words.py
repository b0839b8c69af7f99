"""What a statistics table's header and row texts mean: the words of text, unit, 序号, period, total, section
and footer cells, computed columns, the measure in a title and which narrative field a text column feeds.
The vocabulary only; where the cells sit is models/progress/forms/model.py's work.

A measure is a word of MEASURE_WORDS (or 万份-like) written in any bracket at the end of a title ("发放宣传资料
（份）", "整改资金[万元]", "检查企业【家】"), on the title cell's last line ("参与群众⏎人次"), or standing alone
in a header cell under the column's own title (a units row "场 / 人次 / 万元", bracketed or bare)."""

from __future__ import annotations

import re

from models.documents.info_lines import clean
from models.progress.values import MEASURE_WORDS

# Words that make a column text, not a figure (when no measure says otherwise).
TEXT_WORDS = re.compile(
    r"备注|说明|情况|做法|亮点|问题|打算|计划|名称|时间|日期|地点|形式|类别|类型|内容|代码|编码|姓名|职务|电话|手机|邮箱|传真|微信|措施|成效|经验|方式|联系人|座机|号码|性别|地址|签字|盖章|是否|负责人|责任人|领导"
)
UNIT_LIKE = re.compile(r"(单位|部门|地区|区域|乡|镇|街道|县|区|市|企业|公司|名称|名单)(名称)?$")
EVENT_WORDS = re.compile(r"时间|日期|地点")
UNIT_WORDS = re.compile(
    r"^(填报|报送|所属|上报)?(单位|单位名称|部门|部门名称|成员单位|地区|区域|县（市、区）|县\(市、区\)|县市区|区县|"
    r"乡镇（街道）|乡镇\(街道\)|乡镇|镇街|镇（街道）|街道|企业|企业名称|行业|单位（盖章）)$"
)
SEQ_WORDS = re.compile(r"^(序号|编号|序|No\.?)$", re.I)
PERIOD_HEAD = re.compile(r"^(月份|月|时段|周次|期间|时间)$")
PERIOD_ROW = re.compile(r"^(\d{1,2}月(份)?|第\d+周|[一二三四五六七八九十]+月(份)?)$")
TOTAL = re.compile(r"^(合计|总计|全县合计|全区合计|全市合计|共计|汇总|累计合计|总数)$|^(合计|总计)[（(].*[)）]$")
SUBTOTAL = re.compile(r"小计")
SECTION = re.compile(r"^[一二三四五六七八九十]+[、.．]|^[（(][一二三四五六七八九十]+[)）]")
FOOTER = re.compile(
    r"^(附注|注[:：]|注\d|备注[:：]|说明[:：]|填表说明|填报说明|单位负责人|负责人|填报人|填表人|制表人?|审核人?|联系电话|联系人|签字|报送要求)"
)
OPENING, CLOSING = re.escape("（(［[【〔〖<＜"), re.escape("）)］]】〕〗>＞")
CALC_LABEL = re.compile(rf"率$|[{OPENING}][%％][{CLOSING}]$|[%％]$|.(合计|小计|总计)$|^(合计|小计|总计)$")
BRACKETED = re.compile(rf"[{OPENING}]([^{OPENING}{CLOSING}]*)[{CLOSING}]")
BRACKET_TAIL = re.compile(rf"[{OPENING}]([^{OPENING}{CLOSING}]*)[{CLOSING}]$")
UNITS_ROW_LABEL = re.compile(r"^(计量)?单位[:：]?$")  # the label cell of a units row
REMARK = re.compile(rf"^(备注|附注|备考|说明)([{OPENING}].*[{CLOSING}])?$")  # never a figure, measure or not
MEASURE_ORDER = sorted(MEASURE_WORDS, key=len, reverse=True)
DECIMAL_MEASURES = ("万元", "元", "千元", "亿元", "公里", "千米", "吨", "%")
NARRATIVE = (
    (re.compile(r"存在(的)?问题|问题"), "problems"),
    (re.compile(r"下一步|打算|计划"), "plans"),
    (re.compile(r"情况|做法|措施|成效|开展"), "activities"),
    (re.compile(r"亮点|典型|经验"), "highlights"),
)


def narrative_field(label: str) -> str | None:
    for pattern, name in NARRATIVE:
        if pattern.search(label):
            return name
    return None


def measure_word(text: str) -> str | None:
    """The measure a word is ("人次", "万份"), or None."""
    word = clean(text)
    if word in MEASURE_WORDS or re.fullmatch(r"[万千百亿]([份册张条人件元户])(次)?", word):
        return word
    return None


def split_measure(text) -> tuple[str, str | None]:
    """ "发放宣传资料（份）" / "整改资金[万元]" → ("发放宣传资料", "份") / ("整改资金", "万元"); "参与群众⏎人次" →
    ("参与群众", "人次"); "参与人次" → ("参与人次", "人次"); "场次" → ("场次", "场次")."""
    lines = [clean(line) for line in str(text).splitlines()] if text is not None else []
    lines = [line for line in lines if line]
    text = "".join(lines)
    bracket = BRACKET_TAIL.search(text)
    if bracket and bracket.start() > 0 and measure_word(bracket.group(1)):
        return text[: bracket.start()], clean(bracket.group(1))
    if len(lines) >= 2 and measure_word(lines[-1]):
        label = "".join(lines[:-1])
        if not (TEXT_WORDS.search(text) and not TEXT_WORDS.search(label)):  # 负责⏎人, 联系⏎人: one word
            return label, lines[-1]
    for measure in MEASURE_ORDER:
        if len(measure) >= 2 and measure.endswith("次") and text.endswith(measure):
            return text, measure
    return text, None


def cell_measure(text: str) -> str | None:
    """The measure a header cell holding nothing else gives: "（家）", "[万元]", "(%)" — bracketed."""
    bracket = BRACKETED.fullmatch(clean(text))
    if bracket and (measure_word(bracket.group(1)) or clean(bracket.group(1)) == "%"):
        return clean(bracket.group(1))
    return None


def group_title(text) -> str:
    """A group's title without what it says in brackets (or on its last line) about its measure."""
    label, _measure = split_measure(text)
    return BRACKET_TAIL.sub("", label) if label else label


PLACEHOLDER = re.compile(r"[-/\\—–―－─]+")


def units_row(texts: list[str]) -> bool:
    """A row of measures under the titles: "（家）（项）…" or bare "场 / 人次 / 万元", maybe led by 计量单位 or
    a dash; one bracketed measure is enough, bare words need two (a 合计 or 小计 row is never one)."""
    bracketed = [t for t in texts if cell_measure(t)]
    bare = [t for t in texts if not cell_measure(t) and bare_measure(t)]
    rest = [t for t in texts if not cell_measure(t) and not bare_measure(t)]
    if not all(UNITS_ROW_LABEL.match(t) or PLACEHOLDER.fullmatch(t) for t in rest):
        return False
    return bool(bracketed) and not bare or len(bracketed) + len(bare) >= 2


def bare_measure(text: str) -> str | None:
    """A header cell holding only a measure word, no brackets: "人次", "万元", "%"."""
    return "%" if text in ("%", "％") else measure_word(text)
