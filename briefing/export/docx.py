"""Word (DOCX) export of a brief: styles, marking banners, footnotes, sources and excerpts."""

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from briefing.cite import Citation, Citer, in_text_parts, sources_list, speaker_line
from briefing.export.common import (
    UNVERIFIED_MARK,
    ExportResult,
    atomic_target,
    display_text,
    metadata_rows,
    refuse_unverified,
    safe_text,
)
from briefing.export.docx_appendix import Excerpt, add_appendix
from briefing.export.docx_notes import Footnotes
from briefing.export.docx_runs import RED, Look, append_external_link, append_internal_link
from briefing.export.docx_runs import append_text as _append_text
from briefing.export.docx_styles import (
    HEADING_1,
    LANGUAGE,
    LIST_BULLET,
    LIST_NUMBER,
    METADATA,
    QUOTE,
    SPEAKER,
    TITLE,
    add_page_furniture,
    add_paragraph,
    prepare_styles,
)
from briefing.views import BriefView, ItemView

# Paragraph style per item kind (DESIGN.md, Exports: real Word styles).
_KIND_STYLES = {"quote": QUOTE, "fact": LIST_BULLET, "note": LIST_BULLET}
SOURCES_HEADING = "Sources"
UNTITLED = "Untitled brief"
_MAX_PROPERTY = 255
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def export_docx(
    brief: BriefView, path: Path, *, allow_unverified: bool = False, appendix: bool = True
) -> ExportResult:
    """Write `brief` as a Word document at `path`, atomically.

    Args:
        brief: the brief to render.
        path: the .docx file to create or replace.
        allow_unverified: export items that fail verification, visibly marked, instead of
            refusing.
        appendix: add the "Source excerpts" appendix the citations link to.

    Raises:
        ExportError: items fail verification (and are not allowed), or the file cannot be
            written; any earlier file at `path` is left as it was.
    """
    failing = refuse_unverified(brief, allow_unverified)
    document = build_document(brief, {item.id for item in failing}, appendix=appendix)
    with atomic_target(Path(path)) as tmp:
        document.save(str(tmp))
    warnings = (
        (f"{len(failing)} unverified item(s) are marked {UNVERIFIED_MARK} in the document.",)
        if failing
        else ()
    )
    return ExportResult(path=Path(path), warnings=warnings)


def build_document(brief: BriefView, unverified: set[int], *, appendix: bool = True) -> Any:
    """The python-docx Document for `brief`, not yet saved."""
    document = docx.Document()
    _drop_template_leftovers(document)
    prepare_styles(document)
    _set_properties(document, brief)
    add_page_furniture(document, brief.marking)
    writer = _Writer(document, brief, unverified, appendix)
    writer.write_front_matter()
    for section in brief.sections:
        if section.items:
            writer.text(add_paragraph(document, HEADING_1), section.title)
            for item in section.items:
                writer.write_item(item)
    writer.write_sources()
    add_appendix(document, writer.excerpts if appendix else [])
    return document


@dataclass
class _Writer:
    """Renders a brief's body into a document, numbering citations as it goes."""

    document: Any
    brief: BriefView
    unverified: set[int]
    appendix: bool
    citer: Citer = field(init=False)
    notes: Footnotes | None = field(init=False, default=None)
    excerpts: list[Excerpt] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self.citer = Citer(self.brief)

    def text(self, paragraph: Any, text: str, look: Look | None = None) -> list[Any]:
        return _append_text(paragraph._p, paragraph, text, look or Look())

    def write_front_matter(self) -> None:
        title = add_paragraph(self.document, TITLE)
        self.text(title, safe_text(self.brief.title).strip() or UNTITLED)
        for label, value in metadata_rows(self.brief):
            line = add_paragraph(self.document, METADATA)
            self.text(line, f"{label}: ", Look(bold=True))
            self.text(line, value)

    def write_item(self, item: ItemView) -> None:
        paragraph = add_paragraph(self.document, _KIND_STYLES.get(item.kind, LIST_BULLET))
        if item.id in self.unverified:
            self.text(paragraph, f"{UNVERIFIED_MARK} ", Look(bold=True, color=RED))
        if self.brief.portion_marks:
            self.text(paragraph, f"({item.portion_mark or 'U'}) ")
        shown = display_text(item, self.brief)
        if item.kind == "quote":
            shown = f"“{shown}”"
        self._write_cited(paragraph, item, shown)
        if item.id in self.unverified and item.verification.problem:
            self.text(paragraph, f" ({item.verification.problem})", Look(italic=True, color=RED))
        if item.kind == "quote":
            self._write_speaker(item)

    def _write_cited(self, paragraph: Any, item: ItemView, shown: str) -> None:
        citation = self.citer.cite(item)
        if citation is None or item.anchor is None:
            self.text(paragraph, shown)
            return
        excerpt = Excerpt(
            len(self.excerpts) + 1, self.brief.sources[citation.source_id], item.anchor
        )
        self.excerpts.append(excerpt)
        if citation.number is not None and citation.note is not None:
            self.text(paragraph, shown)
            self._write_note(paragraph, citation, excerpt)
            return
        lead, words, tail = in_text_parts(shown, citation.in_text or "", self.citer.style)
        self.text(paragraph, lead)
        self._link(paragraph, words, excerpt, citation.url)
        self.text(paragraph, tail)

    def _link(self, paragraph: Any, words: str, excerpt: Excerpt, url: str | None) -> None:
        # In-text citations lead to the excerpt when there is an appendix, else to the web.
        if self.appendix:
            append_internal_link(paragraph, excerpt.bookmark, words)
        elif url:
            append_external_link(paragraph, self.document.part, url, words)
        else:
            self.text(paragraph, words)

    def _write_note(self, paragraph: Any, citation: Citation, excerpt: Excerpt) -> None:
        if self.notes is None:
            self.notes = Footnotes(self.document)
        note = self.notes.add(paragraph, citation.number or len(self.excerpts))
        self._text_with_link(note, self.notes.part, citation.note or "", citation.url)
        if self.appendix:
            self.text(note, " See ")
            append_internal_link(note, excerpt.bookmark, f"excerpt {excerpt.number}")
            self.text(note, ".")

    def _write_speaker(self, item: ItemView) -> None:
        source = self.brief.sources.get(item.anchor.source_id) if item.anchor else None
        line = speaker_line(item, source)
        if line:
            self.text(add_paragraph(self.document, SPEAKER), line)

    def write_sources(self) -> None:
        entries = sources_list(self.brief)
        if not entries:
            return
        self.text(add_paragraph(self.document, HEADING_1), SOURCES_HEADING)
        urls = [s.url for s in self.brief.sources.values() if s.url]
        for entry in entries:
            paragraph = add_paragraph(self.document, LIST_NUMBER)
            # The longest match, in case one source's URL is a prefix of another's.
            url = max((u for u in urls if u in entry), key=len, default=None)
            self._text_with_link(paragraph, self.document.part, entry, url)

    def _text_with_link(self, paragraph: Any, part: Any, text: str, url: str | None) -> None:
        # Notes and source entries spell their URL out; it becomes a live link in place.
        at = text.find(url) if url else -1
        if url is None or at < 0:
            self.text(paragraph, text)
            return
        self.text(paragraph, text[:at])
        append_external_link(paragraph, part, url, url)
        self.text(paragraph, text[at + len(url) :])


def _set_properties(document: Any, brief: BriefView) -> None:
    props = document.core_properties
    props.title = _property(brief.title) or UNTITLED
    props.author = _property(brief.author)
    props.last_modified_by = _property(brief.author)
    props.subject = _property(brief.purpose)
    props.comments = ""
    props.keywords = ""
    props.category = "Briefing note"
    props.language = LANGUAGE
    props.revision = max(1, brief.row_version)
    props.created = _utc(brief.created_at)
    props.modified = _utc(brief.updated_at)


def _property(text: str) -> str:
    # python-docx refuses core properties longer than 255 characters.
    return safe_text(text).strip()[:_MAX_PROPERTY]


def _utc(moment: dt.datetime) -> dt.datetime:
    # python-docx writes the time as UTC ("Z") without converting it.
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def _drop_template_leftovers(document: Any) -> None:
    # python-docx's template carries a thumbnail of some other document (file managers
    # would show it as this brief's preview) and a Word 2010 copy of the styles that
    # lacks the styles added here, which Word 2010 would read instead of styles.xml.
    for rels in (document.part.package.rels, document.part.rels):
        for r_id, rel in list(rels.items()):
            if rel.reltype in (RT.THUMBNAIL, _STYLES_WITH_EFFECTS):
                del rels[r_id]
