"""Reading the subject of a cue verb out of a stretch of text: a name, a pronoun or a group."""

import bisect
import re
from collections.abc import Container
from typing import NamedTuple

from briefing.extract.lexicon import (
    AUX_WORDS,
    CLAUSE_WORDS,
    CUE_WORDS,
    GROUP_NOUNS,
    ORG_WORDS,
    PRONOUNS,
    ROLE_WORDS,
    STOP_CAPS,
    TITLE_WORDS,
    word_set,
)
from briefing.extract.names import NameMention

# The tokens of `(?:[A-Z]\.){2,}|[\w'’\-]+|[^\w\s]` (initials, a word, one mark), with the
# first character taken first: `re` then skips spaces instead of trying every offset.
_WORD = re.compile(r"\S(?:(?<=[A-Z])\.(?:[A-Z]\.)+|(?<=[\w'\u2019\-])[\w'\u2019\-]*|(?<=[^\w\s]))")
_DOCUMENT = re.compile(
    r"(?i:an? |the )?(?:[\w-]+ ){0,2}(?:statement|readout|report|post|letter|filing|memo|"
    r"transcript|release|note|email|video|message|tweet)s? (?:from|by|of|issued by) "
)
_PLAIN_VERBS = word_set("read reads show shows put puts made makes gave gives went goes")
_MUTE = word_set(
    "banner banners sign signs placard placards poster posters headline headlines caption "
    "slogan slogans graffiti inscription t-shirt shirt billboard plaque"
)
# What an owner publishes, speaking through it: "Acme's website says"
_PUBLISHED = word_set(
    "statement post page website site blog account feed channel newsletter note letter "
    "report release filing memo email message tweet"
)
_PREPOSITIONS = word_set("of in at on during after before with from for about over")
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")
_PERSON_NOUNS = word_set(
    "presenter host anchor star actor actress singer writer author player striker coach "
    "boss veteran owner founder campaigner activist lawyer doctor nurse teacher"
)
_LINKS = {"at", "for", "of", "from", "with"}
_OWNER = re.compile(
    r"(?:\b(?:[Aa]n?|[Tt]he|one|two|some|several)\s)?(?P<noun>[A-Za-z]+)\s(?:at|for|from|of|with)\s$"
)
_LINK_WORDS = ("at", "for", "from", "of", "with")
_GROUP_SINGULAR = {w.rstrip("s") for w in GROUP_NOUNS} | {"spokesperson", "analyst", "source"}
_CLAUSE_OR_AUX = CLAUSE_WORDS | AUX_WORDS  # joined once, not per word
_DETERMINERS = {
    "the", "a", "an", "both", "some", "many", "several", "its", "their", "one", "two",
    "my", "our", "your", "his", "her", "another",
}  # fmt: skip
_LINK_SPLIT = re.compile(r" (?:for|at|of|from) ")
# ", Northwind Records." or ", the Mill Group,": a capitalised name closing an appositive
_APPOSITIVE_NAME = re.compile(r", ((?:the )?[A-Z][\w'&.\-]*(?: [A-Z][\w'&.\-]*){0,5})(?=[,.;]|$)")
_TIME_WORDS = word_set(
    "yesterday today tonight monday tuesday wednesday thursday friday saturday sunday"
)
_TIME_UNITS = word_set("year week month weekend night morning afternoon evening summer winter")
_TIME_LEADS = word_set("last this next that earlier")
_TIME_ENDS = _TIME_WORDS | _TIME_UNITS
_PERCEIVED = word_set("heard overheard seen filmed caught recorded")
_BE = word_set("was were be been is are")
_PLACE_LINKS = {"in", "at", "from", "of", "near", "for"}
_PLACE_ENDS = tuple(f" {w} " for w in _PLACE_LINKS)
# Prepositions whose object, read back from a cue, is not its subject: in "One MP on the
# left of the party said" the phrase after "on" does not speak. ("by" and "from" name a
# source: "a statement from the ministry".)
_PP_BREAK = word_set("on in at to into with for near about over under")
# Of those, the ones that place a name rather than say whose it is ("a spokesperson for X")
_PLACE_PREPOSITIONS = _PP_BREAK - _LINKS
# Post-modifiers of an anonymous source, read back from the cue: "a source close to the
# couple", "a person familiar with the matter", "officials briefed on the talks".
_POSTMOD_PAIRS = {
    ("close", "to"), ("familiar", "with"), ("briefed", "on"), ("involved", "in"),
    ("knowledgeable", "about"), ("aware", "of"), ("with", "knowledge"),
}  # fmt: skip


def _org_like(word: str) -> bool:
    return word[:1].isupper() or word == "the"


def _text_next(seq: list[re.Match[str]], k: int, from_end: bool) -> str:
    """The word after seq[k] in text order ("" at the end)."""
    j = k - 1 if from_end else k + 1
    return seq[j].group() if 0 <= j < len(seq) else ""


def _head_phrase(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The noun phrase opening a clause: up to the word that looks like its verb."""
    head: list[re.Match[str]] = []
    seen_noun = False
    for k, w in enumerate(words):
        low = w.group().lower()
        if low in _LINKS and _org_like(_text_next(words, k, False)):
            head.append(w)  # "Analysts at Goldman Sachs"
            continue
        after_link = head and head[-1].group() in _LINKS
        if low == "the" and after_link and _text_next(words, k, False)[:1].isupper():
            head.append(w)  # "The Office of the State Engineer"
            continue
        if (
            low in _CLAUSE_OR_AUX
            or not low[0].isalnum()
            or (_verb_like(low) and not _adjectival(head, low))
        ):
            break
        if _possessive(w):
            head.append(w)  # "the band's": it only determines the noun that follows
            seen_noun = False
            continue
        nounish = (
            (w.group()[0].isupper() and low not in _DETERMINERS)
            or _group_noun(low)
            or low.endswith("-year-old")
            or low in TITLE_WORDS  # "My consultant took me …"
        )
        if seen_noun and not nounish and low not in ROLE_WORDS:
            break  # "Analysts at Goldman Sachs cut …": "cut" is the verb
        seen_noun = seen_noun or nounish
        head.append(w)
    return head


def _adjectival(head: list[re.Match[str]], low: str) -> bool:
    """ "the band's married singer": an -ed word right after "the" or "'s" describes."""
    if not head or low in CUE_WORDS or not low.endswith("ed"):
        return False
    return head[-1].group().lower() in _DETERMINERS or _possessive(head[-1])


def _possessive(w: re.Match[str]) -> bool:
    return w.group().endswith(("'s", "\u2019s"))


def _group_noun(low: str) -> bool:
    """ "officials", "the company's", "resident": a noun that can speak as a group."""
    stem = low.removesuffix("'s").removesuffix("\u2019s")
    return stem in GROUP_NOUNS or stem + "s" in GROUP_NOUNS


def _describes(word: str) -> bool:
    """A noun that names a person by role: "presenter", "spokesman", "host"."""
    return word in ROLE_WORDS or word in _PERSON_NOUNS


def _drop_aux(words: list[re.Match[str]]) -> None:
    """Drop the auxiliaries and adverbs between a subject and its cue ("has also")."""
    while words and words[-1].group().lower() in AUX_WORDS:
        words.pop()


def _drop_time(words: list[re.Match[str]]) -> bool:
    """Drop a time adverbial ending a subject read back from its verb: "last year",
    "on Monday"; True when one was dropped."""
    last = words[-1].group().lower() if words else ""
    if last in _TIME_WORDS and len(words) > 1:
        words.pop()
        if len(words) > 1 and words[-1].group().lower() == "on":
            words.pop()
        return True
    if len(words) > 2 and last in _TIME_UNITS and words[-2].group().lower() in _TIME_LEADS:
        del words[-2:]
        return True
    return False


def _singular(plural: str) -> str:
    if plural.endswith("ies"):
        return plural[:-3] + "y"  # "authorities"
    return plural[:-2] if plural.endswith(("sses", "ches", "shes")) else plural[:-1]


def _describes_group(word: str) -> bool:
    return _describes(word) or (word in GROUP_NOUNS and word.endswith("s"))


def _verb_like(low: str) -> bool:
    return low in CUE_WORDS or low in _PLAIN_VERBS or (len(low) > 4 and low.endswith("ed"))


def _ends_phrase(words: list[re.Match[str]], k: int) -> bool:
    """A comma, colon or full stop (not the one after "Dr" or "St") closes a phrase."""
    mark = words[k].group()
    if mark == ".":
        return k == 0 or len(words[k - 1].group()) > 3 or words[k - 1].group().islower()
    return mark in {",", ";", ":"}


def _postmodifier(seq: list[re.Match[str]], k: int) -> bool:
    """In a backwards read, seq[k] belongs to a source's post-modifier ("close to")."""
    low = seq[k].group().lower()
    before = seq[k + 1].group().lower() if k + 1 < len(seq) else ""
    after = seq[k - 1].group().lower() if k else ""
    return (before, low) in _POSTMOD_PAIRS or (low, after) in _POSTMOD_PAIRS


def _between_capitals(seq: list[re.Match[str]], k: int) -> bool:
    return (
        0 < k < len(seq) - 1 and seq[k - 1].group()[0].isupper() and seq[k + 1].group()[0].isupper()
    )


class Subject(NamedTuple):
    """Who a cue verb's subject names: kind is 'person', 'pronoun' or 'group'.

    `partner` is the second person of a joint subject ("Biden and Kishida said").
    A named tuple, not a frozen dataclass: one or more is made per quote, and a tuple is
    several times cheaper to build (issue: speed).
    """

    kind: str
    text: str
    pos: int
    mention: NameMention | None = None
    partner: NameMention | None = None


def _maker(head: list[re.Match[str]], persons: list[NameMention]) -> Subject | None:
    """ "A sign Peggy painted herself reads:": the words are its maker's, named right
    after the mute thing in a relative clause without "that"."""
    for k in range(len(head) - 1):
        if head[k].group().lower() in _MUTE:
            at = head[k + 1].start()
            m = next((m for m in persons if m.run_start == at), None)
            return Subject("person", m.name, m.start, m) if m else None
    return None


class SubjectReader:
    """Finds subjects in masked text (quote contents hidden) using the name mentions."""

    def __init__(self, masked: str, persons: list[NameMention]) -> None:
        self.masked = masked
        self.persons = persons
        self._starts = [m.start for m in persons]

    def persons_in(self, a: int, b: int) -> list[NameMention]:
        """Person mentions lying wholly inside [a, b)."""
        persons = self.persons
        i = bisect.bisect_left(self._starts, a)
        out = []
        while i < len(persons) and persons[i].start < b:
            if persons[i].end <= b:
                out.append(persons[i])
            i += 1
        return out

    def _words(self, a: int, b: int) -> list[re.Match[str]]:
        return list(_WORD.finditer(self.masked, a, b))

    def at_end(self, a: int, b: int) -> Subject | None:
        """The subject that ends the stretch [a, b), as in `, Smith has said`."""
        words = self._words(a, b)
        while words and (last := words[-1].group().lower()) in AUX_WORDS:
            words.pop()
        if len(words) > 2 and last in _PERCEIVED and words[-2].group().lower() in _BE:
            del words[-2:]  # "he was heard shouting": he shouted
            _drop_aux(words)
            last = words[-1].group().lower() if words else ""
        # "The ministry last week said", "Smith on Monday has said"
        if words and last in _TIME_ENDS and _drop_time(words):
            _drop_aux(words)
        if not words:
            return None
        b = words[-1].end()
        persons = self.persons_in(a, b)
        if persons and words[-1].group().lower() in PRONOUNS:
            # "families in Basra displaced by what it calls": a name after a preposition
            # is no subject, so the pronoun speaks ("Beijing opposed what it called" not)
            persons = [m for m in persons if not self._after_preposition(a, m)]
        if persons:
            comma = self.masked.find(",", a, b)
            head = [m for m in persons if comma < 0 or m.end <= comma]
            pick = head[-1] if head else persons[0]
            owner = self._owner(max(a, pick.run_start - 40), pick.run_start)
            if owner and owner.group("noun").lower().rstrip("s") in _GROUP_SINGULAR:
                # "a spokesperson for Smith", "analysts at Goldman Sachs"; in "a spokesperson
                # for Smith declined to comment on what she called" the phrase ends at Smith
                tail = self.masked[pick.end : b].split()
                end = pick.end if any(w in CLAUSE_WORDS for w in tail) else b
                return Subject("group", self.masked[owner.start() : end], owner.start())
            owned = self.masked[pick.end : pick.end + 2] in {"'s", "\u2019s"} and pick.end + 3 < b
            if owned and words[-1].group().lower() not in _PUBLISHED:
                # "Smith's spokesman said": the spokesman speaks, not Smith; but in
                # "Acme's website says" Acme does
                return Subject("group", self.masked[pick.start : b], pick.start)
            placed = self._placed_head(a, b, pick)
            if placed is not None:
                return placed
            tail = self.masked[pick.end : b].split()
            if tail and all(w.islower() for w in tail) and _describes_group(tail[-1]):
                # "the former This Morning presenter said": the presenter speaks, and in
                # "Riverside Marathon organisers said" the organisers
                return self._group(self._words(a, b), from_end=True)
            partner = self._joined_before(head, pick)
            if partner is not None:
                return Subject("person", pick.name, partner.start, partner, pick)
            return Subject("person", pick.name, pick.start, pick)
        last = words[-1].group()
        if last.lower() in PRONOUNS:
            return Subject("pronoun", last.lower(), words[-1].start())
        return self._group(words, from_end=True)

    def _after_preposition(self, a: int, m: NameMention) -> bool:
        before = self.masked[max(a, m.run_start - 8) : m.run_start].split()
        return bool(before) and before[-1] in _PLACE_PREPOSITIONS

    def _placed_head(self, a: int, b: int, pick: NameMention) -> Subject | None:
        """`The Health Ministry in Gaza warned`, `Mark Hughes of Cardiff said`: a name after
        a preposition only modifies the noun phrase or the person before it."""
        if not self.masked.endswith(_PLACE_ENDS, max(a, pick.run_start - 6), pick.run_start):
            return None  # the usual case, told without reading words (issue: speed)
        before = self._words(a, pick.run_start)
        if len(before) < 2 or before[-1].group() not in _PLACE_LINKS:
            return None
        title = before[-2].group()
        if title[0].isupper() and title.lower() in TITLE_WORDS:
            return None  # "Secretary of State Adrian Fontes": a title of the person
        owners = self.persons_in(a, before[-1].start())
        if owners:
            # "Mark Hughes of Cardiff said": the place says where the person is from
            m = owners[-1]
            return Subject("person", m.name, m.start, m) if m.end == before[-2].end() else None
        head = self._group(before[:-1], from_end=True)
        return Subject("group", self.masked[head.pos : b], head.pos) if head else None

    def _owner(self, a: int, b: int) -> re.Match[str] | None:
        """`_OWNER` in [a, b), searched only when a linking word is among the last chars."""
        # The match ends with "at|for|from|of|with", a space and maybe a newline: 7 chars
        # hold it; searching 40 chars from every start is slow (issue: speed).
        tail = self.masked[max(a, b - 7) : b]
        if not any(link in tail for link in _LINK_WORDS):
            return None
        return _OWNER.search(self.masked, a, b)

    def _joined_before(self, head: list[NameMention], pick: NameMention) -> NameMention | None:
        """The person joined to `pick` by "and" just before it ("Smith and Jones")."""
        i = head.index(pick) if pick in head else -1
        if i < 1:
            return None
        first = head[i - 1]
        joint = self.masked[first.end : pick.run_start].strip(" ,")
        return first if joint == "and" else None

    def at_start(self, a: int, b: int) -> Subject | None:
        """The subject that opens the stretch [a, b), as in `said Smith, who`."""
        words = self._words(a, b)
        if not words:
            return None
        if words[0].group().lower() in PRONOUNS:
            return Subject("pronoun", words[0].group().lower(), words[0].start())
        stop = next((w.start() for k, w in enumerate(words) if _ends_phrase(words, k)), b)
        persons = self.persons_in(a, stop)
        if persons and self.masked[persons[0].end : persons[0].end + 2] in {"'s", "\u2019s"}:
            # "said Liberty's director, Akiko Hart": the appositive names the speaker
            later = [m for m in self.persons_in(stop, b) if m.start - stop < 4]
            if later:
                return Subject("person", later[0].name, later[0].start, later[0])
            return Subject("group", self.masked[persons[0].run_start : stop], persons[0].run_start)
        if persons and len(self._words(a, persons[0].start)) <= 8:
            pick = self._last_in_phrase(words, persons)
            later = self.persons_in(pick.end, b)
            if later and self.masked[pick.end : later[0].run_start].strip(" ,") == "and":
                # "said Dr Robert Laurenson and Dr Vivek Trivedi, co-chairs of …"
                return Subject("person", pick.name, pick.start, pick, later[0])
            return Subject("person", pick.name, pick.start, pick)
        group = self._group(words, from_end=False)
        return self._renamed(group, b) if group else None

    def _renamed(self, group: Subject, b: int) -> Subject:
        """`a spokesperson for the band's label, Northwind Records`: the appositive names
        what the phrase after the linking word only describes."""
        link = _LINK_SPLIT.search(group.text)
        if link is None or group.text[link.end() :][:1].isupper():
            return group
        name = _APPOSITIVE_NAME.match(self.masked, group.pos + len(group.text), b)
        if name is None:
            return group
        return group._replace(text=group.text[: link.end()] + name.group(1).rstrip("."))

    @staticmethod
    def _last_in_phrase(words: list[re.Match[str]], persons: list[NameMention]) -> NameMention:
        """The last name of the opening noun phrase: "Jefferies analyst Martin Deboo"."""
        end = next(
            (w.start() for w in words if w.group() in CLAUSE_WORDS or w.group() in _PREPOSITIONS),
            None,
        )
        inside = [m for m in persons if end is None or m.end <= end]
        return inside[-1] if inside else persons[0]

    def _group(self, words: list[re.Match[str]], *, from_end: bool) -> Subject | None:
        """A noun phrase such as "both sides" or "the foreign ministry"."""
        seq = list(reversed(words)) if from_end else words
        kept: list[re.Match[str]] = []
        limit = 6
        for k, w in enumerate(seq):
            low = w.group().lower()
            if not from_end and kept and (low, _text_next(seq, k, False).lower()) in _POSTMOD_PAIRS:
                if len(kept) > 2 or kept[0].group().lower() not in _DETERMINERS:
                    break  # "according to a GOP aide familiar with the tally": the aide
                limit = 10  # "said one person familiar with …": a bare head needs it
            if low in ("and", "&") and _between_capitals(seq, k):
                pass  # "Nurses and Midwives Organisation", "Procter & Gamble": one name
            elif low in _LINKS and _org_like(_text_next(seq, k, from_end)):
                # "officials at the Foreign Ministry"; read on past a long body's name to
                # the head: "an official at METI's information industries division"
                limit = max(limit, 8) if from_end else limit
            elif not from_end and limit > 6 and (kept[-1].group().lower(), low) in _POSTMOD_PAIRS:
                pass  # the link of "close to", "briefed on"
            elif not w.group()[0].isalnum() or low in CLAUSE_WORDS or low in AUX_WORDS:
                if not (from_end and kept):
                    break
                if _postmodifier(seq, k):
                    limit = 10  # "a source close to the couple": read on to its head
                elif low in _PP_BREAK and all(v.group()[0].isupper() for v in kept):
                    pass  # "The Water Board in Leeds": a named place says which board
                elif low in _PP_BREAK:
                    return None  # "… on the left of the party said": not the subject
                else:
                    break
            kept.append(w)
            if len(kept) > limit:
                return None
        if from_end:
            kept.reverse()
        while kept and kept[-1].group().lower() in {"of", "for"}:
            kept.pop()
        if len(kept) == 1 and kept[0].group().lower() in {"one", "another"}:
            return self._one_of(kept[0])
        if not kept or not self._group_like([w.group() for w in kept]):
            return None
        start = kept[0].start()
        document = _DOCUMENT.match(self.masked, start)
        if document and document.end() < kept[-1].end():
            start = document.end()  # "a statement from the ministry": the ministry speaks
        return Subject("group", self.masked[start : kept[-1].end()], start)

    def _one_of(self, one: re.Match[str]) -> Subject | None:
        """ "Fans reacted online. One wrote": one of the last plural group named before."""
        for w in reversed(self._words(max(0, one.start() - 250), one.start())):
            low = w.group().lower()
            if low in GROUP_NOUNS and low.endswith("s") and low not in {"sides", "others"}:
                return Subject("group", f"{one.group()} {_singular(low)}", one.start())
        return None

    @staticmethod
    def _group_like(words: list[str]) -> bool:
        lows = [w.lower().removesuffix("'s").removesuffix("\u2019s") for w in words]
        if any("X" * 3 in w or (w[0].isdigit() and not w.endswith("-year-old")) for w in words):
            return False
        if lows[-1] in _MUTE:
            return False  # "a banner read:", "the sign said": nobody spoke
        if lows[0] in _DETERMINERS and len(lows) > 1:
            return True
        if len(words) == 1 and _ACRONYM.fullmatch(words[0]):
            return True  # "ITV said", "NATO said"
        if "&" in words[1:-1]:
            return True  # "Marks & Spencer said": a firm
        return any(
            w in GROUP_NOUNS or w + "s" in GROUP_NOUNS or w in ORG_WORDS or w in ROLE_WORDS
            for w in lows
        )

    def sentence_subject(self, a: int, b: int, subject_like: Container[int]) -> Subject | None:
        """The subject opening the sentence [a, b): its first named person, else its head."""
        persons = self.persons_in(a, b)
        for k, m in enumerate(persons):
            if m.start in subject_like:
                # "Tesla boss Elon Musk threatened …": the boss, not the company
                nxt = persons[k + 1] if k + 1 < len(persons) else None
                between = self.masked[m.end : nxt.run_start].split() if nxt else []
                if nxt and between and all(w.islower() and _describes(w) for w in between):
                    m = nxt
                return Subject("person", m.name, m.start, m)
        words = [w for w in self._words(a, b) if "XX" not in w.group()]
        while words and not words[0].group()[0].isalnum():
            words.pop(0)
        if len(words) > 2 and words[1].group() == "," and words[0].group().lower() in STOP_CAPS:
            del words[:2]  # "However, the opposition questioned …"
        if words and words[0].group().lower() in PRONOUNS:
            return Subject("pronoun", words[0].group().lower(), words[0].start())
        head = _head_phrase(words)
        maker = _maker(head, persons) if persons else None
        return maker or self._group(head, from_end=False)
