"""Low-level WordprocessingML for DOCX exports: text runs, links, bookmarks and fields."""

import re
from dataclasses import dataclass
from typing import Any, cast

from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.run import CT_R
from docx.shared import RGBColor
from docx.text.run import Run

from briefing.export.common import safe_text

# python-docx ships no type information; its objects pass through as Any.
Element = Any

RED = RGBColor(0xC0, 0x00, 0x00)
# Han, kana, hangul, CJK punctuation and full-width forms: Word picks the East Asian
# font slot for these only when the run says so (w:hint), else a Latin font with no glyphs.
_CJK = re.compile(
    r"[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    r"\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+"
)
CJK_FONT = (
    "Microsoft YaHei"  # Word on Windows has it; LibreOffice substitutes an installed CJK font
)
CJK_LANG = "zh-CN"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass(frozen=True)
class Look:
    """Character formatting for a stretch of text."""

    bold: bool = False
    italic: bool = False
    color: RGBColor | None = None
    style_id: str | None = None  # a character style such as "Hyperlink"
    highlight: bool = False  # yellow, as a reader's highlighter


PLAIN = Look()


def append_text(container: Element, paragraph: Any, text: str, look: Look = PLAIN) -> list[Any]:
    """Append `text` as runs to `container` (a w:p or w:hyperlink); return the w:r elements.

    The text is made safe for XML first; CJK stretches get their own run with East Asian
    font hints so Word and LibreOffice shape them with a CJK font.
    """
    runs = []
    for segment, is_cjk in _segments(safe_text(text)):
        r = cast("CT_R", OxmlElement("w:r"))
        container.append(r)
        if look != PLAIN:
            _format(r, Run(r, paragraph), look)
        if is_cjk:
            _hint_east_asian(r)
        _put_text(r, segment)
        runs.append(r)
    return runs


def _put_text(r: Element, text: str) -> None:
    # Built directly rather than through Run.text, which costs an XPath query per run.
    # lxml escapes <, > and & itself, so markup-like text stays literal.
    for number, line in enumerate(text.split("\n")):
        if number:
            r.append(OxmlElement("w:br"))
        if line:
            t = OxmlElement("w:t")
            t.text = line
            if line != line.strip():
                t.set(_XML_SPACE, "preserve")
            r.append(t)


def _segments(text: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    pos = 0
    for match in _CJK.finditer(text):
        if match.start() > pos:
            out.append((text[pos : match.start()], False))
        out.append((match.group(), True))
        pos = match.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def _format(r: Element, run: Any, look: Look) -> None:
    if look.style_id:
        r.style = look.style_id
    if look.bold:
        run.bold = True
    if look.italic:
        run.italic = True
    if look.color is not None:
        run.font.color.rgb = look.color
    if look.highlight:
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _hint_east_asian(r: Element) -> None:
    rpr = r.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), CJK_FONT)
    fonts.set(qn("w:hint"), "eastAsia")
    lang = OxmlElement("w:lang")
    lang.set(qn("w:eastAsia"), CJK_LANG)
    # w:lang comes late in CT_RPr's sequence; appending keeps the schema order here.
    rpr.append(lang)


def append_external_link(paragraph: Any, part: Any, url: str, text: str) -> Element:
    """Append a web link whose relationship lives in `part` (document or footnotes part)."""
    link = OxmlElement("w:hyperlink")
    # The target goes into a .rels file unescaped by us, so it must be XML-safe too.
    link.set(qn("r:id"), part.relate_to(safe_text(url), RT.HYPERLINK, is_external=True))
    paragraph._p.append(link)
    # LibreOffice renders link text as a link only when it carries the Hyperlink style.
    append_text(link, paragraph, text, Look(style_id="Hyperlink"))
    return link


def append_internal_link(paragraph: Any, bookmark: str, text: str) -> Element:
    """Append a link to a bookmark in the same document."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark)
    link.set(qn("w:history"), "1")
    paragraph._p.append(link)
    append_text(link, paragraph, text, Look(style_id="Hyperlink"))
    return link


def wrap_in_bookmark(runs: list[Element], bookmark_id: int, name: str) -> None:
    """Put a bookmark named `name` around `runs` (consecutive siblings)."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    runs[0].addprevious(start)
    runs[-1].addnext(end)


def append_field(paragraph: Any, instruction: str, placeholder: str = "1") -> None:
    """Append a complex field (PAGE, NUMPAGES…) that Word and LibreOffice compute."""
    parts: list[tuple[str, str | None]] = [
        ("begin", None),
        ("instr", f" {instruction} "),
        ("separate", None),
        ("text", placeholder),
        ("end", None),
    ]
    for kind, value in parts:
        r = OxmlElement("w:r")
        if kind == "instr":
            child = OxmlElement("w:instrText")
            child.set(qn("xml:space"), "preserve")
            child.text = value
        elif kind == "text":
            child = OxmlElement("w:t")
            child.text = value
        else:
            child = OxmlElement("w:fldChar")
            child.set(qn("w:fldCharType"), kind)
        r.append(child)
        paragraph._p.append(r)
