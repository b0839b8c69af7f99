"""Chinese line breaking (避头尾), one set of rules for all text the PDF engine wraps itself, body text and table
cells alike: no closing punctuation at a line start, no opening one at a line end, protected runs (names, 文号,
dates, numbers with units, e-mails, URLs: ``protect.py``) and Latin words never broken unless wider than the line
or the only way to keep the punctuation rules. A cell's lines are never wider than the cell."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from models.documents.pdf.protect import DEFAULT, NUMBER, Protection

# 避头尾 (GB/T 15834 marks and their ASCII, full-width and small forms): never first on a line / never last on one.
CANNOT_START = frozenset("，。、；：？！）》」』〕】〉〗〙〛］｝｠”’…‥·・—～％‰%,.;:?!)]}｡､．﹚﹜﹞〞〟")
CANNOT_END = frozenset("（《「『〔【〈〖〘〚［｛｟“‘([{﹙﹛﹝〝")
_WORD = "A-Za-z0-9Ａ-Ｚａ-ｚ０-９"
# a Latin word or a number (12.5%, 1,234, v2.0) is one token; so is each run of spaces and each other character
_TOKENS = re.compile(rf"[{_WORD}][{_WORD}.,%/@_\-+:．％]*[{_WORD}%％]|[{_WORD}]|\s+|.", re.S)
_NUMBERS = re.compile(f"(?:{NUMBER})|{_TOKENS.pattern}", re.S)  # numbers with their units first


@dataclass
class Line:
    text: str
    x: float  # offset from the left edge of the text block
    char_space: float
    last: bool = False  # last line of its paragraph (not justified)


def tokens(text: str, protect: Protection | None = None) -> list[str]:
    """Units a line may not break inside: each protected run, each Latin word or number, each other character."""
    protect = protect or DEFAULT
    out: list[str] = []
    at = 0
    for start, end in protect.runs(text):
        out.extend(_TOKENS.findall(text[at:start]))
        out.append(text[start:end])
        at = end
    out.extend(_TOKENS.findall(text[at:]))
    return out


def _pieces(token: str) -> list[str]:
    """A token too wide for a line, in smaller units: a protected run in its numbers with their units
    (2021年5月17日 → 2021年 5月 17日), else in its words and numbers (8,420人次 → 8,420 人 次), else a word or
    number in its characters."""
    for pattern in (_NUMBERS, _TOKENS):
        parts = pattern.findall(token)
        if len(parts) > 1:
            return parts
    return list(token)


def _may_break(parts: list[str], start: int, cut: int) -> bool:
    """Whether a line may end before parts[cut]: the next line does not begin with closing punctuation nor this
    one end with opening punctuation (spaces between are dropped at the break)."""
    before = cut - 1
    while before > start and parts[before].isspace():
        before -= 1
    after = cut
    while after < len(parts) and parts[after].isspace():
        after += 1
    if parts[before][-1] in CANNOT_END:
        return False
    return after >= len(parts) or parts[after][0] not in CANNOT_START


def break_lines(
    text: str,
    measure: Callable[[str], float],
    width: float,
    first_indent: float = 0.0,
    rest_indent: float = 0.0,
    char_space: float = 0.0,
    protect: Protection | None = None,
    *,
    fit: bool = False,
) -> list[list[str]]:
    """Greedy fill of *width* with tokens, each line broken at the last place the rules allow (``_may_break``);
    returns the tokens of each line. A token is broken inside (``_pieces``) only when it is wider than a whole
    line (a long URL, a date in a narrow cell) or when no break on its line keeps the rules (“（” before a 文号
    that fills the line); where none does even then (a cell a character or two wide), the line breaks where it
    is full all the same.

    Body text (*fit* false) may take a word or protected run up to 0.8 of a character past the line (layout
    squeezes the spacing). With *fit* (a table cell) no line is ever wider than *width*, and a bracketed or
    quoted part goes whole to the next line where it fits there (``_before_group``)."""

    def size(token: str) -> float:
        return measure(token) + char_space * len(token)

    slack = 0.01 if fit else 0.5
    squeeze = 0.0 if fit else 0.8 * size("中")
    whole_line = width - max(first_indent, rest_indent) + slack
    parts = tokens(text.replace("\n", ""), protect)
    lines: list[list[str]] = []
    start = 0
    while True:
        while start < len(parts) and parts[start].isspace():
            start += 1
        if start >= len(parts):
            break
        room = width - (rest_indent if lines else first_indent) + slack
        used, end = 0.0, start
        while end < len(parts):
            token = parts[end]
            step = size(token)
            if len(token) > 1 and step > whole_line:
                parts[end : end + 1] = _pieces(token)
                continue
            if used + step > room + (squeeze if len(token) > 1 else 0.0):
                break
            used += step
            end += 1
        if end >= len(parts):
            lines.append(parts[start:])
            break
        if end == start:  # one character wider than the line: alone on it
            end = start + 1
        cut = next((cut for cut in range(end, start, -1) if _may_break(parts, start, cut)), None)
        if cut is None:  # no break keeps the rules (（ + a 文号 as wide as the line): split a run, nearest first
            runs = [index for index in range(start, end + 1) if len(parts[index]) > 1]
            if runs:
                parts[runs[-1] : runs[-1] + 1] = _pieces(parts[runs[-1]])
                continue
            cut = end  # only single characters: break where the line is full all the same
        if fit:
            cut = _before_group(parts, start, cut, size, width - rest_indent + slack)
        lines.append(parts[start:cut])
        start = cut
    lines = [_strip(line) for line in lines if "".join(line).strip()]
    room = width - rest_indent + slack
    _no_lone_character(lines, (lambda line: sum(size(t) for t in line) <= room) if fit else None)
    return lines


_OPENS, _CLOSES = "（(［[【〔《〈「『“‘〖", "）)］]】〕》〉」』”’〗"


def _before_group(parts: list[str], start: int, cut: int, size: Callable[[str], float], room: float) -> int:
    """A cell's line that would break inside a bracketed or quoted group (城关镇（城关 / 片区）) breaks before it
    instead, where the whole group then fits on the next line (城关镇 / （城关片区））."""
    depth, opening = 0, None
    for index in range(cut - 1, start, -1):
        if parts[index][0] in _CLOSES:
            depth += 1
        elif parts[index][-1] in _OPENS:
            if depth == 0:
                opening = index
                break
            depth -= 1
    if opening is None or not _may_break(parts, start, opening):
        return cut
    depth, used = 0, 0.0
    for token in parts[opening:]:
        used += size(token)
        if used > room:
            return cut
        depth += (token[-1] in _OPENS) - (token[0] in _CLOSES)
        if depth <= 0:
            return opening
    return cut


def _no_lone_character(lines: list[list[str]], fits: Callable[[list[str]], bool] | None = None) -> None:
    """A paragraph does not end with one character alone on its line (“局。”): bring one more down (where the
    last line then still *fits*)."""
    if len(lines) < 2 or len(lines[-2]) < 3:
        return
    last = "".join(lines[-1]).rstrip("".join(CANNOT_START))
    moved = lines[-2][-1]
    if len(last) == 1 and moved[0] not in CANNOT_START and lines[-2][-2][-1] not in CANNOT_END:
        if fits is None or fits([moved, *lines[-1]]):
            lines[-1].insert(0, lines[-2].pop())


def _strip(line: list[str]) -> list[str]:
    while line and line[-1].isspace():
        line.pop()
    return line


def wrap_text(text: str, measure: Callable[[str], float], width: float, protect: Protection | None = None) -> str:
    """*text* broken into lines no wider than *width* (a table cell), by the same rules as body text; the
    clerk's own line breaks kept. Lines joined by "\n"."""
    out = []
    for piece in str(text).split("\n"):
        if measure(piece) <= width + 0.01:
            out.append(piece)
        else:
            out.extend("".join(line) for line in break_lines(piece, measure, width, protect=protect, fit=True))
    return "\n".join(out)


def layout(
    text: str,
    measure: Callable[[str], float],
    width: float,
    *,
    first_indent: float = 0.0,
    rest_indent: float = 0.0,
    char_space: float = 0.0,
    align: str = "justify",
    right_indent: float = 0.0,
    protect: Protection | None = None,
) -> list[Line]:
    """Lines placed in a block of *width*: justify (last line left), left, center or right."""
    broken = break_lines(text, measure, width - right_indent, first_indent, rest_indent, char_space, protect)
    placed = []
    for index, parts in enumerate(broken):
        line_text = "".join(parts)
        indent = first_indent if index == 0 else rest_indent
        last = index == len(broken) - 1
        natural = measure(line_text) + char_space * (len(line_text) - 1)
        room = width - right_indent - indent
        space = char_space
        x = indent
        if align == "justify" and not last and len(line_text) > 1:
            stretched = (room - measure(line_text)) / (len(line_text) - 1)
            if stretched - char_space < 6:  # a very short line (long token moved on) stays left-aligned
                space = stretched
        elif natural > room + 0.01 and len(line_text) > 1:  # a squeezed line that is not justified
            space = (room - measure(line_text)) / (len(line_text) - 1)
            natural = room
        if align == "center":
            x = indent + (room - natural) / 2
        elif align == "right":
            x = width - right_indent - natural
        placed.append(Line(line_text, x, space, last))
    return placed


GOOD_ENDS = ("印发", "转发", "关于", "开展", "做好", "的", "和", "及", "与")


def _title_penalty(token: str, after: str, before: str, quotes: int, books: int) -> float:
    """Cost (in squared characters) of breaking a title between *token* and the next one."""
    if (before and before[0] in CANNOT_START) or token[-1] in CANNOT_END:
        return 1e9
    cost = 100.0 if quotes > 0 else (9.0 if books > 0 else 0.0)
    if after.endswith(GOOD_ENDS):
        cost -= 6.0
    if before and before[0] in "《“":
        cost -= 4.0
    return cost


def balanced_title(
    text: str, measure: Callable[[str], float], width: float, protect: Protection | None = None
) -> list[str]:
    """Break a title into the fewest lines that fit, of even length, at word ends and outside “…” quotes."""
    protect = (protect or DEFAULT).for_titles()
    total = measure(text)
    count = max(1, int(total // width) + (1 if total % width > 0.5 else 0))
    if count == 1:
        return [text]
    parts = tokens(text, protect)
    unit = measure("中") or 1.0
    quotes = books = 0
    penalties, offsets, at, seen = [], [], 0.0, ""
    for index, token in enumerate(parts):
        at += measure(token)
        seen += token
        quotes += token.count("“") - token.count("”")
        books += token.count("《") - token.count("》")
        following = parts[index + 1] if index + 1 < len(parts) else ""
        penalties.append(_title_penalty(token, seen, following, quotes, books))
        offsets.append(at)
    best: dict[tuple[int, int], tuple[float, list[int]]] = {}

    def deviation(length: float) -> float:
        return ((length - total / count) / unit) ** 2

    def solve(start_index: int, start_at: float, left: int) -> tuple[float, list[int]]:
        key = (start_index, left)
        if key in best:
            return best[key]
        if left == 1:
            length = total - start_at
            result = (deviation(length) if length <= width + 0.5 else 1e18, [])
        else:
            result = (1e18, [])
            for index in range(start_index, len(parts) - 1):
                length = offsets[index] - start_at
                if length > width + 0.5:
                    break
                rest_cost, rest = solve(index + 1, offsets[index], left - 1)
                cost = deviation(length) + penalties[index] + rest_cost
                if cost < result[0]:
                    result = (cost, [index, *rest])
        best[key] = result
        return result

    cost, cuts = solve(0, 0.0, count)
    if cost >= 1e17 or len(cuts) != count - 1:
        return ["".join(p) for p in break_lines(text, measure, width, protect=protect)]
    lines, start = [], 0
    for cut in [*cuts, len(parts) - 1]:
        lines.append("".join(parts[start : cut + 1]))
        start = cut + 1
    return lines
