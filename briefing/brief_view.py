"""Reading a brief into a BriefView: verification, dates, corroboration, cited sources."""

import datetime as dt
import re

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from briefing import analysis
from briefing.anchors import verify_anchor, verify_text
from briefing.compose import brief_sections, section_items
from briefing.errors import NotFoundError
from briefing.extract import DateMention
from briefing.library import grade_label
from briefing.models import Brief, Item, Source
from briefing.refresh import item_anchor
from briefing.store import read_session
from briefing.views import Anchor, BriefView, ItemView, SectionView, SourceRef, Verification

_WORDS = re.compile(r"\w+")
_PHRASE_WORDS = 8


def load_brief(engine: Engine, brief_id: int) -> BriefView:
    """The whole brief as a snapshot, every item verified against its source."""
    with read_session(engine) as session:
        return brief_view(session, brief_id)


def brief_view(session: Session, brief_id: int) -> BriefView:
    """Like load_brief, inside an open session."""
    brief = session.get(Brief, brief_id)
    if brief is None:
        raise NotFoundError(f"No brief with id {brief_id}; run `brief list` to see the briefs.")
    sources: dict[int, Source] = {}
    source_dates: dict[int, tuple[DateMention, ...]] = {}  # each extraction decoded once
    sections = []
    for section in brief_sections(session, brief_id):
        assert section.id is not None
        items = tuple(
            _item_view(session, item, sources, source_dates)
            for item in section_items(session, section.id)
        )
        sections.append(
            SectionView(section.id, section.title, section.position, section.budget_lines, items)
        )
    refs = {sid: _source_ref(s) for sid, s in sources.items()}
    dates = [s.published for s in sources.values() if s.published]
    return BriefView(
        id=brief_id,
        title=brief.title,
        purpose=brief.purpose,
        audience=brief.audience,
        author=brief.author,
        as_of=brief.as_of or (max(dates) if dates else None),
        marking=brief.marking,
        portion_marks=brief.portion_marks,
        template=brief.template,
        citation_style=brief.citation_style,
        show_grades=brief.show_grades,
        show_resolved_dates=brief.show_resolved_dates,
        row_version=brief.row_version,
        created_at=brief.created_at,
        updated_at=brief.updated_at,
        sections=tuple(sections),
        sources=refs,
    )


def _item_view(
    session: Session,
    item: Item,
    sources: dict[int, Source],
    source_dates: dict[int, tuple[DateMention, ...]],
) -> ItemView:
    assert item.id is not None
    anchor = None
    verification = Verification(True)
    dates: tuple[tuple[str, str], ...] = ()
    corroborated: tuple[int, ...] = ()
    said_on = None
    if item.source_id is not None and item.kind != "note":
        source = sources.get(item.source_id) or session.get(Source, item.source_id)
        assert source is not None, "items reference sources by foreign key"
        sources[item.source_id] = source
        anchor = item_anchor(item)
        verification = _verify(item, anchor, source.text)
        if item.source_id not in source_dates:
            source_dates[item.source_id] = analysis.extraction_for(session, source).dates
        found = source_dates[item.source_id]
        dates = tuple(
            (d.text, d.resolved) for d in found if anchor.start <= d.start and d.end <= anchor.end
        )
        corroborated = corroborating(session, source, anchor.exact)
        said_on = _lead_event_date(source, found) if item.kind == "quote" else None
    return ItemView(
        id=item.id,
        section_id=item.section_id,
        position=item.position,
        kind=item.kind,
        text=item.text,
        paraphrase=item.paraphrase,
        speaker=item.speaker,
        speaker_role=item.speaker_role,
        portion_mark=item.portion_mark,
        anchor=anchor,
        verification=verification,
        orphaned=item.orphaned,
        dates=dates,
        corroborated_by=corroborated,
        said_on=said_on,
    )


def _verify(item: Item, anchor: Anchor, source_text: str) -> Verification:
    located = verify_anchor(anchor, source_text)
    if not located.ok:
        return located
    if item.orphaned:
        return Verification(
            False, "Its passage is gone from the newest version of the source (orphaned)."
        )
    return verify_text(item.text, anchor.exact)


def _lead_event_date(source: Source, found: tuple[DateMention, ...]) -> dt.date | None:
    """The day the lead paragraph dates its event to ("met … on Monday"), if it does.

    Wire stories report remarks from the event of their lead, so a quote's
    speaker line carries that day rather than the publication date.
    """
    lead_end = source.text.find("\n\n")
    lead_end = len(source.text) if lead_end < 0 else lead_end
    for mention in found:
        if mention.start >= lead_end:
            break
        if len(mention.resolved) == 10 and "/" not in mention.resolved:
            day = dt.date.fromisoformat(mention.resolved)
            if source.published is None or day <= source.published:
                return day
    return None


def _source_ref(source: Source) -> SourceRef:
    assert source.id is not None
    return SourceRef(
        id=source.id,
        root_id=source.root_id,
        version=source.version,
        title=source.title,
        outlet=source.outlet,
        author=source.author,
        url=source.url,
        published=source.published,
        retrieved_at=source.retrieved_at,
        grade=grade_label(source),
        text=source.text,
    )


def corroborating(session: Session, source: Source, exact: str) -> tuple[int, ...]:
    """Other sources (root ids) in the library whose text carries the same passage."""
    words = _WORDS.findall(exact)
    if len(words) < 4:
        return ()
    candidates = _phrase_candidates(session, words[:_PHRASE_WORDS])
    needle = " ".join(words).casefold()
    roots: set[int] = set()
    for other in candidates:
        if other.root_id == source.root_id or other.root_id in roots:
            continue
        if needle in " ".join(_WORDS.findall(other.text)).casefold():
            roots.add(other.root_id)
    return tuple(sorted(roots))


def _phrase_candidates(session: Session, words: list[str]) -> list[Source]:
    if session.get_bind().dialect.name == "sqlite":
        phrase = '"' + " ".join(words) + '"'
        sql = text("SELECT rowid FROM source_fts WHERE source_fts MATCH :q LIMIT 200")
        ids = [row[0] for row in session.execute(sql, {"q": f"text : {phrase}"})]
    else:
        sql = text("SELECT id FROM source WHERE search @@ phraseto_tsquery('simple', :q) LIMIT 200")
        ids = [row[0] for row in session.execute(sql, {"q": " ".join(words)})]
    if not ids:
        return []
    return list(session.exec(select(Source).where(col(Source.id).in_(ids))))


def list_briefs(engine: Engine) -> list[Brief]:
    """Every brief, most recently changed first."""
    with read_session(engine) as session:
        return list(session.exec(select(Brief).order_by(col(Brief.updated_at).desc())))
