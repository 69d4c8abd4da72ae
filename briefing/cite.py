"""Citation text for briefs: Chicago notes (default), author-date and inline attribution.

Both exporters and the GUI take their citation wording from here, so a brief
reads the same in Word, in PDF and on screen.
"""

import datetime as dt
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass

from briefing.views import BriefView, ItemView, SourceRef

STYLES = {
    "chicago": "Chicago notes (footnotes)",
    "author-date": "Author-date (in-text)",
    "inline": "Inline attribution (no notes)",
}
_SHORT_TITLE_WORDS = 4
_FRAGMENT_SAFE = "-._~ "


def format_date(day: dt.date | None) -> str:
    """A date as briefs print it: "19 Sep 2023"."""
    return "" if day is None else f"{day.day} {day:%b %Y}"


def long_date(day: dt.date) -> str:
    """A date as Chicago prints it: "September 19, 2023"."""
    return f"{day:%B} {day.day}, {day.year}"


def iso_to_label(value: str) -> str:
    """A resolved ISO date, month, year or span as a short human label."""
    if "/" in value:
        start, end = value.split("/", 1)
        if len(start) == len(end) == 10 and start[:7] == end[:7]:
            return f"{int(start[8:])}–{iso_to_label(end)}"  # "16–17 Sep 2023"
        return f"{iso_to_label(start)}–{iso_to_label(end)}"
    parts = value.split("-")
    if len(parts) == 3:
        return format_date(dt.date.fromisoformat(value))
    if len(parts) == 2:
        return f"{dt.date(int(parts[0]), int(parts[1]), 1):%b %Y}"
    return value


def fragment_url(url: str, exact: str) -> str:
    """`url` with a text fragment (#:~:text=) that opens the passage in a browser.

    Long passages use the start,end form so the link stays short and robust.
    """
    words = exact.split()
    if not words:
        return url
    if len(words) > 8:
        directive = f"{_encode(' '.join(words[:4]))},{_encode(' '.join(words[-4:]))}"
    else:
        directive = _encode(" ".join(words))
    base = url.split("#", 1)[0]
    return f"{base}#:~:text={directive}"


def _encode(words: str) -> str:
    # The fragment syntax reserves '-', ',' and '&', so they must be percent-encoded.
    return urllib.parse.quote(words, safe=" ").replace(" ", "%20").replace("-", "%2D")


def speaker_line(item: ItemView, source: SourceRef | None) -> str:
    """The line under a quote: "— Antony Blinken, U.S. Secretary of State, 18 Sep 2023"."""
    parts = [p for p in (item.speaker, item.speaker_role) if p]
    when = item.said_on or (source.published if source is not None else None)
    if when is not None:
        parts.append(format_date(when))
    return "— " + ", ".join(parts) if parts else ""


def short_title(title: str) -> str:
    """The first few words of a title, as Chicago's short notes use it."""
    words = title.split()
    if len(words) <= _SHORT_TITLE_WORDS:
        return title.rstrip(".,;:")
    return " ".join(words[:_SHORT_TITLE_WORDS]).rstrip(".,;:")


def _who(source: SourceRef) -> str:
    return source.author or source.outlet or ""


def chicago_full(source: SourceRef, *, url: str | None = None, grade: bool = False) -> str:
    """A first Chicago note: [Author, ]"Title," Outlet, Month D, YYYY, URL."""
    head = [source.author] if source.author else ([source.outlet] if source.outlet else [])
    parts = [*head, f"“{source.title},”"]
    if source.author and source.outlet:
        parts.append(source.outlet)
    if source.published:
        parts.append(long_date(source.published))
    link = url if url is not None else source.url
    if link:
        parts.append(link)
    text = _join_note(parts)
    return f"{text} [{source.grade}]" if grade and source.grade else text


def _join_note(parts: list[str]) -> str:
    # Commas between parts, but a part ending in ”, already carries its comma.
    out = ""
    for part in parts:
        if not out:
            out = part
        elif out.endswith(",”"):
            out += f" {part}"
        else:
            out += f", {part}"
    return out.rstrip(",") + "."


def chicago_short(source: SourceRef) -> str:
    """A later Chicago note: Author-or-Outlet, "Short Title."."""
    who = _who(source)
    title = f"“{short_title(source.title)}.”"
    return f"{who}, {title}" if who else title


def author_date_key(source: SourceRef) -> str:
    """The in-text key for author-date style: (Devdiscourse 2023)."""
    year = str(source.published.year) if source.published else "n.d."
    return f"({_who(source) or short_title(source.title)} {year})"


def author_date_entry(source: SourceRef) -> str:
    """A reference-list entry in author-date style."""
    year = str(source.published.year) if source.published else "n.d."
    parts = [f"{_who(source) or source.title}. {year}."]
    if _who(source):
        parts.append(f"“{source.title}.”")
    if source.author and source.outlet:
        parts.append(f"{source.outlet},")
    if source.published:
        parts.append(f"{long_date(source.published)}.")
    if source.url:
        parts.append(f"{source.url}.")
    return " ".join(parts)


def inline_attribution(item: ItemView, source: SourceRef) -> str:
    """The clause that replaces a note: "…, Devdiscourse reported on 19 Sep 2023."."""
    who = source.outlet or source.author or f"“{source.title}”"
    when = f" on {format_date(source.published)}" if source.published else ""
    return f"{who} reported{when}"


@dataclass(frozen=True)
class Citation:
    """How one item is cited: a note (footnote styles) or in-text words, and a link."""

    item_id: int
    source_id: int
    number: int | None  # note number for footnote styles; None in-text
    note: str | None  # the footnote's text
    in_text: str | None  # text appended to the item in author-date or inline style
    url: str | None  # the source URL with a text fragment for the passage


class Citer:
    """Numbers and words the citations of one brief, first full, then short."""

    def __init__(self, brief: BriefView) -> None:
        self.brief = brief
        self.style = brief.citation_style if brief.citation_style in STYLES else "chicago"
        self._seen: set[int] = set()
        self._number = 0

    def cite(self, item: ItemView) -> Citation | None:
        """The citation for `item`, or None for a note or an unanchored item."""
        if item.anchor is None:
            return None
        source = self.brief.sources.get(item.anchor.source_id)
        if source is None:
            return None
        url = fragment_url(source.url, item.anchor.exact) if source.url else None
        if self.style == "author-date":
            return Citation(item.id, source.id, None, None, author_date_key(source), url)
        if self.style == "inline":
            return Citation(item.id, source.id, None, None, inline_attribution(item, source), url)
        self._number += 1
        first = source.root_id not in self._seen
        self._seen.add(source.root_id)
        grade = self.brief.show_grades
        note = chicago_full(source, url=url, grade=grade) if first else chicago_short(source)
        return Citation(item.id, source.id, self._number, note, None, url)


def sources_list(brief: BriefView) -> list[str]:
    """The closing "Sources" list: each cited source once, in order of first citation."""
    entries = []
    for source in _cited_in_order(brief):
        entry = (
            author_date_entry(source)
            if brief.citation_style == "author-date"
            else chicago_full(source, grade=False)
        )
        if brief.show_grades and source.grade:
            entry += f" Reliability: {source.grade}."
        entries.append(entry)
    return entries


def _cited_in_order(brief: BriefView) -> Iterable[SourceRef]:
    seen: set[int] = set()
    for item in brief.items():
        if item.anchor is None:
            continue
        source = brief.sources.get(item.anchor.source_id)
        if source is not None and source.id not in seen:
            seen.add(source.id)
            yield source


def in_text_parts(text: str, in_text: str, style: str) -> tuple[str, str, str]:
    """Split a sentence around its in-text citation: (lead, citation words, tail).

    Author-date puts the key before the closing full stop ("… in Malta (Devdiscourse
    2023)."); inline attribution ends the sentence with its clause ("… in Malta,
    Devdiscourse reported on 19 Sep 2023."). A closing quotation mark stays where it is,
    since a quotation must not change.
    """
    body = text.rstrip()
    quoted = body.endswith(("”", '"', "’", "'"))
    if style == "author-date":
        if not quoted and body.endswith((".", "!", "?")):
            return f"{body[:-1]} ", in_text, body[-1]
        return f"{body} ", in_text, ""
    lead = f"{body} " if quoted else f"{body.rstrip('.,;:')}, "
    return lead, in_text, "."
