"""The flowables of a brief: title block, sections of items with their citations, sources."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, HRFlowable, Paragraph

from briefing.cite import Citation, Citer, in_text_parts, sources_list, speaker_line
from briefing.export.common import UNVERIFIED_MARK, display_text, metadata_rows, safe_text
from briefing.export.pdf_doc import Heading
from briefing.export.pdf_fonts import markup
from briefing.export.pdf_layout import (
    LINK_HEX,
    RULE_COLOR,
    UNVERIFIED_HEX,
    RuledParagraph,
    SpeakerLine,
    Styles,
)
from briefing.export.pdf_notes import FootnoteArea, Note, NotedItem
from briefing.views import Anchor, BriefView, ItemView, SourceRef

UNTITLED = "Untitled brief"  # as the Word export names a brief without a title
SOURCES_HEADING = "Sources"


def text(value: str) -> str:
    """Any text of the brief as paragraph markup: control characters dropped, XML escaped."""
    return markup(safe_text(value))


def linked(words: str, urls: Iterable[str | None]) -> str:
    """`words` as markup, the first of `urls` found in them made a web link."""
    for url in urls:
        at = words.find(url) if url else -1
        if url and at >= 0:
            href = escape(safe_text(url), {'"': "&quot;"})
            link = f'<a href="{href}" color="{LINK_HEX}">{text(url)}</a>'
            return text(words[:at]) + link + text(words[at + len(url) :])
    return text(words)


@dataclass(frozen=True)
class Excerpt:
    """A cited passage for the appendix: its number (the link target) and where it is."""

    number: int
    source: SourceRef
    anchor: Anchor


@dataclass
class Story:
    """The flowables in order, and which section each body flowable belongs to."""

    flowables: list[Flowable] = field(default_factory=list)
    section_of: list[int | None] = field(default_factory=list)
    excerpts: list[Excerpt] = field(default_factory=list)

    def add(self, flowable: Flowable, section_id: int | None = None) -> None:
        """Append `flowable`, counted toward `section_id`'s share of the page."""
        self.flowables.append(flowable)
        self.section_of.append(section_id)


class StoryWriter:
    """Turns a BriefView into flowables, numbering citations as it goes."""

    def __init__(
        self,
        brief: BriefView,
        styles: Styles,
        area: FootnoteArea,
        *,
        compact: bool,
        links: bool,
        unverified: frozenset[int] = frozenset(),
    ) -> None:
        self.brief = brief
        self.styles = styles
        self.area = area
        self.compact = compact  # one note per source (the one-pager) instead of per citation
        self.links = links  # citations link to the appendix
        self.unverified = unverified
        self.citer = Citer(brief)
        self.story = Story()
        self._source_numbers = _source_numbers(brief)
        self._source_notes = sources_list(brief)
        self._compact_notes: dict[int, Note] = {}
        # Longest first: a source URL may be the start of another's.
        self._urls = sorted((s.url for s in brief.sources.values() if s.url), key=len, reverse=True)

    def write(self) -> Story:
        """The whole body: title block, non-empty sections, and the sources list if needed."""
        self._front_matter()
        for section in self.brief.sections:
            if section.items:
                key = f"section-{section.id}"
                heading = Heading(section.title, self.styles.heading, key=key)
                self.story.add(heading, section.id)
                for item in section.items:
                    self._item(item, section.id)
        if not self.compact or self.citer.style != "chicago":
            self._sources()
        return self.story

    def _front_matter(self) -> None:
        styles = self.styles
        self.story.add(Paragraph(text(self.brief.title.strip() or UNTITLED), styles.title))
        for label, value in metadata_rows(self.brief):
            self.story.add(Paragraph(f"<b>{label}:</b> {text(value)}", styles.meta))
        rule = HRFlowable(
            width="100%", thickness=0.8, color=RULE_COLOR, spaceBefore=4, spaceAfter=2
        )
        self.story.add(rule)

    def _item(self, item: ItemView, section_id: int) -> None:
        quote = item.kind == "quote"
        style = self.styles.quote if quote else self.styles.bullet
        head = ""
        if item.id in self.unverified:
            head += f'<font color="{UNVERIFIED_HEX}"><b>{text(UNVERIFIED_MARK)}</b></font> '
        if self.brief.portion_marks:
            head += text(f"({item.portion_mark or 'U'}) ")
        shown = display_text(item, self.brief)
        body, notes = self._cited(item, f"“{shown}”" if quote else shown)
        if item.id in self.unverified and item.verification.problem:
            problem = text(f" ({item.verification.problem})")
            body += f'<font color="{UNVERIFIED_HEX}"><i>{problem}</i></font>'
        kind = RuledParagraph if quote else Paragraph
        bullet = None if quote else "•"
        paragraph = kind(head + body, style, bulletText=bullet)
        self.story.add(NotedItem(paragraph, notes, self.area) if notes else paragraph, section_id)
        if quote:
            self._speaker(item, section_id)

    def _cited(self, item: ItemView, shown: str) -> tuple[str, list[Note]]:
        citation = self.citer.cite(item)
        if citation is None or item.anchor is None:
            return text(shown), []
        excerpt = Excerpt(
            len(self.story.excerpts) + 1, self.brief.sources[citation.source_id], item.anchor
        )
        self.story.excerpts.append(excerpt)
        back = f'<a name="cite-{excerpt.number}"/>'
        if citation.in_text is not None:
            lead, words, tail = in_text_parts(shown, citation.in_text, self.citer.style)
            return f"{text(lead)}{back}{self._link(text(words), excerpt)}{text(tail)}", []
        number, note = self._note(citation, excerpt)
        mark = self._link(f"<super>{number}</super>", excerpt)
        return f"{text(shown)}{back}{mark}", [note]

    def _note(self, citation: Citation, excerpt: Excerpt) -> tuple[int, Note]:
        if self.compact:
            # One note per source, shared by all its marks (the marks link to the excerpts).
            number = self._source_numbers[citation.source_id]
            if number not in self._compact_notes:
                words = linked(self._source_notes[number - 1], self._urls)
                paragraph = Paragraph(words, self.styles.note, bulletText=f"{number}")
                self._compact_notes[number] = Note(f"source-{number}", paragraph)
            return number, self._compact_notes[number]
        number = citation.number or excerpt.number
        body = linked(citation.note or "", [citation.url, *self._urls])
        if self.links:
            body += " " + self._link(f"See excerpt {excerpt.number}.", excerpt)
        paragraph = Paragraph(body, self.styles.note, bulletText=f"{number}")
        return number, Note(f"citation-{excerpt.number}", paragraph)

    def _link(self, inner: str, excerpt: Excerpt) -> str:
        if not self.links:
            return inner
        return f'<a href="#excerpt-{excerpt.number}" color="{LINK_HEX}">{inner}</a>'

    def _speaker(self, item: ItemView, section_id: int) -> None:
        source = self.brief.sources.get(item.anchor.source_id) if item.anchor else None
        line = speaker_line(item, source)
        if line:
            self.story.add(SpeakerLine(text(line), self.styles.speaker), section_id)

    def _sources(self) -> None:
        entries = self._source_notes
        if not entries:
            return
        style = self.styles.note if self.compact else self.styles.bullet
        heading = Heading(SOURCES_HEADING, self.styles.heading, key="sources")
        self.story.add(heading)
        for number, entry in enumerate(entries, start=1):
            self.story.add(Paragraph(linked(entry, self._urls), style, bulletText=f"{number}."))


def _source_numbers(brief: BriefView) -> dict[int, int]:
    # The order of cite.sources_list: each source version once, by first citation.
    numbers: dict[int, int] = {}
    for source_id in _cited_ids(brief.items(), brief):
        numbers.setdefault(source_id, len(numbers) + 1)
    return numbers


def _cited_ids(items: Iterable[ItemView], brief: BriefView) -> Iterable[int]:
    for item in items:
        if item.anchor is not None and item.anchor.source_id in brief.sources:
            yield item.anchor.source_id
