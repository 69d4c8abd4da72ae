"""Anchors: making them, verifying quotes against them, re-finding them in new versions.

The verification rule follows the Chicago Manual of Style on quotations: the
words are exact; an ellipsis (… or ... or [...]) marks an omission; square
brackets mark an insertion or a replacement, including a changed first letter
("[F]ace"). Straight and curly quote marks count as the same character, and
runs of white space as one space; nothing else may differ.
"""

import difflib
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from briefing.views import Anchor, Verification

CONTEXT = 32
# A bracketed replacement stands for a few words of the source at most.
_MAX_REPLACED = 60
_FUZZY_MIN = 92.0
_TOKENS = re.compile(
    r"(?P<ellipsis>\[\s*(?:…|\.\s?\.\s?\.)\s*\]|…|\.\.\.)|(?P<bracket>\[[^\[\]]*\])"
)
_EQUIVALENT = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'"})
_SPACE = re.compile(r"\s+")


def make_anchor(source_id: int, text: str, start: int, end: int) -> Anchor:
    """An anchor for text[start:end] with about 32 characters of context each side."""
    return Anchor(
        source_id=source_id,
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
    )


def find_span(text: str, match: str) -> tuple[int, int] | None:
    """The first occurrence of `match` in `text`, with white space and quote marks relaxed."""
    pos = text.find(match)
    if pos >= 0:
        return pos, pos + len(match)
    words = match.split()
    if not words:
        return None
    pattern = r"\s+".join(_loose(w) for w in words)
    found = re.search(pattern, text)
    return (found.start(), found.end()) if found else None


def _loose(literal: str) -> str:
    out = []
    for ch in literal:
        folded = ch.translate(_EQUIVALENT)
        if folded == '"':
            out.append('["“”„]')
        elif folded == "'":
            out.append("['‘’‚]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _fold(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_EQUIVALENT)).strip()


def _pattern(display: str) -> str:
    """A regex for the source passages that `display` may faithfully quote."""
    parts: list[str] = []
    pos = 0
    for token in _TOKENS.finditer(display):
        parts.append(_literal(display[pos : token.start()]))
        if token.group("ellipsis"):
            parts.append(r".*?")
        else:
            parts.append(rf".{{0,{_MAX_REPLACED}}}?")
        pos = token.end()
    parts.append(_literal(display[pos:]))
    # A quote starts and ends on word boundaries: "orld expects" is not a quotation.
    head = r"(?<!\w)" if display[:1].isalnum() else ""
    tail = r"(?!\w)" if display[-1:].isalnum() else ""
    return head + "".join(parts) + tail


def _literal(chunk: str) -> str:
    folded = _fold(chunk) if chunk.strip() else ""
    if not folded:
        return r"\s*" if chunk else ""
    escaped = r"\s+".join(re.escape(word) for word in folded.split(" "))
    lead = r"\s*" if chunk[:1].isspace() else ""
    trail = r"\s*" if chunk[-1:].isspace() else ""
    return lead + escaped + trail


def verify_text(display: str, exact: str) -> Verification:
    """Check that `display` quotes `exact` faithfully (see the module docstring)."""
    if not display.strip():
        return Verification(False, "The item is empty; its source passage has text.")
    if re.search(r"\[\s*\]", display):
        return Verification(False, "Empty square brackets stand for nothing; remove them.")
    source = _fold(exact)
    if re.search(_pattern(display), source, flags=re.DOTALL):
        return Verification(True)
    return Verification(False, _explain(display, source))


def _explain(display: str, source: str) -> str:
    shown = _TOKENS.sub(" ", _fold(display)).split()
    words = source.split()
    matcher = difflib.SequenceMatcher(a=words, b=shown, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        # Starting late or stopping early is allowed: only differences inside count.
        if tag == "equal" or (tag == "delete" and j1 in (0, len(shown))):
            continue
        where = f"word {j1 + 1}"
        if tag == "insert":
            return f"“{' '.join(shown[j1:j2])}” at {where} is not in the source."
        if tag == "delete":
            return f"“{' '.join(words[i1:i2])}” is left out before {where} without an ellipsis."
        if j1 == 0:
            i1 = max(i1, i2 - (j2 - j1))
        elif j2 == len(shown):
            i2 = min(i2, i1 + (j2 - j1))
        return (
            f"At {where} the item has “{' '.join(shown[j1:j2])}” "
            f"where the source has “{' '.join(words[i1:i2])}”."
        )
    return "The item's punctuation differs from the source."


def verify_anchor(anchor: Anchor, source_text: str) -> Verification:
    """Check that the anchor still points at its exact text in the source version."""
    if source_text[anchor.start : anchor.end] != anchor.exact:
        return Verification(False, "Its anchor no longer matches the source text; run refresh.")
    return Verification(True)


@dataclass(frozen=True)
class Reanchored:
    """The outcome of re-finding an anchor in a newer source version."""

    status: str  # kept | moved | orphaned
    anchor: Anchor | None


def reanchor(anchor: Anchor, new_id: int, new_text: str, display: str | None = None) -> Reanchored:
    """Re-find `anchor` in `new_text`: exact, then by context, then fuzzy (strict).

    A fuzzy match counts only when `display` (the item's text, if given) still
    verifies against the passage found. Returns "orphaned" with no anchor when the
    passage cannot be re-found; it is never attached to a merely similar place.
    """
    if new_text[anchor.start : anchor.end] == anchor.exact:
        return Reanchored("kept", make_anchor(new_id, new_text, anchor.start, anchor.end))
    hits = _occurrences(new_text, anchor.exact)
    if hits:
        start = max(hits, key=lambda pos: _context_score(anchor, new_text, pos))
        return Reanchored("moved", make_anchor(new_id, new_text, start, start + len(anchor.exact)))
    span = _fuzzy_span(anchor, new_text)
    if span is None or (
        display is not None and not verify_text(display, new_text[span[0] : span[1]]).ok
    ):
        return Reanchored("orphaned", None)
    return Reanchored("moved", make_anchor(new_id, new_text, *span))


def _occurrences(text: str, exact: str) -> list[int]:
    hits, pos = [], text.find(exact)
    while pos >= 0 and exact:
        hits.append(pos)
        pos = text.find(exact, pos + 1)
    return hits


def _context_score(anchor: Anchor, text: str, pos: int) -> tuple[float, float]:
    before = text[max(0, pos - CONTEXT) : pos]
    after = text[pos + len(anchor.exact) : pos + len(anchor.exact) + CONTEXT]
    similarity = fuzz.ratio(before, anchor.prefix) + fuzz.ratio(after, anchor.suffix)
    return similarity, -abs(pos - anchor.start)


def _fuzzy_span(anchor: Anchor, text: str) -> tuple[int, int] | None:
    # Only small edits (a typo or punctuation fixed) qualify: the score bar is high.
    if len(anchor.exact) < 12:
        return None
    found = fuzz.partial_ratio_alignment(anchor.exact, text, score_cutoff=_FUZZY_MIN)
    if found is None:
        return None
    start, end = _best_bounds(anchor.exact, text, found.dest_start, found.dest_end)
    if abs((end - start) - len(anchor.exact)) > max(3, len(anchor.exact) // 20):
        return None
    return start, end


def _best_bounds(exact: str, text: str, start: int, end: int) -> tuple[int, int]:
    # The alignment's edges can be a character or two off; settle them on the best ratio.
    candidates = (
        (s, e)
        for s in range(max(0, start - 3), start + 4)
        for e in range(end - 3, min(len(text), end + 3) + 1)
        if e > s
    )
    return max(
        candidates, key=lambda se: (fuzz.ratio(exact, text[se[0] : se[1]]), -abs(se[0] - start))
    )
