"""Writing an official-format PDF: a document (``blocks.Document``) or an issued notice's fields to a file;
reportlab is imported only when building."""

from __future__ import annotations

from models.documents.pdf.blocks import Document


def build_pdf(document: Document, out) -> list:
    """Write *document* to the file *out* (atomically: temp file in the same folder, then replace).

    Returns the characters no available face could draw, with where they are (``glyphs.MissingGlyphs``; empty
    when everything prints): the caller tells the clerk (``glyphs.describe``) before the paper is printed."""
    from models.documents.pdf.render import render

    return render(document, out)


def build_notice_pdf(fields: dict, out) -> list:
    """Print an issued notice from a plain dict.

    Keys: doc_number, title, issuer, issue_date, recipients, body, contacts, attachments.
    """
    from models.documents.pdf.notice import notice_document

    return build_pdf(notice_document(fields), out)
