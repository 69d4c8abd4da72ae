"""The calendar value of a date expression found by briefing.extract.dates: ISO day,
month, year or START/END interval, given the publication date and the clause's tense."""

import datetime
import re
from collections.abc import Callable

from briefing.extract.lexicon import MONTHS, WEEKDAYS
from briefing.extract.tense import FUTURE, PAST, PRESENT

_D = datetime.date
_DAY = datetime.timedelta(days=1)


def month_pattern(name: str) -> str:
    """A month name or abbreviation as the named group `name`."""
    return (
        rf"(?P<{name}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
        rf"|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?![a-z])"
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


def _year_for(month: int, pub: _D, tense: int) -> int:
    """The year of a month named without one: the next one in future talk, the last one in
    past talk, else the nearest."""
    if month == pub.month:
        return pub.year
    if tense == FUTURE:
        return pub.year if month > pub.month else pub.year + 1
    if tense == PAST:
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
    if tense == FUTURE or (tense == PRESENT and ahead < back):
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
    if tense == PAST and (month, day) > (pub.month, pub.day) and year == pub.year:
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
    rf"(?: [0-3]?\d)? ){month_pattern('fy_m')}"
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
TENSED = {"md", "dm", "wd", "mon", "hol"}  # kinds whose year or week depends on tense
RESOLVERS: dict[str, Callable[[re.Match[str], _D | None, int, bool], str | None]] = {
    "mdy": _r_mdy, "dmy": _r_dmy, "my": _r_my, "md": _r_md, "dm": _r_dm, "iso": _r_iso,
    "ago": _r_ago, "deic": _r_deic, "part": _r_part, "span": _r_span, "wkend": _r_wkend,
    "wd": _r_wd, "hol": _r_hol, "mon": _r_mon, "year": _r_year, "part_of": _r_part_of,
    "fy": _r_fy,
}  # fmt: skip
