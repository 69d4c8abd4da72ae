"""The extraction pipeline: quotes and speakers, then dates, facts and the roster."""

import datetime
import gc
from collections.abc import Iterator

from briefing.extract.dates import find_dates
from briefing.extract.facts import find_facts
from briefing.extract.model import Extraction, Quote
from briefing.extract.names import find_mentions
from briefing.extract.quotes import (
    QuoteSpan,
    find_quotes,
    is_mention,
    without_names,
    without_titles,
)
from briefing.extract.roster import Roster
from briefing.extract.sentences import SentenceIndex, mask_quotes, sentence_spans
from briefing.extract.speakers import Attribution, Attributor, is_partial
from briefing.normalize import paragraphs as paragraph_spans


def _quotes(text: str, spans: list[QuoteSpan], attributions: list[Attribution]) -> Iterator[Quote]:
    """One Quote per quotation; a quotation running over paragraphs is one Quote.

    Its text is the verbatim stretch from the first opening mark to the closing one, so
    it holds the paragraph break and the opening mark of each later paragraph.
    """
    i = 0
    while i < len(spans):
        j = i
        while j + 1 < len(spans) and spans[j].close_at is None and spans[j + 1].continued:
            j += 1
        chain = attributions[i : j + 1]
        a = chain[0]
        for c in chain:  # the first that names a speaker itself (a plain loop: speed)
            if c.rule != "continuation" and c.speaker:
                a = c
                break
        first, last = spans[i], spans[j]
        partial = i == j and is_partial(text, first)
        yield Quote(
            text[first.start : last.end], first.start, last.end, a.speaker, a.role, a.cue,
            partial, a.rule,
        )  # fmt: skip
        i = j + 1


def extract(text: str, published: datetime.date | None) -> Extraction:
    """Extract quotes, facts, dates and people from normalized `text`.

    Args:
        text: the source's normalized text (briefing.normalize); all offsets index into it.
        published: the publication date that relative dates resolve against, if known.
    """
    if isinstance(published, datetime.datetime):
        published = published.date()  # a timestamp would put a time into every ISO date
    # Extraction makes hundreds of thousands of small objects that all live until it
    # returns: the cycle collector would walk them again and again, finding nothing
    # (about 5% of the time). Paused only if on, and resumed only by whoever paused it.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _extract(text, published)
    finally:
        if paused:
            gc.enable()


def _extract(text: str, published: datetime.date | None) -> Extraction:
    paragraphs = paragraph_spans(text)
    spans = [s for s in find_quotes(text, paragraphs) if not is_mention(text, s)]
    spans = without_names(text, without_titles(text, spans))
    masked = mask_quotes(text, spans)
    sentences = SentenceIndex(sentence_spans(masked, paragraphs))
    mentions = find_mentions(text)
    roster = Roster(text, mentions, masked)
    attributions = Attributor(
        text, masked, spans, sentences, paragraphs, mentions, roster
    ).attribute_all()
    quotes = tuple(_quotes(text, spans, attributions))
    dates = tuple(find_dates(text, published, masked))
    facts = tuple(find_facts(text, masked, sentences.spans, mentions, dates))
    speakers = {q.speaker for q in quotes if q.speaker}
    return Extraction(quotes, facts, dates, roster.people(speakers))
