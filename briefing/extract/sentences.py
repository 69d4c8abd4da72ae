"""Sentence spans of normalized text, with quotation contents treated as opaque."""

import bisect
import re

from briefing.extract.lexicon import UPPER_CLASS, word_set
from briefing.extract.quotes import QuoteSpan
from briefing.extract.scan import find_all

_END = re.compile(
    r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?= +[\"'\u201c\u2018(\[]?(?:" + UPPER_CLASS + r"|\d))"
)
_STOPS = ".!?\u2026"  # the characters an _END match opens with
_ABBREV = word_set(
    "mr mrs ms dr prof sen rep gov gen col lt capt adm sgt st jr sr no vs etc jan feb mar "
    "apr jun jul aug sep sept oct nov dec mt ft rev inc corp co ltd"
)
# After "U.S." a sentence may end or go on; these openers say it ended.
_OPENERS = word_set("The A An It He She They We I But In This That Its His Her Their")


def mask_quotes(text: str, quotes: list[QuoteSpan]) -> str:
    """Replace quoted contents with 'X' so their punctuation ends no sentence."""
    parts: list[str] = []
    pos = 0
    for q in quotes:
        # Keep the quote's own final stop: `"... him." The next` ends a sentence.
        end = q.end
        while end > q.start and text[end - 1] in ".!?\u2026":
            end -= 1
        parts.append(text[pos : q.start])
        parts.append("X" * (end - q.start))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


# A dateline opening a paragraph ("SEOUL, June 11 (Yonhap) --", "LONDON (Reuters) -")
# is no part of the first sentence: its place is no subject.
_DATELINE = re.compile(
    r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3}(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?"
    r"(?: \([A-Z][\w .]*\))? (?:--|[\u2014\u2013-]) "
)


def _is_end(text: str, m: re.Match[str]) -> bool:
    """False for an abbreviation's period ("Mr.", "Sept.") or an initial."""
    if text[m.start()] != ".":
        return True
    ws = text.rfind(" ", 0, m.start()) + 1
    word = text[ws : m.start()].lstrip("(\"'\u201c\u2018")
    if word.lower() in _ABBREV:
        return False
    if re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", word):
        nxt = text[m.end() + 1 : text.find(" ", m.end() + 1)]
        return nxt in _OPENERS
    return True


def _stops(masked: str) -> list[int]:
    """Sorted offsets of every character that can open an `_END` match."""
    return find_all(masked, _STOPS)


def sentence_spans(masked: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence; sentences never cross paragraphs."""
    spans: list[tuple[int, int]] = []
    stops = _stops(masked)
    for a, b in paragraphs:
        dateline = _DATELINE.match(masked, a, b)
        pos = dateline.end() if dateline else a
        done = a  # what _END.finditer(masked, a, b) would have consumed so far
        k = bisect.bisect_left(stops, a)
        while k < len(stops) and stops[k] < b:
            at = stops[k]
            k += 1
            m = _END.match(masked, at, b) if at >= done else None
            if m is None:
                continue
            done = m.end()
            if _is_end(masked, m):
                spans.append((pos, m.end()))
                pos = m.end() + 1
        if pos < b:
            spans.append((pos, b))
    return spans


class SentenceIndex:
    """Look up the sentence that holds an offset."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self._starts = [s for s, _ in spans]

    def index_at(self, pos: int) -> int:
        """Index of the sentence containing `pos` (or the one before a gap)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return i if i > 0 else 0  # not max(): called for every quote, cue and name

    def at(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the sentence containing `pos`."""
        return self.spans[self.index_at(pos)]

    def start_near(self, pos: int, limit: int = 600) -> int:
        """Where the sentence holding `pos` starts, but at most `limit` characters back.

        Text without full stops is one endless "sentence"; looking back only so far keeps
        every lookup short (issue: no quadratic scans).
        """
        start = self.spans[self.index_at(pos)][0]
        return start if start > pos - limit else pos - limit
