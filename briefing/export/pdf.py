"""PDF export of a brief (reportlab): full document with appendix, or a one-pager that fits."""

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, Paragraph

from briefing.errors import ExportError
from briefing.export.common import ExportResult, atomic_target, refuse_unverified, safe_text
from briefing.export.pdf_appendix import appendix as appendix_flowables
from briefing.export.pdf_doc import BriefCanvas, BriefDocTemplate, Heading
from briefing.export.pdf_layout import FULL, ONE_PAGE, Scale, make_styles
from briefing.export.pdf_notes import FootnoteArea, Note, NotedItem
from briefing.export.pdf_story import UNTITLED, StoryWriter
from briefing.views import BriefView

LANGUAGE = "en-US"
CREATOR = "Briefing composer"


@dataclass(frozen=True)
class PageFit:
    """How much of one page the one-pager needs, at the tightest type it may use.

    `section_lines` counts each section's printed item lines (its heading excluded).
    """

    pages: float
    fits: bool
    longest_section: str | None
    section_lines: dict[int, int]


def export_pdf(
    brief: BriefView,
    path: Path,
    *,
    one_page: bool = False,
    allow_unverified: bool = False,
    appendix: bool | None = None,
) -> ExportResult:
    """Write `brief` as a print-ready PDF at `path`, replacing it only on success.

    Args:
        one_page: fit the brief on one page, tightening type and spacing within readable
            limits, or raise ExportError saying how much is over (nothing is written).
        allow_unverified: export items that fail verification, marked in red.
        appendix: add the "Source excerpts" appendix that citations link to; by default
            in a full export, not in a one-pager.
    """
    failing = refuse_unverified(brief, allow_unverified)
    unverified = frozenset(item.id for item in failing)
    with_appendix = not one_page if appendix is None else appendix
    if one_page:
        data, pages, scale = _one_page(brief, unverified, with_appendix)
    else:
        data, pages, _ = _render(brief, FULL, unverified, compact=False, appendix=with_appendix)
        scale = FULL
    with atomic_target(path) as target:
        target.write_bytes(data)
    warnings = []
    if failing:
        warnings.append(f"{len(failing)} unverified item(s) are marked in the document.")
    if one_page and scale != ONE_PAGE[0]:
        warnings.append(f"Type reduced to {scale.body:g} pt to fit the brief on one page.")
    return ExportResult(path=Path(path), pages=pages, warnings=tuple(warnings))


def measure_fit(brief: BriefView) -> PageFit:
    """How much of one page the one-pager layout needs (e.g. 0.8), laid out in memory.

    Measured at the tightest type the one-pager may use, so the figure only changes with
    the content, and `fits` says whether `export_pdf(..., one_page=True)` succeeds.
    """
    unverified = frozenset(item.id for item in brief.failing())
    return _measure(brief, ONE_PAGE[-1], unverified)


def _one_page(
    brief: BriefView, unverified: frozenset[int], with_appendix: bool
) -> tuple[bytes, int, Scale]:
    tightest = _measure(brief, ONE_PAGE[-1], unverified)
    if tightest.fits:
        for scale in ONE_PAGE:
            if scale is not ONE_PAGE[-1] and not _measure(brief, scale, unverified).fits:
                continue
            data, pages, body_pages = _render(
                brief, scale, unverified, compact=True, appendix=with_appendix
            )
            if body_pages == 1:
                return data, pages, scale
    raise ExportError(_too_long(tightest))


def _too_long(fit: PageFit) -> str:
    over = max(1, round((fit.pages - 1) * 100))
    longest = f"; {fit.longest_section} is the longest section" if fit.longest_section else ""
    return (
        f"The brief does not fit on one page: it is about {over}% of a page too long{longest}. "
        "Shorten it, or export it without one-page."
    )


def _render(
    brief: BriefView, scale: Scale, unverified: frozenset[int], *, compact: bool, appendix: bool
) -> tuple[bytes, int, int]:
    """The PDF's bytes, its page count, and the pages before the appendix."""
    styles = make_styles(scale)
    buffer = io.BytesIO()
    doc = BriefDocTemplate(
        buffer,
        styles,
        brief.marking,
        title=safe_text(brief.title).strip() or UNTITLED,
        author=safe_text(brief.author),
        subject=safe_text(brief.purpose),
        creator=CREATOR,
        lang=LANGUAGE,
    )
    writer = StoryWriter(
        brief, styles, doc.notes, compact=compact, links=appendix, unverified=unverified
    )
    story = writer.write()
    flowables = list(story.flowables)
    if appendix:
        flowables += appendix_flowables(story.excerpts, styles)
    doc.build(flowables, canvasmaker=BriefCanvas)
    return buffer.getvalue(), doc.page, doc.body_pages or doc.page


def _measure(brief: BriefView, scale: Scale, unverified: frozenset[int]) -> PageFit:
    styles = make_styles(scale)
    area = FootnoteArea(styles.frame_width)
    writer = StoryWriter(brief, styles, area, compact=True, links=False, unverified=unverified)
    story = writer.write()
    heights: dict[int, float] = {}
    lines: dict[int, int] = {}
    notes: list[Note] = []
    total = 0.0
    after: float | None = None
    for flowable, section_id in zip(story.flowables, story.section_of, strict=True):
        inner = flowable.paragraph if isinstance(flowable, NotedItem) else flowable
        if isinstance(flowable, NotedItem):
            notes.extend(flowable.notes)
        _, height = inner.wrap(styles.frame_width, styles.frame_height)
        # As a platypus frame stacks them: the larger of the two spaces between neighbours.
        gap = 0.0 if after is None else max(float(inner.getSpaceBefore()), after)
        after = float(inner.getSpaceAfter())
        total += gap + height
        if section_id is not None:
            heights[section_id] = heights.get(section_id, 0.0) + gap + height
            lines[section_id] = lines.get(section_id, 0) + _line_count(inner)
    area.add(notes)
    pages = (total + area.height()) / styles.frame_height
    return PageFit(
        pages=round(pages, 3),
        fits=pages <= 1.0,
        longest_section=_longest(brief, heights),
        section_lines=lines,
    )


def _line_count(flowable: Flowable) -> int:
    if isinstance(flowable, Heading) or not isinstance(flowable, Paragraph):
        return 0
    return len(flowable.blPara.lines)


def _longest(brief: BriefView, heights: dict[int, float]) -> str | None:
    if not heights:
        return None
    longest = max(heights, key=lambda section_id: heights[section_id])
    return next(section.title for section in brief.sections if section.id == longest)
