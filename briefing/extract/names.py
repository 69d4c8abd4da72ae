"""Person-name mentions in text: capitalised runs, titles and honorifics split off."""

import bisect
import re
from typing import NamedTuple

from briefing.extract.lexicon import (
    DEMONYMS,
    FEMALE_NAMES,
    HONORIFICS,
    MALE_NAMES,
    MONTHS,
    ORG_WORDS,
    PARTY_STATE,
    PLACES,
    PORTFOLIO_WORDS,
    ROLE_WORDS,
    STOP_CAPS,
    TITLE_WORDS,
    UPPER_CLASS,
    WEEKDAYS,
    word_set,
)

_U = UPPER_CLASS
# Arabic names join a lowercase article to the name: "Sultan al-Jaber", "Abdel Fattah el-Sisi".
_HYPHENED = rf"(?<![\w-])(?:al|el|ad|as|ash|at|an|ar|az|abu|bin|ibn|ben|bint)-{_U}[\w\u2019'\-]*"
_TOKEN = (
    rf"(?:{_HYPHENED}"
    rf"|(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|St|Jr|Sr|Mme)\.(?!\S)"
    rf"|{_U}(?:\.{_U})+\.?|{_U}\.(?= {_U})|{_U}[\w\u2019'\-]*)"
)
_PARTICLE = r"(?:de|da|van|von|der|den|bin|ibn|al|el|la|le|du|dos|das|di|del|ter|bint)"
_ARTICLE = re.compile(r"(?<![\w-])(?:al|el|ad|as|ash|at|an|ar|az|abu|bin|ibn|ben|bint)-$")
# A run's first token, which starts with a capital, as _TOKEN spells it but with the capital
# taken first: `re` then jumps from capital to capital instead of trying a lookahead at
# every offset (issue: speed). Each honorific is spelled after its capital ("M" + "rs");
# keep them in step with _TOKEN (test_speed_equivalence checks that the scans agree).
_HONORIFIC_TAILS = {
    "M": "rs|r|s|me", "D": "r", "P": "rof", "S": "en|gt|t|r", "R": "ep|ev", "G": "ov|en",
    "L": "t", "C": "ol|apt", "J": "r",
}  # fmt: skip
_FIRST = (
    rf"{_U}(?:(?:{'|'.join(f'(?<={k})(?:{v})' for k, v in _HONORIFIC_TAILS.items())})\.(?!\S)"
    rf"|(?:\.{_U})+\.?|\.(?= {_U})|[\w\u2019'\-]*)"
)
# What may join two name words: particles ("von der"), or "&" in a firm ("Marks & Spencer")
_JOIN = rf" (?:& )?(?:{_PARTICLE} ){{0,2}}"
_RUN = re.compile(rf"{_FIRST}(?:{_JOIN}{_TOKEN})*")
_RUN_AT = re.compile(rf"{_TOKEN}(?:{_JOIN}{_TOKEN})*")  # from a known start
_TOK = re.compile(rf"{_TOKEN}|{_PARTICLE}(?!\w)|&")
# A nickname between a given name and a surname: Kieran "Tank" Doyle
_NICKNAME = re.compile(rf" [\"\u201c\u2018']{_U}[\w\-]*(?: {_U}[\w\-]*)?[\"\u201d\u2019'] (?={_U})")
# A place after a preposition is no one speaking ("the ministry in Gaza warned")
_PLACE_AFTER = re.compile(
    r"\b(?:in|at|from|of|near|across|outside|inside|throughout|within|into|around) $"
)
_CONTRACTION = re.compile(r"['\u2019](?:ve|re|m|ll|d|t|s)$|n['\u2019]t$")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_INITIAL = re.compile(r"[A-Z]\.?")
_ACRONYM = re.compile(r"[A-Z]{2,}\d*|(?:[A-Z]\.){2,}")
_GIVEN = FEMALE_NAMES | MALE_NAMES
_PLAIN_TITLES = TITLE_WORDS - DEMONYMS  # computed once, not per name
# Title words that are also common surnames: alone, "Green" is more likely Mark Green.
_SURNAMES = {"green", "white", "king", "major", "bishop", "marshal", "cardinal"}
_ROYAL = {"king", "queen", "prince", "princess", "pope", "emperor", "empress"}
# Portfolio words are titles only before another title ("Energy Secretary X"); after a
# name word they are part of a firm's name ("Ridgeline Energy Materials").
_PORTFOLIOS = word_set(
    "affairs agriculture commerce culture defence defense economy education energy "
    "environment finance foreign health home interior trade transport treasury"
)
# A role noun no list holds ("Councilwoman", "Bassist", "Keeper") before a given name.
_ROLE_SHAPE = re.compile(r"\w{3,}(?:man|woman|person|member|ist|er)")
# Kunyas open Arabic names and tell the gender ("Umm Mohammed" is a woman).
_KUNYAS = {"umm": "f", "bint": "f", "abu": "m", "ibn": "m"}
# Words that show a run names no person: "Ashcombe Health Minerals" is a firm.
_NOT_NAMES = ORG_WORDS | _PORTFOLIOS | set(MONTHS) | set(WEEKDAYS)
# Honours after a name are dropped; generational suffixes ("Jr.", "III") are part of it.
_POSTNOMINALS = {"KC", "QC", "MP", "MEP", "MSP", "MS", "OBE", "MBE", "CBE", "PhD", "MD"}
# Last words of product names ("Driftwood Pro Plus", "Orbit Watch Ultra").
_PRODUCT_TIERS = word_set("pro plus max ultra mini lite premium edition")
# An office whose portfolio follows it: "Minister of Ports, Shipping and Waterways X".
OFFICES = word_set(
    "minister secretary director chief head president chair chairman chairwoman "
    "chairperson commissioner governor mayor ambassador envoy leader speaker chancellor "
    "executive officer dean registrar superintendent secretary-general director-general"
)
_OF_FOR = (" of ", " for ")
_PORTFOLIO_OF = re.compile(r" (?:of|for) (?:the )?")
_ITEM_WORD = rf"{_U}[\w\u2019'\-]*"
# Items before the last need an "and" to make a list; "Secretary of State, Jo Roe," is
# an appositive name after a one-item portfolio.
_ITEMS = rf"{_ITEM_WORD}(?: {_ITEM_WORD})*"
_ITEM = re.compile(_ITEMS)
_ITEM_LIST = re.compile(rf"(?:{_ITEMS}, )*{_ITEMS},? (?:and|&) ")
_PORTFOLIO_PART = PORTFOLIO_WORDS | ORG_WORDS | PLACES | TITLE_WORDS


class NameMention(NamedTuple):
    """A capitalised run read as a (possible) person's name.

    A named tuple rather than a frozen dataclass: tens of thousands are made for a long
    text, and a tuple is several times cheaper to build (issue: speed).
    """

    start: int  # where the name itself starts (after titles/honorifics)
    end: int
    tokens: tuple[str, ...]
    run_start: int  # where the run starts, titles included
    gender: str | None  # from an honorific ("Mr", "Ms"), when there is one
    honorific: str | None
    person: bool  # False for organisations and places

    @property
    def name(self) -> str:
        """The name as written, without titles."""
        return " ".join(self.tokens)


def _key(token: str) -> str:
    return token.lower()


def _is_title(key: str, leading: bool, next_key: str) -> bool:
    """Whether a run word is a title, given whether only titles stand before it."""
    if key in HONORIFICS:
        return leading or key != "m."  # "Rachel M. Dunn": a middle initial, not Monsieur
    if key in TITLE_WORDS or key in ROLE_WORDS:
        return leading or key not in _PORTFOLIOS or next_key in TITLE_WORDS
    return False


def _title_cut(toks: list[tuple[str, int, int]]) -> int:
    """Index of the first name token after any leading titles."""
    cut = 0
    leading = True  # only titles so far
    for i, (tok, _, _) in enumerate(toks[:-1]):
        if cut == i > 0 and i == len(toks) - 2 and _key(tok) in _GIVEN:
            break  # "Conservative MP Dean Smith": after a title, a given name before the last
        if _is_title(_key(tok), leading, _key(toks[i + 1][0])):
            cut = i + 1
        elif tok.endswith(("'s", "\u2019s", "s'", "s\u2019")):
            cut = i + 1  # "Sweden's Ludvig Aberg": a possessive owner comes before the name
            leading = False
        else:
            leading = False
    # Titles not in the list ("Councilwoman Rachel Dunn"): a known given name after a
    # word shaped like a role noun starts the name; "Craig Anthony Hollis" keeps "Craig".
    for i, (tok, _, _) in enumerate(toks[cut:-1], start=cut):
        if _key(tok) in _GIVEN:
            if i > cut and _ROLE_SHAPE.fullmatch(_key(toks[i - 1][0])):
                return i
            break
    if cut and _key(toks[cut - 1][0]) in _ROYAL:
        return cut - 1  # "King Charles", "Pope Francis": the title is how they are named
    # "Energy Minister German Galushchenko": a nationality after a title is a given name
    nationality_first = cut >= 2 and cut == len(toks) - 1 and _key(toks[cut - 1][0]) in DEMONYMS
    if nationality_first and _key(toks[cut - 2][0]) in _PLAIN_TITLES:
        return cut - 1
    return cut


def _is_person(tokens: tuple[str, ...]) -> bool:
    if len(tokens) == 1 and len(tokens[0].rstrip(".")) == 1:
        return False
    if tokens[0].lower() in _GIVEN and len(tokens) > 1:
        return True
    for tok in tokens:
        low = tok.lower().rstrip(".")
        if low in _NOT_NAMES or _ACRONYM.fullmatch(tok) or tok[0].isdigit():
            return False
    return True


def _org_prefix(token: str) -> bool:
    """A run opener that is no part of a name: "The", "But", or an acronym like "FAA"."""
    key = _key(token)
    if key in HONORIFICS:
        return False
    return key.rstrip(".") in STOP_CAPS or bool(_ACRONYM.fullmatch(token))


def _mention(text: str, m: re.Match[str]) -> NameMention | None:
    toks = [(t.group(), t.start(), t.end()) for t in _TOK.finditer(text, m.start(), m.end())]
    last, a, _ = toks[-1]
    pm = _POSSESSIVE.search(last)
    if pm and len(last) > 2:
        toks[-1] = (last[: pm.start()], a, a + pm.start())
    the = False  # "The Hollow Pines": no person's name takes the article
    while len(toks) > 1 and _org_prefix(toks[0][0]):
        if _ACRONYM.fullmatch(toks[0][0]) and not _names_person(toks[1:]):
            break  # "ESB Networks": the acronym belongs to the firm's name
        if toks[0][0] in ("A", "A.") and len(toks) > 2 and _INITIAL.fullmatch(toks[1][0]):
            break  # "A K Senapati": an initial, not the article
        the = toks.pop(0)[0] == "The"
    while len(toks) > 2 and toks[-1][0].rstrip(".") in _POSTNOMINALS:
        toks.pop()  # "Richard Marks KC", "John Smith Jr."
    if _key(toks[-1][0]) in _PRODUCT_TIERS:
        return None  # "Lumen Studio Max" is a product: no person, nor the firm Lumen
    if not toks:
        return None
    cut = _title_cut(toks)
    if ". " in m.group():  # an initial: most runs have none (speed)
        cut = _initial_cut(toks, cut)
    honorific = toks[cut - 1][0] if cut and _key(toks[cut - 1][0]) in HONORIFICS else None
    gender = HONORIFICS.get(_key(honorific)) if honorific else None
    names = toks[cut:]
    tokens = tuple(t for t, _, _ in names)
    if cut and not honorific and not _is_person(tokens) and not _owned(toks[:cut]):
        names = toks  # "Health Ministry", "Supreme Court": the titles name the body
        tokens = tuple(t for t, _, _ in names)
    firm = "&" in tokens  # "Hollis Roofing & Guttering"
    the = the and len(names) == len(toks)  # but "The Labour MP Jo Cox" is a person
    # a lone stop word ("The") is no name, but "Theresa May" and "Mrs May" are
    stop_word = len(tokens) == 1 and not honorific and _key(tokens[0]).rstrip(".") in STOP_CAPS
    if stop_word or all(_key(t) in TITLE_WORDS for t in tokens):
        return None
    return NameMention(
        names[0][1],
        names[-1][2],
        tokens,
        toks[0][1],
        gender,
        honorific,
        bool(honorific) or (not firm and not the and _is_person(tokens)),
    )


def _initial_cut(toks: list[tuple[str, int, int]], cut: int) -> int:
    """Past a body's name to an initial that opens a person's: "(Leader of the Opposition
    in the) Assembly T. Mahender Rao"; "John F. Kennedy" keeps its middle initial."""
    for k in range(cut + 1, len(toks) - 1):
        tok = toks[k][0]
        if len(tok) == 2 and tok[1] == "." and _key(toks[k - 1][0]) in _NOT_NAMES:
            return k
    return cut


def _owned(toks: list[tuple[str, int, int]]) -> bool:
    return any(t.endswith(("'s", "\u2019s", "s'", "s\u2019")) for t, _, _ in toks)


def _names_person(toks: list[tuple[str, int, int]]) -> bool:
    """True when the name these run words give, titles cut, reads as a person's."""
    return _is_person(tuple(t for t, _, _ in toks[_title_cut(toks) :]))


def _single(m: re.Match[str]) -> NameMention | None:
    """Fast path for a one-word run, the most common kind (issue: speed)."""
    token = m.group()
    pm = _POSSESSIVE.search(token)
    if pm and len(token) > 2:
        token = token[: pm.start()]
    key = _key(token)
    if key.rstrip(".") in STOP_CAPS or (key in TITLE_WORDS and key not in _SURNAMES) or not token:
        return None
    if _CONTRACTION.search(key) or PARTY_STATE.fullmatch(token):
        return None  # "We've", "It's", "Don't", "R-Ohio": never a name
    end = m.start() + len(token)
    return NameMention(m.start(), end, (token,), m.start(), None, None, _is_person((token,)))


def _template(run: str) -> NameMention | None:
    """The mention a run makes, with offsets relative to the run's start."""
    m = _RUN_AT.match(run)
    if m is None:
        return None
    if " " not in run:
        if run.lower().rstrip(".") in STOP_CAPS:
            return None  # most runs are one sentence-opening word ("The")
        return _single(m)
    return _mention(run, m)


_UNSEEN = NameMention(-1, -1, (), -1, None, None, False)  # a run not read yet


def find_mentions(text: str) -> list[NameMention]:
    """Return the capitalised-run mentions of `text`, in order."""
    out: list[NameMention] = []
    append = out.append  # tens of thousands of runs: keep the loop body lean (issue: speed)
    # Names repeat through an article: read each distinct run once (issue: speed).
    seen: dict[str, NameMention | None] = {}
    places: set[str] = set()  # the runs that are one place name ("Gaza")
    nicknamed: list[int] = []  # indexes in `out` of one-word names before a quote mark
    offices: set[str] = set()  # the runs that end in an office ("Foreign Minister")
    # (where the office's run starts, the portfolio): "Minister" + " of Trade"
    portfolios: list[tuple[int, tuple[int, int, int]]] = []
    for m in _RUN.finditer(text):
        at = m.start()
        # "al-Jaber said": the run found starts at "Jaber"; take the article along
        article = _ARTICLE.search(text, max(0, at - 5), at) if text[at - 1 : at] == "-" else None
        if article:
            at = article.start()
        run = text[at : m.end()]
        tpl = seen.get(run, _UNSEEN)
        if tpl is _UNSEEN:
            tpl = seen[run] = _template(run)
            if _key(run[run.rfind(" ") + 1 :]) in OFFICES:
                offices.add(run)
            if tpl and tpl.person and len(tpl.tokens) == 1 and _key(tpl.tokens[0]) in PLACES:
                places.add(run)
        quoted = tpl is not None and text[at - 1 : at] in _OPENERS and " " in run
        if quoted and _fills_quote(text, m.end()):
            continue  # a product or a programme in quotation marks: "Smart Recall"
        if tpl is not None:
            start, end, tokens, run_start, gender, honorific, person = tpl
            if honorific == "M." and _after_title(text, at):
                # "state secretary M. Sudhakar": an initial, as no honorific follows a title
                start, tokens, gender, honorific = run_start, ("M.", *tokens), None, None
            if person and start == run_start and text[at - 4 : at].endswith(_ARTICLES):
                # "the Hollow Pines", "the Guardian", "a Free Democrat" (a member, as
                # "a Republican"); not "the MP Jo Cox"
                person = False
            elif run in places and _PLACE_AFTER.search(text, max(0, at - 12), at):
                person = False
            elif person and len(tokens) == 1 and text.startswith(_QUOTE_AFTER, end + at):
                nicknamed.append(len(out))
            append(
                NameMention(start + at, end + at, tokens, run_start + at, gender, honorific, person)
            )
        if run in offices and text.startswith(_OF_FOR, m.end()):
            portfolio = portfolio_at(text, m.end())
            if portfolio:
                portfolios.append((tpl.run_start + at if tpl else at, portfolio))
    if nicknamed:
        _join_nicknames(text, out, nicknamed)
    for office_at, portfolio in portfolios:
        _cut_portfolio(text, out, office_at, portfolio)
    _join_formal(text, out)
    return out


# Bodies whose formal name goes on past "of" or "to": "the Department of Transportation",
# "the Committee to Protect Journalists"
_BODIES = word_set(
    "department ministry office agency bureau administration institute council commission "
    "committee campaign coalition association federation society foundation authority"
)
_TAIL_TO = re.compile(rf" to {_ITEM_WORD}(?: {_ITEM_WORD})+")


def _join_formal(text: str, out: list[NameMention]) -> None:
    """In place: a body's mention takes its formal tail, and the mentions in it go."""
    i = 0
    while i < len(out):
        m = out[i]
        if m.person or _key(m.tokens[-1]) not in _BODIES:
            i += 1
            continue
        tail = _TAIL_TO.match(text, m.end)
        end = tail.end() if tail else -1
        if tail is None and text.startswith(_OF_FOR, m.end):
            portfolio = portfolio_at(text, m.end)
            end = portfolio[2] if portfolio else -1
        if end > 0:
            extra = tuple(text[m.end : end].split())
            out[i] = m._replace(end=end, tokens=m.tokens + extra)
            while i + 1 < len(out) and out[i + 1].start < end:
                del out[i + 1]
        i += 1


def _after_title(text: str, at: int) -> bool:
    """True when a title or role word ("secretary", "leader") stands right before `at`."""
    word = text[max(0, at - 20) : at].rsplit(None, 1)[-1:]
    return bool(word) and (_key(word[0]) in TITLE_WORDS or _key(word[0]) in ROLE_WORDS)


def portfolio_at(text: str, at: int) -> tuple[int, int, int] | None:
    """(start, start of the last item, end) of the portfolio after an office ending at
    `at`: " of Ports, Shipping and Waterways", " of State for Foreign Affairs"."""
    pos, last = at, -1
    while of := _PORTFOLIO_OF.match(text, pos):
        items = _ITEM_LIST.match(text, of.end())
        pos = items.end() if items else of.end()
        item = _ITEM.match(text, pos)
        if item is None:
            return None
        last, pos = pos, item.end()
    return (at, last, pos) if last >= 0 else None


def _cut_portfolio(
    text: str, out: list[NameMention], office_at: int, portfolio: tuple[int, int, int]
) -> None:
    """In place: the items of a portfolio name nobody, and the name of the office holder
    is the tail of its last item ("Waterways Ramesh Narayan Behera"), titled by the
    office and portfolio from `office_at` on."""
    at, last, end = portfolio
    i = bisect.bisect_left(out, at, key=lambda m: m.start)
    while i < len(out) and out[i].start < end:
        m = out[i]
        if m.end <= last:
            out[i] = m._replace(person=False)
        elif m.run_start <= last and not m.honorific:
            toks = [(t.group(), t.start()) for t in _TOK.finditer(text, last, m.end)]
            name_at = _name_start([t for t, _ in toks])
            if name_at:
                tokens = tuple(t for t, _ in toks[name_at:])
                start = toks[name_at][1]
                person = _is_person(tokens)
                out[i] = m._replace(start=start, tokens=tokens, run_start=office_at, person=person)
        i += 1


def _name_start(toks: list[str]) -> int:
    """Index of the first name word in a portfolio item that ends with a name; 0 if none.

    The item takes at least its first word; a known given name starts the name, else
    the name starts after the portfolio words ("Natural Gas Hardeep Singh Puri")."""
    if len(toks) < 3:
        return 0  # one word for the item and two for the name, at least
    for k in range(1, len(toks) - 1):
        if _key(toks[k]) in _GIVEN:
            return k
    k = 1
    while k < len(toks) - 2 and _key(toks[k]) in _PORTFOLIO_PART:
        k += 1
    return k


_ARTICLES = ("the ", " a ", "\na ", " an ")
_QUOTE_AFTER = (' "', " \u201c", " \u2018", " '")
_OPENERS = {'"', "\u201c", "\u2018", "'"}
_CLOSERS = {'"', "\u201d", "\u2019", "'"}


def _fills_quote(text: str, end: int) -> bool:
    """True when a closing mark (after a comma or stop, maybe) follows a run at `end`."""
    nxt = text[end : end + 1]
    if nxt in {",", "."}:
        nxt = text[end + 1 : end + 2]
    return nxt in _CLOSERS


def _join_nicknames(text: str, out: list[NameMention], at: list[int]) -> None:
    """Join `Given "Nick" Surname` into one mention of `Given Surname`, in place."""
    for i in reversed(at):
        given = out[i]
        nick = _NICKNAME.match(text, given.end)
        if given.honorific or given.start != given.run_start or nick is None:
            continue
        j = i + 1
        while j < len(out) and out[j].run_start < nick.end():
            j += 1  # the nickname's own mention
        if j == len(out) or out[j].run_start != nick.end() or out[j].start != nick.end():
            continue
        last = out[j]
        if not last.person or last.honorific:
            continue
        joined = given.tokens + last.tokens
        out[i : j + 1] = [NameMention(given.start, last.end, joined, given.start, None, None, True)]


def nickname_after(text: str, m: NameMention) -> tuple[str, ...] | None:
    """The nickname quoted inside a joined `Given "Nick" Surname` mention, if any."""
    if len(m.tokens) < 2:
        return None
    nick = _NICKNAME.match(text, m.start + len(m.tokens[0]))
    return tuple(nick.group().strip(" \"'\u201c\u201d\u2018\u2019").split()) if nick else None


def first_name_gender(tokens: tuple[str, ...]) -> str | None:
    """'m' or 'f' when the first token is a common given name (or kunya) of that gender."""
    if len(tokens) < 2:
        return None
    first = tokens[0].lower()
    if first in _KUNYAS:
        return _KUNYAS[first]
    if first in FEMALE_NAMES:
        return "f"
    if first in MALE_NAMES:
        return "m"
    return None
