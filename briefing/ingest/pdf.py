"""PDFs with a text layer (pypdf): page text reflowed into paragraphs, plus metadata."""

import contextlib
import datetime as dt
import io
import logging
import re
import warnings
from collections.abc import Iterator

import pypdf
from pypdf.errors import PyPdfError

from briefing.errors import InputError
from briefing.ingest.draft import SourceDraft
from briefing.ingest.meta import derive_title, headline, parse_date
from briefing.normalize import normalize_text

MAX_PAGES = 2_000
_LINE_END = re.compile(r"[.!?:\"”)\]]$")
_PDF_LOGGER = logging.getLogger("pypdf")


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Silence pypdf's warnings and log lines about damaged files: we report them ourselves.

    pytest runs with filterwarnings=error, and a user needs one sentence, not a log.
    """
    level = _PDF_LOGGER.level
    _PDF_LOGGER.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        _PDF_LOGGER.setLevel(level)


def reflow(page_text: str) -> str:
    """Join a page's hard-wrapped lines into paragraphs.

    A line ends its paragraph when the next is blank, or when it is clearly short
    (under 3/4 of the page's longest line) and ends like a sentence; otherwise lines
    are joined with a space, or with nothing after a hyphen ("self-\\nevident").
    """
    lines = [line.strip() for line in page_text.split("\n")]
    width = max((len(line) for line in lines), default=0)
    out: list[str] = []
    for line in lines:
        if not line:
            out.append("\n\n")
            continue
        if out and out[-1] not in ("\n\n", ""):
            out.append("" if out[-1].endswith("-") else " ")
        out.append(line)
        if len(line) < 0.75 * width and _LINE_END.search(line):
            out.append("\n\n")
    return "".join(out)


def _metadata(reader: pypdf.PdfReader) -> tuple[str | None, str | None, dt.date | None]:
    """Return (title, author, creation date) from the document information dictionary."""
    try:
        info = reader.metadata
    except (PyPdfError, ValueError, KeyError, TypeError):
        return None, None, None  # Broken metadata should not cost the user the text.
    if info is None:
        return None, None, None

    def text(key: str) -> str | None:
        value = info.get(key)
        return str(value).strip() or None if value is not None else None

    return text("/Title"), text("/Author"), parse_date(text("/CreationDate"))


def _open(data: bytes, name: str) -> pypdf.PdfReader:
    # A file cut short loses its trailer; pypdf would guess its way through it, but a
    # truncated source should be re-downloaded rather than half imported.
    if b"%%EOF" not in data[-2048:]:
        raise InputError(
            f"{name} is truncated or damaged (no end-of-file marker); download it again."
        )
    reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise InputError(f"{name} is password-protected; save an unprotected copy and import that.")
    return reader


def read_pdf(data: bytes, name: str) -> SourceDraft:
    """Read a PDF's text layer, one page after another, and its title/author/date."""
    try:
        with _quiet():
            reader = _open(data, name)
            if len(reader.pages) > MAX_PAGES:
                raise InputError(
                    f"{name} has {len(reader.pages)} pages, more than {MAX_PAGES}; split it."
                )
            pages = [reflow(page.extract_text() or "") for page in reader.pages]
            title, author, created = _metadata(reader)
    except InputError:
        raise
    except Exception as exc:
        # Why broad: pypdf on a damaged file raises whatever its parser trips over
        # (PdfReadError, KeyError, TypeError, struct.error, RecursionError...); this is
        # the reader's boundary, and the user needs one sentence, not a traceback.
        raise InputError(
            f"{name} is damaged and cannot be read as a PDF; download it again."
        ) from exc
    text = normalize_text("\n\n".join(pages))
    if not text:
        raise InputError(
            f"{name} has no text layer (it is probably a scan); run OCR first, then import it."
        )
    return SourceDraft(
        text=text,
        title=normalize_text(title or "").replace("\n", " ")
        or headline(text)
        or derive_title(text),
        original=data,
        format="pdf",
        author=author,
        published=created,
    )
