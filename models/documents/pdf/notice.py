"""An issued notice as an official document: red 发文机关标志, 发文字号, separator line, body, 附件说明, signature."""

from __future__ import annotations

import re

from models.documents.cn_text import cn_date
from models.documents.pdf import blocks as b

_HEADING1 = re.compile(r"^[一二三四五六七八九十]+、")
_HEADING2 = re.compile(r"^（[一二三四五六七八九十]+）")
_ENDS = tuple("。：；！？")
# spaces that PDF/Word extraction leaves between Chinese characters and numbers
_SPACES = re.compile(r"(?<=[^\x00-\x7f])[ \t\u3000]+|[ \t\u3000]+(?=[^\x00-\x7f])")


def clean_lines(body: str, fields: dict) -> list[str]:
    """The body's paragraphs: header lines (文号, title, 主送) and the 附件/署名 tail dropped, wrapped lines joined."""
    lines = [_SPACES.sub("", line).strip() for line in (body or "").splitlines()]
    lines = [line for line in lines if line]
    recipients = _SPACES.sub("", fields.get("recipients") or "")
    for index, line in enumerate(lines[:15]):
        if recipients and line.rstrip("：:") == recipients.rstrip("：:"):
            lines = lines[index + 1 :]
            break
    for index, line in enumerate(lines):
        if line.startswith("附件") and index > 0:
            lines = lines[:index]
            break
    paragraphs: list[str] = []
    joining = False
    for line in lines:
        starts_new = bool(_HEADING1.match(line) or _HEADING2.match(line) or re.match(r"^\d+[.、．]", line))
        if joining and not starts_new:
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
        joining = not (line.endswith(_ENDS) or (starts_new and len(line) <= 30))
    return paragraphs


def body_blocks(paragraphs: list[str]) -> list:
    out: list = []
    for text in paragraphs:
        if _HEADING1.match(text) and len(text) <= 30 and not text.endswith("。"):
            out.append(b.Heading(text, 1))
        elif _HEADING2.match(text) and len(text) <= 30 and not text.endswith("。"):
            out.append(b.Heading(text, 2))
        else:
            out.append(b.Paragraph(text))
    return out


def contacts_text(contacts: list[dict]) -> str:
    parts = []
    for contact in contacts or []:
        bits = [contact.get("name") or ""]
        if contact.get("phone"):
            bits.append(f"联系电话：{contact['phone']}")
        if contact.get("email"):
            bits.append(f"邮箱：{contact['email']}")
        parts.append("，".join(x for x in bits if x))
    return f"联系人：{'；'.join(parts)}。" if parts else ""


def notice_document(fields: dict) -> b.Document:
    issuer = fields.get("issuer") or "【待补充】发文机关"
    title = fields.get("title") or "【待补充】标题"
    doc = b.Document(title, author=issuer)
    doc.add(b.RedHeader(f"{issuer}文件", fields.get("doc_number") or ""))
    doc.add(b.Title(title), b.Blank())
    if fields.get("recipients"):
        doc.add(b.Recipients(fields["recipients"].rstrip("：:") + "："))
    paragraphs = clean_lines(fields.get("body") or "", fields)
    doc.add(*body_blocks(paragraphs) or [b.Paragraph("【待补充】正文尚未填写。", missing=True)])
    contacts = contacts_text(fields.get("contacts") or [])
    body_text = "".join(paragraphs)
    if contacts and not any((c.get("phone") or "-") in body_text for c in fields.get("contacts") or []):
        doc.add(b.Paragraph(contacts))
    if fields.get("attachments"):
        doc.add(b.Blank(), b.AttachmentNote(list(fields["attachments"])))
    doc.add(b.Blank(2), b.Signature(issuer, cn_date(fields.get("issue_date")) or "【待补充】成文日期"))
    doc.add(colophon(fields, issuer))
    return doc


def colophon(fields: dict, issuer: str) -> b.Colophon:
    """版记: 抄送 when given; 印发机关 (given, else the issuing office) and 印发日期 (given, else the 成文日期)."""
    office = (fields.get("print_office") or issuer).strip()
    date_text = cn_date(fields.get("print_date") or fields.get("issue_date")) or "【待补充】印发日期"
    return b.Colophon(office, f"{date_text}印发", (fields.get("cc") or "").strip())
