"""The PDF page furniture: marking banners, "Page X of Y", footnote strip, outline, metadata."""

from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from briefing.export.common import safe_text
from briefing.export.pdf_fonts import SANS, markup
from briefing.export.pdf_layout import PAGE_HEIGHT, PAGE_WIDTH, Styles
from briefing.export.pdf_notes import FootnoteArea, NotedItem

# reportlab wraps compressed streams in ASCII85 by default, in pure Python: a quarter of
# an export's time and a fifth of its size, for 7-bit safety no PDF reader needs.
rl_config.useA85 = 0

_PAGE_COUNT_FORM = "briefPageCount"
_BANNER_EDGE = 14.0  # distance of the banners from the paper's edge, pt
_NUMBER_SIZE = 8.0
_NUMBER_ROOM = 84.0  # width kept clear of the bottom banner for "Page X of Y"


class Heading(Paragraph):  # type: ignore[misc]  # reportlab is untyped
    """A heading that becomes an entry in the PDF outline (bookmarks)."""

    def __init__(self, text: str, style: Any, *, key: str, starts_appendix: bool = False) -> None:
        super().__init__(f'<a name="{key}"/>{markup(safe_text(text))}', style)
        self.outline_key = key
        self.outline_title = " ".join(safe_text(text).split())
        self.starts_appendix = starts_appendix


class BriefCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """A canvas that fills in the page total ("of Y") when the document is saved."""

    def save(self) -> None:
        """Define the page-total form every footer refers to, then write the file."""
        pages = self.getPageNumber() - 1
        self.beginForm(_PAGE_COUNT_FORM)
        self.setFont(SANS, _NUMBER_SIZE)
        self.drawString(0, 0, str(pages))
        self.endForm()
        super().save()


class BriefDocTemplate(BaseDocTemplate):  # type: ignore[misc]  # reportlab is untyped
    """One frame per page between the banners, with a footnote strip at its foot."""

    def __init__(self, target: Any, styles: Styles, marking: str, **meta: Any) -> None:
        scale = styles.scale
        super().__init__(
            target,
            pagesize=LETTER,
            leftMargin=scale.margin,
            rightMargin=scale.margin,
            topMargin=scale.band,
            bottomMargin=scale.band,
            initialFontName=SANS,  # else the page preamble names Helvetica, an unembedded font
            **meta,
        )
        self.styles = styles
        self.notes = FootnoteArea(styles.frame_width)
        self.outline: list[str] = []
        self.body_pages: int | None = None  # pages before the appendix, once it starts
        marking = safe_text(marking)
        self._banner = Paragraph(markup(marking), styles.banner) if marking.strip() else None
        frame = Frame(
            scale.margin,
            scale.band,
            styles.frame_width,
            styles.frame_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates(
            [PageTemplate("page", [frame], onPage=self._furnish, onPageEnd=self._draw_notes)]
        )

    def beforePage(self) -> None:  # noqa: N802  # platypus's hook
        """Give the new page its full frame back and no notes."""
        for frame in self.pageTemplate.frames:
            frame._geom()  # undo the strips reserved for the previous page's notes
        self.notes.reset()

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802  # platypus's hook
        """Move the notes' room from below the item to the foot of the page; add outline entries."""
        if isinstance(flowable, NotedItem) and flowable.reserved:
            self.frame._y += flowable.reserved
            self.frame._y1p += flowable.reserved
        elif isinstance(flowable, Heading):
            self.canv.addOutlineEntry(flowable.outline_title, flowable.outline_key, level=0)
            self.outline.append(flowable.outline_title)
            if flowable.starts_appendix:
                self.body_pages = self.page - 1

    def _furnish(self, canv: Any, doc: Any) -> None:
        canv.saveState()
        if self._banner is not None:
            width = self.styles.frame_width - 2 * _NUMBER_ROOM
            _, height = self._banner.wrap(width, PAGE_HEIGHT)
            x = (PAGE_WIDTH - width) / 2
            self._banner.drawOn(canv, x, PAGE_HEIGHT - _BANNER_EDGE - height)
            self._banner.drawOn(canv, x, _BANNER_EDGE)
        label = f"Page {doc.page} of "
        canv.setFont(SANS, _NUMBER_SIZE)
        x = self.styles.scale.margin
        canv.drawString(x, _BANNER_EDGE + 2, label)
        canv.translate(x + canv.stringWidth(label, SANS, _NUMBER_SIZE), _BANNER_EDGE + 2)
        canv.doForm(_PAGE_COUNT_FORM)
        canv.restoreState()

    def _draw_notes(self, canv: Any, doc: Any) -> None:
        frame = self.pageTemplate.frames[0]
        self.notes.draw(canv, frame._x1, frame._y1)
