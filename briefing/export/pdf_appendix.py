"""The "Source excerpts" appendix: each cited passage in its paragraph, highlighted and linked."""

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph

from briefing.cite import chicago_short
from briefing.export.pdf_doc import Heading
from briefing.export.pdf_layout import HIGHLIGHT_HEX, LINK_HEX, Styles
from briefing.export.pdf_story import Excerpt, text
from briefing.views import Anchor

HEADING = "Source excerpts"  # as the Word export titles it
_PARAGRAPH_BREAK = "\n\n"  # how normalized source text separates paragraphs


def context(source_text: str, anchor: Anchor) -> list[tuple[str, str, str]]:
    """(before, passage, after) for each source paragraph the passage touches.

    Falls back to the anchor's recorded text when its offsets no longer fit the source.
    """
    start, end = anchor.start, anchor.end
    if not 0 <= start < end <= len(source_text):
        return [("", anchor.exact, "")]
    para_start = source_text.rfind(_PARAGRAPH_BREAK, 0, start)
    para_start = 0 if para_start < 0 else para_start + len(_PARAGRAPH_BREAK)
    para_end = source_text.find(_PARAGRAPH_BREAK, end)
    para_end = len(source_text) if para_end < 0 else para_end
    rows = []
    offset = para_start
    for block in source_text[para_start:para_end].split(_PARAGRAPH_BREAK):
        block_end = offset + len(block)
        lo, hi = max(start, offset), min(end, block_end)
        if lo < hi:
            rows.append((source_text[offset:lo], source_text[lo:hi], source_text[hi:block_end]))
        else:
            rows.append((block, "", ""))
        offset = block_end + len(_PARAGRAPH_BREAK)
    return rows


def appendix(excerpts: list[Excerpt], styles: Styles) -> list[Flowable]:
    """The appendix on a new page: a linked label and the highlighted context per excerpt."""
    if not excerpts:
        return []
    flowables: list[Flowable] = [
        PageBreak(),
        Heading(HEADING, styles.heading, key="excerpts", starts_appendix=True),
    ]
    for excerpt in excerpts:
        label = text(f"Excerpt {excerpt.number}: {chicago_short(excerpt.source)}")
        # The label is both the target of the citation and the link back to it.
        head = (
            f'<a name="excerpt-{excerpt.number}"/>'
            f'<a href="#cite-{excerpt.number}" color="{LINK_HEX}">{label}</a>'
        )
        # Not keepWithNext: platypus would lay each pair out twice (KeepTogether); a
        # conditional break keeps the label with the first lines of its passage as well.
        flowables.append(CondPageBreak(styles.scale.body * styles.scale.leading * 5))
        flowables.append(Paragraph(head, styles.appendix_head))
        for before, passage, after in context(excerpt.source.text, excerpt.anchor):
            marked = f'<span backColor="{HIGHLIGHT_HEX}">{text(passage)}</span>' if passage else ""
            flowables.append(Paragraph(text(before) + marked + text(after), styles.context))
    return flowables
