"""Plain-text and JSON renderings of a brief for `brief show`."""

from typing import Any

from briefing.cite import speaker_line
from briefing.export.common import display_text
from briefing.views import BriefView, ItemView


def item_json(item: ItemView) -> dict[str, Any]:
    """One item as `brief show --json` prints it."""
    anchor = None
    if item.anchor is not None:
        a = item.anchor
        anchor = {
            "source_id": a.source_id,
            "start": a.start,
            "end": a.end,
            "exact": a.exact,
            "prefix": a.prefix,
            "suffix": a.suffix,
        }
    return {
        "id": item.id,
        "kind": item.kind,
        "text": item.text,
        "paraphrase": item.paraphrase,
        "speaker": item.speaker,
        "speaker_role": item.speaker_role,
        "portion_mark": item.portion_mark,
        "anchor": anchor,
        "verified": item.verification.ok,
        "problem": item.verification.problem,
        "orphaned": item.orphaned,
        "dates": [{"text": t, "resolved": r} for t, r in item.dates],
        "corroborated_by": list(item.corroborated_by),
    }


def brief_json(brief: BriefView) -> dict[str, Any]:
    """The brief as `brief show --json` prints it: metadata, sections with items."""
    return {
        "id": brief.id,
        "title": brief.title,
        "purpose": brief.purpose,
        "audience": brief.audience,
        "author": brief.author,
        "as_of": brief.as_of.isoformat() if brief.as_of else None,
        "marking": brief.marking,
        "portion_marks": brief.portion_marks,
        "template": brief.template,
        "citation_style": brief.citation_style,
        "row_version": brief.row_version,
        "sections": [
            {
                "id": s.id,
                "title": s.title,
                "position": s.position,
                "items": [item_json(i) for i in s.items],
            }
            for s in brief.sections
        ],
    }


def brief_text(brief: BriefView) -> str:
    """A readable outline of the brief, item ids in brackets."""
    lines = []
    if brief.marking:
        lines.append(brief.marking)
    lines.append(brief.title)
    meta = [f"as of {brief.as_of:%d %b %Y}" if brief.as_of else "", brief.author]
    lines.append(" · ".join(m for m in meta if m))
    for section in brief.sections:
        lines.append("")
        lines.append(section.title.upper())
        for item in section.items:
            lines.extend(_item_lines(brief, item))
    return "\n".join(lines)


def _item_lines(brief: BriefView, item: ItemView) -> list[str]:
    mark = "" if item.verification.ok else "  [FAILS CHECK]"
    shown = display_text(item, brief)
    text = f"“{shown}”" if item.kind == "quote" else shown
    out = [f"  [{item.id}] {text}{mark}"]
    if item.kind == "quote":
        source = brief.sources.get(item.anchor.source_id) if item.anchor else None
        line = speaker_line(item, source)
        if line:
            out.append(f"        {line}")
    if item.corroborated_by:
        out.append(f"        reported by {len(item.corroborated_by) + 1} sources")
    if not item.verification.ok:
        out.append(f"        {item.verification.problem}")
    return out
