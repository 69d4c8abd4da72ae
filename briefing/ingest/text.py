"""Plain-text sources: the seed's "date YYYY-MM-DD" header, bylines, outlet notes, titles."""

import datetime as dt
import re

from briefing.errors import InputError
from briefing.ingest.decode import decode_text
from briefing.ingest.draft import SourceDraft
from briefing.ingest.meta import derive_title, find_byline, find_outlet, headline, parse_date
from briefing.normalize import normalize_text

# The seed format: " date 2023-09-19 U.S. Secretary..." (body on the same line), or the
# same words alone on the first line as a header. Only a full ISO date counts, so an
# article that happens to start with the word "date" is left alone.
_DATE_HEADER = re.compile(
    r"\A[ \t]*(?i:date):?[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|[ \t]*(?:\r?\n|\r|\Z))"
)


def split_header(text: str) -> tuple[dt.date | None, str]:
    """Return (published date, body) with a leading "date YYYY-MM-DD" header removed."""
    match = _DATE_HEADER.match(text)
    if match is None:
        return None, text
    published = parse_date(match[1])
    if published is None:
        return None, text
    return published, text[match.end() :]


def draft_from_text(
    raw: str, original: bytes, name: str, *, fmt: str = "text", title: str | None = None
) -> SourceDraft:
    """Build a SourceDraft from decoded plain text.

    Args:
        raw: the decoded text, not yet normalized.
        original: the bytes as received, stored so the source can be re-read later.
        name: the file name or a label, used in error messages.
        fmt: the SourceDraft format ("text" or "paste").
        title: a title chosen by the user; derived from the text when None.
    """
    # The header is found on the raw text: normalizing first would fold its blank line.
    published, body = split_header(raw.lstrip("\ufeff"))
    text = normalize_text(body)
    if not text:
        what = "paste some text" if fmt == "paste" else "choose a file with text in it"
        raise InputError(f"{name} is empty or contains only blank space; {what}.")
    if title is None or not title.strip():
        title = headline(text) or derive_title(text)
    return SourceDraft(
        text=text,
        title=normalize_text(title).replace("\n", " "),
        original=original,
        format=fmt,
        outlet=find_outlet(text),
        author=find_byline(text),
        published=published,
    )


def read_text(data: bytes, name: str, declared_charset: str | None = None) -> SourceDraft:
    """Read a plain-text file's bytes (any of the encodings decode_text detects)."""
    return draft_from_text(decode_text(data, name, declared_charset), data, name)


def read_paste(text: str, title: str | None = None) -> SourceDraft:
    """Read text the user pasted; `title` wins over a derived one."""
    # A clipboard can hand over lone surrogates, which UTF-8 cannot store: they become U+FFFD.
    raw = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return draft_from_text(raw, raw.encode("utf-8"), "The pasted text", fmt="paste", title=title)
