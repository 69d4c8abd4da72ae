"""Extraction results are stored per source version and recomputed for a new extractor."""

import json

from sqlalchemy.engine import Engine

from briefing import analysis, extract
from briefing.models import Source
from briefing.store import read_session, write_session


def test_extraction_is_stored_once_and_recomputed_when_the_extractor_changes(
    library: Engine, seed_id: int
) -> None:
    with read_session(library) as session:
        source = session.get(Source, seed_id)
        assert source is not None
        first = analysis.extraction_for(session, source)
    with read_session(library) as session:
        stored = session.get(Source, seed_id)
        assert stored is not None
        assert stored.extractor_version == extract.EXTRACTOR_VERSION
        assert analysis.from_json(json.loads(stored.extraction_json or "{}")) == first

    with write_session(library) as session:
        stale = session.get(Source, seed_id)
        assert stale is not None
        stale.extractor_version = "0.0.0-old"
        stale.extraction_json = json.dumps({"quotes": [], "facts": [], "dates": [], "people": []})
    with read_session(library) as session:
        source = session.get(Source, seed_id)
        assert source is not None
        again = analysis.extraction_for(session, source)
    assert again == first
    assert len(again.quotes) == 7
    with read_session(library) as session:
        refreshed = session.get(Source, seed_id)
        assert refreshed is not None
        assert refreshed.extractor_version == extract.EXTRACTOR_VERSION
