"""The "Source excerpts" appendix: each cited passage in its paragraph, highlighted."""

from dataclasses import dataclass
from typing import Any

from briefing.cite import chicago_short
from briefing.export.docx_runs import Look, append_text, wrap_in_bookmark
from briefing.export.docx_styles import HEADING_1, HEADING_2, add_paragraph
from briefing.views import Anchor, SourceRef

HEADING = "Source excerpts"
_PARAGRAPH_BREAK = "\n\n"  # how normalized source text separates paragraphs


@dataclass(frozen=True)
class Excerpt:
    """One cited passage to show in the appendix, and the bookmark that links to it."""

    number: int
    source: SourceRef
    anchor: Anchor

    @property
    def bookmark(self) -> str:
        """A bookmark name Word accepts: a letter first, no spaces, under 40 characters."""
        return f"excerpt_{self.number}"


def context(text: str, anchor: Anchor) -> tuple[str, str, str]:
    """(before, passage, after): the passage within the source paragraph(s) around it.

    When the offsets no longer point at the recorded text (an orphaned anchor), the
    text is looked up instead, and failing that shown on its own.
    """
    start, end = anchor.start, anchor.end
    if text[start:end] != anchor.exact or not 0 <= start < end:
        start = text.find(anchor.exact) if anchor.exact else -1
        if start < 0:
            return "", anchor.exact, ""
        end = start + len(anchor.exact)
    para_start = text.rfind(_PARAGRAPH_BREAK, 0, start)
    para_start = 0 if para_start < 0 else para_start + len(_PARAGRAPH_BREAK)
    para_end = text.find(_PARAGRAPH_BREAK, end)
    para_end = len(text) if para_end < 0 else para_end
    return text[para_start:start], text[start:end], text[end:para_end]


def add_appendix(document: Any, excerpts: list[Excerpt]) -> None:
    """Append the appendix on a new page; each passage highlighted and bookmarked."""
    if not excerpts:
        return
    heading = add_paragraph(document, HEADING_1)
    heading.paragraph_format.page_break_before = True
    append_text(heading._p, heading, HEADING)
    for bookmark_id, excerpt in enumerate(excerpts, start=1):
        label = add_paragraph(document, HEADING_2)
        append_text(label._p, label, f"Excerpt {excerpt.number}: {chicago_short(excerpt.source)}")
        body = document.add_paragraph()
        before, passage, after = context(excerpt.source.text, excerpt.anchor)
        # A passage spanning paragraphs keeps its breaks as line breaks within one block.
        append_text(body._p, body, _lines(before))
        runs = append_text(body._p, body, _lines(passage), Look(highlight=True))
        append_text(body._p, body, _lines(after))
        if runs:
            wrap_in_bookmark(runs, bookmark_id, excerpt.bookmark)


def _lines(text: str) -> str:
    return text.replace(_PARAGRAPH_BREAK, "\n")
