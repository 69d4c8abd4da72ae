"""Linking each quotation to its speaker, recording which cue and rule did it."""

import bisect
import re
from typing import NamedTuple

from briefing.extract.descriptors import DOCUMENT_HEADS, descriptor_head
from briefing.extract.lexicon import (
    CUE_PHRASES,
    CUE_WORDS,
    PARTY_STATE,
    trie_pattern,
    word_set,
)
from briefing.extract.names import NameMention
from briefing.extract.quotes import QuoteSpan
from briefing.extract.references import LOOK_BACK, References
from briefing.extract.roster import Roster
from briefing.extract.sentences import SentenceIndex
from briefing.extract.subjects import Subject, SubjectReader

# Phrases whose speaker comes after them: "according to Smith", "in the words of Smith".
_SOURCE_FIRST = {"according to", "in the words of"}
_CUE = re.compile(
    r"(?<![\w-])"
    + trie_pattern({*CUE_WORDS, *CUE_PHRASES, *(p.capitalize() for p in _SOURCE_FIRST)})
    + r"\b"
)
_LEAD = re.compile(r"[\s,;:.!?\u2014\u2013\-]*")
_PASSIVE_CUES = word_set(
    "told asked called described urged dubbed labelled labeled branded accused"
)
_DASH_CREDIT = re.compile(r",? ?[\u2014\u2013-]{1,2} ?")
_NOUN_MARKERS = (" the ", " a ", " an ", " his ", " her ", " its ", " their ", " these ", " such ")
_PLURAL_VERBS = (" had ", " have ", " were ", " are ")
_QUANTIFIERS = word_set(
    "two three four five six seven eight nine ten twelve several many few various "
    "numerous multiple both all some most"
)
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|is|are|be) $")
# " and " before a capital may join a name ("Nurses and Midwives Organisation").
# That is `[,;(—]| but | and (?![A-Z])| that | while | as | because `, its first character
# taken first: `re` then skips to the next mark or space instead of trying every offset.
_CLAUSE_BREAK = re.compile(
    r"[,;(\u2014 ](?:(?<=[,;(\u2014])|(?<= )(?:but |and (?![A-Z])|that |while |as |because ))"
)
_PROPER_END = ",.!?\u2026\u2014\u2013-:;"
_WORDS = re.compile(r"\w+")
_NOT_SPEECH_BEFORE_TO = word_set("agreed agrees agree continued continues")
# Cues only when the quotation is their object: `declined to "get ahead of the process"`
_QUOTED_INFINITIVE = {"declined to", "refused to"}
_SPACE = re.compile(r"\s*")
# A noun that reports words, then the quoted infinitive: "on a promise to \"…\""
_PLEDGE = re.compile(r"\b(promise|pledge|vow|commitment)s? to $")
_RELATIVE = re.compile(r" ?(?:which|who|that) ")
_GROUP_PRONOUNS = {"it", "they"}
_QUOTED_AS = re.compile(r"\b(?:quoted|cited|quoting|citing) ([^,;:]{2,80}?) as $")
_UNCUED = {"none", "neighbour-sentence", "continuation"}
# Conjunctions opening a clause of its own after a quote: its cue is not about the quote.
_CONTRAST = ("while ", "whereas ", "whilst ", "although ", "though ", "but ")


class Attribution(NamedTuple):
    """A quote's speaker, role, cue and the rule that linked them.

    Named tuples here and in _Cue, not frozen dataclasses: several are made per quote,
    and a tuple is several times cheaper to build (issue: speed).
    """

    speaker: str | None
    role: str | None
    cue: str | None
    rule: str
    group: bool = False
    pos: int = -1  # where the attribution names the speaker (-1: at the quote)


_NONE = Attribution(None, None, None, "none")


class _Cue(NamedTuple):
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
        self.refs = References(text, masked, sentences, paragraphs, mentions, roster)
        self.reader = SubjectReader(masked, self.refs.persons)
        self.subject_like = self.refs.subject_like

    def attribute_all(self) -> list[Attribution]:
        """Return one Attribution per quote, in quote order."""
        out: list[Attribution] = []
        for i, q in enumerate(self.quotes):
            att = self._attribute(i, q, out[-1] if out else None)
            if att.speaker:
                self.refs.record(max(att.pos, q.start), att.speaker, att.group)
            out.append(att)
        return _fill_display_quotes(self.text, self.quotes, _fill_run_on_quotes(self.quotes, out))

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
            relayed = after.cue.lower() == "according to" and self._same_sentence(i, q)
            if relayed and prev and prev.speaker:  # `X told Y "…" and "…", according to Z`
                return Attribution(prev.speaker, prev.role, prev.cue, "continuation", prev.group)
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
        if c.cue.lower() in _SOURCE_FIRST:
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
        # `"… win." Smith said.` ends its sentence inside the marks, so the next "sentence"
        # is its attribution; after `called it "historic".` a new sentence begins.
        ended_inside = self.text[q.end - 1] in ".!?\u2026"
        more = idx + 1 < len(self.sents.spans)
        if ended_inside and s_b <= a + 1 and more and not self._led_in(q):
            n_a, n_b = self.sents.spans[idx + 1]
            s_b = n_b if "\n" not in self.text[a:n_a] else s_b
        j = bisect.bisect_left(self._opens, a)
        nxt = self._opens[j] if j < len(self._opens) else s_b
        return a, min(nxt, s_b)

    def _led_in(self, q: QuoteSpan) -> bool:
        """`Smith wrote: "…"`, `and said, "…"`: the quote's own sentence names its speaker."""
        lead = self.masked[max(0, q.open_at - 24) : q.open_at].rstrip()
        if lead.endswith(":"):
            return True
        words = lead[:-1].rsplit(None, 1) if lead.endswith(",") else []
        return bool(words) and words[-1].lower() in CUE_WORDS

    def _after(self, q: QuoteSpan) -> _Cue | None:
        """A cue right after the quote: `, Smith said` or `, said Smith`."""
        region = self._post_region(q)
        if region is None:
            return None
        a, b = region
        lead_m = _LEAD.match(self.masked, a, b)
        lead = lead_m.end() if lead_m else a
        if self.masked.startswith(_CONTRAST, lead):
            return None  # `… as "overdue," while the ministry warned`: a new clause
        cm = _CUE.search(self.masked, lead, min(b, lead + 250))
        while cm and (self._noun_use(cm) or cm.group() in _QUOTED_INFINITIVE):
            cm = _CUE.search(self.masked, cm.end(), min(b, lead + 250))
        if not cm:
            return self._dash_credit(a, b)
        if cm.start() == lead or cm.group().lower() in _SOURCE_FIRST:
            # `, said Smith` or `… of the couple, according to a spokesperson`
            return _Cue(
                self.reader.at_start(cm.end(), min(b, cm.end() + 300)), cm.group(), cm.start()
            )
        if self._passive(cm):
            return _Cue(None, cm.group(), cm.start(), passive=True)
        if len(self.masked[lead : cm.start()].split(None, 10)) > 10:  # over 10 words
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

    def _noun_use(self, cm: re.Match[str]) -> bool:
        """`the claims`, `his remarks`: a cue word used as a noun, not as a verb; so is
        `promises had been made`, where a plural verb agrees with it."""
        before = self.masked[max(0, cm.start() - 7) : cm.start()]
        if before.endswith(_NOUN_MARKERS):
            return True
        if cm.group()[-1] != "s":
            return False
        if self.masked.startswith(_PLURAL_VERBS, cm.end()):
            return True
        # "in two other states", "three claims": a number or quantifier before a plural
        words = self.masked[max(0, cm.start() - 20) : cm.start()].split()
        if not words:
            return False
        if words[-1] == "other":
            return len(words) < 2 or words[-2].lower() not in {"the", "each"}
        return words[-1].lower() in _QUANTIFIERS or words[-1][:1].isdigit()

    def _passive(self, cm: re.Match[str]) -> bool:
        """`was told to`, `were asked`: the subject heard the words, it did not say them.

        So is a headline's `…, Crown Court told` that ends its line: "told" takes an object.
        """
        if cm.group() not in _PASSIVE_CUES:
            return False
        if cm.group() == "told" and self.masked[cm.end() : cm.end() + 1] in {"\n", ""}:
            return True
        return bool(_PASSIVE_AUX.search(self.masked, max(0, cm.start() - 8), cm.start()))

    def _pre_start(self, q: QuoteSpan) -> int:
        start = self.sents.start_near(q.open_at)
        for o in self._quotes_before(q):  # after the quotes just before, if in the sentence
            start = max(start, o.outer_end)
        return start

    def _quotes_before(self, q: QuoteSpan) -> list[QuoteSpan]:
        i = bisect.bisect_left(self._opens, q.open_at)
        return self.quotes[max(0, i - 3) : i]

    def _before(self, q: QuoteSpan) -> _Cue | None:
        """A cue before the quote in its sentence: `Smith said:` or `according to Smith,`."""
        return self._cue_in(self._pre_start(q), q.open_at)

    def _cue_in(self, a: int, b: int) -> _Cue | None:
        """The cue that ends the stretch [a, b) before a quote, with its subject."""
        cm = self._last_verb_cue(a, b)
        if cm is None:
            if self.masked[a:b].rstrip().endswith(":"):
                subj = self.reader.sentence_subject(a, b, self.subject_like)
                return _Cue(subj, ":", b)
            return None
        according = cm.group().lower() in _SOURCE_FIRST
        if according or self.masked[cm.end() : b].strip(" ") in {":", ","}:
            subj = self.reader.at_start(cm.end(), b)
            if subj or according:
                return _Cue(subj, cm.group(), cm.start())
        if self._passive(cm):
            return _Cue(None, cm.group(), cm.start(), passive=True)
        as_before = self.masked.endswith(" as ", 0, cm.start())  # rare: tested first (speed)
        quoted = as_before and _QUOTED_AS.search(self.masked, max(a, cm.start() - 90), cm.start())
        if quoted:  # "the agency quoted its director Ana Ruiz as saying": she speaks
            subj = self.reader.at_end(quoted.start(1), quoted.end(1))
            if subj:
                return _Cue(subj, cm.group(), cm.start())
        clause_a = a
        for brk in _CLAUSE_BREAK.finditer(self.masked, a, cm.start()):
            clause_a = brk.end()
        subj = self.reader.at_end(clause_a, cm.start()) if clause_a < cm.start() else None
        if subj is None:
            subj = self._cited(a, cm.start()) or self._named_appositive(a, cm.start())
        if subj is None:
            s_a = self.sents.start_near(cm.start())
            subj = self.reader.sentence_subject(s_a, cm.start(), self.subject_like)
        return _Cue(subj, cm.group(), cm.start())

    def _last_verb_cue(self, a: int, b: int) -> re.Match[str] | None:
        """The last cue in [a, b) used as a verb; tested from the end, as only it counts.

        "agreed to resume", "continued to rise": no speech, when an earlier cue reports it
        ("The ministry said the sides had agreed to …"); "vowed to" is the vower's words.
        """
        infinitive = None
        for cm in reversed(list(_CUE.finditer(self.masked, a, b))):
            if self._noun_use(cm):
                continue
            if cm.group() in _QUOTED_INFINITIVE and self.masked[cm.end() : b].strip():
                continue  # "declined to comment on the 'rumours'": no speech
            if cm.group() in _NOT_SPEECH_BEFORE_TO and self.masked.startswith(" to ", cm.end()):
                infinitive = infinitive or cm
                continue
            return cm
        return infinitive

    def _cited(self, a: int, cue_at: int) -> Subject | None:
        """`Xinhua, citing an unnamed official, said`: the outlet only relays the source."""
        close = self.masked.rfind(",", a, cue_at)
        if close < 0 or self.masked[close + 1 : cue_at].strip():
            return None
        masked = self.masked
        at = max(masked.rfind(", citing ", a, close), masked.rfind(", quoting ", a, close))
        if at < 0:
            return None
        return self.reader.at_start(self.masked.index(" ", at + 2) + 1, close)

    def _named_appositive(self, a: int, cue_at: int) -> Subject | None:
        """`The largest farmers' union, the FNSEA, said`: the name between the commas."""
        before = self.masked[a:cue_at].rstrip()
        if not before.endswith(","):
            return None
        start = self.masked.rfind(",", a, a + len(before) - 1) + 1
        if start <= a:
            return None
        chunk = self.masked[start : a + len(before) - 1]
        words = chunk.split()
        if len(words) == 1 and PARTY_STATE.fullmatch(words[0]):
            return None  # "Sen. Jane Roe, D-Mass., said": a party and state, not a name
        names = [w for w in words if w.lower() != "the"]
        persons = self.reader.persons_in(start, a + len(before))
        # "Mahdi al-Tamimi": a name's lowercase article is part of a person's mention, when
        # the mention fills the appositive ("which owns X and Y" is no name)
        first = start + len(chunk) - len(chunk.lstrip())
        whole = bool(persons) and (persons[-1].run_start, persons[-1].end) == (
            first,
            first + len(chunk.strip()),
        )
        if not names or len(words) > 5 or not (whole or all(w[:1].isupper() for w in names)):
            return None
        if persons:  # "Bankman-Fried's lawyer, Mark Cohen, said": the lawyer speaks
            return Subject("person", persons[-1].name, persons[-1].start, persons[-1])
        return Subject("group", " ".join(words), start + 1)

    def _without_cue(self, i: int, q: QuoteSpan, prev: Attribution | None) -> Attribution:
        """No cue in the quote's sentence: continue the last speaker or use a neighbour."""
        para_i = bisect.bisect_right(self._para_starts, q.open_at) - 1
        para_a = self._para_starts[para_i]
        gap = self.masked[self._pre_start(q) : q.open_at].strip(" ,;:")
        same_para_prev = i > 0 and self.quotes[i - 1].start >= para_a
        if prev and prev.speaker and same_para_prev and (not gap or self._same_sentence(i, q)):
            # `"…," she said. "…"` or `… carried out a "…" against "…"`: the same speaker
            return Attribution(prev.speaker, prev.role, prev.cue, "continuation", prev.group)
        if self._is_partial(q):
            return self._pledged(q) or _NONE
        intro = self._colon_sentence(q)
        if intro and intro.subject:
            return self._make(intro, "colon-intro")
        return self._recent(q.open_at, self.refs.window(q.open_at, 1))

    def _pledged(self, q: QuoteSpan) -> Attribution | None:
        """`which Labor won on a promise to "fix the crisis"`: the promise's maker said it."""
        m = _PLEDGE.search(self.masked, max(0, q.open_at - 30), q.open_at)
        if m is None:
            return None
        a = self._pre_start(q)
        for brk in _CLAUSE_BREAK.finditer(self.masked, a, m.start()):
            a = brk.end()
        relative = _RELATIVE.match(self.masked, a)
        subj = self.reader.sentence_subject(
            relative.end() if relative else a, m.start(), self.subject_like
        )
        return self._make(_Cue(subj, m.group(1), m.start()), "cue-before") if subj else None

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
        found = self.refs.recent(pos, lo)
        if found is None:
            return _NONE
        name, group, rule = found
        return Attribution(name, self.roster.role_of(name), None, rule, group)

    def _is_partial(self, q: QuoteSpan) -> bool:
        return is_partial(self.text, q)

    def _make(self, c: _Cue, rule: str) -> Attribution:
        assert c.subject is not None
        subject = self._issuer(c.subject) or c.subject
        name, kind = self.refs.speaker(subject, c.cue)
        if name is None and subject.kind == "pronoun" and subject.text in _GROUP_PRONOUNS:
            # no group quoted yet: "The agency has … what it calls" means its own subject
            head = self.reader.sentence_subject(
                self.sents.start_near(subject.pos), subject.pos, self.subject_like
            )
            if head is not None and head.kind == "group":
                name, kind = self.refs.speaker(head, c.cue)
        if name is None:
            return Attribution(None, None, c.cue, rule)
        role = self.roster.role_of(name)
        rule = "pronoun" if c.subject.kind == "pronoun" else rule
        return Attribution(name, role, c.cue, rule, kind == "group", c.subject.pos)

    def _issuer(self, s: Subject) -> Subject | None:
        """For `the statement said`: the subject of the sentence that introduced it."""
        head = descriptor_head(s.text) if s.kind == "group" else None
        if head not in DOCUMENT_HEADS:
            return None
        lo = max(0, s.pos - LOOK_BACK)
        at = self.masked.rfind(head, lo, s.pos)
        if at < 0:
            return None
        found = self.reader.sentence_subject(self.sents.start_near(at), at, self.subject_like)
        return found if found and descriptor_head(found.text) != head else None


def _fill_run_on_quotes(quotes: list[QuoteSpan], atts: list[Attribution]) -> list[Attribution]:
    """Give the earlier paragraphs of a run-on quote the speaker named at its end."""
    for i in range(len(quotes) - 1, 0, -1):
        if quotes[i].continued and atts[i].speaker and not atts[i - 1].speaker:
            atts[i - 1] = Attribution(
                atts[i].speaker, atts[i].role, atts[i].cue, "continuation", atts[i].group
            )
    return atts


def _fill_display_quotes(
    text: str, quotes: list[QuoteSpan], atts: list[Attribution]
) -> list[Attribution]:
    """A crosshead quote with no cue takes the speaker of the later quote whose words it
    repeats: "'We eat once a day'" over "“We eat once a day, …,” she said".

    The title (the text's first line) is left alone: it often paraphrases or merges
    several voices, and the tests' gold leaves its uncued quotes unattributed.
    """
    lead = _SPACE.match(text)
    title_end = text.find("\n", lead.end() if lead else 0) % (len(text) + 1)  # -1: all
    for i, q in enumerate(quotes):
        a = atts[i]
        if a.rule not in _UNCUED and not (a.group and a.speaker and a.speaker[0].islower()):
            continue  # a cue named the speaker ("first minister" is only a description)
        if q.open_at < title_end or not _on_display_line(text, q):
            continue
        words = _WORDS.findall(text[q.start : q.end].lower())
        if len(words) < 2:
            continue
        said = f" {' '.join(words)} "
        for j in range(i + 1, len(quotes)):
            later = quotes[j]
            if later.start - q.end > 4000:
                break
            b = atts[j]
            inner = f" {' '.join(_WORDS.findall(text[later.start : later.end].lower()))} "
            if b.speaker and said in inner:
                atts[i] = Attribution(b.speaker, b.role, a.cue, "repeated", b.group)
                break
    return atts


def _on_display_line(text: str, q: QuoteSpan) -> bool:
    """True when the quote stands in a short line with no closing stop: a crosshead."""
    b = text.find("\n", q.end, q.end + 300)
    if b < 0:
        if len(text) > q.end + 300:
            return False  # not a short line
        b = len(text)
    if text[b - 1 : b] in {".", "!", "?"}:
        return False  # the usual body paragraph, told at once (issue: speed)
    a = text.rfind("\n", max(0, q.open_at - 300), q.open_at) + 1
    if a == 0 and q.open_at > 300:
        return False
    line = text[a:b].rstrip().rstrip("'\"\u2019\u201d")
    return line[-1:] not in ".!?\u2026" and len(line.split(None, 25)) <= 25


def is_partial(text: str, q: QuoteSpan) -> bool:
    """A short or embedded fragment rather than a full quoted sentence."""
    inner = text[q.start : q.end]
    for c in inner:  # the first letter; a plain loop is cheaper than next(generator)
        if c.isalpha():
            if c.islower():
                return True
            break
    if len(inner.split(None, 3)) < 4 and inner[-1] not in ".!?,":  # counts up to 4 words
        return True
    i = q.open_at - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i >= 0 and text[i].isalnum() and inner[-1] not in ".!?,"
