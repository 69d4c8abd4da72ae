"""Word (.docx) files, read from the zip by hand: no DTDs, no entities, no zip bombs."""

import datetime as dt
import io
import posixpath
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterator

import defusedxml.ElementTree
from defusedxml import DefusedXmlException

from briefing.errors import InputError
from briefing.ingest.draft import SourceDraft
from briefing.ingest.meta import choose_title, parse_date
from briefing.normalize import normalize_text

# Zip-bomb limits (issue: check the directory before reading anything).
MAX_UNCOMPRESSED = 200_000_000
MAX_RATIO = 100
RATIO_FLOOR = 1_000_000  # Small members compress far better than 100:1 and are harmless.
MAX_MEMBERS = 10_000
MAX_XML_PART = 50_000_000  # An element tree takes ~10x its XML; a long report is ~10 MB.

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOC = "/officeDocument"
# Fallback copies of text boxes and moved-from text would repeat text shown elsewhere.
_SKIPPED = {_MC_FALLBACK, _W + "moveFrom", _W + "del"}
_BREAKS = {_W + "br", _W + "cr"}
_CHARS = {_W + "tab": "\t", _W + "noBreakHyphen": "\u2011", _W + "softHyphen": ""}


def check_zip(zf: zipfile.ZipFile, name: str) -> None:
    """Refuse a zip whose directory announces a bomb: too big in total or too compressed."""
    members = zf.infolist()
    if len(members) > MAX_MEMBERS:
        raise InputError(
            f"{name} holds {len(members)} files, too many for a Word document; it was not opened."
        )
    total = 0
    for info in members:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise InputError(
                f"{name} looks like a zip bomb ({info.filename} expands {ratio:.0f} times); "
                "it was not opened."
            )
    if total > MAX_UNCOMPRESSED:
        raise InputError(
            f"{name} would expand to {total / 1e6:.0f} MB, more than the "
            f"{MAX_UNCOMPRESSED // 1_000_000} MB limit; it was not opened."
        )


def _read_xml(zf: zipfile.ZipFile, part: str, name: str) -> ET.Element | None:
    """Parse one XML part safely, or return None when the part is absent."""
    try:
        info = zf.getinfo(part)
    except KeyError:
        return None
    if info.file_size > MAX_XML_PART:
        raise InputError(
            f"{name} has a {info.file_size / 1e6:.0f} MB {part}, more than the "
            f"{MAX_XML_PART / 1e6:.0f} MB this app reads; split the document."
        )
    with zf.open(info) as stream:
        # The declared size is enforced by zipfile itself (CRC and length checks), and
        # this bounded read stops a lying directory from feeding us more.
        data = stream.read(info.file_size + 1)
    try:
        return defusedxml.ElementTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise InputError(
            f"{name} declares a DTD or entities in {part} (an XML attack pattern); "
            "it was not opened."
        ) from exc


def _main_part(zf: zipfile.ZipFile, name: str) -> str:
    """Return the main document part named by the package relationships."""
    rels = _read_xml(zf, "_rels/.rels", name)
    if rels is not None:
        for rel in rels.iter(_REL):
            target = rel.get("Target") or ""
            if (rel.get("Type") or "").endswith(_OFFICE_DOC) and "://" not in target:
                return posixpath.normpath(target.lstrip("/"))
    return "word/document.xml"


def _runs(el: ET.Element) -> Iterator[str]:
    """Yield a paragraph's text pieces in order, skipping fallback copies of text boxes."""
    if el.tag in _SKIPPED:
        return
    if el.tag == _W + "t" and el.text:
        yield el.text
    elif el.tag in _BREAKS:
        yield "\n"
    elif el.tag in _CHARS:
        yield _CHARS[el.tag]
    for child in el:
        if child.tag != _W + "p":  # Nested paragraphs (text boxes) come out on their own.
            yield from _runs(child)


def _boxes(el: ET.Element) -> Iterator[ET.Element]:
    """Yield the text boxes anchored in `el`, once each (not their fallback copies)."""
    for child in el:
        if child.tag == _W + "txbxContent":
            yield child  # Boxes nested in it are found when its paragraphs are read.
        elif child.tag != _MC_FALLBACK:
            yield from _boxes(child)


def _blocks(body: ET.Element) -> Iterator[str]:
    """Yield paragraphs of the body in order; a table row becomes one "a | b" line."""
    for el in body:
        if el.tag == _W + "p":
            yield "".join(_runs(el))
            for box in _boxes(el):
                yield from _blocks(box)
        elif el.tag == _W + "tbl":
            for row in el.iter(_W + "tr"):
                cells = (" ".join(_blocks(cell)).strip() for cell in row.iter(_W + "tc"))
                yield " | ".join(c for c in cells if c)
        elif el.tag == _W + "sdt" and (content := el.find(_W + "sdtContent")) is not None:
            yield from _blocks(content)


def _core(zf: zipfile.ZipFile, name: str) -> tuple[str | None, str | None, dt.date | None]:
    """Return (title, author, created date) from docProps/core.xml."""
    core = _read_xml(zf, "docProps/core.xml", name)
    if core is None:
        return None, None, None

    def value(tag: str) -> str | None:
        el = core.find(tag)
        return el.text.strip() if el is not None and el.text and el.text.strip() else None

    return value(_DC + "title"), value(_DC + "creator"), parse_date(value(_DCTERMS + "created"))


def read_docx(data: bytes, name: str) -> SourceDraft:
    """Read a .docx: body paragraphs and tables, and title/author/created from its properties."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(
            f"{name} is not a valid Word document (it is not a .docx zip package); "
            "open it in Word and save it as .docx again."
        ) from exc
    with zf:
        check_zip(zf, name)
        try:
            part = _main_part(zf, name)
            document = _read_xml(zf, part, name)
            if document is None:
                raise InputError(
                    f"{name} has no {part} part, so it is not a Word document; "
                    "save it as .docx again."
                )
            title, author, created = _core(zf, name)
            body = document.find(_W + "body")
            text = normalize_text("\n\n".join(_blocks(body if body is not None else document)))
        except (
            zipfile.BadZipFile, ET.ParseError, EOFError, ValueError, OSError,
            NotImplementedError, RuntimeError, zlib.error,
        ) as exc:  # fmt: skip
            # Damaged archives fail in many ways: bad CRC, truncated deflate, bad XML, an
            # unsupported compression method or an encrypted member (RuntimeError).
            raise InputError(
                f"{name} is damaged and cannot be read ({exc}); save it as .docx again."
            ) from exc
    if not text:
        raise InputError(f"{name} has no text in it; check that you chose the right document.")
    return SourceDraft(
        text=text,
        title=choose_title(title, text),
        original=data,
        format="docx",
        author=author,
        published=created,
    )
