"""Extraction results per source version, stored and recomputed when the extractor changes."""

import json
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session

from briefing import extract
from briefing.library import published_or_today
from briefing.models import Source
from briefing.store import write_session


def analyse(source: Source) -> extract.Extraction:
    """Run the extractor on a source version."""
    return extract.extract(source.text, published_or_today(source))


def extraction_for(session: Session, source: Source) -> extract.Extraction:
    """The stored extraction for `source`, recomputed (and stored) when stale.

    Inside a write session the result is stored with that transaction; inside a
    read session it is stored by a short write of its own, so it is computed once.
    """
    if source.extraction_json and source.extractor_version == extract.EXTRACTOR_VERSION:
        return from_json(json.loads(source.extraction_json))
    result = analyse(source)
    if session.info.get("write"):
        store_extraction(session, source, result)
    else:
        _store_apart(session, source, result)
    return result


def _store_apart(session: Session, source: Source, result: extract.Extraction) -> None:
    bind = session.get_bind()
    if not isinstance(bind, Engine) or source.id is None:
        return
    payload = json.dumps(result.to_json(), ensure_ascii=False)
    with write_session(bind) as writer:
        stored = writer.get(Source, source.id)
        if stored is not None:
            stored.extraction_json = payload
            stored.extractor_version = extract.EXTRACTOR_VERSION
            writer.add(stored)


def store_extraction(session: Session, source: Source, result: extract.Extraction) -> None:
    """Keep `result` with the source version it was computed from."""
    source.extraction_json = json.dumps(result.to_json(), ensure_ascii=False)
    source.extractor_version = extract.EXTRACTOR_VERSION
    session.add(source)


def from_json(data: dict[str, Any]) -> extract.Extraction:
    """Rebuild an Extraction from its stored JSON form."""
    return extract.Extraction(
        quotes=tuple(
            extract.Quote(
                text=q["text"],
                start=q["start"],
                end=q["end"],
                speaker=q.get("speaker"),
                speaker_role=q.get("speaker_role"),
                cue=q.get("cue"),
                partial=bool(q.get("partial", False)),
                rule=q.get("rule", ""),
            )
            for q in data.get("quotes", [])
        ),
        facts=tuple(
            extract.Fact(f["text"], f["start"], f["end"], f["score"]) for f in data.get("facts", [])
        ),
        dates=tuple(
            extract.DateMention(d["text"], d["start"], d["end"], d["resolved"])
            for d in data.get("dates", [])
        ),
        people=tuple(
            extract.Person(p["name"], p.get("role"), tuple(p.get("aliases", ())))
            for p in data.get("people", [])
        ),
    )
