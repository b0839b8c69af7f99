"""Chinese line breaking: no closing punctuation at a line start, no opening one at a line end, protected runs
(names, 文号, dates, numbers with units, e-mails, URLs: ``protect.py``) never broken unless wider than the line."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from models.documents.pdf.protect import DEFAULT, Protection

CANNOT_START = set("，。、；：？！）》」』〕】〉”’…%,.;:?!)]}·—～")
CANNOT_END = set("（《「『〔【〈“‘([{")
_TOKENS = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,%/@_\-+:]*[A-Za-z0-9%]|[A-Za-z0-9]|\s+|.", re.S)


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


def _fix_break(current: list[str], token: str) -> tuple[list[str], list[str]]:
    """Split before *token*: move tokens back so the next line does not start badly nor this one end badly."""
    carry = [token]
    while len(current) > 1 and carry[0][0] in CANNOT_START:
        carry.insert(0, current.pop())
    while len(current) > 1 and current[-1][-1] in CANNOT_END:
        carry.insert(0, current.pop())
    return current, carry


def break_lines(
    text: str,
    measure: Callable[[str], float],
    width: float,
    first_indent: float = 0.0,
    rest_indent: float = 0.0,
    char_space: float = 0.0,
    protect: Protection | None = None,
) -> list[list[str]]:
    """Greedy fill of *width* with tokens; returns the tokens of each line. A token wider than a whole line
    (a long URL) is the only thing ever broken inside, by characters."""

    def size(token: str) -> float:
        return measure(token) + char_space * len(token)

    lines: list[list[str]] = []
    current: list[str] = []
    used = first_indent
    pending = tokens(text.replace("\n", ""), protect)[::-1]
    while pending:
        token = pending.pop()
        if not current and token.isspace():
            continue
        step = size(token)
        limit = width - (rest_indent if lines else first_indent)
        if len(token) > 1 and step > width - max(first_indent, rest_indent) + 0.5:
            pending.extend(reversed(list(token)))
            continue
        # a word or protected run may squeeze its line by up to 0.8 of a character rather than leave a gap
        squeeze = 0.8 * size("中") if len(token) > 1 else 0.0
        if current and used - (rest_indent if lines else first_indent) + step > limit + 0.5 + squeeze:
            current, carry = _fix_break(current, token)
            lines.append(current)
            current = carry[1:] if carry[0].isspace() else carry
            used = rest_indent + sum(size(t) for t in current)
            continue
        if not current:
            used = rest_indent if lines else first_indent
        current.append(token)
        used += step
    if current:
        lines.append(current)
    lines = [_strip(line) for line in lines if "".join(line).strip()]
    _no_lone_character(lines)
    return lines


def _no_lone_character(lines: list[list[str]]) -> None:
    """A paragraph does not end with one character alone on its line (“局。”): bring one more down."""
    if len(lines) < 2 or len(lines[-2]) < 3:
        return
    last = "".join(lines[-1]).rstrip("".join(CANNOT_START))
    moved = lines[-2][-1]
    if len(last) == 1 and moved[0] not in CANNOT_START and lines[-2][-2][-1] not in CANNOT_END:
        lines[-1].insert(0, lines[-2].pop())


def _strip(line: list[str]) -> list[str]:
    while line and line[-1].isspace():
        line.pop()
    return line


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
