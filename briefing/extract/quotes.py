"""Finding quotation-mark spans: double and single, curly and straight, across paragraphs."""

import bisect
import re
from typing import NamedTuple

from briefing.extract.lexicon import word_set
from briefing.extract.scan import find_all

_DOUBLE_MARKS = '"\u201c\u201d\u201e\u201f\u00ab\u00bb'
_OPENERS = "\u201c\u201e\u201f\u00ab"
_OPEN_LEFT = " ([{\u2014\u2013-/:\u2018'\n"
_CLOSE_RIGHT = " .,;:!?)]}\u2014\u2013-\u2026\u2019'\n"
# A single quote opens at a word start and closes at a word end; apostrophes inside
# words ("don't") never match either side.
_SINGLE_MARK = re.compile("[\u2018']")
_SINGLE_LEFT = " \n([\u2014\u2013"
# The marks that can open a single quote inside a paragraph (see _may_open_single).
_SINGLE_LEADS = ("\u2018", " '", "('", "['", "\u2014'", "\u2013'")
_SINGLE_CLOSE = re.compile(r"(?<=\S)[\u2019'](?!\w)")
_WORD = re.compile(r"\w+")
_SMALL_WORDS = {"a", "an", "the", "of", "and", "in", "on", "to", "for", "at", "with", "or", "is"}
_TITLE_NOUNS = word_set(
    "film movie book novel memoir song album single track series show programme program "
    "play documentary podcast titled entitled named dubbed hashtag operation exhibition "
    "musical opera poem newspaper magazine column sitcom drama thriller game "
    "record lp ep debut hit anthem ballad sequel painting collection title episode"
)
# "an Oscar nod for "Harbour Lights"", "starred in "The Long Walk"": a Title Case name
# as a preposition's object is a work, not words said
_TITLE_PREPOSITIONS = word_set("for in from on of about with")
# A word or term mentioned, not said (words as words): "the word "headroom"", "its so-called
# "entity list"", "what lawyers call a "priority call"", "an idea sometimes called the
# "hygiene hypothesis"". "call" names a term in the generic present ("what lawyers call
# a") or the passive ("sometimes called the"), with the article outside the mark; a
# speaker's "what he called a "witch hunt"", "was called "reckless" by", "called the
# pledge "a fairy tale"" stay quotes.
_MENTION_FRAME = re.compile(
    r"(?:\b(?:the|a|an|this|that|its|their) (?:word|words|term|phrase|expression|label"
    r"|slogan|catchphrase|buzzword|acronym)|\bso-called|\bknown as|\breferred to as"
    r"|\bcall (?:a|an|the)"
    r"|(?:\b(?:is|are|was|were|be|been|being)(?: \w+ly| also| now| once)?"
    r"|\b(?:sometimes|often|also|commonly|widely|popularly|usually)|,)"
    r" (?:called|dubbed|termed|nicknamed|labell?ed) (?:a|an|the))[\s\u2018\u2019']*$",
    re.I,
)
_FRAME_ENDS = word_set(
    "a an the word words term phrase expression label slogan catchphrase buzzword acronym "
    "so-called as called dubbed termed nicknamed"
)
# The generic "sometimes called", no article needed: "a disorder, sometimes called "blue
# lip"", unless a speaker's habit ("what she often called "hogwash"")
_GENERIC_NAMING = re.compile(
    r"(\w+)?,? (?:sometimes|often|commonly|widely|popularly|usually|colloquially|informally)"
    r" (?:called|dubbed|termed|nicknamed)[\s\u2018\u2019']*$",
    re.I,
)
_SPEAKERS = word_set("i we you he she they who what it")
# "the "old friends" hypothesis": a quoted modifier of a noun that names an idea
_CONCEPT_NOUNS = word_set(
    "hypothesis theory effect syndrome principle doctrine paradox fallacy dilemma phenomenon "
    "model strategy policy approach movement scheme rule clause list index"
)
# "rates the stock "market perform"": a broker's rating label
_RATINGS = word_set(
    "buy sell hold neutral overweight underweight outperform underperform accumulate reduce "
    "market-perform sector-perform peer-perform equal-weight strong-buy in-line market-weight"
)
# ... right after a rating verb and its object ("cut the stock to", "rate the shares")
_RATING_FRAME = re.compile(
    r"\b(?:rat(?:e|es|ed|ing)|upgrad\w*|downgrad\w*|reiterat\w*|cut|raised|lowered|moved)"
    r"(?: (?!(?:but|and|or|will|would|could|can|may|might|to|at|as)\b)[\w.'\u2019&-]+){0,3}"
    r"(?: (?:to|at|as))? ?$"
)


class QuoteSpan(NamedTuple):
    """Inner span of one quotation (or one paragraph of a run-on quotation)."""

    start: int
    end: int
    open_at: int
    close_at: int | None  # None: no closing mark, the quote runs to the paragraph end
    continued: bool  # a paragraph that continues a quotation left open above

    @property
    def outer_end(self) -> int:
        """Offset just after the closing mark (or the paragraph end)."""
        return self.end if self.close_at is None else self.close_at + 1


def _kind(para: str, i: int) -> str:
    """Classify a double mark as 'open', 'close' or 'either' from its neighbours."""
    prev = para[i - 1] if i > 0 else " "
    nxt = para[i + 1] if i + 1 < len(para) else " "
    left_open = prev in _OPEN_LEFT
    right_close = nxt in _CLOSE_RIGHT
    if left_open and not right_close:
        return "open"
    if right_close and not left_open:
        return "close"
    if para[i] in _OPENERS:
        return "open"
    return "either" if para[i] == '"' else "close"


def _trimmed(para: str, base: int, a: int, b: int) -> tuple[int, int] | None:
    """Inner span without surrounding spaces; None when nothing is quoted."""
    while a < b and para[a].isspace():
        a += 1
    while b > a and para[b - 1].isspace():
        b -= 1
    if not _WORD.search(para, a, b):
        return None
    return base + a, base + b


def _double_marks(text: str) -> list[int]:
    """Sorted offsets of every double quotation mark in `text`."""
    return find_all(text, _DOUBLE_MARKS)


def _double_spans(
    para: str, base: int, carried: bool, marks: list[int]
) -> tuple[list[QuoteSpan], bool]:
    """Pair the double marks (offsets in `para`) of one paragraph; report whether a quote
    is left open."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    continued = False
    for i in marks:
        kind = _kind(para, i)
        if open_at is None:
            if kind != "close":
                open_at = i
                continued = carried and i == 0
            continue
        if kind == "open" and para[i] != '"':
            open_at = i  # an unclosed mark before: a typo, restart at the new opener
            continued = False
            continue
        inner = _trimmed(para, base, open_at + 1, i)
        if inner:
            spans.append(QuoteSpan(inner[0], inner[1], base + open_at, base + i, continued))
        open_at = None
    if open_at is None:
        return spans, False
    inner = _trimmed(para, base, open_at + 1, len(para))
    if inner:
        spans.append(QuoteSpan(inner[0], inner[1], base + open_at, None, continued))
    return spans, True


def _single_close(para: str, start: int, stop: int) -> int | None:
    """The closing single mark after `start`, skipping likely plural possessives."""
    fallback = None
    # A single-quoted passage is a sentence or two; a longer search would make texts full
    # of plural possessives quadratic.
    for m in _SINGLE_CLOSE.finditer(para, start, min(stop, start + 1200)):
        j = m.start()
        nxt = para[j + 1] if j + 1 < len(para) else " "
        possessive = para[j - 1] in "sS" and nxt == " "
        if not possessive:
            return j
        fallback = fallback if fallback is not None else j
    return fallback


def _single_spans(para: str, base: int, lo: int, hi: int) -> list[QuoteSpan]:
    """Top-level single-quoted spans in para[lo:hi] (UK headline style, scare quotes)."""
    spans: list[QuoteSpan] = []
    pos = lo
    while True:
        i = _single_opener(para, pos, hi)
        if i is None:
            return spans
        j = _single_close(para, i + 1, hi)
        if j is None:
            return spans
        inner = _trimmed(para, base, i + 1, j)
        if inner:
            spans.append(QuoteSpan(inner[0], inner[1], base + i, base + j, False))
        pos = j + 1


def _may_open_single(para: str) -> bool:
    """Cheap test (C-speed substring search) before looking for single quotes at all."""
    # spelled out (_SINGLE_LEADS): any(generator) costs more than the searches themselves
    return (
        para.startswith(("'", "\u2018"))
        or "\u2018" in para
        or " '" in para
        or "('" in para
        or "['" in para
        or "\u2014'" in para
        or "\u2013'" in para
    )


def _single_opener(para: str, pos: int, hi: int) -> int | None:
    """A single mark that opens a quote: at a word start, before a letter."""
    for m in _SINGLE_MARK.finditer(para, pos, hi):
        i = m.start()
        if (i == 0 or para[i - 1] in _SINGLE_LEFT) and para[i + 1 : i + 2].isalpha():
            return i
    return None


def is_title(text: str, q: QuoteSpan) -> bool:
    """A quoted work title or nickname ("the film "Oppenheimer"", Joe "Jaws" Smith)."""
    inner = text[q.start : q.end]
    if text[max(0, q.open_at - 10) : q.open_at].rstrip(" ,").endswith("titled"):
        return True  # `a paper titled "A low-density rubble pile …"`: a title in any case
    words = inner.rstrip(".,").split(None, 9)  # more than 8 words is never a title
    if len(words) > 8 or inner.rstrip(".,")[-1:] in ("!", "?", ";", ":", "") or not words:
        return False
    if not all(w[0].isupper() or w.lower() in _SMALL_WORDS or not w[0].isalpha() for w in words):
        return False
    before = [w.strip(",;:") for w in text[max(0, q.open_at - 30) : q.open_at].lower().split()]
    after = text[q.outer_end : q.outer_end + 3]
    nickname = bool(before) and before[-1][:1].isalpha() and after.strip()[:1].isupper()
    nickname = nickname and text[q.open_at - 2 : q.open_at - 1].isalpha() and len(words) <= 2
    if inner[-1] in ".," and len(words) > 4:
        return False  # a short full sentence ("We Are Ready.") is still a quote
    # `ABC's "This Week."`: a programme or paper named after its owner
    owned = bool(before) and before[-1].endswith(("'s", "\u2019s")) and text[q.open_at - 2] == "s"
    owned = owned and text[max(0, q.open_at - 40) : q.open_at].split()[-1][:1].isupper()
    if before and before[-1] in _TITLE_PREPOSITIONS and len(words) > 1:
        return True
    return nickname or owned or bool(set(before[-3:]) & _TITLE_NOUNS)


def without_titles(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """`spans` less the work titles, and less every quote of the same words as a title
    (""The Long Walk" opened in May" after "Ada Roe's "The Long Walk"")."""
    titles = {text[s.start : s.end].rstrip(".,") for s in spans if is_title(text, s)}
    if not titles:
        return spans
    return [s for s in spans if text[s.start : s.end].rstrip(".,") not in titles]


def is_mention(text: str, q: QuoteSpan) -> bool:
    """A short quoted term, word or label that is mentioned, not anyone's words."""
    # the cheap tests first: a term is a few words, not an exclamation or a question
    if q.end - q.start > 60 or text.count(" ", q.start, q.end) > 4 or text[q.end - 1] in "!?":
        return False
    last = text[max(0, q.open_at - 12) : q.open_at].rsplit(None, 1)[-1:]
    framed = last and last[0].lower() in _FRAME_ENDS
    if framed and _MENTION_FRAME.search(text, max(0, q.open_at - 40), q.open_at):
        return True
    generic = framed and _GENERIC_NAMING.search(text, max(0, q.open_at - 50), q.open_at)
    if generic and (generic.group(1) or "").lower() not in _SPEAKERS:
        return True
    if text[q.outer_end + 1 : q.outer_end + 2].islower():
        after = text[q.outer_end : q.outer_end + 16].split(None, 1)
        if after and after[0].strip(",.;:") in _CONCEPT_NOUNS:
            return True
    if q.end - q.start > 16:  # longer than any rating label
        return False
    label = "-".join(text[q.start : q.end].rstrip(",;.").lower().split())
    return label in _RATINGS and bool(_RATING_FRAME.search(text, max(0, q.open_at - 50), q.open_at))


# Product, feature, plan and programme names in marks are names, not anyone's words: the
# app's "Smart Notes" search, a new tier called "Studio Max", the 'Warm Homes Scheme'.
_NAME_NOUNS = word_set(
    "feature plan tier subscription button mode programme program scheme initiative tool "
    "search app service option setting version edition model package bundle membership "
    "add-on platform product brand pass account"
)
_LAUNCHES = word_set("launched introduced unveiled released debuted rolled")
# determiners and pronouns: they open a phrase before a name, or a clause ("Our plan,")
_FIRST_WORDS = word_set(
    "a an the my our your his her its their this that these those no every what we i you "
    "he she it they"
)
# ... unless a speaker's characterisation: "called it a "Ponzi scheme""
_CALLED_A = re.compile(
    r"\b(?:call(?:ed|s|ing)?|describ\w+|label\w*)(?: [\w'\u2019-]+){0,3} (?:a|an|the) $"
)


def _noun(word: str) -> bool:
    w = word.strip(",.;:").lower()
    return w in _NAME_NOUNS or (w[-1:] == "s" and w[:-1] in _NAME_NOUNS)


def is_name(text: str, q: QuoteSpan) -> bool:
    """A quoted product, feature, plan or programme name (see _NAME_NOUNS)."""
    # the cheap tests first: a name is a few words with no sentence punctuation
    if q.close_at is None or q.end - q.start > 50 or text[q.end - 1] in "!?;:":
        return False
    words = text[q.start : q.end].rstrip(".,").split()
    if not words or len(words) > 5 or not words[0][0].isupper():
        return False
    before = text[max(0, q.open_at - 30) : q.open_at].split()[-2:]
    caps = all(w[0].isupper() or w[0].isdigit() for w in words[1:-1])
    if _noun(words[-1]) and len(words) > 1 and caps and words[0].lower() not in _FIRST_WORDS:
        # 'the "Green Tug Programme"', 'a $10 "AI add-on"': a kind noun closing a name
        lead = before[-1].lower() if before else ""
        det = lead in _FIRST_WORDS or lead.startswith(("$", "\u00a3", "\u20ac"))
        return det and not _CALLED_A.search(text, max(0, q.open_at - 50), q.open_at)
    if not caps or not (words[-1][0].isupper() or words[-1][0].isdigit()):
        return False  # otherwise Title Case: "Smart Notes", "Studio Max"
    after = text[q.outer_end : q.outer_end + 20].split(None, 1)
    if after and after[0][0].islower() and _noun(after[0]):
        return True  # the "Studio" plan, its "Smart Notes" search
    if not before:
        return False
    last = before[-1].lower()
    prev = before[0] if len(before) > 1 else ""
    if _noun(last) or last in _LAUNCHES or (prev.lower() in _LAUNCHES and last in _FIRST_WORDS):
        return True  # the feature "Smart Notes", launched "Studio", unveiled its "Max"
    # a tier called "Studio Max" (but what he called "Project Fear" is his phrase)
    return last in ("called", "branded") and prev.islower() and prev not in _FIRST_WORDS


def without_names(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """`spans` less the quoted names, and less every quote of the same words as a name
    ("features including "Smart Notes," which…" after "the "Smart Notes" search")."""
    names = {text[s.start : s.end].rstrip(".,") for s in spans if is_name(text, s)}
    if not names:
        return spans
    return [s for s in spans if text[s.start : s.end].rstrip(".,") not in names]


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Return every quotation span of normalized `text`, in text order."""
    out: list[QuoteSpan] = []
    carried = False
    marks = _double_marks(text)
    for a, b in paragraphs:
        para = text[a:b]
        lo, hi = bisect.bisect_left(marks, a), bisect.bisect_left(marks, b)
        spans, carried = _double_spans(para, a, carried, [i - a for i in marks[lo:hi]])
        singles = _single_spans(para, a, 0, len(para)) if _may_open_single(para) else []
        out.extend(_nest(spans, singles) if singles else spans)
    return out


def _nest(doubles: list[QuoteSpan], singles: list[QuoteSpan]) -> list[QuoteSpan]:
    """Keep the outer quotation of nested ones ('… "x" …' or "… 'x' …"), doubles on a clash."""
    kept = [d for d in doubles if not any(_within(d, s) for s in singles)]
    for s in singles:
        inside = any(_within(s, d) for d in doubles)
        crossing = any(_overlap(s, d) and not _within(d, s) for d in doubles)
        if not inside and not crossing:
            kept.append(s)
    return sorted(kept, key=lambda q: q.start)


def _within(inner: QuoteSpan, outer: QuoteSpan) -> bool:
    return outer.open_at < inner.open_at and inner.outer_end <= outer.outer_end


def _overlap(x: QuoteSpan, y: QuoteSpan) -> bool:
    return x.open_at < y.outer_end and y.open_at < x.outer_end
