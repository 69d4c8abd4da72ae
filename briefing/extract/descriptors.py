"""Descriptive subjects for organisations and documents: "the company", "the statement"."""

import bisect
import re

from briefing.extract.lexicon import (
    FEMALE_NAMES,
    MALE_NAMES,
    ORG_WORDS,
    PLACES,
    TITLE_WORDS,
    word_set,
)
from briefing.extract.names import NameMention
from briefing.extract.roster import Roster

_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")
# Heads of phrases that stand for an organisation the article has named.
ORG_HEADS = word_set(
    "alliance association federation council committee commission coalition authority "
    "institute foundation society league party campaign board "
    "company firm corporation broadcaster bank carmaker automaker airline retailer "
    "manufacturer insurer lender startup start-up chipmaker club agency organisation "
    "organization charity union regulator group network conglomerate giant"
)
# Heads that stand for an organisation only when one is named with that word
# ("the ministry" -> "Foreign Ministry"), never for whichever is named most.
NAMED_HEADS = word_set(
    "ministry department government office army military court palace embassy hospital "
    "university school museum regulator watchdog"
)
# Heads of phrases that stand for whoever issued them ("the statement said").
DOCUMENT_HEADS = word_set("statement readout report release memo letter filing post note")


def descriptor_head(phrase: str) -> str | None:
    """The head noun of `the …` phrases of two to six words, else None."""
    words = phrase.lower().split()
    if not 2 <= len(words) <= 6 or words[0] != "the":
        return None
    return words[-1]


class Organisations:
    """Organisation names mentioned in a text, to resolve "the company" to "Tesla"."""

    def __init__(self, mentions: list[NameMention], roster: Roster) -> None:
        # The same names recur through a text: each kind of mention is judged once.
        memo: dict[tuple[tuple[str, ...], bool, str | None], bool] = {}
        self._names = []
        for m in mentions:
            key = (m.tokens, m.person, m.honorific)
            if key not in memo:
                memo[key] = _org_like(m, roster)
            if memo[key]:
                full = roster.organisation(m.tokens, m.start)  # "Northvale": Northvale Brands
                self._names.append(m._replace(tokens=tuple(full.split())) if full else m)
        self._starts = [m.start for m in self._names]

    def named_before(self, pos: int, lo: int, head: str, or_most: bool) -> str | None:
        """The organisation named most often in [lo, pos); the latest on a tie.

        One whose name holds the head word ("the alliance" -> "… Maritime Alliance") wins.
        """
        i, j = bisect.bisect_left(self._starts, lo), bisect.bisect_left(self._starts, pos)
        found = self._names[i:j]
        if not found:
            return None
        named = [m for m in found if head in (t.lower() for t in m.tokens)]
        if named or not or_most:
            return named[-1].name if named else None
        counts: dict[str, float] = {}
        for m in found:
            # an acronym or a several-word name is surely an organisation; one word may not be
            sure = len(m.tokens) > 1 or _ACRONYM.fullmatch(m.name)
            counts[m.name] = counts.get(m.name, 0.0) + (1.5 if sure else 1.0)
        best = max(counts.values())
        return next(m.name for m in reversed(found) if counts[m.name] == best)


def _org_like(m: NameMention, roster: Roster) -> bool:
    if len(m.tokens) > 1:
        return not m.person
    word = m.tokens[0]
    if _ACRONYM.fullmatch(word):
        return True
    low = word.lower()
    if low in ORG_WORDS or low in PLACES or low in TITLE_WORDS or m.honorific:
        return False
    if low in FEMALE_NAMES or low in MALE_NAMES:
        return False  # "Camille": a person named by a given name alone
    return not roster.known(m.tokens)
