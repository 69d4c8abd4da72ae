"""Date expressions and their ISO resolution against the publication date."""

import datetime
import re
from collections.abc import Callable

from briefing.extract.lexicon import MONTHS, WEEKDAYS, trie_pattern, word_set
from briefing.extract.model import DateMention

_D = datetime.date
_DAY = datetime.timedelta(days=1)


def _mon(name: str) -> str:
    return (
        rf"(?P<{name}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
        rf"|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?![a-z])"
    )


_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WDP = rf"(?:{_WD},? )?"
_YEAR = r"(?P<{0}>1[89]\d\d|20\d\d)(?!\d)"
_DAYN = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_PART = r"(?: (?:morning|afternoon|evening|night))?"
# "February of last year" (one expression), "July last year" (two, the year word placing
# the month as well): a month followed by its year word
_YEAR_AFTER = (
    r"(?:(?P<{0}> of (?i:last|next|this) year)"
    r"|(?=(?P<{0}_2> (?i:last|next|this) year)))?"
)
_NUM = r"\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few"
_ALTS = {
    "mdy": rf"{_WDP}{_mon('mdy_m')} {_DAYN.format('mdy_d')},? {_YEAR.format('mdy_y')}",
    "dmy": rf"{_WDP}{_DAYN.format('dmy_d')} (?:of )?{_mon('dmy_m')},? {_YEAR.format('dmy_y')}",
    "my": rf"(?:(?P<my_q>early|mid|late)[- ])?{_mon('my_m')},? {_YEAR.format('my_y')}",
    "md": rf"{_WDP}{_mon('md_m')} {_DAYN.format('md_d')}{_YEAR_AFTER.format('md_y')}",
    "dm": rf"{_WDP}{_DAYN.format('dm_d')} (?:of )?{_mon('dm_m')}",
    "iso": r"(?P<iso_v>\d{4}-\d\d-\d\d)(?!\d)",
    "ago": rf"(?i:(?P<ago_n>{_NUM}) (?P<ago_u>day|week|month|year)s? ago)",
    "deic": rf"(?i:(?:earlier |later )?(?P<deic_w>yesterday|today|tomorrow|tonight)){_PART}",
    "part": r"(?i:(?P<part_w>last night|this morning|this afternoon|this evening))",
    "span": (
        r"(?i:(?:(?P<span_q>earlier|later|late|early) )?(?P<span_w>last|next|this|past|coming) "
        r"(?P<span_u>weekend|week|month|year|spring|summer|autumn|fall|winter))(?![\w-])"
    ),
    "wkend": r"(?i:(?:over|at|during|on|this past) the weekend)",
    "wd": rf"(?:(?P<wd_q>(?i:last|next|this|late|early)) )?(?P<wd_d>{_WD})(?![a-z]){_PART}",
    "mon": (
        rf"(?:(?P<mon_q>early|mid|late|(?i:last|next|this))[- ])?{_mon('mon_m')}"
        + _YEAR_AFTER.format("mon_y")
    ),
    "hol": r"(?P<hol_w>Christmas (?:Eve|Day)|Boxing Day|New Year['\u2019]s (?:Eve|Day)"
    r"|Valentine['\u2019]s Day)",
    "year": r"(?:(?P<year_q>early|mid|late)[- ])?" + _YEAR.format("year_y"),
    # "the second half of the year", "the end of last month", "since the start of 2024"
    "part_of": (
        r"(?i:the (?:(?P<po_h>first|second) half|(?P<po_e>end|start|beginning))"
        r" of (?:(?P<po_w>the|this|last|next) (?P<po_u>year|month)(?![\w-])|"
        + _YEAR.format("po_y")
        + "))"
    ),
    # "last financial year" (April to March unless the text gives the year's end)
    "fy": (
        r"(?i:(?:the )?(?P<fy_w>last|this|next|current|previous|coming|past)"
        r" (?:financial|fiscal) year)(?![\w-])"
    ),
}
_DATES = re.compile("|".join(f"(?P<{k}>{v})" for k, v in _ALTS.items()))
# Numbers are frequent: at a digit only the forms that can open with one are tried.
_DIGIT_KINDS = ("dmy", "dm", "iso", "ago", "year")
_DATES_AT_DIGIT = re.compile("|".join(f"(?P<{k}>{_ALTS[k]})" for k in _DIGIT_KINDS))
_PREP = re.compile(r"\b(?:on|in|since|by|until|till|from|during|before|after|through) $", re.I)
_PREP_THE = re.compile(
    r"\b(?:on|in|since|by|until|till|from|during|before|after|through) the $", re.I
)
# Speed (issue: >= 2 MB/s): the full pattern is tried only where a date can start, found
# by a prefix-tree alternation of the words and digits that open one. "ago" and "the
# weekend" end their expressions, so the start is looked for just before them.
_OPENERS = word_set(
    "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday yesterday today tomorrow tonight earlier later early late mid "
    "last next this past coming ago Christmas Boxing Valentine"
)
_TRIGGER = (
    r"(?:\d|the weekend|"
    + trie_pattern({w for o in _OPENERS for w in (o, o.capitalize())} | {"New Year"})
    + ")"
)
# The last words of expressions whose opening word ("the", "current") is too common to
# trigger on: found by str.find (in the trie they would slow every word starting with
# their letters), the start is looked for just before them (_BACK).
_CLOSERS: tuple[str, ...] = (" half of", " end of", " start of", " beginning of")
_CLOSERS += (" financial year", " fiscal year")
# A trigger opens a word (`\b` before it). `re` tries a pattern starting with `\b` at every
# offset, slowly; one starting with a space is searched for at C speed. So triggers after
# a space, triggers after any other non-word character, and one at offset 0 are found
# apart and merged (issue: speed).
_TRIGGER_AT = re.compile(_TRIGGER)
_AFTER_SPACE = re.compile(f" ({_TRIGGER})")
_AFTER_MARK = re.compile(rf"[^\w ]({_TRIGGER})")
_BACK = {
    "ago": re.compile(rf"(?i:\b(?:{_NUM}) (?:day|week|month|year)s? )$"),
    "the weekend": re.compile(r"(?i:\b(?:over|at|during|on|this past) )$"),
    "half of": re.compile(r"(?i:\bthe (?:first|second) )$"),
    "financial year": re.compile(r"(?i:\b(?:the )?(?:current|previous|coming|past) )$"),
}
_BACK |= {w: re.compile(r"(?i:\bthe )$") for w in ("end of", "start of", "beginning of")}
_BACK["fiscal year"] = _BACK["financial year"]
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
_T_PAST, _T_UNKNOWN, _T_FUTURE, _T_PRESENT = -1, 0, 1, 2
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
    "fut": _T_FUTURE, "sched": _T_FUTURE, "pres": _T_PRESENT, "past": _T_PAST, "inf": _T_UNKNOWN
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
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NUMBERS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "a few": 3}


def _iso_span(a: _D, b: _D) -> str:
    return f"{a.isoformat()}/{b.isoformat()}"


def _month_of(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + delta
    return k // 12, k % 12 + 1


def _tense(text: str, start: int, date: int, end: int, prep: str) -> int:
    """Past, future, present or unknown (_T_*): how the clause around a date speaks of it.

    `start` is where the date's own preposition (`prep`, if any) begins, `date` and `end`
    the date's span.
    """
    if prep == "since":
        return _T_PAST
    back = max(0, start - 240)
    stop = text.rfind(". ", back, start)
    # "at 7 p.m. Friday", "the U.S. air base": no full stop
    while stop >= 3 and (text[stop - 3 : stop] in _TIMES or _initials_end(text, stop)):
        stop = text.rfind(". ", back, stop)
    lo = max(stop, text.rfind("\n", back, start), back)
    if _REPORTED.search(text, max(lo, date - 40), date):
        return _T_PAST  # "said on Thursday that it would…": the saying is past
    # "Starmer will become … after Labour won in Thursday's election": past
    last = _LAST_CLAUSE_START.match(text, lo, start)
    clause = last.end() if last else lo
    if _FUTURE.search(text, clause, start):
        return _T_FUTURE
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
        return _T_FUTURE  # "was extended through Sept. 30": a deadline moved later
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
    return _sentence_tense(text, lo, clause) if comma_only else _T_UNKNOWN


def _initials_end(text: str, stop: int) -> bool:
    """True when the stop at `stop` closes dotted initials ("U.S.", "U.K.")."""
    return text[stop - 2] == "." and text[stop - 1].isupper()


def _sentence_tense(text: str, lo: int, clause: int) -> int:
    """The tense of the last future word or tensed verb in text[lo:clause]."""
    fut = _LAST_FUTURE.match(text, lo, clause)
    verb = _LAST_TENSE.match(text, lo, clause)
    if fut and (verb is None or fut.end() >= verb.end()):
        return _T_FUTURE
    return _TENSE_OF[verb.lastgroup or "inf"] if verb else _T_UNKNOWN


def _year_for(month: int, pub: _D, tense: int) -> int:
    """The year of a month named without one: the next one in future talk, the last one in
    past talk, else the nearest."""
    if month == pub.month:
        return pub.year
    if tense == _T_FUTURE:
        return pub.year if month > pub.month else pub.year + 1
    if tense == _T_PAST:
        return pub.year - (month > pub.month)
    ahead = (month - pub.month) % 12
    return pub.year + (month < pub.month) if ahead <= 3 else pub.year - (month > pub.month)


def _weekday(name: str, qual: str, pub: _D, tense: int) -> _D:
    target = WEEKDAYS.index(name.lower())
    diff = target - pub.weekday()
    if qual == "last":
        return pub - datetime.timedelta(days=(-diff) % 7 or 7)
    if qual == "next":
        return pub + datetime.timedelta(days=diff % 7 or 7)
    if qual == "this":
        return pub + datetime.timedelta(days=diff)
    ahead, back = diff % 7, (-diff) % 7
    if tense == _T_FUTURE or (tense == _T_PRESENT and ahead < back):
        return pub + datetime.timedelta(days=ahead)
    return pub - datetime.timedelta(days=back)


def _weekend(word: str, pub: _D) -> str:
    on_weekend = pub.weekday() >= 5
    sat = pub - datetime.timedelta(days=pub.weekday() - 5) if on_weekend else None
    if sat is None:
        sat = pub + datetime.timedelta(days=5 - pub.weekday())
        if word in {"last", "past", "over"}:
            sat -= datetime.timedelta(days=7)
    elif word in {"last", "past"}:
        sat -= datetime.timedelta(days=7)
    elif word in {"next", "coming"}:
        sat += datetime.timedelta(days=7)
    return _iso_span(sat, sat + _DAY)


def _span(word: str, unit: str, pub: _D) -> str:
    delta = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(word, 0)
    if unit == "weekend":
        return _weekend(word, pub)
    if unit in _SEASONS:
        return _season(_SEASONS[unit], delta, pub)
    if word == "past":
        return _past(unit, pub)
    if unit == "week":
        monday = pub - datetime.timedelta(days=pub.weekday()) + datetime.timedelta(weeks=delta)
        return _iso_span(monday, monday + datetime.timedelta(days=6))
    if unit == "month":
        y, m = _shift_month(pub.year, pub.month, delta)
        return f"{y:04d}-{m:02d}"
    return f"{pub.year + delta:04d}"


def _season(first_month: int, delta: int, pub: _D) -> str:
    """A season as three months: this year's, the last one over, or the next one to start."""
    starts = [_D(y, first_month, 1) for y in range(pub.year - 2, pub.year + 2)]
    spans = [(a, _shift_month(a.year, a.month, 2)) for a in starts]
    if delta < 0:
        a, _ = max(sp for sp in spans if _month_end(*sp[1]) < pub)
    elif delta > 0:
        a, _ = min(sp for sp in spans if sp[0] > pub)
    else:
        # winter spans New Year: in January "this winter" is the one that began in December
        year = pub.year - (first_month == 12 and pub.month <= 2)
        a = _D(year, first_month, 1)
    end_y, end_m = _shift_month(a.year, a.month, 2)
    return f"{a.year:04d}-{a.month:02d}/{end_y:04d}-{end_m:02d}"


def _month_end(y: int, m: int) -> _D:
    ny, nm = _shift_month(y, m, 1)
    return _D(ny, nm, 1) - _DAY


def _past(unit: str, pub: _D) -> str:
    """ "the past week": the stretch of that length that ends on the publication date."""
    if unit == "week":
        return _iso_span(pub - datetime.timedelta(days=7), pub)
    if unit == "month":
        y, m = _shift_month(pub.year, pub.month, -1)
        return _iso_span(_D(y, m, min(pub.day, 28)), pub)
    return _iso_span(_D(pub.year - 1, pub.month, min(pub.day, 28)), pub)


def _ago(n: str, unit: str, pub: _D) -> str:
    k = int(n) if n.isdigit() else _NUMBERS.get(n.lower(), 1)
    unit = unit.lower()
    if unit == "day":
        return (pub - datetime.timedelta(days=k)).isoformat()
    if unit == "week":
        return (pub - datetime.timedelta(weeks=k)).isoformat()
    if unit == "month":
        y, m = _shift_month(pub.year, pub.month, -k)
        return f"{y:04d}-{m:02d}"
    return f"{pub.year - k:04d}"


def _date(y: int, m: int, d: int) -> str | None:
    try:
        return _D(y, m, d).isoformat()
    except ValueError:
        return None


def _r_mdy(m: re.Match[str], pub: _D | None, tense: int, prep: bool) -> str | None:
    return _date(int(m["mdy_y"]), _month_of(m["mdy_m"]), int(m["mdy_d"]))


def _r_dmy(m: re.Match[str], pub: _D | None, tense: int, prep: bool) -> str | None:
    return _date(int(m["dmy_y"]), _month_of(m["dmy_m"]), int(m["dmy_d"]))


def _r_my(m: re.Match[str], pub: _D | None, tense: int, prep: bool) -> str | None:
    return f"{int(m['my_y']):04d}-{_month_of(m['my_m']):02d}"


def _r_md(m: re.Match[str], pub: _D | None, tense: int, prep: bool) -> str | None:
    if pub is None:
        return None
    year_word = m["md_y"] or m["md_y_2"]
    return _day_of_year(_month_of(m["md_m"]), int(m["md_d"]), pub, tense, year_word)


def _r_dm(m: re.Match[str], pub: _D | None, tense: int, prep: bool) -> str | None:
    if pub is None:
        return None
    return _day_of_year(_month_of(m["dm_m"]), int(m["dm_d"]), pub, tense, None)


def _r_hol(m: re.Match[str], pub: _D | None, tense: int, prep: bool) -> str | None:
    if pub is None:
        return None
    month, day = _HOLIDAYS[m["hol_w"].lower().replace("\u2019", "'")]
    return _day_of_year(month, day, pub, tense, None)


def _day_of_year(month: int, day: int, pub: _D, tense: int, year_word: str | None) -> str | None:
    """A day named without a year ("October 7"), in the year its tense or year word gives."""
    if year_word:
        return _date(pub.year + _year_shift(year_word), month, day)
    year = _year_for(month, pub, tense)
    if tense == _T_PAST and (month, day) > (pub.month, pub.day) and year == pub.year:
        year -= 1  # "since August 30" in a piece of August 22: the last one
    return _date(year, month, day)


def _year_shift(year_word: str) -> int:
    """-1, 0 or 1 for "(of) last/this/next year"."""
    return {"last": -1, "next": 1}.get(year_word.split()[-2].lower(), 0)


def _r_iso(m: re.Match[str], pub: _D | None, tense: int, prep: bool) -> str | None:
    y, mo, d = (int(x) for x in m["iso_v"].split("-"))
    return _date(y, mo, d)


def _r_ago(m: re.Match[str], pub: _D | None, tense: int, prep: bool) -> str | None:
    return _ago(m["ago_n"], m["ago_u"], pub) if pub else None


def _r_deic(m: re.Match[str], pub: _D | None, tense: int, prep: bool) -> str | None:
    if pub is None:
        return None
    shift = {"yesterday": -1, "tomorrow": 1}.get(m["deic_w"].lower(), 0)
    return (pub + shift * _DAY).isoformat()


def _r_part(m: re.Match[str], pub: _D | None, tense: int, prep: bool) -> str | None:
    if pub is None:
        return None
    return (pub - _DAY if m["part_w"].lower() == "last night" else pub).isoformat()


def _r_span(m: re.Match[str], pub: _D | None, tense: int, prep: bool) -> str | None:
    return _span(m["span_w"].lower(), m["span_u"].lower(), pub) if pub else None


def _r_wkend(m: re.Match[str], pub: _D | None, tense: int, prep: bool) -> str | None:
    return _weekend("over", pub) if pub else None


def _r_wd(m: re.Match[str], pub: _D | None, tense: int, prep: bool) -> str | None:
    if pub is None:
        return None
    qual = (m["wd_q"] or "").lower()
    return _weekday(m["wd_d"], qual, pub, tense).isoformat()


def _r_mon(m: re.Match[str], pub: _D | None, tense: int, prep: bool) -> str | None:
    qual = (m["mon_q"] or "").lower()
    month = _month_of(m["mon_m"])
    if pub is None or (not prep and not qual and m["mon_m"].rstrip(".") in {"May", "Mar"}):
        return None  # "May" and "March" alone are usually a verb or a name
    if qual == "next":
        return f"{pub.year + (month <= pub.month):04d}-{month:02d}"
    if qual == "last":
        return f"{pub.year - (month >= pub.month):04d}-{month:02d}"
    if qual == "this":
        return f"{pub.year:04d}-{month:02d}"
    year_word = m["mon_y"] or m["mon_y_2"]
    if year_word:
        return f"{pub.year + _year_shift(year_word):04d}-{month:02d}"
    return f"{_year_for(month, pub, tense):04d}-{month:02d}"


def _r_year(m: re.Match[str], pub: _D | None, tense: int, prep: bool) -> str | None:
    return m["year_y"] if prep or m["year_q"] else None


def _r_part_of(m: re.Match[str], pub: _D | None, tense: int, prep: bool) -> str | None:
    """A half, start or end of a year or month: the months of a half, else the first or
    last day."""
    shift = _SHIFT.get((m["po_w"] or "").lower(), 0)
    end = (m["po_e"] or "").lower() == "end"
    if m["po_y"]:
        year = int(m["po_y"])
    elif pub is None:
        return None
    elif m["po_u"].lower() == "month":
        y, mo = _shift_month(pub.year, pub.month, shift)
        return (_month_end(y, mo) if end else _D(y, mo, 1)).isoformat()
    else:
        year = pub.year + shift
    if m["po_h"]:
        a, b = (1, 6) if m["po_h"].lower() == "first" else (7, 12)
        return f"{year:04d}-{a:02d}/{year:04d}-{b:02d}"
    return _D(year, 12, 31).isoformat() if end else _D(year, 1, 1).isoformat()


# "the financial year ending 31 March", "fiscal year that ends in June"
_FY_END = re.compile(
    r"(?i:(?:financial|fiscal) year (?:that )?(?:end(?:s|ed|ing)?|to)(?: on| in)?"
    rf"(?: [0-3]?\d)? ){_mon('fy_m')}"
)


def _r_fy(m: re.Match[str], pub: _D | None, tense: int, prep: bool) -> str | None:
    """A financial year: April to March (UK, India, Japan…) unless the text says otherwise."""
    if pub is None:
        return None
    # near the date only: a search of the whole text per mention is quadratic
    stated = _FY_END.search(m.string, max(0, m.start() - 3000), m.end() + 3000)
    first = _month_of(stated["fy_m"]) % 12 + 1 if stated else 4
    year = pub.year - (pub.month < first) + _SHIFT.get(m["fy_w"].lower(), 0)
    end_y, end_m = _shift_month(year, first, 11)
    return _iso_span(_D(year, first, 1), _month_end(end_y, end_m))


_SHIFT = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# Holidays on a fixed day everywhere they are kept (movable and national ones are not).
_HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "boxing day": (12, 26),
    "new year's eve": (12, 31), "new year's day": (1, 1), "valentine's day": (2, 14),
}  # fmt: skip
_TENSED = {"md", "dm", "wd", "mon", "hol"}  # kinds whose year or week depends on tense
_RESOLVERS: dict[str, Callable[[re.Match[str], _D | None, int, bool], str | None]] = {
    "mdy": _r_mdy, "dmy": _r_dmy, "my": _r_my, "md": _r_md, "dm": _r_dm, "iso": _r_iso,
    "ago": _r_ago, "deic": _r_deic, "part": _r_part, "span": _r_span, "wkend": _r_wkend,
    "wd": _r_wd, "hol": _r_hol, "mon": _r_mon, "year": _r_year, "part_of": _r_part_of,
    "fy": _r_fy,
}  # fmt: skip


def _triggers(text: str) -> list[tuple[int, str]]:
    """(offset, text) of every trigger, in text order: what `\b` + _TRIGGER would find.

    Every trigger starts and ends with a word character, so none overlaps another (the
    space inside "the weekend" is followed by no trigger) and the three searches cover
    exactly the offsets where a word may start.
    """
    found = [(m.start(1), m.group(1)) for m in _AFTER_SPACE.finditer(text)]
    found += [(m.start(1), m.group(1)) for m in _AFTER_MARK.finditer(text)]
    first = _TRIGGER_AT.match(text)
    if first:
        found.append((0, first.group()))
    found.sort()
    return found


def _closers(text: str) -> list[tuple[int, str]]:
    """(offset, text) of every _CLOSERS word after a space."""
    found = []
    for closer in _CLOSERS:
        i = text.find(closer)
        while i >= 0:
            found.append((i + 1, closer[1:]))
            i = text.find(closer, i + 1)
    return found


def find_dates(text: str, published: _D | None, masked: str | None = None) -> list[DateMention]:
    """Return the date expressions of `text` that resolve, with ISO values.

    Args:
        text: the normalized text.
        published: the date relative expressions resolve against.
        masked: `text` with quotation contents hidden, so that tense inside a quote does not
            decide whether a date outside it is past or future.
    """
    context = masked if masked is not None and len(masked) == len(text) else text
    out: list[DateMention] = []
    done = 0
    weekdays: dict[str, str] = {}  # the day each bare weekday name was first resolved to
    triggers = _triggers(text)
    closers = _closers(text)
    for start, trigger in sorted(triggers + closers) if closers else triggers:
        back = _BACK.get(trigger)
        if back:
            b = back.search(text, max(0, start - 24), start)
            start = b.start() if b else -1
        if start < done:
            continue
        m = (_DATES_AT_DIGIT if text[start].isdigit() else _DATES).match(text, start)
        if not m or _not_a_date(text, m):
            continue
        kind = m.lastgroup or ""
        prep = _PREP.search(text, max(0, m.start() - 8), m.start())
        tense = _T_UNKNOWN
        if kind in _TENSED:
            # inside a quotation the speaker's own tense decides ("is going to be Nov. 5")
            quoted = context is not text and context[m.start()] == "X" != text[m.start()]
            # "before the August recess": the preposition of the noun the date qualifies
            lead = prep
            if not prep and text[m.start() - 4 : m.start()] == "the ":
                lead = _PREP_THE.search(text, max(0, m.start() - 12), m.start())
            at = lead.start() if lead else m.start()
            word = (lead[0].split()[0] if lead else text[max(0, at - 4) : at].strip()).lower()
            tense = _tense(text if quoted else context, at, m.start(), m.end(), word)
        bare = kind == "wd" and not m["wd_q"]
        resolved = _RESOLVERS[kind](m, published, tense, prep is not None)
        if bare and tense == _T_UNKNOWN:
            # a weekday named again with no tense of its own is the day named before
            resolved = weekdays.get(m["wd_d"], resolved)
        if resolved:
            if bare:
                weekdays.setdefault(m["wd_d"], resolved)
            start = prep.start() if prep else m.start()
            end = m.end() - (text[m.end() - 1] == "." and kind == "mon" and len(m[kind]) > 5)
            resolved = _year_in_context(text, out, kind, m, resolved)
            resolved = _in_sequence(text, out, kind, m, resolved)
            out.append(DateMention(text[start:end], start, end, resolved))
            done = m.end()
    return out


def _not_a_date(text: str, m: re.Match[str]) -> bool:
    """ "every April", "each Sunday" (a recurrence) or "the BBC's Today programme" (a name)."""
    if text[m.start() - 2 : m.start()] not in _LEAD_ENDS:
        return False  # the cheap test first: most dates follow "on", "in", "last"…
    before = text[max(0, m.start() - 6) : m.start()].lower()
    if before.endswith(("every ", "each ")):
        return True
    return m.lastgroup == "deic" and m.group()[0].isupper() and before.endswith(_NAME_LEADS)


_NAME_LEADS = ("the ", "'s ", "\u2019s ")
_LEAD_ENDS = {"y ", "Y ", "h ", "H ", "e ", "E ", "s "}  # last letters of the words above


def _year_in_context(
    text: str, found: list[DateMention], kind: str, m: re.Match[str], value: str
) -> str:
    """A month or day named without a year takes the year just stated in its sentence.

    "The trial starts in June 2025 and ends by December": December 2025.
    """
    if kind not in {"md", "dm", "mon"} or not found:
        return value
    if (kind == "mon" and (m["mon_q"] or m["mon_y"] or m["mon_y_2"])) or (
        kind == "md" and (m["md_y"] or m["md_y_2"])
    ):
        return value
    last = found[-1]
    between = text[last.end : m.start()]
    near = m.start() - last.end < 150 and ". " not in between and "\n" not in between
    if not near or last.resolved[:4] == value[:4] or "/" in last.resolved:
        return value
    if last.resolved[:4] not in last.text:
        return value  # "expired last year and was extended through Sept. 30": no year stated
    return last.resolved[:4] + value[4:]


_SEQUENCE = re.compile(r"\b(?:followed by|then)\b")


def _in_sequence(
    text: str, found: list[DateMention], kind: str, m: re.Match[str], value: str
) -> str:
    """A yearless month or day that follows the date before it in sequence is later
    than it: "out on Nov. 22, followed by a wide release in January" is next January."""
    if kind not in {"md", "dm", "mon"} or not found or value[:7] >= found[-1].resolved[:7]:
        return value  # most dates: no earlier one to follow
    last = found[-1]
    if "/" in last.resolved or m.start() - last.end > 150:
        return value
    if (kind == "mon" and (m["mon_q"] or m["mon_y"] or m["mon_y_2"])) or (
        kind == "md" and (m["md_y"] or m["md_y_2"])
    ):
        return value  # "in May last year": its year is given
    between = text[last.end : m.start()]
    if ". " in between or "\n" in between or not _SEQUENCE.search(between):
        return value
    shifted = str(int(value[:4]) + 1) + value[4:]
    return shifted if shifted[:7] > last.resolved[:7] else value


def resolve_date(expression: str, published: _D | None) -> str | None:
    """Resolve one date expression ("last weekend", "Sept. 5") against `published`."""
    if isinstance(published, datetime.datetime):
        published = published.date()
    found = find_dates(expression, published)
    return found[0].resolved if found else None
