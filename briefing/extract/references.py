"""What a subject refers to: pronouns, surnames, "the prime minister", "the company"."""

import bisect
import itertools
import re
from collections.abc import Iterator

from briefing.extract.descriptors import (
    ANONYMOUS_HEADS,
    DOCUMENT_HEADS,
    NAMED_HEADS,
    ORG_HEADS,
    Organisations,
    anonymous_match,
    antecedent,
    descriptor_head,
    fuller_name,
)
from briefing.extract.lexicon import (
    CLAUSE_WORDS,
    GROUP_NOUNS,
    PLACES,
    PRONOUNS,
    TITLE_WORDS,
    word_set,
)
from briefing.extract.names import NameMention
from briefing.extract.roster import Roster
from briefing.extract.sentences import SentenceIndex
from briefing.extract.subjectlike import SubjectMentions, named_as
from briefing.extract.subjects import Subject

# How far back a speaker or subject may be sought: a few paragraphs, never the whole text.
LOOK_BACK = 3000
_GOES_ON = word_set("added adds adding continued continues went goes")
_DESCRIPTORS = word_set(
    "president minister chancellor mayor governor senator secretary premier king queen pope "
    "taoiseach tánaiste "
    "coach manager boss captain striker midfielder defender forward goalkeeper winger star "
    "singer actor actress author leader chairman chairwoman ceo founder veteran candidate "
    "nominee incumbent lawmaker congressman congresswoman mp td msp mla mep judge "
    "spaniard frenchman "
    "frenchwoman briton dutchman argentine portuguese swede dane finn norwegian german "
    "italian american australian canadian brazilian scot welshman irishman englishman "
    "presenter host anchor writer player owner "
    "dutchwoman serb croat swiss pole czech russian ukrainian greek turk brit kiwi aussie "
    "belgian austrian japanese chinese korean indian kenyan ethiopian nigerian egyptian "
    "moroccan mexican colombian chilean peruvian uruguayan scotsman scotswoman "
    "englishwoman welshwoman irishwoman israeli palestinian iranian frenchman "
    "centre-back centre-half center-back full-back left-back right-back wing-back keeper "
    "goalscorer skipper playmaker youngster teenager defendant accused claimant "
    "complainant suspect"
)

_KIN = (
    " husband",
    " wife",
    " son",
    " daughter",
    " brother",
    " sister",
    " mother",
    " father",
    " partner",
    " friend",
    " colleague",
    " neighbour",
    " neighbor",
)
_UNNAMED = re.compile(r"(?:An?|The|One|Another|Some|Two|Three|Several) ")  # "A spokesperson"
_ANOTHER = word_set("another second third fourth later")
_STANDING_HEADS = ORG_HEADS | NAMED_HEADS | DOCUMENT_HEADS  # joined once, not per call
_THE_LEAD = re.compile(r"\b[Tt]he (?:[\w-]+ ){0,2}$")
# "the ruling BJP", "the rights group Amnesty International"
_DESCRIBED_NAME = re.compile(
    r"[Tt]he (?:[a-z][\w'\u2019-]* ){1,3}([A-Z][\w.&'\u2019-]*(?: [A-Z][\w.&'\u2019-]*)*)"
)
# What follows a firm's name, never a person's: its chief, its shares, what it is.
_FIRM_AFTER = re.compile(
    r"(?:['\u2019]s)? (?:CEO|CFO|chief executive|co-?founder|founder|shares|stock|"
    r"customers|users|subscribers|employees)\b"
    r"|, (?:the|a|an) [\w -]{0,40}?\b(?:company|firm|app|startup|start-up|maker|platform|"
    r"service|retailer|brand|chain|developer|provider|carmaker|airline|lender|insurer)\b"
)
# A place owning a formal name, "Office of …" or "Organization for …"
_OWNED_FORMAL = re.compile(r"([A-Z][\w-]*)['\u2019]s ([A-Z][\w-]* (?:of|for) [A-Z].*)")
# The portfolio after "Ministry" or "Department": " of Manpower", " for Education"
_FORMAL_TAIL = r" (?:of|for) (?:the )?[A-Z][\w'\u2019-]*(?:(?: and| &)? [A-Z][\w'\u2019-]*)*"
_LINKING = CLAUSE_WORDS | word_set("of for about near among against between")
Spoken = tuple[int, str, bool]  # (position, speaker, is a group)


def _proper_head(phrase: str) -> str:
    """ "the opposition Congress" -> "Congress": a name after a description says it all."""
    if not phrase.startswith(("the ", "The ")):
        owned = _OWNED_FORMAL.fullmatch(phrase)
        if owned and owned.group(1).lower() in PLACES:
            return owned.group(2)  # "Iraq's Ministry of Water Resources": a full name
        return phrase  # most group subjects (issue: speed)
    m = _DESCRIBED_NAME.fullmatch(phrase)
    if m is None or any(w in _LINKING for w in phrase[4 : m.start(1)].split()):
        return phrase  # "the residents of Paradip" are not Paradip
    if all(w.lower() in TITLE_WORDS for w in m.group(1).split()):
        return phrase  # "the former Prime Minister" is no name
    return m.group(1)


def _named_group(name: str) -> bool:
    """A group quoted by its name ("Velvet Hours", "the Hollow Pines"), not a described one
    ("The spokesman", "One fan") nor a joint one ("X and Y")."""
    article, _, rest = name.partition(" ")
    if article in {"the", "The"} and rest[:1].isupper():
        name = rest
    return name[:1].isupper() and not _UNNAMED.match(name) and " and " not in name


class References:
    """Who has been named and quoted so far, and what a new subject refers to."""

    def __init__(
        self,
        text: str,
        masked: str,
        sentences: SentenceIndex,
        paragraphs: list[tuple[int, int]],
        mentions: list[NameMention],
        roster: Roster,
    ) -> None:
        self.masked, self.sents, self.roster = masked, sentences, roster
        self.para_starts = [a for a, _ in paragraphs]
        # Words the text also writes in lower case are common nouns ("Officials" / "officials").
        self._words = set(text.split())
        self._common: dict[str, bool] = {}
        self._firms: dict[str, bool] = {}
        self.persons = [
            m
            for m in mentions
            if m.person and masked[m.start] == text[m.start] and not self._is_common(m)
        ]
        self._person_starts = [m.start for m in self.persons]
        # names inside quotations are not who the article says is speaking
        self._mentions = [m for m in mentions if masked[m.start] == text[m.start]]
        self._organisations: Organisations | None = None  # built on first "the company"
        self.subject_like = SubjectMentions(masked, sentences, self.persons, self._may_be_subject)
        self.spoken: list[Spoken] = []
        # head -> (formal name, where first named, where another is first named) or None
        self._formal: dict[str, tuple[str, int, int] | None] = {}

    def _may_be_subject(self, m: NameMention) -> bool:
        """A full name, an honorific, a known surname, a word opening its sentence, or a
        single name in apposition or after a kin or role word ("Her husband, Arun,")."""
        if len(m.tokens) > 1 or m.honorific or self.roster.known(m.tokens):
            return True
        if m.tokens[0].lower() in PLACES:
            return False  # "Asked whether Japan would retaliate, he said"
        if self.sents.at(m.run_start)[0] == m.run_start:
            # "Hundreds of veterans gathered", "Clutching her award, she said": no names
            participle = len(m.name) > 5 and m.name.endswith(("ing", "ed"))
            return self.masked[m.end : m.end + 4] != " of " and not participle
        before = self.masked[max(0, m.run_start - 12) : m.run_start]
        after = self.masked[m.end : m.end + 1]
        if (before.endswith(", ") and after == ",") or before.rstrip().endswith(_KIN):
            return True
        return named_as(self.masked, m.run_start)  # "who gave his name only as Karim"

    def _firm(self, word: str, pos: int) -> bool:
        """True when the text nearby treats `word` as a firm: "Driftwood CEO Marcus Feld",
        "Nvidia shares", "Driftwood, the note-taking app"."""
        known = self._firms.get(word)
        if known is None:
            lo, hi = max(0, pos - LOOK_BACK), pos + LOOK_BACK
            at = self.masked.find(word, lo, hi)
            known = False
            while at >= 0 and not known:
                known = bool(_FIRM_AFTER.match(self.masked, at + len(word)))
                at = self.masked.find(word, at + len(word), hi)
            self._firms[word] = known
        return known

    def _is_common(self, m: NameMention) -> bool:
        """A capitalised common noun opening a sentence ("Officials", "Organisers")."""
        return len(m.tokens) == 1 and not m.honorific and self._common_noun(m.tokens[0])

    def _common_noun(self, word: str) -> bool:
        # Asked for every mention of every name: answered once per word (issue: speed).
        known = self._common.get(word)
        if known is None:
            low = word.lower()
            known = low in GROUP_NOUNS or any(low + end in self._words for end in ("", ",", "."))
            self._common[word] = known
        return known

    def window(self, pos: int, paragraphs_back: int) -> int:
        """Where to stop looking back from `pos`: some paragraphs, at most LOOK_BACK chars."""
        para_i = bisect.bisect_right(self.para_starts, pos) - 1
        return max(self.para_starts[max(0, para_i - paragraphs_back)], pos - LOOK_BACK)

    def record(self, pos: int, speaker: str, group: bool) -> None:
        """Remember that `speaker` was quoted at `pos`."""
        self.spoken.append((pos, speaker, group))

    def spoken_between(self, lo: int, hi: int) -> list[Spoken]:
        """Speakers recorded at positions in [lo, hi), in text order."""
        out = []
        for event in reversed(self.spoken):
            if event[0] < lo:
                break
            if event[0] < hi:
                out.append(event)
        out.reverse()
        return out

    def candidates(self, pos: int, lo: int) -> Iterator[str]:
        """Recent speakers and sentence subjects before `pos`, nearest first, lazily.

        Lazy because a pronoun usually takes the first one (issue: speed).
        """
        spoken = [(p, n) for p, n, group in reversed(self.spoken_between(lo, pos)) if not group]
        subjects = ((m.start, m) for m in self.subject_like.before(pos, lo))
        nxt = next(subjects, None)
        for p, name in spoken:
            while nxt is not None and nxt[0] > p:
                yield self.roster.resolve(nxt[1].tokens, nxt[0])
                nxt = next(subjects, None)
            yield name
        while nxt is not None:
            yield self.roster.resolve(nxt[1].tokens, nxt[0])
            nxt = next(subjects, None)

    def recent(self, pos: int, lo: int) -> tuple[str, bool, str] | None:
        """(name, is a group, rule): the last speaker or else the last sentence subject."""
        between = self.spoken_between(lo, pos)
        spoken = between[-1] if between else None
        subj = next(self.subject_like.before(pos, lo), None)
        if spoken and (subj is None or spoken[0] >= subj.start):
            return spoken[1], spoken[2], "continuation"
        if subj:
            return self.roster.resolve(subj.tokens, subj.start), False, "neighbour-sentence"
        return None

    def speaker(self, s: Subject, cue: str = "") -> tuple[str | None, str]:
        """The speaker's name and whether it is a 'person' or a 'group'."""
        if s.kind == "pronoun":
            return self._pronoun(s.text, s.pos)
        described = self._described(s, cue)
        if described:
            return described, "person"
        standing_for = self._organisation(s)
        if standing_for:
            return standing_for, "group"
        if s.kind == "group" or s.mention is None:
            return self._group_referent(s) or self._fuller(s) or _proper_head(s.text), "group"
        m = s.mention
        if m.start == m.run_start and self.masked[m.start - 4 : m.start] == "the ":
            return m.name, "group"  # "the Hollow Pines said": no person takes "the"
        if s.partner is not None:  # "Biden and Kishida said in a joint statement"
            first = self.roster.resolve(m.tokens, m.start)
            second = self.roster.resolve(s.partner.tokens, s.partner.start)
            return f"{first} and {second}", "group"
        organisation = self.roster.organisation(m.tokens, m.start)
        if organisation:
            return organisation, "group"  # "Northvale said" after "Northvale Brands"
        if len(m.tokens) == 1 and not self.roster.known(m.tokens):
            if self._common_noun(m.tokens[0]):
                return m.tokens[0], "group"
            if not m.honorific and self._firm(m.tokens[0], m.start):
                return m.tokens[0], "group"
            alias = f"{m.honorific} {m.name}" if m.honorific else None
            self.roster.add_single(m.name, m.gender, alias)
            return m.name, "person"
        name = self.roster.resolve(m.tokens, m.start)
        self.roster.learn_gender(name, m.gender)
        return name, "person"

    def _fuller(self, s: Subject) -> str | None:
        """ "the Commission" after "the European Commission": the fuller name given."""
        if not s.text.startswith(("the ", "The ")):
            return None
        return fuller_name(self.masked, s.pos, s.text)

    def _group_referent(self, s: Subject) -> str | None:
        """Who an unnamed group subject stands for: "organisers" after "Harbourside
        Festival organisers said", "the source" after "a source close to the couple said",
        "the official" after "An Egyptian official … told", "another message" after a
        message someone wrote."""
        words = s.text.lower().split()
        definite = words[0] == "the"
        another = len(words) > 1 and words[0] in _ANOTHER and words[-1] in DOCUMENT_HEADS
        if definite:
            words = words[1:]
        plural = len(words) == 1 and words[0] in GROUP_NOUNS and words[0].endswith("s")
        anonymous = definite and 0 < len(words) < 4 and words[-1] in ANONYMOUS_HEADS
        if not (another or plural or anonymous):
            return None  # most group subjects (issue: speed)
        lo = self.window(s.pos, 3)
        spoken = self.spoken_between(lo, s.pos)
        if another:
            return spoken[-1][1] if spoken else None
        if plural:
            same = [
                n
                for _, n, group in spoken
                if group and n.lower().endswith(f" {words[0]}") and n.lower() != s.text.lower()
            ]
            return same[-1] if same else None
        # the nearer of the unnamed source quoted ("a source close to the couple said")
        # and the one only introduced ("An Egyptian official, speaking on condition …")
        quoted = next(
            ((p, n) for p, n, group in reversed(spoken) if group and anonymous_match(n, words)),
            None,
        )
        named = antecedent(self.masked, lo, s.pos, words)
        if quoted and (named is None or quoted[0] >= named[0]):
            return quoted[1]
        return named[1] if named else None

    def _described(self, s: Subject, cue: str) -> str | None:
        """`the prime minister`, `the Spaniard`: the person the article means by it."""
        if s.kind == "group":
            phrase = s.text.lower()
        else:
            # "the Spaniard", "the 21-year-old Spaniard", "the veteran Serb"
            lo = max(0, s.pos - 30)
            # _THE_LEAD needs "the " or "The ": test for it before searching every offset
            has_the = "he " in self.masked[lo : s.pos]
            lead = _THE_LEAD.search(self.masked, lo, s.pos) if has_the else None
            if lead is None:
                return None
            phrase = f"the {s.text.lower()}"
        head = descriptor_head(phrase)
        if head is None or (head not in _DESCRIPTORS and not head.endswith("-year-old")):
            return None
        holder = self.roster.holder(phrase.split(" ", 1)[1], s.pos)
        if holder:
            return holder
        lo = self.window(s.pos, 2)
        spoken = [name for _, name, group in self.spoken_between(lo, s.pos) if not group]
        if spoken and cue in _GOES_ON:
            return spoken[-1]  # `"…," the Spaniard added`: the one quoted last goes on
        return next(self.candidates(s.pos, lo), None)

    def _organisation(self, s: Subject) -> str | None:
        """`the company` -> the organisation named most; `the statement` -> who issued it."""
        head = descriptor_head(s.text) if s.kind == "group" else None
        if head is None or head not in _STANDING_HEADS:
            return None
        if any(w[:1].isupper() or w.endswith(("'s", "\u2019s")) for w in s.text.split()[1:]):
            # "The Rail Delivery Group" is a name already, not "the group", and "the
            # hospital's board" is the board, not the hospital
            return None
        lo = max(0, s.pos - LOOK_BACK)
        spoken = [(p, name) for p, name, group in self.spoken_between(lo, s.pos) if group]
        groups = [name for _, name in spoken]
        if head in DOCUMENT_HEADS:
            return groups[-1] if groups else None
        # "the ministry said" after "China's foreign ministry said": the same speaker
        same = [g for g in groups if head in g.lower().split() and g.lower() != s.text.lower()]
        if same:
            return same[-1]
        if self._organisations is None:
            self._organisations = Organisations(self._mentions, self.roster, self._opens)
        # a named group quoted last ("the Hollow Pines said"), not a joint one ("X and Y")
        named = [(p, n) for p, n in spoken if _named_group(n)]
        latest = named[-1] if named else None
        span = (lo, self.window(s.pos, 2), s.pos)
        found = self._organisations.named_before(span, head, head in ORG_HEADS, latest)
        if found is None and head in NAMED_HEADS:
            return self._formal_name(head, s.pos)
        return found

    def _formal_name(self, head: str, pos: int) -> str | None:
        """The one "Ministry of Manpower" the text named before `pos`, however far back:
        "the ministry" of a report that names only one ministry is that one."""
        if head not in self._formal:  # read once per text: asked again and again on long ones
            # a literal start, no "\b": `re` then jumps between occurrences (issue: speed)
            pattern = re.compile(rf"{head.capitalize()}{_FORMAL_TAIL}")
            masked = self.masked
            names = [
                (m.start(), m.group())
                for m in pattern.finditer(masked)
                if not masked[m.start() - 1 : m.start()].isalnum()
            ]
            other = next((p for p, n in names if n != names[0][1]), len(self.masked) + 1)
            self._formal[head] = (names[0][1], names[0][0], other) if names else None
        found = self._formal[head]
        if found is None:
            return None
        name, first, other = found  # one name only between the first and another
        return name if first < pos <= other else None

    def _opens(self, m: NameMention) -> bool:
        """True when `m` opens its sentence, "The" aside: "The Rail Delivery Group said"."""
        lead = self.masked[self.sents.start_near(m.run_start, 8) : m.run_start]
        if lead not in {"", "The ", "the "}:
            return False
        # not an owner or a modifier: "The BBC's decision", "The Match of the Day host"
        return self.masked[m.end : m.end + 4] not in {" of ", "'s ", "\u2019s "}

    def _pronoun(self, word: str, pos: int) -> tuple[str | None, str]:
        """The person (he/she) or group (it/they/we) a pronoun most likely means."""
        lo = self.window(pos, 2)
        if word in {"it", "they", "we"}:
            group = next((s for s in reversed(self.spoken_between(lo, pos)) if s[2]), None)
            return (group[1], "group") if group else (None, "group")
        gender = PRONOUNS.get(word)
        found = self._gendered(gender, pos, lo, self._any_named(pos, lo))
        if found is None and gender and lo > pos - LOOK_BACK:
            # a profile's "he" may go on paragraphs after the man was last quoted or subject
            found = self._gendered(gender, pos, max(0, pos - LOOK_BACK), iter(()))
        if found is not None:
            self.roster.add_single(found, gender, None)  # so a later pronoun knows the gender
        return found, "person"

    def _gendered(self, gender: str | None, pos: int, lo: int, named: Iterator[str]) -> str | None:
        """The nearest candidate in [lo, pos), else of `named`, whose gender may be `gender`."""
        for name in itertools.chain(self.candidates(pos, lo), named):
            known = self.roster.gender_of(name)
            if not (gender and known and known != gender):
                return name
        return None

    def _any_named(self, pos: int, lo: int) -> Iterator[str]:
        """Every person named in [lo, pos), nearest first: the fallback for pronouns."""
        i = bisect.bisect_left(self._person_starts, pos) - 1
        while i >= 0 and self._person_starts[i] >= lo:
            m = self.persons[i]
            if len(m.tokens) > 1 or m.honorific or self.roster.known(m.tokens):
                yield self.roster.resolve(m.tokens, m.start)
            i -= 1
