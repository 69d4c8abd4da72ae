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
_NUM = r"\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few"
_ALTS = {
    "mdy": rf"{_WDP}{_mon('mdy_m')} {_DAYN.format('mdy_d')},? {_YEAR.format('mdy_y')}",
    "dmy": rf"{_WDP}{_DAYN.format('dmy_d')} (?:of )?{_mon('dmy_m')},? {_YEAR.format('dmy_y')}",
    "my": rf"(?:(?P<my_q>early|mid|late)[- ])?{_mon('my_m')},? {_YEAR.format('my_y')}",
    "md": rf"{_WDP}{_mon('md_m')} {_DAYN.format('md_d')}",
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
    "wd": rf"(?:(?P<wd_q>(?i:last|next|this|late|early)) )?(?P<wd_d>{_WD}){_PART}",
    "mon": rf"(?:(?P<mon_q>early|mid|late|(?i:last|next|this))[- ])?{_mon('mon_m')}",
    "year": r"(?:(?P<year_q>early|mid|late)[- ])?" + _YEAR.format("year_y"),
}
_DATES = re.compile("|".join(f"(?P<{k}>{v})" for k, v in _ALTS.items()))
# Numbers are frequent: at a digit only the forms that can open with one are tried.
_DIGIT_KINDS = ("dmy", "dm", "iso", "ago", "year")
_DATES_AT_DIGIT = re.compile("|".join(f"(?P<{k}>{_ALTS[k]})" for k in _DIGIT_KINDS))
_PREP = re.compile(r"(?:on|in|since|by|until|till|from|during|before|after|through) $", re.I)
# Speed (issue: >= 2 MB/s): the full pattern is tried only where a date can start, found
# by a prefix-tree alternation of the words and digits that open one. "ago" and "the
# weekend" end their expressions, so the start is looked for just before them.
_OPENERS = word_set(
    "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday yesterday today tomorrow tonight earlier later early late mid "
    "last next this past coming ago"
)
_TRIGGER = (
    r"(?:\d|the weekend|" + trie_pattern({w for o in _OPENERS for w in (o, o.capitalize())}) + ")"
)
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
}
_FUTURE = re.compile(
    r"\b(?:will|'ll|shall|set to|set for|due to|is due|are due|scheduled (?:to|for)|expected|"
    r"forecast (?:for|on)|"
    r"plans? to|planned (?:to|for)|"
    r"upcoming|next|would|hopes? to|intends? to|to be held|to meet|to visit|ahead of|"
    r"going to|is to|are to)\b"
)
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
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NUMBERS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "a few": 3}


def _iso_span(a: _D, b: _D) -> str:
    return f"{a.isoformat()}/{b.isoformat()}"


def _month_of(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + delta
    return k // 12, k % 12 + 1


def _future(text: str, start: int, end: int) -> bool:
    """True when the clause around a date speaks of the future ("will meet on Friday")."""
    back = max(0, start - 240)
    lo = max(text.rfind(". ", back, start), text.rfind("\n", back, start), back)
    if _REPORTED.search(text, max(lo, start - 40), start):
        return False  # "said on Thursday that it would…": the saying is past
    # "Starmer will become … after Labour won in Thursday's election": past
    last = _LAST_CLAUSE_START.match(text, lo, start)
    clause = last.end() if last else lo
    if _FUTURE.search(text, clause, start):
        return True
    # A date opening its sentence governs the verb after it ("On Friday, he will…").
    if len(text[lo:start].split()) <= 2:
        hi = text.find(".", end, end + 80)
        return bool(_FUTURE.search(text, end, hi if hi > 0 else end + 80))
    return False


def _year_for(month: int, pub: _D, future: bool) -> int:
    """The year of a month named without one: the next one in future talk, else the nearest."""
    if month == pub.month:
        return pub.year
    if future:
        return pub.year if month > pub.month else pub.year + 1
    ahead = (month - pub.month) % 12
    return pub.year + (month < pub.month) if ahead <= 3 else pub.year - (month > pub.month)


def _weekday(name: str, qual: str, pub: _D, future: bool) -> _D:
    target = WEEKDAYS.index(name.lower())
    diff = target - pub.weekday()
    if qual == "last":
        return pub - datetime.timedelta(days=(-diff) % 7 or 7)
    if qual == "next":
        return pub + datetime.timedelta(days=diff % 7 or 7)
    if qual == "this":
        return pub + datetime.timedelta(days=diff)
    if future:
        return pub + datetime.timedelta(days=diff % 7)
    return pub - datetime.timedelta(days=(-diff) % 7)


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


def _r_mdy(m: re.Match[str], pub: _D | None, fut: bool, prep: bool) -> str | None:
    return _date(int(m["mdy_y"]), _month_of(m["mdy_m"]), int(m["mdy_d"]))


def _r_dmy(m: re.Match[str], pub: _D | None, fut: bool, prep: bool) -> str | None:
    return _date(int(m["dmy_y"]), _month_of(m["dmy_m"]), int(m["dmy_d"]))


def _r_my(m: re.Match[str], pub: _D | None, fut: bool, prep: bool) -> str | None:
    return f"{int(m['my_y']):04d}-{_month_of(m['my_m']):02d}"


def _r_md(m: re.Match[str], pub: _D | None, fut: bool, prep: bool) -> str | None:
    if pub is None:
        return None
    month = _month_of(m["md_m"])
    return _date(_year_for(month, pub, fut), month, int(m["md_d"]))


def _r_dm(m: re.Match[str], pub: _D | None, fut: bool, prep: bool) -> str | None:
    if pub is None:
        return None
    month = _month_of(m["dm_m"])
    return _date(_year_for(month, pub, fut), month, int(m["dm_d"]))


def _r_iso(m: re.Match[str], pub: _D | None, fut: bool, prep: bool) -> str | None:
    y, mo, d = (int(x) for x in m["iso_v"].split("-"))
    return _date(y, mo, d)


def _r_ago(m: re.Match[str], pub: _D | None, fut: bool, prep: bool) -> str | None:
    return _ago(m["ago_n"], m["ago_u"], pub) if pub else None


def _r_deic(m: re.Match[str], pub: _D | None, fut: bool, prep: bool) -> str | None:
    if pub is None:
        return None
    shift = {"yesterday": -1, "tomorrow": 1}.get(m["deic_w"].lower(), 0)
    return (pub + shift * _DAY).isoformat()


def _r_part(m: re.Match[str], pub: _D | None, fut: bool, prep: bool) -> str | None:
    if pub is None:
        return None
    return (pub - _DAY if m["part_w"].lower() == "last night" else pub).isoformat()


def _r_span(m: re.Match[str], pub: _D | None, fut: bool, prep: bool) -> str | None:
    return _span(m["span_w"].lower(), m["span_u"].lower(), pub) if pub else None


def _r_wkend(m: re.Match[str], pub: _D | None, fut: bool, prep: bool) -> str | None:
    return _weekend("over", pub) if pub else None


def _r_wd(m: re.Match[str], pub: _D | None, fut: bool, prep: bool) -> str | None:
    if pub is None:
        return None
    qual = (m["wd_q"] or "").lower()
    return _weekday(m["wd_d"], qual, pub, fut).isoformat()


def _r_mon(m: re.Match[str], pub: _D | None, fut: bool, prep: bool) -> str | None:
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
    return f"{_year_for(month, pub, fut):04d}-{month:02d}"


def _r_year(m: re.Match[str], pub: _D | None, fut: bool, prep: bool) -> str | None:
    return m["year_y"] if prep or m["year_q"] else None


_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_TENSED = {"md", "dm", "wd", "mon"}  # kinds whose year or week depends on tense
_RESOLVERS: dict[str, Callable[[re.Match[str], _D | None, bool, bool], str | None]] = {
    "mdy": _r_mdy, "dmy": _r_dmy, "my": _r_my, "md": _r_md, "dm": _r_dm, "iso": _r_iso,
    "ago": _r_ago, "deic": _r_deic, "part": _r_part, "span": _r_span, "wkend": _r_wkend,
    "wd": _r_wd, "mon": _r_mon, "year": _r_year,
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
    for start, trigger in _triggers(text):
        back = _BACK.get(trigger)
        if back:
            b = back.search(text, max(0, start - 24), start)
            start = b.start() if b else -1
        if start < done:
            continue
        m = (_DATES_AT_DIGIT if text[start].isdigit() else _DATES).match(text, start)
        if not m:
            continue
        kind = m.lastgroup or ""
        prep = _PREP.search(text, max(0, m.start() - 8), m.start())
        # inside a quotation the speaker's own tense decides ("is going to be Nov. 5")
        quoted = context is not text and context[m.start()] == "X" != text[m.start()]
        fut = kind in _TENSED and _future(text if quoted else context, m.start(), m.end())
        resolved = _RESOLVERS[kind](m, published, fut, prep is not None)
        if resolved:
            start = prep.start() if prep else m.start()
            end = m.end() - (text[m.end() - 1] == "." and kind == "mon" and len(m[kind]) > 5)
            resolved = _year_in_context(text, out, kind, m, resolved)
            out.append(DateMention(text[start:end], start, end, resolved))
            done = m.end()
    return out


def _year_in_context(
    text: str, found: list[DateMention], kind: str, m: re.Match[str], value: str
) -> str:
    """A month or day named without a year takes the year just stated in its sentence.

    "The trial starts in June 2025 and ends by December": December 2025.
    """
    if kind not in {"md", "dm", "mon"} or (kind == "mon" and m["mon_q"]) or not found:
        return value
    last = found[-1]
    near = m.start() - last.end < 150 and ". " not in text[last.end : m.start()]
    if not near or last.resolved[:4] == value[:4] or "/" in last.resolved:
        return value
    return last.resolved[:4] + value[4:]


def resolve_date(expression: str, published: _D | None) -> str | None:
    """Resolve one date expression ("last weekend", "Sept. 5") against `published`."""
    if isinstance(published, datetime.datetime):
        published = published.date()
    found = find_dates(expression, published)
    return found[0].resolved if found else None
