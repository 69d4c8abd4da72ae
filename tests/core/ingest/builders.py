"""Builders for the ingest tests: real DOCX, PDF and zip files made on the spot."""

import datetime as dt
import io
import zipfile

import docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

BODY = (
    "U.S. Secretary of State Antony Blinken met with Chinese Vice President Han Zheng "
    "on Monday on the sidelines of the United Nations General Assembly."
)


def docx_bytes(
    paragraphs: list[str],
    *,
    table: list[list[str]] | None = None,
    title: str | None = None,
    author: str | None = None,
    created: dt.datetime | None = None,
) -> bytes:
    """Return a .docx made with python-docx."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    props = document.core_properties
    props.title = title or ""
    props.author = author or ""
    if created is not None:
        props.created = created
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def replace_part(data: bytes, part: str, content: bytes) -> bytes:
    """Return a copy of the zip `data` with `part` replaced (or added) by `content`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != part:
                dst.writestr(info, src.read(info))
        dst.writestr(part, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def drop_part(data: bytes, part: str) -> bytes:
    """Return a copy of the zip `data` without `part`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != part:
                dst.writestr(info, src.read(info))
    return out.getvalue()


def pdf_bytes(
    pages: list[list[str]], *, title: str | None = None, author: str | None = None
) -> bytes:
    """Return a PDF with one text line per entry, made with reportlab (fixed dates)."""
    buffer = io.BytesIO()
    # invariant=1: a fixed creation date (2000-01-01) and ids, so the bytes are stable.
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    if title:
        pdf.setTitle(title)
    if author:
        pdf.setAuthor(author)
    for lines in pages:
        y = 800
        for line in lines:
            if line:
                pdf.drawString(72, y, line)
            y -= 16
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
