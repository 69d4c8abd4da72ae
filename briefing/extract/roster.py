"""The people a source names: fullest names, roles, aliases, and short-name resolution."""

import bisect
import re
from dataclasses import dataclass, field

from briefing.extract.lexicon import (
    HONORIFICS,
    PLACES,
    ROLE_WORDS,
    STOP_CAPS,
    TITLE_WORDS,
    word_set,
)
from briefing.extract.model import Person
from briefing.extract.names import (
    OFFICES,
    NameMention,
    first_name_gender,
    nickname_after,
    portfolio_at,
)

_WORDS_BACK = re.compile(r"[\w.'\u2019\-]+|[^\w\s]")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")
_APPOSITIVE = re.compile(
    r", (?P<role>(?:the |a |an |[\w.'\u2019\-]+ )?[^,.;:()\"\u201c\u201d]{2,70}?)"
    r"(?=, |\.|;| said| told)"
)
_ROLE_CONNECT = {"of", "for"}
# An office and the capitalised words before it, followed by its portfolio
_OFFICE_OF = re.compile(r"(?:[A-Z][\w.\-]* )*?([A-Z][\w\-]+)(?= (?:of|for) )")
_GENERATION = {"Jr", "Sr", "II", "III", "IV"}
_NOT_ROLE_START = word_set(
    "who which said told where when and is was are were has had have will would can could "
    "does did may might should must"
)
# Surname particles, capitalised only when they open a sentence: "Van Doorn said"
_PARTICLES = word_set("van von de der den da di du del della la le ter ten")
_NOT_THE = ("vice", "deputy", "former", "assistant", "shadow", "acting")


@dataclass
class _Entry:
    name: str
    tokens: tuple[str, ...]
    role: str | None = None
    gender: str | None = None
    aliases: set[str] = field(default_factory=set)
    positions: list[int] = field(default_factory=list)
    told: list[int] = field(default_factory=list)  # the positions outside quotations
    role_tries: int = 0


def _accept_role_word(word: str) -> tuple[bool, bool]:
    """(keep walking, is a role word) for one word before a name."""
    low = word.lower()
    if low in _ROLE_CONNECT:
        return True, False
    if low in ROLE_WORDS or low in TITLE_WORDS:
        return True, True
    if word[:1].isupper() and low.rstrip(".") not in STOP_CAPS:
        return True, False
    return False, False


def _is_role_noun(word: str) -> bool:
    low = word.lower()
    return (low in ROLE_WORDS or low in TITLE_WORDS) and low not in HONORIFICS


def _portfolio_role(text: str, window: str, start: int) -> str | None:
    """ "Union Minister of Ports, Shipping and Waterways" before a name in its last item."""
    at = start - len(window)
    for m in reversed(list(_OFFICE_OF.finditer(window))):
        if m.group(1).lower() not in OFFICES:
            continue
        found = portfolio_at(text, at + m.end(1))
        if found and found[1] <= start < found[2]:
            words = window[m.start() :].split()
            while words[0].lower() in STOP_CAPS:  # "The Union Minister of …"
                words.pop(0)
            return " ".join(words)
    return None


def role_before(text: str, start: int) -> str | None:
    """The title words right before a name ("U.S. Secretary of State"), if any."""
    window = text[max(0, start - 160) : start]
    window = window[window.rfind("\n") + 1 :]  # a role never runs over a paragraph break
    if (" and " in window or " & " in window) and (" of " in window or " for " in window):
        role = _portfolio_role(text, window, start)
        if role:
            return role
    words = list(_WORDS_BACK.finditer(window))
    if len(words) > 1 and words[-1].group() == "," and _is_role_noun(words[-2].group()):
        words.pop()  # "Scotland's First Minister, Alasdair Rennie": the title, then the name
    first = len(words)
    has_role = False
    for m in reversed(words):
        w = m.group()
        if w.endswith(".") and not _INITIALS.fullmatch(w) and len(w) > 4:
            break
        keep, is_role = _accept_role_word(w)
        if not keep:
            break
        first -= 1
        has_role = has_role or (is_role and w.lower() not in HONORIFICS)
    kept = [m.group() for m in words[first:]]
    while kept and (kept[0].lower() in _ROLE_CONNECT or kept[0].lower() in STOP_CAPS):
        kept.pop(0)
    while kept and kept[-1].lower() in HONORIFICS:
        kept.pop()
    if not has_role or not kept:
        return None
    return " ".join(kept)


def role_after(text: str, end: int) -> str | None:
    """An appositive role after a name ("Jake Sullivan, the national security adviser,")."""
    m = _APPOSITIVE.match(text, end)
    if not m:
        return None
    role = m.group("role").strip()
    words = role.lower().split()
    if not words or words[0] in _NOT_ROLE_START:
        return None  # "X, who …", "X, is building 240 houses": a clause, not a role
    stems = (w.removesuffix("'s").removesuffix("\u2019s").strip(",;") for w in words)
    if not any(w in ROLE_WORDS for w in stems) and words[0] not in {
        "the",
        "a",
        "an",
    }:
        return None
    for article in ("the ", "a ", "an "):
        if role.lower().startswith(article):
            return role[len(article) :]
    return role


def _forms(role: str) -> tuple[str, ...]:
    """A role in lower case, and without its portfolio: "the minister" is the "Minister
    of Ports" as well as the "Prime Minister"."""
    low = role.lower()
    office = low.split(" of ", 1)[0].split(" for ", 1)[0]
    return (low, office) if office != low else (low,)


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    """True when `small` names the same person as `big` (a prefix, suffix or subset)."""
    big = _strip_generation(big)
    if small[0].lower() in _PARTICLES and small[0].lower() in big:
        small = (small[0].lower(), *small[1:])  # "Van Doorn" opening a sentence
    if len(small) >= len(big):
        return False
    if big[-len(small) :] == small or big[: len(small)] == small:
        return True
    return set(small) <= set(big) and small[-1] == big[-1]


_Named = dict[tuple[str, ...], list[tuple[int, str]]]  # opening words -> (where, full name)


def _organisation_prefixes(mentions: list[NameMention]) -> _Named:
    """The opening words of every several-word organisation name, with where it is named."""
    out: _Named = {}
    for m in mentions:
        if m.person or len(m.tokens) < 2 or not m.tokens[0][:1].isupper():
            continue
        if m.tokens[0].lower() not in PLACES:  # "Washington said" is not the Washington Post
            for k in range(1, len(m.tokens)):
                out.setdefault(m.tokens[:k], []).append((m.start, m.name))
    return out


def _styled_fit(cands: list[_Entry], tokens: tuple[str, ...], gender: str | None) -> list[_Entry]:
    """Of the entries a short form with an honorific may mean, those that fit it best.

    "Mrs Ellery" is a woman, so not Paul Ellery; and an honorific goes with a surname,
    so "Mr Hollis" is Craig Hollis rather than a "Hollis Jones" ("Mr Xi" may still be
    Xi Jinping when nobody else fits).
    """
    fit = [e for e in cands if not (gender and e.gender and e.gender != gender)] or cands
    surname = [e for e in fit if _strip_generation(e.tokens)[-len(tokens) :] == tokens]
    return surname or fit


def _strip_generation(big: tuple[str, ...]) -> tuple[str, ...]:
    if big[-1].rstrip(".") in _GENERATION and len(big) > 2:
        return big[:-1]  # "Bissen" is short for "Richard Bissen Jr."
    return big


class Roster:
    """People named in one source and how short forms resolve to them."""

    def __init__(self, text: str, mentions: list[NameMention], masked: str | None = None) -> None:
        self._entries: dict[str, _Entry] = {}
        self._canon: dict[tuple[str, ...], _Entry] = {}
        self._by_token: dict[str, list[_Entry]] = {}
        self._owners: dict[tuple[str, ...], list[_Entry]] = {}  # short form -> entries
        # Longest names first, then in order of appearance: the same text always gives the
        # same roster (a set's order would change with the hash seed).
        # Honorific mentions by position: "Mrs Ellery" is a woman, and a surname.
        self._styled = {m.start: m.gender for m in mentions if m.honorific}
        self._orgs = _organisation_prefixes(mentions)
        first_seen = {
            m.tokens: None
            for m in mentions
            if m.person and len(m.tokens) > 1 and not self._named_before(m.tokens, m.start)
        }
        # `Margaret "Peggy" Sorensen`: "Peggy Sorensen" and "Peggy" are the same woman
        self._nicknames: dict[tuple[str, ...], tuple[str, ...]] = {}
        for m in mentions:
            # a joined mention's first word is followed by a mark, not its next word
            after = m.start + len(m.tokens[0]) + 1
            if len(m.tokens) < 2 or text[after : after + 1] == m.tokens[1][:1]:
                continue  # nearly every mention (issue: speed)
            nick = nickname_after(text, m) if m.person and m.start == m.run_start else None
            if nick:
                self._nicknames.setdefault(nick, m.tokens)
                self._nicknames.setdefault(nick + m.tokens[1:], m.tokens)
        multi = sorted(
            (t for t in first_seen if self._nicknames.get(t, t) == t), key=lambda t: -len(t)
        )
        for toks in multi:
            owner = next((e for e in self._sharing(toks) if _contains(e.tokens, toks)), None)
            if owner is None:
                owner = _Entry(" ".join(toks), toks, gender=first_name_gender(toks))
                self._entries[owner.name] = owner
                for tok in set(toks):
                    self._by_token.setdefault(tok, []).append(owner)
            self._canon[toks] = owner
        for nick, full in self._nicknames.items():
            if full in self._canon:
                self._canon[nick] = self._canon[full]
        for m in mentions:
            self._note(text, m, masked)
        # Roles are only read here, so the entries with one are fixed from now on: holder()
        # need not walk every entry, nor lower-case every role, on each call (issue: speed).
        self._roles = [(e, r) for e in self._entries.values() if e.role for r in _forms(e.role)]

    def _note(self, text: str, m: NameMention, masked: str | None) -> None:
        if not m.person:  # before the lookup, which only fills a cache (issue: speed)
            return
        entry = self._canon.get(m.tokens) or self._alias_entry(m.tokens, m.start)
        if entry is None:
            return
        entry.positions.append(m.start)
        if masked is None or masked[m.start] == text[m.start]:
            entry.told.append(m.start)
        entry.aliases.add(m.name if not m.honorific else f"{m.honorific} {m.name}")
        if m.gender and not entry.gender:
            entry.gender = m.gender
        if entry.role is None and entry.role_tries < 4:
            entry.role_tries += 1  # a role is stated at the first mentions, if at all
            entry.role = role_before(text, m.start) or role_after(text, m.end)

    def _alias_entry(self, tokens: tuple[str, ...], pos: int) -> _Entry | None:
        cands = self._owners.get(tokens)
        if cands is None:
            cands = [e for e in self._sharing(tokens) if _contains(e.tokens, tokens)]
            self._owners[tokens] = cands
        if pos in self._styled and len(cands) > 1:
            cands = _styled_fit(cands, tokens, self._styled[pos])
        if len(cands) < 2:
            return cands[0] if cands else None

        def recency(e: _Entry) -> tuple[int, int]:
            # positions are appended in text order, so the last one before `pos` is a bisect
            i = bisect.bisect_right(e.positions, pos)
            return (e.positions[i - 1] if i else -1, len(e.tokens))

        return max(cands, key=recency)

    def _sharing(self, tokens: tuple[str, ...]) -> list[_Entry]:
        """Entries that have the first or last of `tokens` among their own."""
        first = self._by_token.get(tokens[0], [])
        last = self._by_token.get(tokens[-1], []) if len(tokens) > 1 else []
        return first + [e for e in last if e not in first]

    def organisation(self, tokens: tuple[str, ...], pos: int) -> str | None:
        """The organisation named before `pos` whose name `tokens` open ("Northvale" for
        "Northvale Brands"), when no person of the roster is named so; else None."""
        if pos in self._styled or tokens in self._canon:
            return None
        full = self._named_before(tokens, pos)
        return full if full and self._alias_entry(tokens, pos) is None else None

    def _named_before(self, tokens: tuple[str, ...], pos: int) -> str | None:
        named = self._orgs.get(tokens)
        if not named or named[0][0] >= pos:
            return None
        return named[bisect.bisect_left(named, (pos, "")) - 1][1]

    def resolve(self, tokens: tuple[str, ...], pos: int) -> str:
        """The fullest name for `tokens` as used at `pos`; the tokens themselves if unknown."""
        entry = self._canon.get(tokens) or self._alias_entry(tokens, pos)
        return entry.name if entry else " ".join(tokens)

    def known(self, tokens: tuple[str, ...]) -> bool:
        """True when `tokens` name (or abbreviate) a person of the roster."""
        return tokens in self._canon or self._alias_entry(tokens, 0) is not None

    def holder(self, title: str, pos: int) -> str | None:
        """The person last mentioned before `pos` whose stated role ends in `title`."""
        best: tuple[int, str] | None = None
        # an empty title would match the entries without a role too
        roles = (
            self._roles if title else [(e, (e.role or "").lower()) for e in self._entries.values()]
        )
        for e, role in roles:
            if not role.endswith(title) or role[: -len(title)].rstrip().endswith(_NOT_THE):
                continue
            # "the minister" is someone the writer named, not one named inside a quotation
            i = bisect.bisect_right(e.told, pos)
            last = e.told[i - 1] if i else -1
            if best is None or last > best[0]:
                best = (last, e.name)
        return best[1] if best else None

    def role_of(self, name: str) -> str | None:
        """The role the source states for `name`, if any."""
        entry = self._entries.get(name)
        return entry.role if entry else None

    def gender_of(self, name: str) -> str | None:
        """'m', 'f' or None (unknown) for `name`."""
        entry = self._entries.get(name)
        return entry.gender if entry else None

    def learn_gender(self, name: str, gender: str | None) -> None:
        """Remember a gender a pronoun or honorific revealed."""
        entry = self._entries.get(name)
        if entry and gender and not entry.gender:
            entry.gender = gender

    def add_single(self, name: str, gender: str | None, alias: str | None) -> None:
        """Add a person the source names by one word only ("Mr Brown")."""
        if name not in self._entries:
            self._entries[name] = _Entry(name, tuple(name.split()))
            for tok in set(name.split()):
                self._by_token.setdefault(tok, []).append(self._entries[name])
            self._owners.clear()
        entry = self._entries[name]
        entry.gender = entry.gender or gender
        if alias:
            entry.aliases.add(alias)

    def people(self, speakers: set[str]) -> tuple[Person, ...]:
        """Roster entries worth showing: those with a role or who are quoted."""
        shown = [e for e in self._entries.values() if e.role or e.name in speakers]
        shown.sort(key=lambda e: e.positions[0] if e.positions else 1 << 62)
        return tuple(
            Person(e.name, e.role, tuple(sorted(a for a in e.aliases if a != e.name)))
            for e in shown
        )
