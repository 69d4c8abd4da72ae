"""The brief-editing API: briefs, sections, items, undo records, row versions, refresh."""

import datetime as dt
import multiprocessing

import pytest
from sqlalchemy.engine import Engine

from briefing import compose
from briefing.brief_view import load_brief
from briefing.errors import ConflictError, InputError, NotFoundError
from briefing.ingest import read_paste
from briefing.library import add_source
from briefing.refresh import refresh_brief

BLINKEN = "The world expects us to responsibly manage our relationship,"


def _titles(engine: Engine, brief_id: int) -> list[str]:
    return [s.title for s in load_brief(engine, brief_id).sections]


def _texts(engine: Engine, brief_id: int, section: str) -> list[str]:
    view = load_brief(engine, brief_id)
    return [i.text for s in view.sections if s.title == section for i in s.items]


def test_templates_create_their_sections(library: Engine) -> None:
    standard = compose.new_brief(library, "A", "standard").brief_id
    memo = compose.new_brief(library, "B", "memo").brief_id
    assert _titles(library, standard) == [
        "Bottom line",
        "Background",
        "Key points",
        "What they said",
        "Outlook",
    ]
    assert _titles(library, memo) == ["Issue", "Bottom line", "Background", "Recommendation"]
    bottom = load_brief(library, standard).sections[0]
    assert bottom.budget_lines == 4


def test_bad_brief_arguments_are_one_sentence(library: Engine) -> None:
    with pytest.raises(InputError, match="needs a title"):
        compose.new_brief(library, "  ")
    with pytest.raises(InputError, match="No template named 'poster'"):
        compose.new_brief(library, "T", "poster")
    with pytest.raises(NotFoundError, match="No brief with id 999"):
        compose.add_note(library, 999, "Outlook", "x")


def test_seed_quote_gets_speaker_role_and_anchor(
    library: Engine, seed_id: int, brief_id: int
) -> None:
    change = compose.add_match(library, brief_id, "What they said", seed_id, BLINKEN)
    item = load_brief(library, brief_id).items()[0]
    assert change.ids == (item.id,)
    assert item.kind == "quote"
    assert item.text == BLINKEN.rstrip(",")
    assert item.speaker == "Antony Blinken"
    assert item.speaker_role == "U.S. Secretary of State"
    assert item.anchor is not None
    assert item.anchor.exact == BLINKEN
    assert len(item.anchor.prefix) == 32
    assert item.verification.ok


def test_selection_outside_quotes_becomes_a_fact(
    library: Engine, seed_id: int, brief_id: int
) -> None:
    compose.add_match(library, brief_id, "Key points", seed_id, "for 12 hours last weekend")
    item = load_brief(library, brief_id).items()[0]
    assert item.kind == "fact"
    assert item.speaker is None


def test_match_not_in_source_is_refused(library: Engine, seed_id: int, brief_id: int) -> None:
    with pytest.raises(InputError, match="does not occur in source"):
        compose.add_match(library, brief_id, "Key points", seed_id, "a sentence nobody wrote")
    with pytest.raises(InputError, match="outside source"):
        compose.add_excerpt(library, brief_id, "Key points", seed_id, 10, 10**6)
    assert load_brief(library, brief_id).items() == []


def test_edit_move_remove_restore(library: Engine, seed_id: int, brief_id: int) -> None:
    q = compose.add_match(library, brief_id, "What they said", seed_id, BLINKEN).ids[0]
    n1 = compose.add_note(library, brief_id, "Outlook", "First note").ids[0]
    n2 = compose.add_note(library, brief_id, "Outlook", "Second note").ids[0]
    edit = compose.edit_item(library, q, text="The world wants us to manage it")
    assert edit.before == {"text": BLINKEN.rstrip(",")}
    failing = load_brief(library, brief_id).failing()
    assert [i.id for i in failing] == [q]
    compose.edit_item(library, q, **edit.before)
    assert load_brief(library, brief_id).failing() == []

    outlook = load_brief(library, brief_id).sections[4]
    compose.move_item(library, n2, outlook.id, 0)
    assert _texts(library, brief_id, "Outlook") == ["Second note", "First note"]
    said = load_brief(library, brief_id).sections[3]
    compose.move_item(library, n1, said.id, 0)
    assert _texts(library, brief_id, "What they said") == ["First note", BLINKEN.rstrip(",")]

    removed = compose.remove_item(library, n1)
    assert _texts(library, brief_id, "What they said") == [BLINKEN.rstrip(",")]
    compose.restore(library, removed)
    assert _texts(library, brief_id, "What they said") == ["First note", BLINKEN.rstrip(",")]


def test_sections_add_rename_move_remove_restore(library: Engine, brief_id: int) -> None:
    added = compose.add_section(library, brief_id, "Annex", position=0)
    sid = added.ids[0]
    compose.add_note(library, brief_id, sid, "In the annex")
    compose.rename_section(library, sid, "Annex A")
    compose.move_section(library, sid, 99)
    assert _titles(library, brief_id)[-1] == "Annex A"
    removed = compose.remove_section(library, sid)
    assert "Annex A" not in _titles(library, brief_id)
    compose.restore(library, removed)
    assert _titles(library, brief_id)[-1] == "Annex A"
    assert _texts(library, brief_id, "Annex A") == ["In the annex"]
    positions = [s.position for s in load_brief(library, brief_id).sections]
    assert positions == list(range(len(positions)))


def test_stale_row_version_is_refused(library: Engine, brief_id: int) -> None:
    version = load_brief(library, brief_id).row_version
    compose.add_note(library, brief_id, "Outlook", "mine", expected_version=version)
    with pytest.raises(ConflictError, match="changed elsewhere"):
        compose.add_note(library, brief_id, "Outlook", "theirs", expected_version=version)
    assert _texts(library, brief_id, "Outlook") == ["mine"]


def test_metadata_and_as_of_default(library: Engine, seed_id: int, brief_id: int) -> None:
    compose.add_match(library, brief_id, "Key points", seed_id, "for 12 hours last weekend")
    assert load_brief(library, brief_id).as_of == dt.date(2023, 9, 19)
    compose.update_brief(library, brief_id, as_of=dt.date(2023, 10, 1), marking="SECRET")
    view = load_brief(library, brief_id)
    assert (view.as_of, view.marking) == (dt.date(2023, 10, 1), "SECRET")
    with pytest.raises(InputError, match="citation style"):
        compose.update_brief(library, brief_id, citation_style="mla")


def test_corroboration_counts_other_sources(library: Engine, seed_id: int, brief_id: int) -> None:
    copy = (
        "Another outlet ran the wire copy.\n\n"
        "“The world needs stable and healthy China-U.S. relations,” Han said on Monday."
    )
    other = add_source(library, read_paste(copy, "Syndicated copy")).source.id
    compose.add_match(
        library, brief_id, "What they said", seed_id, "The world needs stable and healthy"
    )
    item = load_brief(library, brief_id).items()[0]
    assert item.corroborated_by == (other,)


def test_refresh_reports_kept_moved_orphaned(library: Engine, brief_id: int) -> None:
    old = "Intro line here.\n\n“We will keep talking,” she said.\n\nThe talks end Friday."
    sid = add_source(library, read_paste(old, "Talks")).source.id
    assert sid is not None
    keep = compose.add_match(library, brief_id, "Key points", sid, "Intro line here.").ids[0]
    move = compose.add_match(library, brief_id, "Key points", sid, "We will keep talking").ids[0]
    gone = compose.add_match(library, brief_id, "Key points", sid, "The talks end Friday.").ids[0]
    new = "Intro line here.\n\nA new paragraph.\n\n“We will keep talking,” she said."
    from briefing.library import add_source as add

    add(library, read_paste(new, "Talks, updated"), version_of=sid)
    result = refresh_brief(library, brief_id)
    assert dict(result.outcomes) == {keep: "kept", move: "moved", gone: "orphaned"}
    view = load_brief(library, brief_id)
    orphan = next(i for i in view.items() if i.id == gone)
    assert orphan.orphaned
    assert not orphan.verification.ok
    moved = next(i for i in view.items() if i.id == move)
    assert moved.anchor is not None
    assert moved.anchor.source_id != sid
    assert moved.verification.ok


def _add_notes(url: str, brief_id: int, worker: int, count: int) -> None:
    from briefing.store import open_engine

    engine = open_engine(url)
    for n in range(count):
        compose.add_note(engine, brief_id, "Outlook", f"w{worker}-{n}")
    engine.dispose()


def test_two_processes_adding_at_once_lose_nothing(engine: Engine, db_url: str) -> None:
    brief_id = compose.new_brief(engine, "Shared").brief_id
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_add_notes, args=(db_url, brief_id, w, 25)) for w in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
        assert w.exitcode == 0
    texts = _texts(engine, brief_id, "Outlook")
    assert sorted(texts) == sorted(f"w{w}-{n}" for w in range(2) for n in range(25))
    outlook = load_brief(engine, brief_id).sections[4]
    assert [i.position for i in outlook.items] == list(range(50))
    assert load_brief(engine, brief_id).row_version == 51


def test_resolved_dates_shown_in_items_when_asked(
    library: Engine, seed_id: int, brief_id: int
) -> None:
    from briefing.export.common import display_text

    match = "met with Chinese Vice President Han Zheng on Monday"
    compose.add_match(library, brief_id, "Background", seed_id, match)
    view = load_brief(library, brief_id)
    item = view.items()[0]
    assert item.dates == (("on Monday", "2023-09-18"),)
    assert display_text(item, view) == match
    compose.update_brief(library, brief_id, show_resolved_dates=True)
    view = load_brief(library, brief_id)
    shown = display_text(view.items()[0], view)
    assert shown == match + " [18 Sep 2023]"
    # The bracketed insertion is itself within the quotation rule.
    from briefing.anchors import verify_text

    assert verify_text(shown, match).ok
