"""Re-anchoring a brief's items on the newest versions of their sources (`brief refresh`)."""

from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlmodel import Session

from briefing.anchors import reanchor
from briefing.compose import (
    Change,
    brief_sections,
    bump_version,
    lock_brief,
    require_id,
    section_items,
)
from briefing.library import newest_version
from briefing.models import Item
from briefing.store import write_session
from briefing.views import Anchor


@dataclass(frozen=True)
class Refreshed:
    """How each anchored item fared on its source's newest version."""

    change: Change | None
    outcomes: tuple[tuple[int, str], ...]  # (item id, kept | moved | orphaned)


def refresh_brief(engine: Engine, brief_id: int, expected_version: int | None = None) -> Refreshed:
    """Re-anchor every quote and fact on the newest version of its source.

    An item that cannot be re-found stays on its old version, marked orphaned:
    it is reported, never attached elsewhere.
    """
    with write_session(engine) as session:
        brief = lock_brief(session, brief_id, expected_version)
        outcomes = []
        for section in brief_sections(session, brief_id):
            for item in section_items(session, require_id(section.id)):
                if item.source_id is not None:
                    outcomes.append((require_id(item.id), _refresh_item(session, item)))
        changed = any(status != "kept" for _, status in outcomes)
        version = bump_version(session, brief) if changed else brief.row_version
        ids = tuple(item_id for item_id, _ in outcomes)
        return Refreshed(Change(brief_id, version, "item", "edited", ids), tuple(outcomes))


def _refresh_item(session: Session, item: Item) -> str:
    assert item.source_id is not None
    newest = newest_version(session, item.source_id)
    if newest.id == item.source_id and not item.orphaned:
        return "kept"
    result = reanchor(item_anchor(item), require_id(newest.id), newest.text, item.text)
    if result.anchor is None:
        item.orphaned = True
        session.add(item)
        return "orphaned"
    anchor = result.anchor
    item.source_id, item.orphaned = anchor.source_id, False
    item.anchor_start, item.anchor_end = anchor.start, anchor.end
    item.anchor_exact, item.anchor_prefix, item.anchor_suffix = (
        anchor.exact,
        anchor.prefix,
        anchor.suffix,
    )
    session.add(item)
    return result.status


def item_anchor(item: Item) -> Anchor:
    """The anchor stored on an item row (quotes and facts only)."""
    assert item.source_id is not None
    assert item.anchor_start is not None
    assert item.anchor_end is not None
    assert item.anchor_exact is not None
    return Anchor(
        item.source_id,
        item.anchor_start,
        item.anchor_end,
        item.anchor_exact,
        item.anchor_prefix or "",
        item.anchor_suffix or "",
    )
