"""Descriptive subjects for organisations and documents: "the company", "the statement"."""

import bisect
import re
from collections.abc import Callable

from briefing.extract.lexicon import (
    CLAUSE_WORDS,
    FEMALE_NAMES,
    MALE_NAMES,
    NOT_ORG_ACRONYMS,
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
    "organization charity union regulator group network conglomerate giant "
    "band orchestra choir duo trio quartet ensemble troupe"
)
# Heads that stand for an organisation only when one is named with that word
# ("the ministry" -> "Foreign Ministry"), never for whichever is named most.
NAMED_HEADS = word_set(
    "ministry department government office army military court palace embassy hospital "
    "university school museum regulator watchdog center centre"
)
_BODY_HEADS = ORG_HEADS | NAMED_HEADS
# Heads of phrases that stand for whoever issued them ("the statement said").
DOCUMENT_HEADS = word_set(
    "statement readout report release memo letter filing post note message email text tweet"
)


# Heads of unnamed sources: "the official" refers back to "an Egyptian official".
ANONYMOUS_HEADS = word_set(
    "official source spokesperson spokesman spokeswoman aide diplomat insider person "
    "resident witness fan executive employee worker officer adviser advisor analyst "
    "neighbour neighbor relative friend colleague"
)
_INDEFINITE = r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother) "
_ANTECEDENTS: dict[tuple[str, ...], re.Pattern[str]] = {}


def anonymous_match(name: str, words: list[str]) -> bool:
    """True when the unnamed source `name` ("A source close to X") fits "the <words>"."""
    low = name.lower().split()
    return len(low) > 1 and low[0] in {"a", "an", "one", "another"} and set(words) <= set(low)


def antecedent(masked: str, lo: int, pos: int, words: list[str]) -> tuple[int, str] | None:
    """(position, text) of the last "a/an/one … <words>" noun phrase in [lo, pos): "the
    senior official" -> "a senior official"; None when there is none."""
    pattern = _ANTECEDENTS.get(tuple(words))
    if pattern is None:
        mods = "".join(rf"(?:[\w-]+ )*?{re.escape(w)} " for w in words[:-1])
        pattern = re.compile(rf"{_INDEFINITE}(?:[\w-]+ ){{0,3}}?{mods}{re.escape(words[-1])}\b")
        _ANTECEDENTS[tuple(words)] = pattern
    found = [(m.start(), m.group()) for m in pattern.finditer(masked, lo, pos)]
    return found[-1] if found else None


# Words that make "the … ministry" no fuller name of a body: "the head of the ministry".
_NOT_MODIFIERS = CLAUSE_WORDS | word_set("of for about the a an its their his her same other")
_FULLER: dict[tuple[str, ...], re.Pattern[str]] = {}
_FULLER_BACK = 6000  # an article's bodies are named in its first paragraphs


def fuller_name(masked: str, pos: int, phrase: str) -> str | None:
    """The fuller name the text gave last before `pos` to the body "the <phrase>" means:
    "the Commission" -> "the European Commission", "the Home Ministry" -> "the Ministry
    of Home Affairs", "the ministry" -> "the Russian defence ministry"; None if none."""
    words = phrase.split()
    if words[0].lower() == "the":
        words = words[1:]
    if not 0 < len(words) <= 3 or words[-1].lower() not in _BODY_HEADS:
        return None
    pattern = _FULLER.get(tuple(words))
    if pattern is None:
        *mods, head = (re.escape(w) for w in words)
        before = " ".join([*mods, f"(?i:{head})"])
        # "the Ministry of Home Affairs" for "the Home Ministry"
        of_form = rf"|{head} of (?:the )?{' '.join(mods)}(?: [A-Z][\w-]+)?" if mods else ""
        pattern = re.compile(rf"\b[Tt]he ((?:[\w'\u2019-]+ ){{1,3}}{before}{of_form})\b")
        _FULLER[tuple(words)] = pattern
    best = None
    for m in _around_heads(masked, max(0, pos - _FULLER_BACK), pos, words[-1], pattern):
        found = m.group(1).split()
        if found[0] == words[-1]:  # the "of" form
            best = f"the {m.group(1)}"
            continue
        extra = found[: len(found) - len(words)]
        # a proper word makes the fuller name ("European", "Russian"), not "the new ministry"
        proper = any(w[:1].isupper() for w in extra)
        if proper and not any(w.lower() in _NOT_MODIFIERS for w in extra):
            best = f"the {m.group(1)}"
    return best


def _around_heads(
    masked: str, lo: int, pos: int, head: str, pattern: re.Pattern[str]
) -> list[re.Match[str]]:
    """The matches of `pattern` in [lo, pos), in text order, sought only near the places
    where `head` stands: a search of the whole stretch per subject is slow (speed)."""
    found: dict[int, re.Match[str]] = {}
    for form in {head.lower(), head.capitalize()}:
        i = masked.find(form, lo, pos)
        while i >= 0:
            m = pattern.search(masked, max(lo, i - 80), min(pos, i + 80))
            if m and m.end() <= pos:
                found[m.start()] = m
            i = masked.find(form, i + len(form), pos)
    return [found[k] for k in sorted(found)]


def descriptor_head(phrase: str) -> str | None:
    """The head noun of `the …` phrases of two to six words, else None."""
    words = phrase.lower().split()
    if not 2 <= len(words) <= 6 or words[0] != "the":
        return None
    return words[-1]


class Organisations:
    """Organisation names mentioned in a text, to resolve "the company" to "Tesla"."""

    def __init__(
        self, mentions: list[NameMention], roster: Roster, opens: Callable[[NameMention], bool]
    ) -> None:
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
        self._opens = opens  # does a mention open its sentence (is it a subject)?
        # "Northvale" after "Northvale Brands": the short form names the same organisation.
        self._full: dict[tuple[str, ...], tuple[int, str]] = {}
        for m in self._names:
            for k in range(1, len(m.tokens)):
                self._full.setdefault(m.tokens[:k], (m.start, m.name))

    def full_name(self, m: NameMention) -> str:
        """The fullest name the text gave the organisation `m` names, before `m`."""
        full = self._full.get(m.tokens)
        return full[1] if full and full[0] < m.start else m.name

    def named_before(
        self,
        span: tuple[int, int, int],
        head: str,
        or_most: bool,
        spoke: tuple[int, str] | None = None,
    ) -> str | None:
        """The organisation meant by "the <head>": span is (lo, near, pos), looking in
        [lo, pos) and, for subjects, in the nearer [near, pos).

        One whose name holds the head word ("the alliance" -> "… Maritime Alliance") wins;
        else, of those that were a sentence's subject in [near, pos), the one named most
        (the latest on a tie), unless `spoke` (the last named group quoted: position, name)
        came later; else the one named most often.
        """
        lo, near, pos = span
        i, j = bisect.bisect_left(self._starts, lo), bisect.bisect_left(self._starts, pos)
        found = self._names[i:j]
        if not found:
            return spoke[1] if spoke and or_most else None
        named = [m for m in found if head in (t.lower() for t in m.tokens)]
        if named or not or_most:
            return self.full_name(named[-1]) if named else None
        counts: dict[str, float] = {}
        for m in found:
            # an acronym or a several-word name is surely an organisation; one word may not be
            sure = len(m.tokens) > 1 or _ACRONYM.fullmatch(m.name)
            name = self.full_name(m)
            counts[name] = counts.get(name, 0.0) + (1.5 if sure else 1.0)
        subjects = [m for m in found if m.start >= near and self._opens(m) and self._sure(m, found)]
        subject = _most(subjects, counts, self.full_name) if subjects else None
        if spoke is not None and (subject is None or spoke[0] > subject[0]):
            return spoke[1]
        return subject[1] if subject else _most(found, counts, self.full_name)[1]

    def _sure(self, m: NameMention, found: list[NameMention]) -> bool:
        """A surely organisational name: several words, an acronym, a short form of one, or
        a word named twice (once, "Volumes" opening a sentence is just a word)."""
        if len(m.tokens) > 1 or _ACRONYM.fullmatch(m.name) or self.full_name(m) != m.name:
            return True
        return sum(1 for f in found if f.tokens == m.tokens) > 1


def _most(
    found: list[NameMention], counts: dict[str, float], full: Callable[[NameMention], str]
) -> tuple[int, str]:
    """(position, name) of the mention in `found` named most often; the latest on a tie."""
    best = max(counts[full(m)] for m in found)
    return next((m.start, n) for m in reversed(found) if counts[n := full(m)] == best)


def _org_like(m: NameMention, roster: Roster) -> bool:
    if len(m.tokens) > 1:
        return not m.person
    word = m.tokens[0]
    if _ACRONYM.fullmatch(word):
        return word.lower() not in NOT_ORG_ACRONYMS
    low = word.lower()
    if low in ORG_WORDS or low in PLACES or low in TITLE_WORDS or m.honorific:
        return False
    if low in FEMALE_NAMES or low in MALE_NAMES:
        return False  # "Camille": a person named by a given name alone
    return not roster.known(m.tokens)
