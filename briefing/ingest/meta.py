"""Metadata helpers shared by the readers: dates, derived titles, outlets and bylines."""

import datetime as dt
import re

from briefing.normalize import normalize_text

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_COMPACT_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})(\d{2})")
# "(This story has not been edited by Devdiscourse staff ...)": the outlet names itself.
_STAFF_OUTLET = re.compile(
    r"\b[Bb]y\s+(?:the\s+)?([A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){0,4})\s+staff\b"
)
_NAME = r"[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|van|von|de|da|del|der|la|le|bin)){1,4}"
_BYLINE = re.compile(
    rf"^(?i:by)\s+({_NAME}(?:(?:\s*,\s*|\s+and\s+){_NAME})*)\s*(?:$|[,|;(]|\s[-\u2013—]\s)"
)
# A wire dateline names its agency: "WASHINGTON (Reuters) - ...", "BEIJING, Sept 19 (AP) —".
_DATELINE = re.compile(
    r"^[A-Z][A-Z .,'/\u2019-]{1,40}(?:,[^()\n]{1,20})?\s\(([A-Z][\w&. ]{0,30}?)\)\s*[-\u2013\u2014]"
)
# Words whose trailing period does not end a sentence ("U.S. Secretary", "Mr. Han").
_ABBREVIATIONS = frozenset(
    ("mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "col", "lt", "sgt", "rep",
     "sen", "gov", "pres", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb",
     "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
)  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?][\"”\u2019')\]]*(?=\s|$)")
_WORD_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")
TITLE_LIMIT = 90
HEADLINE_LIMIT = 120


def parse_date(value: str | None) -> dt.date | None:
    """Return the calendar date a metadata string gives, or None.

    ISO 8601 and PDF "D:YYYYMMDD" prefixes, "September 19, 2023", "19 Sep 2023" and
    RFC 2822 ("Tue, 19 Sep 2023 10:00:00 GMT"). The date is taken as written:
    "2023-09-19T23:30-04:00" is the 19th where it was published, which is what a
    citation shows.
    """
    if not value or len(value) > 100:
        return None
    value = value.strip()
    if (match := _ISO_DATE.match(value) or _COMPACT_DATE.match(value)) is not None:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    # Drop a weekday ("Tue, ") and abbreviation dots; "Sept" is common but not strptime's.
    cleaned = re.sub(r"^[A-Za-z]{3},\s*", "", value).replace(".", "").replace("Sept ", "Sep ")
    for form in _WORD_DATE_FORMATS:
        try:
            return dt.datetime.strptime(" ".join(cleaned.split()[:3]), form).date()
        except ValueError:
            continue
    return None


def first_sentence(paragraph: str) -> str:
    """Return the first sentence of `paragraph`, not fooled by "U.S." or "Mr."."""
    for match in _SENTENCE_END.finditer(paragraph):
        word = paragraph[: match.start()].rsplit(None, 1)[-1] if match.start() else ""
        bare = word.lstrip("\"“\u2018'(").lower()
        if match[0][0] == "." and (len(bare) <= 1 or "." in bare or bare in _ABBREVIATIONS):
            continue
        return paragraph[: match.end()]
    return paragraph


def derive_title(text: str) -> str:
    """Return a title for a headline-less text: its first sentence, trimmed at a word."""
    # Only the start matters for a ~90-character title, and it keeps the scan cheap on a
    # 50 MB file that is one long line.
    first = text.lstrip()[:1000].split("\n", 1)[0]
    sentence = first_sentence(first).strip()
    if len(sentence) <= TITLE_LIMIT:
        return sentence.rstrip(".") or "Untitled"
    cut = sentence[: TITLE_LIMIT + 1].rsplit(" ", 1)[0] if " " in sentence else sentence
    cut = cut[:TITLE_LIMIT].rstrip(" ,;:—\u2013-")
    return cut + "…"


def choose_title(stated: str | None, text: str) -> str:
    """The document's own title when it has one, else its headline, else a derived one."""
    return normalize_text(stated or "").replace("\n", " ") or headline(text) or derive_title(text)


def headline(text: str) -> str | None:
    """Return the first line when it reads as a headline, else None.

    A headline is short (< 120 characters), has no terminal period, is not a byline,
    and is followed by a blank line and more text.
    """
    first, sep, rest = text.partition("\n\n")
    if not sep or not rest.strip() or "\n" in first:
        return None
    line = first.strip()
    if not line or len(line) >= HEADLINE_LIMIT or line.endswith((".", ":", ";", ",")):
        return None
    if byline(line) is not None:
        return None
    return line


def byline(line: str) -> str | None:
    """Return the author named by a "By Jane Doe" line, else None."""
    if len(line) > 100:
        return None
    match = _BYLINE.match(line.strip())
    return match[1].strip() if match else None


def find_byline(text: str, lines: int = 6) -> str | None:
    """Return the author from a byline among the first few lines of `text`."""
    for line in text[:2000].split("\n")[:lines]:
        if (author := byline(line)) is not None:
            return author
    return None


def find_staff_outlet(text: str) -> str | None:
    """Return the outlet a "... by <Outlet> staff ..." note in the last paragraphs names."""
    for paragraph in reversed(text[-2000:].split("\n\n")[-3:]):
        if (match := _STAFF_OUTLET.search(paragraph)) is not None:
            return match[1]
    return None


def find_outlet(text: str) -> str | None:
    """Return the outlet: a "by <Outlet> staff" note, else a wire dateline's agency."""
    if (outlet := find_staff_outlet(text)) is not None:
        return outlet
    for paragraph in text[:2000].split("\n\n")[:3]:
        if (match := _DATELINE.match(paragraph)) is not None:
            return match[1]
    return None
