"""The PDF export's shipped fonts and the splitting of text into runs each font can print."""

import functools
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from briefing.errors import ExportError

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
SANS = "BriefSans"
SANS_BOLD = "BriefSans-Bold"
SANS_ITALIC = "BriefSans-Oblique"
CJK = "BriefCJK"
_FILES = {
    SANS: ("DejaVuSans.ttf", 0),
    SANS_BOLD: ("DejaVuSans-Bold.ttf", 0),
    SANS_ITALIC: ("DejaVuSans-Oblique.ttf", 0),
    # WenQuanYi Micro Hei: TrueType outlines (reportlab cannot embed CFF/OTF such as Noto
    # CJK) covering hanzi, kana and hangul; face 0 of the collection is the proportional one.
    CJK: ("wqy-microhei.ttc", 0),
}


@functools.cache
def register_fonts() -> frozenset[int]:
    """Register the body fonts once per process; return the code points DejaVu Sans covers."""
    for name in (SANS, SANS_BOLD, SANS_ITALIC):
        _register(name)
    # <b> and <i> in paragraph markup pick the family's faces; no bold-oblique face is shipped.
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, SANS_BOLD)
    addMapping(SANS, 0, 1, SANS_ITALIC)
    addMapping(SANS, 1, 1, SANS_BOLD)
    return frozenset(_register(SANS).face.charToGlyph)


@functools.cache
def _cjk_coverage() -> frozenset[int]:
    # Loaded on the first character DejaVu lacks: indexing this 5 MB font takes a
    # noticeable 0.15 s or so, which a brief in Latin script need not pay.
    font = _register(CJK)
    for bold, italic in ((0, 0), (1, 0), (0, 1), (1, 1)):
        addMapping(CJK, bold, italic, CJK)  # no bold or italic CJK face: always the one
    return frozenset(font.face.charToGlyph)


@functools.cache
def _register(name: str) -> TTFont:
    filename, index = _FILES[name]
    path = FONT_DIR / filename
    try:
        font = TTFont(name, str(path), subfontIndex=index)
    except (OSError, TTFError):  # missing, unreadable or damaged
        raise ExportError(f"Cannot load the PDF font {path}; reinstall the application.") from None
    pdfmetrics.registerFont(font)
    return font


def script_runs(text: str) -> Iterator[tuple[str | None, str]]:
    """Split `text` into (font, run) pairs: None for the body font, CJK where only it has glyphs.

    reportlab has no font fallback, so a character the body font lacks would print as a box.
    """
    latin = register_fonts()
    start = 0
    current: str | None = None
    for index, char in enumerate(text):
        code = ord(char)
        font = CJK if code not in latin and code in _cjk_coverage() else None
        # Spaces stay in the current run (fewer runs); other characters the body font
        # has keep its look, so Latin punctuation beside a CJK name is not full-width.
        if font != current and not char.isspace():
            if index > start:
                yield current, text[start:index]
            start, current = index, font
    if start < len(text):
        yield current, text[start:]


def markup(text: str) -> str:
    """`text` as reportlab paragraph markup: XML-escaped, CJK runs in the CJK font."""
    parts = []
    for font, run in script_runs(text):
        escaped = escape(run)
        parts.append(f'<font name="{font}">{escaped}</font>' if font else escaped)
    return "".join(parts)
