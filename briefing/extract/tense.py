"""The tense of the clause around a date: whether "on Friday" is the last one or the next."""

import re

from briefing.extract.lexicon import trie_pattern

_FUTURE = re.compile(
    r"\b(?=[a-z'])(?:will|'ll|shall|set to|set for|due to|is due|are due|"
    r"scheduled (?:to|for)|expect(?:s|ed|ing)?|forecast (?:for|on)|"
    r"plans? to|planned (?:to|for)|"
    r"upcoming|next|would|hopes? to|intends? to|to be held|to meet|to visit|ahead of|"
    r"going to|is to|are to|(?:should|could|may|might)(?! have))\b"
)
# Tense of the clause around a date, from its verbs. A schedule verb in the simple present
# speaks of a coming day ("Wolves travel to Fulham on Tuesday", "the Senate returns
# Wednesday"); a present copula of the nearest such day ("services on Wednesday are under
# review", "the attack on Sunday is the third"); the past only by past verbs or "since".
PAST, UNKNOWN, FUTURE, PRESENT = -1, 0, 1, 2
_DETERMINERS = (" the ", " a ", " an ", " its ", " his ", " her ", " their ")
_DETERMINED = "".join(f"(?<!{w} )" for w in ("the", "a", "an", "its", "his", "her", "their"))
# a participle after these belongs to the verb phrase before it ("is closed", "to be held")
_AUXILIARY = "".join(f"(?<!{w} )" for w in ("is", "are", "be", "being", "not", "still", "now"))
# Python's `re` tries a flat alternation branch by branch; the word lists below are
# prefix trees (lexicon.trie_pattern), tried at every word of a clause (speed).
_TO_VERBS = (
    "hoped wanted agreed decided promised pledged vowed voted threatened aimed intended prepared"
)
_SCHEDULE = (
    "return returns travel travels host hosts face faces meet meets play plays visit visits "
    "open opens reopen reopens resume resumes begin begins start starts goes convene "
    "convenes continue continues conclude concludes"
)
_PAST_WORDS = (
    "was were had did met went came left held began won lost took saw said told got gave made "
    "spoke fell rose sent found brought bought kept led paid sold struck broke chose drove "
    "flew wrote became grew knew threw stood sat ate shot"
)
_TENSE_WORDS = (
    # "the first to be convicted on Thursday", "hoped to host a summit in November": the
    # date belongs to an infinitive, which has no tense
    rf"\b(?=[a-z])(?:(?P<inf>to be [a-z]+ed|(?:{trie_pattern(_TO_VERBS.split())}) to)"
    r"|(?P<pres>(?:is|are|remains?)(?: (?:not|still|now|being))?(?: [a-z]+ed\b)?)"
    rf"|{_DETERMINED}(?P<sched>{trie_pattern(_SCHEDULE.split())}"
    r"|kicks? off|heads? to|takes? on)"
    r"|(?P<past>(?:ha(?:s|ve) (?:\w+ )?(?:been|[a-z]+ed)"
    rf"|(?<!-){_AUXILIARY}(?!hundred)[a-z]+[^e\W]ed|{trie_pattern(_PAST_WORDS.split())})))\b"
)
# The last verb before a date: `.*` backs up from the date (speed, as _LAST_CLAUSE_START),
# so the match found is the one starting last; _AUXILIARY keeps "is closed" one match.
_LAST_TENSE = re.compile("(?s:.*)" + _TENSE_WORDS)
_LAST_FUTURE = re.compile("(?s:.*)" + _FUTURE.pattern)
# The first verb after a date, within its clause (or its sentence when the date opens it).
_VERB_AFTER = rf"(?:(?<![a-z])|(?='))(?:(?P<fut>{_FUTURE.pattern})|{_TENSE_WORDS})"
_AFTER_IN_CLAUSE = re.compile(rf"[^,.;:\n]{{0,80}}?{_VERB_AFTER}")
_AFTER_IN_SENTENCE = re.compile(rf"[^.\n]{{0,80}}?{_VERB_AFTER}")
_TENSE_OF = {
    "fut": FUTURE, "sched": FUTURE, "pres": PRESENT, "past": PAST, "inf": UNKNOWN
}  # fmt: skip
# The last clause opener before a date: a greedy `.*` backs up from the date, trying the
# alternation only near it instead of at every offset from the sentence start (speed).
# Its matches are single marks and whole words, so none overlaps another and the last
# one found this way is the one finditer would have found last.
_LAST_CLAUSE_START = re.compile(
    r"(?s:.*)(?:[,;]|\b(?:after|before|when|while|because|but|and|that|since)\b)"
)
_REPORTED = re.compile(
    r"\b(?:said|told|announced|reported|added|stated|confirmed|wrote|tweeted|posted)"
    r"(?: [\w']+){0,2} $"
)
_TIMES = ("a.m", "p.m")
# Events, whose date is their own: "called for a protest on Dec. 10", "set a vote in May"
_EVENT_BEFORE = re.compile(
    r"\b(?:protest|rally|strike|walkout|vote|election|referendum|summit|hearing|premiere"
    r"|concert|ceremony|deadline|launch|release|demonstration|conference|auction)s? $"
)
# verbs that move a deadline: the day after "until" is where it now lies, usually ahead
_MOVED_TO = ("extend", "postpon", "delay", "defer", "prolong", "push", "adjourn", "suspend")


def clause_tense(text: str, start: int, date: int, end: int, prep: str) -> int:
    """PAST, FUTURE, PRESENT or UNKNOWN: how the clause around a date speaks of it.

    `start` is where the date's own preposition (`prep`, if any) begins, `date` and `end`
    the date's span.
    """
    if prep == "since":
        return PAST
    back = max(0, start - 240)
    stop = text.rfind(". ", back, start)
    # "at 7 p.m. Friday", "the U.S. air base": no full stop
    while stop >= 3 and (text[stop - 3 : stop] in _TIMES or _initials_end(text, stop)):
        stop = text.rfind(". ", back, stop)
    lo = max(stop, text.rfind("\n", back, start), back)
    if _REPORTED.search(text, max(lo, date - 40), date):
        return PAST  # "said on Thursday that it would…": the saying is past
    # "Starmer will become … after Labour won in Thursday's election": past
    last = _LAST_CLAUSE_START.match(text, lo, start)
    clause = last.end() if last else lo
    if _FUTURE.search(text, clause, start):
        return FUTURE
    # "tickets for Saturday", "delayed to Oct. 10": the day of the thing, not of the verb
    verb = None if prep in {"for", "to"} else _LAST_TENSE.match(text, clause, start)
    while verb and verb["past"] and text.endswith(_DETERMINERS, 0, verb.start("past")):
        # "a limited release": an -ed word after a determiner is an adjective; tested
        # after the match, as a lookbehind tried at every word costs more (speed)
        verb = _LAST_TENSE.match(text, clause, verb.start("past"))
    if verb and verb["past"] and _EVENT_BEFORE.search(text, max(0, start - 16), start):
        # "has called a protest on December 10": the date is the event's, not the verb's
        verb = None
    if verb and prep in {"until", "till", "through"} and (verb["past"] or "").startswith(_MOVED_TO):
        return FUTURE  # "was extended through Sept. 30": a deadline moved later
    if verb and not verb["inf"]:
        return _TENSE_OF[verb.lastgroup or "inf"]
    # "On Friday, he will…" / "services on Wednesday are…": the verb after the date
    opener = len(text[lo:start].split()) <= 2
    end -= text[end - 1] == "."  # "in Sept." closing its sentence
    after = (_AFTER_IN_SENTENCE if opener else _AFTER_IN_CLAUSE).match(text, end)
    if after:
        return _TENSE_OF[after.lastgroup or "inf"]
    # "he would present it at a base in Ramstein, Germany, on Saturday": a clause of no
    # verb (a place's comma) takes the sentence's last tense
    comma_only = verb is None and clause > lo and text[clause - 1] == ","
    return _sentence_tense(text, lo, clause) if comma_only else UNKNOWN


def _initials_end(text: str, stop: int) -> bool:
    """True when the stop at `stop` closes dotted initials ("U.S.", "U.K.")."""
    return text[stop - 2] == "." and text[stop - 1].isupper()


def _sentence_tense(text: str, lo: int, clause: int) -> int:
    """The tense of the last future word or tensed verb in text[lo:clause]."""
    fut = _LAST_FUTURE.match(text, lo, clause)
    verb = _LAST_TENSE.match(text, lo, clause)
    if fut and (verb is None or fut.end() >= verb.end()):
        return FUTURE
    return _TENSE_OF[verb.lastgroup or "inf"] if verb else UNKNOWN
