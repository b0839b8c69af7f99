"""Blocks of a document → reportlab flowables on the GB/T 9704 page, with page numbers `— 1 —`."""

from __future__ import annotations

from reportlab.platypus import BaseDocTemplate, CondPageBreak, Frame, PageTemplate, Spacer
from reportlab.platypus import PageBreak as RLPageBreak

from models.documents.file_output import write_atomically
from models.documents.pdf import blocks as b
from models.documents.pdf import fonts
from models.documents.pdf import geometry as g
from models.documents.pdf.flowables import ColophonFlowable, GridLine, GridText, RedHeaderFlowable, bar_chart
from models.documents.pdf.linebreak import Line, balanced_title, layout
from models.documents.pdf.protect import DEFAULT, Protection
from models.documents.pdf.tables import InBlock, list_table, unit_tables

TWO_CHARS = 2 * g.CHAR_PITCH


def _measure(font: str, size: float):
    return lambda text: fonts.width(text, font, size)


_protect: list[Protection] = [DEFAULT]  # the protected runs of the document being laid out
_sheet: list[g.Sheet] = [g.PORTRAIT]  # its page


def _width() -> float:
    return _sheet[-1].block_width


def _text(
    text: str, role: str = "fangsong", size: float = g.BODY_SIZE, color=(0, 0, 0), where: str = "正文", **options
) -> GridText:
    font = fonts.font(role)
    space = g.BODY_CHAR_SPACE if size == g.BODY_SIZE else 0.0
    lines = layout(text, _measure(font, size), _width(), char_space=space, protect=_protect[-1], **options)
    return GridText([GridLine(line, font, size, color) for line in lines], where=where)


def _title(text: str) -> GridText:
    font = fonts.font("title")
    measure = _measure(font, g.TITLE_SIZE)
    lines = []
    for part in balanced_title(text, measure, _width() - 2 * g.TITLE_SIZE, _protect[-1]):
        x = (_width() - measure(part)) / 2
        lines.append(GridLine(Line(part, x, 0.0, True), font, g.TITLE_SIZE, embolden=fonts.embolden("title")))
    return GridText(lines, where="标题")


def _heading(block: b.Heading) -> GridText:
    role = {1: "heiti", 2: "kaiti"}.get(block.level, "fangsong")
    return _text(block.text, role, first_indent=TWO_CHARS, rest_indent=0.0, where="标题")


def _attachment_note(items: list[str]) -> list:
    """附件：1.名称 — later items and wrapped lines aligned with the first name."""
    font = fonts.font("fangsong")
    measure = _measure(font, g.BODY_SIZE)
    label = "附件："
    hang = TWO_CHARS + measure(label) + g.BODY_CHAR_SPACE * len(label)
    out = []
    for index, item in enumerate(items, start=1):
        text = f"{index}.{item}" if len(items) > 1 else item
        first = TWO_CHARS if index == 1 else hang
        lines = layout(
            (label if index == 1 else "") + text,
            measure,
            _width(),
            first_indent=first,
            rest_indent=hang,
            char_space=g.BODY_CHAR_SPACE,
            protect=_protect[-1],
        )
        out.append(GridText([GridLine(line, font, g.BODY_SIZE) for line in lines], where="附件说明"))
    return out


def _signature(block: b.Signature) -> GridText:
    font = fonts.font("fangsong")
    measure = _measure(font, g.BODY_SIZE)

    def natural(text: str) -> float:
        return measure(text) + g.BODY_CHAR_SPACE * (len(text) - 1)

    # 加盖印章: 成文日期右空四字, 发文机关署名 centred over the date (kept inside the block)
    date_right = _width() - 2 * TWO_CHARS
    centre = date_right - natural(block.date_text) / 2
    centre = min(centre, _width() - natural(block.office) / 2)
    lines = []
    for text in (block.office, block.date_text):
        if text:
            lines.append(GridLine(Line(text, centre - natural(text) / 2, g.BODY_CHAR_SPACE, True), font, g.BODY_SIZE))
    return GridText(lines, where="署名")


def flowables(document: b.Document) -> list:
    _protect.append(DEFAULT.with_words(document.protected))
    _sheet.append(g.LANDSCAPE if document.landscape else g.PORTRAIT)
    try:
        return _flowables(document)
    finally:
        _protect.pop()
        _sheet.pop()


def _flowables(document: b.Document) -> list:
    out: list = []
    for block in document.blocks:
        if isinstance(block, b.Title):
            out.append(_title(block.text))
        elif isinstance(block, b.RedHeader):
            out.append(RedHeaderFlowable(block.mark, block.doc_number))
        elif isinstance(block, b.DocNumber):
            out.append(_text(block.text, align="center"))
        elif isinstance(block, b.Recipients):
            out.append(_text(block.text, align="left"))
        elif isinstance(block, b.Heading):
            heading = _heading(block)
            # keep with next: a heading starts a page unless two lines of what follows fit under it
            out.append(CondPageBreak((len(heading.lines) + 2) * g.LINE_PITCH))
            out.append(heading)
        elif isinstance(block, b.Paragraph):
            out.append(_text(block.text, first_indent=TWO_CHARS))
            out[-1].body = True
        elif isinstance(block, b.Blank):
            out.append(Spacer(_width(), g.LINE_PITCH * block.lines))
        elif isinstance(block, b.Table):
            out.extend(_table(block))
        elif isinstance(block, b.Chart):
            out.append(CondPageBreak(8 * g.LINE_PITCH))
            out.append(_text(block.caption, "heiti", align="center"))
            out.append(InBlock(bar_chart(block.labels, block.values, block.measure)))
        elif isinstance(block, b.AttachmentNote):
            out.extend(_attachment_note(block.items))
        elif isinstance(block, b.Signature):
            out.append(_with_tail(out, _signature(block)))
        elif isinstance(block, b.AttachmentLabel):
            out.append(_text(block.text, "heiti", align="left"))
        elif isinstance(block, b.PageBreak):
            out.append(RLPageBreak())
        elif isinstance(block, b.Colophon):
            out.append(_colophon(block))
        elif isinstance(block, b.ListTable):
            table = list_table(block.header, block.rows, block.shares, _width(), block.size, block.spans, _protect[-1])
            out.append(InBlock(table, _sheet[-1].excess))
    return out


def _colophon(block: b.Colophon) -> ColophonFlowable:
    size = ColophonFlowable.SIZE
    font = fonts.font("fangsong")
    lines = []
    if block.cc:
        text = "抄送：" + block.cc.strip().removeprefix("抄送：").removeprefix("抄送:").rstrip("。.") + "。"
        hang = fonts.width("抄送：", font, size)
        lines = layout(
            text, _measure(font, size), _width() - 2 * size, rest_indent=hang, align="left", protect=_protect[-1]
        )
    return ColophonFlowable(lines, block.office, block.date_text, _sheet[-1].excess)


def _with_tail(out: list, signature: GridText) -> GridText:
    """The signature with the blank lines, 附件说明 and the last lines of body text before it, as one run of
    lines that splits only inside that body text: the signature never stands alone on a page (GB/T 9704 7.3.5),
    the attachment list is never split from it."""
    lines = list(signature.lines)
    tail = len(lines)
    while out and isinstance(out[-1], (GridText, Spacer)):
        item = out.pop()
        if isinstance(item, Spacer):
            blank = GridLine(Line("", 0.0, 0.0, True), fonts.font("fangsong"), g.BODY_SIZE)
            lines[:0] = [blank] * max(1, round(item.height / g.LINE_PITCH))
            tail = len(lines)
            continue
        lines[:0] = item.lines
        if item.body:
            tail += min(2, len(item.lines))
            break
        tail = len(lines)
    return GridText(lines, keep_last=tail)


def _table(block: b.Table) -> list:
    out = [CondPageBreak(4 * g.LINE_PITCH)]
    if block.caption:
        out.append(_text(block.caption, "heiti", align="center"))
    for index, table in enumerate(unit_tables(block.header, block.rows, block.groups, _protect[-1])):
        if index:  # the next columns: a line saying so, kept with the table's head
            out.append(CondPageBreak(5 * g.LINE_PITCH))
            out.append(Spacer(_width(), g.LINE_PITCH / 2))
            out.append(_text(f"（续表{index}）", "heiti", size=g.TABLE_SIZE, align="left"))
        out.append(table)
    if block.note:
        out.append(Spacer(_width(), 4))
        out.append(_text(block.note, size=g.TABLE_SIZE, align="left"))
    return out


def _page_number(sheet: g.Sheet):
    """`— 1 —` in 4号宋体, 7 mm under the block: odd pages right, even pages left, each 空一字."""

    def draw(canvas, doc) -> None:
        font = fonts.font("songti")
        size = g.PAGE_NUMBER_SIZE
        text = f"— {doc.page} —"
        top = sheet.height - sheet.top - sheet.block_height - g.PAGE_NUMBER_GAP
        baseline = top - size * (1 + fonts.descent(font))
        canvas.saveState()
        canvas.setFont(font, size)
        if doc.page % 2:
            canvas.drawRightString(sheet.left + sheet.block_width - size, baseline, text)
        else:
            canvas.drawString(sheet.left + size, baseline, text)
        canvas.restoreState()

    return draw


def render(document: b.Document, out) -> list:
    """Write the PDF; returns the characters no face could draw, with where they are (glyphs.MissingGlyphs)."""
    from models.documents.pdf import glyphs

    with glyphs.collecting() as found:
        story = flowables(document)
        _build(document, story, out)
    return list(found)


def _build(document: b.Document, story: list, out) -> None:
    sheet = g.LANDSCAPE if document.landscape else g.PORTRAIT

    def write(path: str) -> None:
        frame = Frame(sheet.left, sheet.frame_y, sheet.block_width, sheet.frame_height, 0, 0, 0, 0, id="block")
        template = BaseDocTemplate(
            path,
            pagesize=(sheet.width, sheet.height),
            title=document.title,
            author=document.author,
            creator="安全生产月工作台",
            initialFontName=fonts.font("fangsong"),
        )
        template.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_page_number(sheet))])
        template.build(list(story))

    write_atomically(out, write)
