"""Page geometry, type scales and paragraph styles of the PDF export."""

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from briefing.export.pdf_fonts import SANS, SANS_BOLD, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = LETTER
RULE_COLOR = colors.HexColor("#8A94A6")
LINK_HEX = "#1F4E9A"
HIGHLIGHT_HEX = "#FFE97A"
QUOTE_SPACE_AFTER = 1.0  # a quote's speaker line sits close under it
UNVERIFIED_HEX = "#C00000"  # marks items that fail verification


@dataclass(frozen=True)
class Scale:
    """One step of type size and spacing; the one-pager tightens through these in order."""

    body: float  # body type size, pt
    leading: float  # line height as a multiple of the size
    gap: float  # paragraph spacing, pt
    margin: float  # left and right page margins, pt
    band: float  # height kept at the top and bottom for the marking banner, pt
    note: float  # footnote type size, pt


FULL = Scale(body=11, leading=1.32, gap=6, margin=66, band=54, note=8.5)
# The one-pager's steps, loosest first; the last is the floor (readable: body 8.5 pt).
ONE_PAGE = (
    Scale(body=10.5, leading=1.3, gap=5, margin=58, band=48, note=8),
    Scale(body=10, leading=1.26, gap=4, margin=52, band=44, note=7.8),
    Scale(body=9.5, leading=1.22, gap=3, margin=46, band=42, note=7.6),
    Scale(body=9, leading=1.2, gap=2.5, margin=42, band=40, note=7.5),
    Scale(body=8.5, leading=1.18, gap=2, margin=38, band=38, note=7.5),
)


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one layout, built from a Scale."""

    scale: Scale
    title: ParagraphStyle
    meta: ParagraphStyle
    heading: ParagraphStyle
    bullet: ParagraphStyle
    quote: ParagraphStyle
    speaker: ParagraphStyle
    note: ParagraphStyle
    banner: ParagraphStyle
    appendix_head: ParagraphStyle
    context: ParagraphStyle

    @property
    def frame_width(self) -> float:
        """Width of the text column."""
        return float(PAGE_WIDTH - 2 * self.scale.margin)

    @property
    def frame_height(self) -> float:
        """Height of the text column between the banners."""
        return float(PAGE_HEIGHT - 2 * self.scale.band)


def make_styles(scale: Scale) -> Styles:
    """The paragraph styles for `scale`."""
    register_fonts()
    size, gap = scale.body, scale.gap

    def style(name: str, size: float, **kw: object) -> ParagraphStyle:
        kw.setdefault("fontName", SANS)
        # reportlab's default bullet font is Helvetica, which would not be embedded.
        kw.setdefault("bulletFontName", SANS)
        kw.setdefault("bulletFontSize", size)
        return ParagraphStyle(name, fontSize=size, leading=size * scale.leading, **kw)

    return Styles(
        scale=scale,
        title=style("title", size * 1.6, fontName=SANS_BOLD, spaceAfter=gap),
        meta=style("meta", size * 0.9, textColor=colors.HexColor("#333333")),
        heading=style(
            "heading",
            size * 1.18,
            fontName=SANS_BOLD,
            spaceBefore=gap * 2,
            spaceAfter=gap * 0.6,
            keepWithNext=1,
        ),
        bullet=style("bullet", size, leftIndent=size * 1.3, bulletIndent=2, spaceAfter=gap),
        quote=style(
            "quote", size, leftIndent=size * 2, rightIndent=size, spaceAfter=QUOTE_SPACE_AFTER
        ),
        speaker=style("speaker", size * 0.9, leftIndent=size * 2, spaceAfter=gap),
        note=style("note", scale.note, leftIndent=scale.note * 1.6, firstLineIndent=0),
        banner=style("banner", 8.5, fontName=SANS_BOLD, alignment=TA_CENTER),
        appendix_head=style("appendix_head", size * 0.95, fontName=SANS_BOLD, spaceBefore=gap),
        context=style("context", size * 0.9, leftIndent=size, spaceAfter=gap * 0.5),
    )


class RuledParagraph(Paragraph):  # type: ignore[misc]  # reportlab is untyped
    """A paragraph with a rule down its left side: how quotes are set apart."""

    rule_above = 0.0  # how far the rule reaches up into the space before, pt

    def draw(self) -> None:
        """Draw the text, then the rule in the left indent."""
        super().draw()
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(RULE_COLOR)
        canv.setLineWidth(1.6)
        x = self.style.leftIndent * 0.45
        canv.line(x, 0, x, self.height + self.rule_above)
        canv.restoreState()


class SpeakerLine(RuledParagraph):
    """The speaker line under a quote, its rule joined to the quote's."""

    rule_above = QUOTE_SPACE_AFTER
