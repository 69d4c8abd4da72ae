"""PDFs with a text layer (pypdf): page text reflowed into paragraphs, plus metadata."""

import contextlib
import datetime as dt
import io
import logging
import warnings
from collections.abc import Iterator

import pypdf
from pypdf.errors import PyPdfError

from briefing.errors import InputError
from briefing.ingest.draft import SourceDraft
from briefing.ingest.meta import choose_title, parse_date
from briefing.normalize import normalize_text

MAX_PAGES = 2_000
_PLACEHOLDERS = {"", "untitled", "anonymous", "unknown", "unspecified", "none"}
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

    Wrapped lines fill the column; a paragraph's last line (or a heading) is short. So
    a line ends its paragraph when it is under 3/4 of the page's usual line length (the
    80th percentile, so one long URL does not make every line look short) or the next
    line is blank. Lines are joined with a space, or with nothing after a hyphen
    ("self-\nevident"), so a quote wrapped across lines can still be found.
    """
    lines = [line.strip() for line in page_text.split("\n")]
    lengths = sorted(len(line) for line in lines if line)
    width = lengths[int(0.8 * (len(lengths) - 1))] if lengths else 0
    out: list[str] = []
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        if not line:
            out.append("\n\n")
            continue
        if out and out[-1] != "\n\n":
            out.append("" if out[-1].endswith("-") else " ")
        out.append(line)
        # A hyphen or a lower-case next line means the sentence goes on.
        goes_on = line.endswith("-") or following[:1].islower()
        if len(line) < 0.75 * width and not goes_on:
            out.append("\n\n")
    return "".join(out)


def _info_text(info: pypdf.DocumentInformation, key: str) -> str | None:
    value = str(info.get(key) or "").strip()
    # Producers fill in placeholders (reportlab: "untitled", "anonymous").
    return value if value.lower() not in _PLACEHOLDERS else None


def _metadata(reader: pypdf.PdfReader) -> tuple[str | None, str | None, dt.date | None]:
    """Return (title, author, creation date) from the document information dictionary."""
    try:
        info = reader.metadata
        if info is None:
            return None, None, None
        return (
            _info_text(info, "/Title"),
            _info_text(info, "/Author"),
            parse_date(_info_text(info, "/CreationDate")),
        )
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError):
        return None, None, None  # Broken metadata should not cost the user the text.


def _open(data: bytes, name: str) -> pypdf.PdfReader:
    # A file cut short loses its trailer; pypdf would guess its way through it, but a
    # truncated source should be re-downloaded rather than half imported.
    if b"%%EOF" not in data[-2048:]:
        raise InputError(
            f"{name} is truncated or damaged (no end-of-file marker); download it again."
        )
    reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            # Many PDFs are "encrypted" with an empty password only to restrict printing.
            opened = bool(reader.decrypt(""))
        except (PyPdfError, NotImplementedError) as exc:  # DependencyError: no AES backend
            raise InputError(
                f"{name} is encrypted in a way this app cannot open; "
                "save an unprotected copy and import that."
            ) from exc
        if not opened:
            raise InputError(
                f"{name} is password-protected; save an unprotected copy and import that."
            )
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
        title=choose_title(title, text),
        original=data,
        format="pdf",
        author=author,
        published=created,
    )
