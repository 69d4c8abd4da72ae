"""Linking each quotation to its speaker, recording which cue and rule did it."""

import bisect
import re
from dataclasses import dataclass

from briefing.extract.descriptors import (
    DOCUMENT_HEADS,
    ORG_HEADS,
    Organisations,
    descriptor_head,
)
from briefing.extract.lexicon import (
    CUE_PHRASES,
    CUE_WORDS,
    GROUP_NOUNS,
    PRONOUNS,
    trie_pattern,
    word_set,
)
from briefing.extract.names import NameMention
from briefing.extract.quotes import QuoteSpan
from briefing.extract.roster import Roster
from briefing.extract.sentences import SentenceIndex
from briefing.extract.subjectlike import SubjectMentions
from briefing.extract.subjects import Subject, SubjectReader

_CUE = re.compile(r"(?<![\w-])" + trie_pattern({*CUE_WORDS, *CUE_PHRASES, "According to"}) + r"\b")
_LEAD = re.compile(r"[\s,;:.!?\u2014\u2013\-]*")
_PASSIVE_CUES = word_set(
    "told asked called described urged dubbed labelled labeled branded accused"
)
_DASH_CREDIT = re.compile(r",? ?[\u2014\u2013-]{1,2} ?")
# How far back a speaker or subject may be sought: a few paragraphs, never the whole text.
_LOOK_BACK = 3000
_GOES_ON = word_set("added adds adding continued continues went goes")
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|is|are|be) $")
_DESCRIPTORS = word_set(
    "president minister chancellor mayor governor senator secretary premier king queen pope "
    "coach manager boss captain striker midfielder defender forward goalkeeper winger star "
    "singer actor actress author leader chairman chairwoman ceo founder veteran candidate "
    "nominee incumbent lawmaker congressman congresswoman mp judge spaniard frenchman "
    "frenchwoman briton dutchman argentine portuguese swede dane finn norwegian german "
    "italian american australian canadian brazilian scot welshman irishman englishman "
    "dutchwoman"
)
# " and " before a capital may join a name ("Nurses and Midwives Organisation").
_CLAUSE_BREAK = re.compile(r"[,;(\u2014]| but | and (?![A-Z])| that | while | as | because ")
_PROPER_END = ",.!?\u2026\u2014\u2013-:;"


@dataclass(frozen=True)
class Attribution:
    """A quote's speaker, role, cue and the rule that linked them."""

    speaker: str | None
    role: str | None
    cue: str | None
    rule: str
    group: bool = False
    pos: int = -1  # where the attribution names the speaker (-1: at the quote)


_NONE = Attribution(None, None, None, "none")


@dataclass(frozen=True)
class _Cue:
    subject: Subject | None
    cue: str
    pos: int
    passive: bool = False  # "was told": whoever spoke is not the subject


class Attributor:
    """Attributes the quotes of one text in order, keeping who spoke last."""

    def __init__(
        self,
        text: str,
        masked: str,
        quotes: list[QuoteSpan],
        sentences: SentenceIndex,
        paragraphs: list[tuple[int, int]],
        mentions: list[NameMention],
        roster: Roster,
    ) -> None:
        self.text, self.masked, self.quotes = text, masked, quotes
        self._opens = [q.open_at for q in quotes]
        self.sents, self.roster = sentences, roster
        self._para_starts = [a for a, _ in paragraphs]
        # Words the text also writes in lower case are common nouns ("Officials" / "officials").
        self._words = set(text.split())
        persons = [
            m
            for m in mentions
            if m.person and masked[m.start] == text[m.start] and not self._is_common(m)
        ]
        self.reader = SubjectReader(masked, persons)
        self.organisations = Organisations(mentions, roster)
        self.subject_like = SubjectMentions(masked, sentences, persons, self._may_be_subject)
        self.spoken: list[tuple[int, str, bool]] = []  # (position, speaker, is a group)

    def _may_be_subject(self, m: NameMention) -> bool:
        """A full name, an honorific, a known surname, or a word opening its sentence."""
        if len(m.tokens) > 1 or m.honorific or self.roster.known(m.tokens):
            return True
        return self.sents.at(m.run_start)[0] == m.run_start

    def _is_common(self, m: NameMention) -> bool:
        """A capitalised common noun opening a sentence ("Officials", "Organisers")."""
        return len(m.tokens) == 1 and not m.honorific and self._common_noun(m.tokens[0])

    def attribute_all(self) -> list[Attribution]:
        """Return one Attribution per quote, in quote order."""
        out: list[Attribution] = []
        for i, q in enumerate(self.quotes):
            att = self._attribute(i, q, out[-1] if out else None)
            if att.speaker:
                self.spoken.append((max(att.pos, q.start), att.speaker, att.group))
            out.append(att)
        return _fill_run_on_quotes(self.quotes, out)

    def _attribute(self, i: int, q: QuoteSpan, prev: Attribution | None) -> Attribution:
        after = self._after(q)
        if q.continued and prev is not None and not (after and after.subject):
            return Attribution(prev.speaker, prev.role, prev.cue, "continuation", prev.group)
        if after and after.subject and self._closes_clause(q):
            # `…", according to state media` after a cue that names the speaker cites a channel.
            relayed = after.cue.lower() == "according to" and self._before_subject(q)
            if not relayed:
                return self._make(after, "cue-after")
        before = self._before(q)
        if before and before.subject:
            return self._make(before, self._before_rule(q, before))
        if after and after.subject:
            return self._make(after, "cue-after")
        cue = after or before
        if cue is None:
            return self._without_cue(i, q, prev)
        if cue.passive:
            return Attribution(None, None, cue.cue, "none")
        if prev and prev.speaker and self._same_sentence(i, q):
            return Attribution(prev.speaker, prev.role, cue.cue, "continuation", prev.group)
        s_a = self.sents.start_near(q.open_at)
        subj = self.reader.sentence_subject(s_a, q.open_at, self.subject_like)
        rule = "cue-after" if cue is after else "cue-before"
        return self._make(_Cue(subj, cue.cue, cue.pos), rule) if subj else _NONE

    def _before_subject(self, q: QuoteSpan) -> bool:
        before = self._before(q)
        return before is not None and before.subject is not None

    def _same_sentence(self, i: int, q: QuoteSpan) -> bool:
        """True when the quote before this one stands in the same sentence."""
        return i > 0 and self.sents.index_at(self.quotes[i - 1].start) == self.sents.index_at(
            q.start
        )

    def _closes_clause(self, q: QuoteSpan) -> bool:
        """True when the quote ends its clause, so a following cue is about it."""
        inner_end = self.text[q.end - 1]
        nxt = self.text[q.outer_end : q.outer_end + 1]
        return inner_end in _PROPER_END or (nxt != "" and nxt in _PROPER_END)

    def _before_rule(self, q: QuoteSpan, c: _Cue) -> str:
        if c.cue.lower() == "according to":
            return "according-to"
        if self.masked[max(0, q.open_at - 4) : q.open_at].rstrip().endswith(":"):
            return "colon-intro"
        return "cue-before"

    def _post_region(self, q: QuoteSpan) -> tuple[int, int] | None:
        """From the closing mark to the end of its sentence (or the next quote)."""
        if q.close_at is None:
            return None
        a = q.outer_end
        idx = self.sents.index_at(a)
        s_b = self.sents.spans[idx][1]
        if s_b <= a + 1 and idx + 1 < len(self.sents.spans):
            n_a, n_b = self.sents.spans[idx + 1]
            s_b = n_b if "\n" not in self.text[a:n_a] else s_b
        j = bisect.bisect_left(self._opens, a)
        nxt = self._opens[j] if j < len(self._opens) else s_b
        return a, min(nxt, s_b)

    def _after(self, q: QuoteSpan) -> _Cue | None:
        """A cue right after the quote: `, Smith said` or `, said Smith`."""
        region = self._post_region(q)
        if region is None:
            return None
        a, b = region
        lead_m = _LEAD.match(self.masked, a, b)
        lead = lead_m.end() if lead_m else a
        cm = _CUE.search(self.masked, lead, min(b, lead + 250))
        if not cm:
            return self._dash_credit(a, b)
        if cm.start() == lead:
            return _Cue(
                self.reader.at_start(cm.end(), min(b, cm.end() + 300)), cm.group(), cm.start()
            )
        if self._passive(cm):
            return _Cue(None, cm.group(), cm.start(), passive=True)
        if len(self.masked[lead : cm.start()].split()) > 10:
            # `, Maria Van Kerkhove, the WHO's acting director of …, told reporters`
            subj = self.reader.at_start(lead, cm.start())
            appositive = self.masked[max(0, cm.start() - 3) : cm.start()].rstrip().endswith(",")
            return _Cue(subj, cm.group(), cm.start()) if subj and appositive else None
        return _Cue(self.reader.at_end(lead, cm.start()), cm.group(), cm.start())

    def _dash_credit(self, a: int, b: int) -> _Cue | None:
        """`"…" — Jane Smith`: a name after a dash credits the quote."""
        dash = _DASH_CREDIT.match(self.masked, a, b)
        if not dash:
            return None
        persons = self.reader.persons_in(dash.end(), b)
        if not persons or persons[0].run_start != dash.end():
            return None
        m = persons[0]
        return _Cue(Subject("person", m.name, m.start, m), "\u2014", dash.start())

    def _passive(self, cm: re.Match[str]) -> bool:
        """`was told to`, `were asked`: the subject heard the words, it did not say them."""
        if cm.group() not in _PASSIVE_CUES:
            return False
        return bool(_PASSIVE_AUX.search(self.masked, max(0, cm.start() - 8), cm.start()))

    def _pre_start(self, q: QuoteSpan) -> int:
        s_a = self.sents.start_near(q.open_at)
        prev_ends = [o.outer_end for o in self._quotes_before(q) if o.outer_end > s_a]
        return max([s_a, *prev_ends])

    def _quotes_before(self, q: QuoteSpan) -> list[QuoteSpan]:
        i = bisect.bisect_left(self._opens, q.open_at)
        return self.quotes[max(0, i - 3) : i]

    def _before(self, q: QuoteSpan) -> _Cue | None:
        """A cue before the quote in its sentence: `Smith said:` or `according to Smith,`."""
        return self._cue_in(self._pre_start(q), q.open_at)

    def _cue_in(self, a: int, b: int) -> _Cue | None:
        """The cue that ends the stretch [a, b) before a quote, with its subject."""
        cues = list(_CUE.finditer(self.masked, a, b))
        if not cues:
            if self.masked[a:b].rstrip().endswith(":"):
                subj = self.reader.sentence_subject(a, b, self.subject_like)
                return _Cue(subj, ":", b)
            return None
        cm = cues[-1]
        according = cm.group().lower() == "according to"
        if according or self.masked[cm.end() : b].strip(" ") in {":", ","}:
            subj = self.reader.at_start(cm.end(), b)
            if subj or according:
                return _Cue(subj, cm.group(), cm.start())
        if self._passive(cm):
            return _Cue(None, cm.group(), cm.start(), passive=True)
        clause_a = a
        for brk in _CLAUSE_BREAK.finditer(self.masked, a, cm.start()):
            clause_a = brk.end()
        subj = self.reader.at_end(clause_a, cm.start()) if clause_a < cm.start() else None
        if subj is None:
            s_a = self.sents.start_near(cm.start())
            subj = self.reader.sentence_subject(s_a, cm.start(), self.subject_like)
        return _Cue(subj, cm.group(), cm.start())

    def _without_cue(self, i: int, q: QuoteSpan, prev: Attribution | None) -> Attribution:
        """No cue in the quote's sentence: continue the last speaker or use a neighbour."""
        para_i = bisect.bisect_right(self._para_starts, q.open_at) - 1
        para_a = self._para_starts[para_i]
        gap = self.masked[self._pre_start(q) : q.open_at].strip(" ,;:")
        same_para_prev = i > 0 and self.quotes[i - 1].start >= para_a
        if prev and prev.speaker and same_para_prev and not gap:
            return Attribution(prev.speaker, prev.role, prev.cue, "continuation", prev.group)
        if self._is_partial(q):
            return _NONE
        intro = self._colon_sentence(q)
        if intro and intro.subject:
            return self._make(intro, "colon-intro")
        lo = max(self._para_starts[max(0, para_i - 1)], q.open_at - _LOOK_BACK)
        return self._recent(q.open_at, lo)

    def _colon_sentence(self, q: QuoteSpan) -> _Cue | None:
        """`She told delegates:` closing the sentence (or paragraph) before the quote."""
        idx = self.sents.index_at(q.open_at)
        if idx == 0 or self.sents.spans[idx][0] < q.open_at - 1:
            return None
        a, b = self.sents.spans[idx - 1]
        a = max(a, b - 600)
        if not self.masked[a:b].rstrip().endswith(":"):
            return None
        return self._cue_in(a, self.masked.rindex(":", a, b) + 1)

    def _recent(self, pos: int, lo: int) -> Attribution:
        """The last speaker (continuation) or sentence subject (neighbour) since `lo`."""
        between = self._spoken_between(lo, pos)
        spoken = between[-1] if between else None
        subj = next(self.subject_like.before(pos, lo), None)
        if spoken and (subj is None or spoken[0] >= subj.start):
            role = self.roster.role_of(spoken[1])
            return Attribution(spoken[1], role, None, "continuation", spoken[2])
        if subj:
            name = self.roster.resolve(subj.tokens, subj.start)
            return Attribution(name, self.roster.role_of(name), None, "neighbour-sentence")
        return _NONE

    def _is_partial(self, q: QuoteSpan) -> bool:
        return is_partial(self.text, q)

    def _make(self, c: _Cue, rule: str) -> Attribution:
        assert c.subject is not None
        name, kind = self._speaker(c.subject, c.cue)
        if name is None:
            return Attribution(None, None, c.cue, rule)
        role = self.roster.role_of(name)
        rule = "pronoun" if c.subject.kind == "pronoun" else rule
        return Attribution(name, role, c.cue, rule, kind == "group", c.subject.pos)

    def _speaker(self, s: Subject, cue: str = "") -> tuple[str | None, str]:
        """The speaker's name and whether it is a 'person' or a 'group'."""
        if s.kind == "pronoun":
            return self._resolve_pronoun(s.text, s.pos)
        described = self._described(s, cue)
        if described:
            return described, "person"
        standing_for = self._organisation(s)
        if standing_for:
            return standing_for, "group"
        if s.kind == "group" or s.mention is None:
            return s.text, "group"
        m = s.mention
        if len(m.tokens) == 1 and not self.roster.known(m.tokens):
            if self._common_noun(m.tokens[0]):
                return m.tokens[0], "group"
            alias = f"{m.honorific} {m.name}" if m.honorific else None
            self.roster.add_single(m.name, m.gender, alias)
            return m.name, "person"
        name = self.roster.resolve(m.tokens, m.start)
        self.roster.learn_gender(name, m.gender)
        return name, "person"

    def _described(self, s: Subject, cue: str) -> str | None:
        """`the prime minister`, `the Spaniard`: the person the article means by it."""
        lead = self.masked[max(0, s.pos - 4) : s.pos].lower()
        phrase = s.text.lower() if s.kind == "group" else f"the {s.text.lower()}"
        if s.kind != "group" and lead != "the ":
            return None
        words = phrase.split()
        head = words[-1] if words else ""
        if not 2 <= len(words) <= 4 or words[0] != "the":
            return None
        if head not in _DESCRIPTORS and not head.endswith("-year-old"):
            return None
        holder = self.roster.holder(" ".join(words[1:]), s.pos)
        if holder:
            return holder
        para_i = bisect.bisect_right(self._para_starts, s.pos) - 1
        lo = max(self._para_starts[max(0, para_i - 2)], s.pos - _LOOK_BACK)
        spoken = [name for _, name, group in self._spoken_between(lo, s.pos) if not group]
        if spoken and cue in _GOES_ON:
            return spoken[-1]  # `"…," the Spaniard added`: the one quoted last goes on
        near = self._candidates(s.pos, lo)
        return near[0] if near else None

    def _organisation(self, s: Subject) -> str | None:
        """`the company` -> the organisation named most; `the statement` -> who issued it."""
        head = descriptor_head(s.text) if s.kind == "group" else None
        if head not in ORG_HEADS and head not in DOCUMENT_HEADS:
            return None
        lo = max(0, s.pos - _LOOK_BACK)
        if head in DOCUMENT_HEADS:
            issuers = [name for _, name, group in self._spoken_between(lo, s.pos) if group]
            return issuers[-1] if issuers else None
        return self.organisations.named_before(s.pos, lo)

    def _common_noun(self, word: str) -> bool:
        low = word.lower()
        return low in GROUP_NOUNS or any(low + end in self._words for end in ("", ",", "."))

    def _resolve_pronoun(self, word: str, pos: int) -> tuple[str | None, str]:
        para_i = bisect.bisect_right(self._para_starts, pos) - 1
        lo = max(self._para_starts[max(0, para_i - 2)], pos - _LOOK_BACK)
        if word in {"it", "they", "we"}:
            group = next((s for s in reversed(self._spoken_between(lo, pos)) if s[2]), None)
            return (group[1], "group") if group else (None, "group")
        gender = PRONOUNS.get(word)
        for name in self._candidates(pos, lo):
            known = self.roster.gender_of(name)
            if gender and known and known != gender:
                continue
            self.roster.learn_gender(name, gender)
            return name, "person"
        return None, "person"

    def _spoken_between(self, lo: int, hi: int) -> list[tuple[int, str, bool]]:
        """Speakers recorded at positions in [lo, hi), in text order."""
        out = []
        for event in reversed(self.spoken):
            if event[0] < lo:
                break
            if event[0] < hi:
                out.append(event)
        out.reverse()
        return out

    def _candidates(self, pos: int, lo: int) -> list[str]:
        """Recent speakers and sentence subjects before `pos`, nearest first."""
        events = [(p, name) for p, name, group in self._spoken_between(lo, pos) if not group]
        for m in self.subject_like.before(pos, lo):
            events.append((m.start, self.roster.resolve(m.tokens, m.start)))
        events.sort(reverse=True)
        return [name for _, name in events]


def _fill_run_on_quotes(quotes: list[QuoteSpan], atts: list[Attribution]) -> list[Attribution]:
    """Give the earlier paragraphs of a run-on quote the speaker named at its end."""
    for i in range(len(quotes) - 1, 0, -1):
        if quotes[i].continued and atts[i].speaker and not atts[i - 1].speaker:
            atts[i - 1] = Attribution(
                atts[i].speaker, atts[i].role, atts[i].cue, "continuation", atts[i].group
            )
    return atts


def is_partial(text: str, q: QuoteSpan) -> bool:
    """A short or embedded fragment rather than a full quoted sentence."""
    inner = text[q.start : q.end]
    first = next((c for c in inner if c.isalpha()), "")
    if first and first.islower():
        return True
    if len(inner.split()) < 4 and inner[-1] not in ".!?,":
        return True
    i = q.open_at - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i >= 0 and text[i].isalnum() and inner[-1] not in ".!?,"
