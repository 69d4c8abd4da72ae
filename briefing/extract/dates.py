"""Date expressions and their ISO resolution against the publication date."""

import datetime
import re

from briefing.extract.date_values import RESOLVERS, TENSED, month_pattern
from briefing.extract.lexicon import trie_pattern, word_set
from briefing.extract.model import DateMention
from briefing.extract.tense import UNKNOWN, clause_tense

_D = datetime.date
_DAY = datetime.timedelta(days=1)


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
    "mdy": rf"{_WDP}{month_pattern('mdy_m')} {_DAYN.format('mdy_d')},? {_YEAR.format('mdy_y')}",
    "dmy": (
        rf"{_WDP}{_DAYN.format('dmy_d')} (?:of )?{month_pattern('dmy_m')},? "
        rf"{_YEAR.format('dmy_y')}"
    ),
    "my": rf"(?:(?P<my_q>early|mid|late)[- ])?{month_pattern('my_m')},? {_YEAR.format('my_y')}",
    "md": rf"{_WDP}{month_pattern('md_m')} {_DAYN.format('md_d')}{_YEAR_AFTER.format('md_y')}",
    "dm": rf"{_WDP}{_DAYN.format('dm_d')} (?:of )?{month_pattern('dm_m')}",
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
        rf"(?:(?P<mon_q>early|mid|late|(?i:last|next|this))[- ])?{month_pattern('mon_m')}"
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
        tense = UNKNOWN
        if kind in TENSED:
            # inside a quotation the speaker's own tense decides ("is going to be Nov. 5")
            quoted = context is not text and context[m.start()] == "X" != text[m.start()]
            # "before the August recess": the preposition of the noun the date qualifies
            lead = prep
            if not prep and text[m.start() - 4 : m.start()] == "the ":
                lead = _PREP_THE.search(text, max(0, m.start() - 12), m.start())
            at = lead.start() if lead else m.start()
            word = (lead[0].split()[0] if lead else text[max(0, at - 4) : at].strip()).lower()
            tense = clause_tense(text if quoted else context, at, m.start(), m.end(), word)
        bare = kind == "wd" and not m["wd_q"]
        resolved = RESOLVERS[kind](m, published, tense, prep is not None)
        if bare and tense == UNKNOWN:
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
