"""PDFs: text layer per page, metadata, scans without text, truncated and damaged files."""

import datetime as dt
import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from briefing.errors import InputError
from briefing.ingest import read_bytes, read_path
from briefing.ingest.pdf import reflow
from tests.core.ingest.builders import pdf_bytes

PAGE_ONE = [
    "Blinken meets Han at the UN",
    "",
    "U.S. Secretary of State Antony Blinken met with Chinese Vice President Han",
    "Zheng on Monday on the sidelines of the United Nations General Assembly.",
]
PAGE_TWO = ["The world needs stable and healthy China-U.S. relations, Han said."]


def test_text_pages_and_metadata(write) -> None:
    data = pdf_bytes([PAGE_ONE, PAGE_TWO], title="Blinken meets Han", author="Jane Doe")
    draft = read_path(write("story.pdf", data))
    assert draft.format == "pdf"
    assert draft.original == data
    assert draft.title == "Blinken meets Han"
    assert draft.author == "Jane Doe"
    assert draft.published == dt.date(2000, 1, 1)  # reportlab's invariant creation date
    assert "Blinken meets Han at the UN" in draft.text
    # Hard-wrapped lines of one paragraph are joined; pages are separate paragraphs.
    assert (
        "Blinken met with Chinese Vice President Han Zheng on Monday on the sidelines"
    ) in draft.text
    assert draft.text.endswith("\n\n" + PAGE_TWO[0])


def test_title_derived_without_metadata() -> None:
    draft = read_bytes(pdf_bytes([PAGE_ONE]), "a.pdf")
    assert draft.title == "Blinken meets Han at the UN"
    assert draft.author is None  # reportlab's placeholder "anonymous" is no author


def test_pdf_sniffed_by_content() -> None:
    assert read_bytes(pdf_bytes([PAGE_TWO]), "download").format == "pdf"


def test_scan_without_text_layer_is_refused(write) -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.rect(100, 100, 300, 400, fill=1)  # A page of "image", no text.
    pdf.showPage()
    pdf.save()
    with pytest.raises(InputError, match=r"^scan\.pdf has no text layer.*run OCR first"):
        read_path(write("scan.pdf", buffer.getvalue()))


def test_truncated_pdf_is_refused() -> None:
    data = pdf_bytes([PAGE_ONE, PAGE_TWO])
    with pytest.raises(InputError, match=r"^cut\.pdf is truncated or damaged"):
        read_bytes(data[: len(data) // 2], "cut.pdf")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\nthis is not a pdf at all\n%%EOF\n",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF",
    ],
)
def test_corrupt_pdf_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^bad\.pdf is "):
        read_bytes(data, "bad.pdf")


def test_text_named_pdf_is_refused(write) -> None:
    with pytest.raises(InputError, match=r"^fake\.pdf is not a valid PDF"):
        read_path(write("fake.pdf", b"plain text pretending to be a PDF"))


def test_password_protected_pdf_is_refused() -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, encrypt="secret")
    pdf.drawString(72, 800, "Hidden text")
    pdf.showPage()
    pdf.save()
    with pytest.raises(InputError, match=r"^locked\.pdf is password-protected"):
        read_bytes(buffer.getvalue(), "locked.pdf")


def test_reflow_joins_wrapped_lines_and_keeps_paragraphs() -> None:
    page = (
        "A long line of text that wraps onto the next line because the\n"
        "page is narrow and the paragraph ends here.\n"
        "Next paragraph starts here and is long enough to be a full line\n"
        "of self-\n"
        "evident text."
    )
    assert reflow(page) == (
        "A long line of text that wraps onto the next line because the "
        "page is narrow and the paragraph ends here.\n\n"
        "Next paragraph starts here and is long enough to be a full line "
        "of self-evident text.\n\n"
    )


def test_pdf_restricted_with_an_empty_password_is_read() -> None:
    buffer = io.BytesIO()
    lock = StandardEncryption(userPassword="", ownerPassword="owner", canPrint=0)
    pdf = canvas.Canvas(buffer, pagesize=A4, encrypt=lock)
    pdf.drawString(72, 800, "Readable but not printable.")
    pdf.showPage()
    pdf.save()
    assert read_bytes(buffer.getvalue(), "restricted.pdf").text == "Readable but not printable."
