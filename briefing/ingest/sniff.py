"""Which reader a file goes to: content sniffing first, the extension as a hint."""

import io
import re
import zipfile
from collections.abc import Callable

from briefing.errors import InputError
from briefing.ingest.docx import read_docx
from briefing.ingest.draft import SourceDraft
from briefing.ingest.html import read_html
from briefing.ingest.pdf import read_pdf
from briefing.ingest.text import read_text

MAX_FILE_BYTES = 50_000_000

# Magic numbers of formats people pick by mistake, named so the refusal is specific.
_UNSUPPORTED_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old-style Office file (.doc/.xls) or a protected one",
    ),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"%!PS", "a PostScript file"),
    (b"bplist00", "a Safari web archive (save the page as HTML only)"),
)
_UNSUPPORTED_EXT = {
    "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp", "heic", "svg",
    "doc", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "epub",
    "zip", "gz", "tgz", "7z", "rar", "exe", "dll", "mp3", "mp4", "mov", "wav",
    "mht", "mhtml", "webarchive",
}  # fmt: skip
_HTML_EXT = {"html", "htm", "xhtml", "shtml"}
_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b", re.I | re.S
)
# Office packages other than Word, recognized by their main folder in the zip.
_OTHER_OFFICE = (("xl/", "an Excel workbook"), ("ppt/", "a PowerPoint presentation"))
_SUPPORTED = "import a .txt, .html, .docx or .pdf file instead"

Reader = Callable[[bytes, str], SourceDraft]


def extension(name: str) -> str:
    """Return the lower-case extension of a file name or URL path, without the dot."""
    base = re.split(r"[\\/]", name.split("?", 1)[0])[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def _unsupported(name: str, what: str) -> InputError:
    return InputError(f"{name} is {what}, which cannot be imported; {_SUPPORTED}.")


def _zip_kind(data: bytes, name: str) -> Reader:
    """Tell a .docx from other zips by its directory alone (nothing is decompressed)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        return read_docx  # It claims to be a zip: let the DOCX reader explain the damage.
    if "word/document.xml" in names:
        return read_docx
    for folder, what in _OTHER_OFFICE:
        if any(n.startswith(folder) for n in names):
            raise _unsupported(name, what)
    if extension(name) == "docx":
        return read_docx  # A zip named .docx: the reader says which part is missing.
    if "mimetype" in names:
        raise _unsupported(name, "an OpenDocument or EPUB file")
    raise _unsupported(name, "a zip archive")


def choose_reader(data: bytes, name: str) -> Reader:
    """Return the reader for `data`, or raise InputError for an unsupported format."""
    ext = extension(name)
    head = data[:1024]
    # The spec lets junk precede the header, but prose quoting "%PDF-" must stay text.
    if data.lstrip().startswith(b"%PDF-") or (ext == "pdf" and b"%PDF-" in head):
        return read_pdf
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data, name)
    for magic, what in _UNSUPPORTED_MAGIC:
        if data.startswith(magic):
            raise _unsupported(name, what)
    if ext == "pdf":
        raise InputError(f"{name} is not a valid PDF (it has no PDF header); download it again.")
    if ext == "docx":
        raise InputError(
            f"{name} is not a valid Word document (it is not a .docx zip package); "
            "open it in Word and save it as .docx again."
        )
    if ext in _UNSUPPORTED_EXT:
        raise _unsupported(name, f"a .{ext} file")
    if ext in _HTML_EXT or _HTML_START.match(head):
        return read_html
    return read_text


def read_bytes(data: bytes, name: str) -> SourceDraft:
    """Read a source from memory; `name` (a file name or URL) gives the extension hint.

    Args:
        data: the file's bytes.
        name: the file name, shown in error messages and used as a format hint.

    Returns:
        The parsed, normalized source.

    Raises:
        InputError: empty, too large, unsupported, damaged or unsafe input.
    """
    if len(data) > MAX_FILE_BYTES:
        raise InputError(
            f"{name} is {len(data) // 1_000_000} MB, more than the "
            f"{MAX_FILE_BYTES // 1_000_000} MB limit; import a smaller file."
        )
    if not data.strip():
        raise InputError(f"{name} is empty; choose a file with text in it.")
    return choose_reader(data, name)(data, name)
