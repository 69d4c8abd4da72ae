"""Quotes with speakers, fact candidates, relative dates and a speaker roster from one text."""

from briefing.extract import native

# Before any submodule loads: the compiled modules, when fresh, are found first.
native.activate(__path__)

from briefing.extract.dates import resolve_date  # noqa: E402
from briefing.extract.model import DateMention, Extraction, Fact, Person, Quote  # noqa: E402
from briefing.extract.pipeline import extract  # noqa: E402

__all__ = [
    "EXTRACTOR_VERSION",
    "DateMention",
    "Extraction",
    "Fact",
    "Person",
    "Quote",
    "extract",
    "resolve_date",
]

# Bump whenever the output for the same input can change: stored results are recomputed.
EXTRACTOR_VERSION = "1.7.1"
