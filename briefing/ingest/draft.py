"""SourceDraft: what every input format's reader returns before it is stored."""

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class SourceDraft:
    """A parsed source, not yet in the library.

    `text` is already normalized (briefing.normalize); every offset indexes into it.
    """

    text: str
    title: str
    original: bytes
    # "text" | "html" | "docx" | "pdf" | "paste": how `original` is read again. A fetched
    # URL gets its content's format (usually "html"), and the address goes in `url`.
    format: str
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None
