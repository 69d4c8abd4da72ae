"""Which person mentions open their sentence or clause, so a pronoun may point back to them."""

import bisect
import re
from collections.abc import Callable, Iterator

from briefing.extract.lexicon import CLAUSE_WORDS, ROLE_WORDS, word_set
from briefing.extract.names import NameMention
from briefing.extract.sentences import SentenceIndex

_NAMED_AS = re.compile(r"\b(?:name|named|identified|known)(?: only)? as $")
_RELATIVE = re.compile(r" ?(?:whose|which|who|where) ")
_PREFIX_WORD = re.compile(r"[\w'\u2019.\-]+")
_LEAD = word_set("the a an former then neither both")
_ROLE_OR_LEAD = ROLE_WORDS | _LEAD  # joined once, not per word
_NOT_IN_SUBJECT = CLAUSE_WORDS | word_set(
    "between of among against about for over like than into through after before "
    "whether if why how not no then so"
)


def _clause_word(word: str) -> bool:
    """A word that shows the name sits inside a clause: a preposition or a verb form."""
    low = word.lower()
    verb_form = word.islower() and len(word) > 4 and word.endswith(("ing", "ed"))
    return low in _NOT_IN_SUBJECT or verb_form


def named_as(masked: str, pos: int) -> bool:
    """True when a name at `pos` follows "gave his name as", "identified only as" and so on."""
    return masked.endswith(" as ", 0, pos) and bool(_NAMED_AS.search(masked, pos - 24, pos))


class SubjectMentions:
    """Person mentions that are sentence or clause subjects, decided lazily and memoized.

    Deciding for every mention up front costs as much as the rest of attribution on long
    inputs, while only mentions near quotes are ever asked about (issue: speed).
    """

    def __init__(
        self,
        masked: str,
        sentences: SentenceIndex,
        persons: list[NameMention],
        eligible: Callable[[NameMention], bool],
    ) -> None:
        self._masked, self._sents, self._persons = masked, sentences, persons
        self._starts = [m.start for m in persons]
        self._by_start = {m.start: m for m in persons}
        self._eligible = eligible
        self._memo: dict[int, bool] = {}

    def __contains__(self, start: object) -> bool:
        if not isinstance(start, int) or start not in self._by_start:
            return False
        if start not in self._memo:
            m = self._by_start[start]
            self._memo[start] = self._eligible(m) and self._opens_clause(m)
        return self._memo[start]

    def before(self, pos: int, lo: int) -> Iterator[NameMention]:
        """Subject mentions in [lo, pos), nearest first."""
        i = bisect.bisect_left(self._starts, pos) - 1
        while i >= 0 and self._starts[i] >= lo:
            if self._starts[i] in self:
                yield self._persons[i]
            i -= 1

    def _opens_clause(self, m: NameMention) -> bool:
        """True when only titles or a short noun phrase stand before the name in its clause."""
        s_start = self._sents.start_near(m.run_start, 300)
        prefix = self._masked[s_start : m.run_start]
        if named_as(self._masked, m.run_start):
            return True  # "a father of five who gave his name only as Abu Khaled said"
        cut = prefix.rfind(",")
        if _RELATIVE.match(prefix, prefix.rfind(",", 0, max(cut, 0)) + 1):
            return False  # "Kowalczyk, whose company, High Mesa Homes, is": not the subject
        words = _PREFIX_WORD.findall(prefix[cut + 1 :])
        if all(w[0].isupper() or w.lower() in _ROLE_OR_LEAD for w in words):
            return True
        # "Local business owner Mr Patel": a short noun phrase, no verb or preposition.
        return len(words) <= 6 and not any(_clause_word(w) for w in words)
