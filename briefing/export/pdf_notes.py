"""Footnotes at the foot of the page: items that reserve room for their notes as they are placed.

platypus has no footnotes. An item with notes (NotedItem) asks for its own height plus the
height its notes add to the current page's note block, so it is only placed where both fit;
once placed, the document template raises the frame's bottom by that much and hands the
space back to the flow, and the page's notes are drawn in the reserved strip at page end.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.platypus import Flowable, Paragraph

from briefing.export.pdf_layout import RULE_COLOR

_RULE_SPACE = 6.0  # the short rule above the notes, with its gap, pt
_RULE_LENGTH = 108.0


@dataclass
class Note:
    """One footnote: its key (the same source note is printed once per page) and paragraph."""

    key: str
    paragraph: Paragraph
    _height: float | None = field(default=None, repr=False)

    def height(self, width: float) -> float:
        """The note's height at `width` (cached: the column width never changes in a build)."""
        if self._height is None:
            _, self._height = self.paragraph.wrap(width, 10_000)
        return float(self._height)


class FootnoteArea:
    """The notes of the page being laid out, and the strip they need at its foot."""

    def __init__(self, width: float) -> None:
        self.width = width
        self.notes: list[Note] = []
        self._keys: set[str] = set()

    def reset(self) -> None:
        """Start a new page with no notes."""
        self.notes.clear()
        self._keys.clear()

    def height(self, notes: Sequence[Note] | None = None) -> float:
        """Height of the note block holding this page's notes (or `notes`)."""
        notes = self.notes if notes is None else notes
        if not notes:
            return 0.0
        return _RULE_SPACE + sum(note.height(self.width) for note in notes)

    def extra(self, notes: Sequence[Note]) -> float:
        """How much taller the block gets if `notes` join this page."""
        new = self._new(notes)
        return self.height([*self.notes, *new]) - self.height() if new else 0.0

    def add(self, notes: Sequence[Note]) -> None:
        """Put `notes` on this page (those already on it are not repeated)."""
        for note in self._new(notes):
            self.notes.append(note)
            self._keys.add(note.key)

    def _new(self, notes: Sequence[Note]) -> list[Note]:
        keys = set(self._keys)
        new = []
        for note in notes:
            if note.key not in keys:
                keys.add(note.key)
                new.append(note)
        return new

    def draw(self, canv: Any, x: float, bottom: float) -> None:
        """Draw the page's notes in the strip that starts at `bottom`."""
        if not self.notes:
            return
        top = bottom + self.height()
        canv.saveState()
        canv.setStrokeColor(RULE_COLOR)
        canv.setLineWidth(0.5)
        canv.line(x, top - 1, x + _RULE_LENGTH, top - 1)
        canv.restoreState()
        y = top - _RULE_SPACE
        for note in self.notes:
            y -= note.height(self.width)
            note.paragraph.drawOn(canv, x, y)


class NotedItem(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A paragraph whose notes must land at the foot of the page it is printed on."""

    def __init__(self, paragraph: Paragraph, notes: Sequence[Note], area: FootnoteArea) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.notes = tuple(notes)
        self.area = area
        self.reserved = 0.0  # what the notes added to the page, once drawn
        self._extra = 0.0  # what they would add to the page being laid out

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """The paragraph's size plus the room its notes take on this page."""
        self._extra = self.area.extra(self.notes)
        width, height = self.paragraph.wrap(avail_width, avail_height - self._extra)
        self.width, self.height = width, height + self._extra
        return width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Split the paragraph; the notes go with the last part, where the marks are."""
        parts = self.paragraph.split(avail_width, avail_height)
        if len(parts) < 2:
            return []
        return [*parts[:-1], NotedItem(parts[-1], self.notes, self.area)]

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        """Draw the paragraph at the top of its box and claim the notes' room on this page."""
        self.paragraph.drawOn(canv, x, y + self._extra, _sW)
        self.reserved = self._extra
        self.area.add(self.notes)

    def getSpaceBefore(self) -> float:  # noqa: N802  # platypus's API
        """The paragraph's space before."""
        return float(self.paragraph.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802  # platypus's API
        """The paragraph's space after."""
        return float(self.paragraph.getSpaceAfter())
