"""Fact candidates: sentences scored by who/what/when/where/how-many, boilerplate left out."""

import bisect
import re
from operator import attrgetter

from briefing.extract.lexicon import trie_pattern, word_set
from briefing.extract.model import DateMention, Fact
from briefing.extract.names import NameMention
from briefing.extract.scan import find_all

# Publisher notes, bylines and page furniture (issue: boilerplate is never a fact).
# Plain lowercase phrases found with str.find: far faster than one big regex (issue: speed).
_BOILERPLATE = (
    "this story has not been edited", "auto-generated from a syndicated feed",
    "all rights reserved", "copyright", "\u00a9", "reporting by", "editing by", "writing by",
    "additional reporting", "contributed to this report", "contributed reporting",
    "click here", "sign up", "subscribe", "read more", "follow us on", "trust principles",
    "image caption", "getty images", "ap photo", "file photo", "newsletter", "cookie",
    "this article was amended", "this article has been updated", "advertisement",
)  # fmt: skip
_FURNITURE = re.compile(
    r"(?:[Bb]y [A-Z][a-z]+ [A-Z]|(?i:photo|image|video|source|credit|related)s?:)"
)
# An ASCII first letter other than these never opens furniture: most sentences skip the
# regex (non-ASCII letters still try it, "(?i:s)" also matches "\u017f").
_FURNITURE_FIRST = frozenset("BbPpIiVvSsCcRr")
# `\d+` spelled `\d\d*`: a pattern that opens with a character class lets `re` skip
# ahead to the next digit instead of trying every offset (issue: speed).
_DIGIT = re.compile(r"\d\d*")
_NUMBER_WORDS = word_set(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty "
    "forty fifty hundred thousand million billion trillion dozen dozens percent"
)
# " one ", " two ", …: one pass that stops only at spaces (a literal prefix `re` finds fast)
# instead of a str.find pass per word. The lookahead leaves the closing space unconsumed,
# so " one two " yields both words, as separate searches did (issue: speed).
_NUMBER_WORD = re.compile(" (?=" + trie_pattern(_NUMBER_WORDS) + " )")
_PLACE_LEADS = ("in ", "at ", "from ", "near ", "in the ", "at the ", "from the ")


def _places(masked: str, mentions: list[NameMention]) -> list[int]:
    """Names after "in", "at", "from", "near": where something happened."""
    # Every lead ends in a space: testing that one character first skips most mentions.
    return [
        m.run_start
        for m in mentions
        if masked[m.run_start - 1 : m.run_start] == " "
        and masked[max(0, m.run_start - 9) : m.run_start].endswith(_PLACE_LEADS)
    ]


def _furniture(text: str, at: int) -> bool:
    first = text[at : at + 1]
    if first.isascii() and first not in _FURNITURE_FIRST:
        return False
    return bool(_FURNITURE.match(text, at))


def _weights(starts: list[int], hints: list[tuple[list[int], float]]) -> list[float]:
    """Per sentence, the summed weight of the hint kinds found in it (each kind once).

    One pass over the hits instead of a search per sentence and kind (issue: speed).
    """
    total = [0.1] * len(starts)
    for hits, weight in hints:
        seen = -1
        for pos in hits:
            i = bisect.bisect_right(starts, pos) - 1
            if i != seen and i >= 0:
                total[i] += weight
                seen = i
    return total


def _score(words: int, length: int, quoted: int, base: float) -> float:
    """The sentence's hint weight, lowered when it is very short, very long or mostly quote.

    Args:
        words: its word count; length: its length in characters;
        quoted: how many runs of four mask characters it holds.
    """
    score = base
    if words < 8:
        score *= 0.4
    elif words > 60:
        score *= 0.7
    if quoted * 4 > length / 2:
        score *= 0.5  # mostly quotation: a quote, not a fact
    return round(min(1.0, score), 3)


def find_facts(
    text: str,
    masked: str,
    sentences: list[tuple[int, int]],
    mentions: list[NameMention],
    dates: tuple[DateMention, ...],
) -> list[Fact]:
    """Return scored fact candidates, best first (ties in text order)."""
    first_para = text.find("\n\n")
    lede_end = first_para if first_para >= 0 else len(text)
    numbers = [m.start() for m in _DIGIT.finditer(masked)]
    numbers += [m.start() for m in _NUMBER_WORD.finditer(masked)]
    hints = [
        ([m.start for m in mentions if len(m.tokens) > 1 or m.person], 0.3),  # who
        ([d.start for d in dates], 0.2),  # when
        (sorted(numbers), 0.2),  # how many
        (_places(masked, mentions), 0.15),  # where
        ([a for a, _ in sentences if a < lede_end], 0.05),  # the lede paragraph
    ]
    base = _weights([a for a, _ in sentences], hints)
    boiler = find_all(text.lower(), _BOILERPLATE)
    boiler.append(len(text))  # a sentinel: the walk below never runs off the end
    spaces, runs = text.count, masked.count  # bound once: one call each per sentence
    facts = []
    j = 0  # the first boilerplate hit at or after the sentence: sentences come in order
    for k, (a, b) in enumerate(sentences):
        while boiler[j] < a:
            j += 1
        if b - a < 20 or boiler[j] < b or _furniture(text, a + (text[a] == "(")):
            continue
        score = _score(spaces(" ", a, b) + 1, b - a, runs("XXXX", a, b), base[k])
        facts.append(Fact(text[a:b], a, b, score))
    # Made in text order, so a stable sort on the score alone keeps ties in text order.
    facts.sort(key=attrgetter("score"), reverse=True)
    return facts
