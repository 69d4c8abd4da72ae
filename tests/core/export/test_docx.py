"""DOCX export: structure through python-docx and the raw parts, then LibreOffice's rendering."""

import dataclasses
import datetime as dt
import io
import os
import subprocess
import tempfile
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from briefing.cite import in_text_parts
from briefing.errors import ExportError
from briefing.export.common import UNVERIFIED_MARK, safe_text
from briefing.export.docx import build_document, export_docx
from briefing.export.docx_appendix import context
from briefing.export.docx_notes import footnotes_part
from briefing.views import Anchor, BriefView, SectionView
from tests.core.export.conftest import (
    ACCENTED_NOTE,
    BLINKEN_QUOTE,
    CJK_NOTE,
    HAN_QUOTE,
    LEDGER_FACT,
    MARKUP_NOTE,
    SEED_FACT,
    SEED_FACT_PARAPHRASE,
    SEED_URL,
    build_seed_brief,
)
from tests.tools import require_tool

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}
MARKING = "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _xml(path: Path, part: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(part))


def _rels(path: Path, part: str) -> dict[str, etree._Element]:
    folder, name = part.rsplit("/", 1)
    root = _xml(path, f"{folder}/_rels/{name}.rels")
    return {rel.get("Id"): rel for rel in root}


def _text(element: etree._Element) -> str:
    return "".join(element.itertext())


def _notes(path: Path) -> dict[int, str]:
    """Footnote id -> text, the two separators left out."""
    root = _xml(path, "word/footnotes.xml")
    return {
        int(note.get(_w("id"))): _text(note).strip()
        for note in root.findall("w:footnote", NS)
        if note.get(_w("type")) is None
    }


@pytest.fixture
def seed_docx(tmp_path: Path, seed_brief: BriefView) -> Path:
    path = tmp_path / "brief.docx"
    export_docx(seed_brief, path)
    return path


# --- structure as Word sees it -----------------------------------------------------------


def test_body_uses_word_styles_in_brief_order(seed_docx: Path) -> None:
    paragraphs = [(p.style.name, p.text) for p in docx.Document(seed_docx).paragraphs]
    assert paragraphs[0] == ("Title", "Blinken–Han meeting at UNGA")
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    # The empty section is left out; Sources and the appendix close the document.
    assert headings == ["What was said", "Context", "Notes", "Sources", "Source excerpts"]
    quotes = [text for style, text in paragraphs if style == "Quote"]
    assert quotes == [f"(U) “{BLINKEN_QUOTE}”", f"(C) “{HAN_QUOTE}”"]
    bullets = [text for style, text in paragraphs if style == "List Bullet"]
    assert f"(U) {SEED_FACT_PARAPHRASE}" in bullets
    assert f"(U) {CJK_NOTE}" in bullets
    assert f"(U) {ACCENTED_NOTE}" in bullets
    assert f"(U) {MARKUP_NOTE}" in bullets
    assert "(U) Control character dropped." in bullets


def test_quote_is_followed_by_its_speaker_line(seed_docx: Path) -> None:
    paragraphs = docx.Document(seed_docx).paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.style.name == "Quote")
    assert paragraphs[at + 1].text == "— Antony Blinken, U.S. Secretary of State, 19 Sep 2023"


def test_metadata_block(seed_docx: Path) -> None:
    texts = [p.text for p in docx.Document(seed_docx).paragraphs[1:5]]
    assert texts == [
        "Prepared by: Dana Ruiz",
        "As of: 20 Sep 2023",
        "Audience: Office of the Secretary",
        "Purpose: Brief the Secretary before the APEC planning call",
    ]


def test_core_properties(seed_docx: Path, seed_brief: BriefView) -> None:
    props = docx.Document(seed_docx).core_properties
    assert props.title == seed_brief.title
    assert props.author == "Dana Ruiz"
    assert props.subject == seed_brief.purpose
    assert props.created == seed_brief.created_at
    assert props.language == "en-US"


def test_core_properties_are_utc_and_bounded(tmp_path: Path) -> None:
    created = dt.datetime(2023, 9, 20, 9, 15, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    path = tmp_path / "b.docx"
    export_docx(build_seed_brief(created_at=created, purpose="Why\x07 " * 100), path)
    props = docx.Document(path).core_properties
    assert props.created == created
    assert props.subject.startswith("Why Why")
    assert len(props.subject) <= 255


def test_styles_and_language(seed_docx: Path) -> None:
    styles = _xml(seed_docx, "word/styles.xml")
    by_id = {s.get(_w("styleId")): s for s in styles.findall("w:style", NS)}
    for style_id in ("Title", "Heading1", "ListBullet", "Quote", "FootnoteText", "Hyperlink"):
        assert style_id in by_id
    ref = by_id["FootnoteReference"]
    assert ref.find("w:rPr/w:vertAlign", NS).get(_w("val")) == "superscript"
    assert by_id["Hyperlink"].get(_w("type")) == "character"
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(_w("val")) == "en-US"


def test_template_leftovers_are_dropped(seed_docx: Path) -> None:
    with zipfile.ZipFile(seed_docx) as archive:
        names = archive.namelist()
    assert "word/stylesWithEffects.xml" not in names
    assert not [n for n in names if "thumbnail" in n]


def test_cjk_runs_carry_east_asian_font_hints(seed_docx: Path) -> None:
    body = _xml(seed_docx, "word/document.xml")
    runs = [r for r in body.iter(_w("r")) if "韩正" in _text(r)]
    assert runs
    fonts = runs[0].find("w:rPr/w:rFonts", NS)
    assert fonts.get(_w("hint")) == "eastAsia"
    assert fonts.get(_w("eastAsia"))
    # Latin text beside it stays in its own run, so it keeps the Latin font.
    assert _text(runs[0]) == "韩正"


def test_markup_like_text_stays_literal(seed_docx: Path) -> None:
    with zipfile.ZipFile(seed_docx) as archive:
        raw = archive.read("word/document.xml").decode()
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;draft&gt;" in raw
    assert "<b>" not in raw


def test_header_and_footer_carry_marking_and_page_numbers(seed_docx: Path) -> None:
    section = docx.Document(seed_docx).sections[0]
    assert section.header.paragraphs[0].text == MARKING
    assert section.header.paragraphs[0].alignment == 1  # centred
    assert section.footer.paragraphs[0].text == MARKING
    footer_xml = section.footer._element.xml
    assert " PAGE " in footer_xml
    assert " NUMPAGES " in footer_xml
    assert section.footer.paragraphs[1].text.startswith("Page ")


def test_portion_marks_off(tmp_path: Path) -> None:
    path = tmp_path / "b.docx"
    export_docx(build_seed_brief(portion_marks=False), path)
    texts = [p.text for p in docx.Document(path).paragraphs]
    assert f"“{BLINKEN_QUOTE}”" in texts
    assert not any(t.startswith("(U)") for t in texts)


# --- footnotes ---------------------------------------------------------------------------


def test_footnotes_match_references(seed_docx: Path) -> None:
    body = _xml(seed_docx, "word/document.xml")
    refs = [int(r.get(_w("id"))) for r in body.iter(_w("footnoteReference"))]
    notes = _notes(seed_docx)
    assert refs == [1, 2, 3, 4]
    assert sorted(notes) == refs
    separators = _xml(seed_docx, "word/footnotes.xml").findall("w:footnote[@w:type]", NS)
    assert [(n.get(_w("type")), n.get(_w("id"))) for n in separators] == [
        ("separator", "-1"),
        ("continuationSeparator", "0"),
    ]


def test_footnote_texts_are_chicago_notes(seed_docx: Path) -> None:
    notes = _notes(seed_docx)
    assert notes[1].startswith("Devdiscourse, “Top US diplomat Blinken meets China's VP Han")
    assert f"{SEED_URL}#:~:text=" in notes[1]
    assert notes[1].endswith("[B2] See excerpt 1.")
    # Later notes for the same source are short; the paraphrased fact still cites.
    assert notes[3] == "Devdiscourse, “Top US diplomat Blinken.” See excerpt 3."
    assert notes[4].startswith("Mara Whitfield, “Summit planning gathers pace,” Pacific Ledger")


def test_footnotes_part_is_wired_into_the_package(seed_docx: Path) -> None:
    types = _xml(seed_docx, "[Content_Types].xml")
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    assert overrides["/word/footnotes.xml"] == FOOTNOTES_CT
    rels = _rels(seed_docx, "word/document.xml").values()
    assert any(
        r.get("Target") == "footnotes.xml" and r.get("Type").endswith("/footnotes") for r in rels
    )
    settings = _xml(seed_docx, "word/settings.xml")
    ids = [f.get(_w("id")) for f in settings.findall("w:footnotePr/w:footnote", NS)]
    assert ids == ["-1", "0"]
    paragraph_styles = {
        p.get(_w("val")) for p in _xml(seed_docx, "word/footnotes.xml").iter(_w("pStyle"))
    }
    assert paragraph_styles == {"FootnoteText"}


def test_note_urls_are_external_links_from_the_footnotes_part(seed_docx: Path) -> None:
    notes = _xml(seed_docx, "word/footnotes.xml")
    rels = _rels(seed_docx, "word/footnotes.xml")
    links = [h for h in notes.iter(_w("hyperlink")) if h.get(f"{{{R}}}id")]
    assert len(links) == 2  # the two first (full) notes carry a URL
    for link in links:
        rel = rels[link.get(f"{{{R}}}id")]
        assert rel.get("TargetMode") == "External"
        assert rel.get("Target") == _text(link)
        assert "#:~:text=" in rel.get("Target")
        assert link.find("w:r/w:rPr/w:rStyle", NS).get(_w("val")) == "Hyperlink"


def test_reopened_document_keeps_its_footnotes(seed_docx: Path, tmp_path: Path) -> None:
    reopened = docx.Document(seed_docx)
    part = footnotes_part(reopened)
    assert part is not None
    assert str(part.partname) == "/word/footnotes.xml"
    again = tmp_path / "again.docx"
    reopened.save(again)
    assert _notes(again) == _notes(seed_docx)


# --- appendix and links --------------------------------------------------------------------


def test_appendix_highlights_and_bookmarks_each_cited_passage(seed_docx: Path) -> None:
    body = _xml(seed_docx, "word/document.xml")
    starts = body.findall(".//w:bookmarkStart", NS)
    names = [b.get(_w("name")) for b in starts]
    assert names == ["excerpt_1", "excerpt_2", "excerpt_3", "excerpt_4"]
    assert len({b.get(_w("id")) for b in starts}) == 4
    highlighted = {}
    for start in starts:
        runs = []
        for sibling in start.itersiblings():
            if sibling.tag == _w("bookmarkEnd"):
                break
            assert sibling.find("w:rPr/w:highlight", NS).get(_w("val")) == "yellow"
            runs.append(_text(sibling))
        highlighted[start.get(_w("name"))] = "".join(runs)
    assert highlighted["excerpt_1"] == BLINKEN_QUOTE
    # A paraphrased fact shows the excerpt it stands for.
    assert highlighted["excerpt_3"] == SEED_FACT
    assert highlighted["excerpt_4"] == LEDGER_FACT


def test_appendix_shows_the_surrounding_paragraph(seed_docx: Path) -> None:
    paragraphs = [p.text for p in docx.Document(seed_docx).paragraphs]
    at = paragraphs.index("Source excerpts")
    assert paragraphs[at + 1] == "Excerpt 1: Devdiscourse, “Top US diplomat Blinken.”"
    assert paragraphs[at + 2].startswith(f'"{BLINKEN_QUOTE}" Blinken said in brief remarks')


def _anchor(text: str, exact: str, start: int | None = None) -> Anchor:
    start = text.index(exact) if start is None else start
    return Anchor(1, start, start + len(exact), exact, "", "")


def test_context_is_the_surrounding_paragraph() -> None:
    text = "First para.\n\nBefore the passage after.\n\nLast para."
    assert context(text, _anchor(text, "the passage")) == ("Before ", "the passage", " after.")
    spanning = _anchor(text, "para.\n\nBefore")
    assert context(text, spanning) == ("First ", "para.\n\nBefore", " the passage after.")


def test_context_survives_stale_offsets() -> None:
    text = "Edited lead. Before the passage after."
    moved = _anchor(text, "the passage", start=0)
    assert context(text, moved) == ("Edited lead. Before ", "the passage", " after.")
    gone = _anchor(text, "a removed sentence", start=5)
    assert context(text, gone) == ("", "a removed sentence", "")


def test_internal_links_point_at_existing_bookmarks(seed_docx: Path) -> None:
    bookmarks = {
        b.get(_w("name")) for b in _xml(seed_docx, "word/document.xml").iter(_w("bookmarkStart"))
    }
    anchors = [
        h.get(_w("anchor")) for h in _xml(seed_docx, "word/footnotes.xml").iter(_w("hyperlink"))
    ]
    anchors = [a for a in anchors if a]
    assert anchors == ["excerpt_1", "excerpt_2", "excerpt_3", "excerpt_4"]
    assert set(anchors) <= bookmarks


def test_without_appendix_there_are_no_bookmarks(tmp_path: Path, seed_brief: BriefView) -> None:
    path = tmp_path / "b.docx"
    export_docx(seed_brief, path, appendix=False)
    assert not list(_xml(path, "word/document.xml").iter(_w("bookmarkStart")))
    assert "Source excerpts" not in [p.text for p in docx.Document(path).paragraphs]
    assert all("See excerpt" not in text for text in _notes(path).values())


def test_sources_list_with_grades(seed_docx: Path) -> None:
    doc = docx.Document(seed_docx)
    entries = [p.text for p in doc.paragraphs if p.style.name == "List Number"]
    assert len(entries) == 2
    assert entries[0].startswith("Devdiscourse, “Top US diplomat")
    assert entries[0].endswith("Reliability: B2.")
    assert entries[1].endswith("Reliability: C3.")


@pytest.mark.parametrize(
    ("style", "blinken", "ledger"),
    [
        (
            "author-date",
            f"(U) “{BLINKEN_QUOTE}” (Devdiscourse 2023)",
            f"(U) {LEDGER_FACT} (Mara Whitfield 2023)",
        ),
        (
            "inline",
            f"(U) “{BLINKEN_QUOTE}” Devdiscourse reported on 19 Sep 2023.",
            f"(U) {LEDGER_FACT}, Pacific Ledger reported on 20 Sep 2023.",
        ),
    ],
)
def test_in_text_styles(tmp_path: Path, style: str, blinken: str, ledger: str) -> None:
    path = tmp_path / f"{style}.docx"
    export_docx(build_seed_brief(citation_style=style), path)
    doc = docx.Document(path)
    texts = [p.text for p in doc.paragraphs]
    assert blinken in texts
    assert ledger in texts
    assert footnotes_part(doc) is None
    # The in-text citation links to the highlighted excerpt.
    anchors = [h.get(_w("anchor")) for h in _xml(path, "word/document.xml").iter(_w("hyperlink"))]
    assert [a for a in anchors if a] == ["excerpt_1", "excerpt_2", "excerpt_3", "excerpt_4"]


def test_in_text_citations_link_to_the_web_without_appendix(tmp_path: Path) -> None:
    path = tmp_path / "inline.docx"
    export_docx(build_seed_brief(citation_style="inline"), path, appendix=False)
    rels = _rels(path, "word/document.xml")
    links = list(_xml(path, "word/document.xml").iter(_w("hyperlink")))
    targets = [rels[h.get(f"{{{R}}}id")].get("Target") for h in links if h.get(f"{{{R}}}id")]
    assert any(t.startswith(f"{SEED_URL}#:~:text=The%20world%20expects") for t in targets)
    assert not [h for h in links if h.get(_w("anchor"))]


@pytest.mark.parametrize(
    ("text", "style", "parts"),
    [
        ("Talks ran long.", "author-date", ("Talks ran long ", "(X 2023)", ".")),
        ("“Face to face,”", "author-date", ("“Face to face,” ", "(X 2023)", "")),
        ("Talks ran long.", "inline", ("Talks ran long, ", "X reported", ".")),
        ("“Face to face,”", "inline", ("“Face to face,” ", "X reported", ".")),
    ],
)
def test_in_text_parts(text: str, style: str, parts: tuple[str, str, str]) -> None:
    words = parts[1]
    assert in_text_parts(text, words, style) == parts


def test_paraphrase_author_date_keeps_full_stop_after_key(tmp_path: Path) -> None:
    path = tmp_path / "ad.docx"
    export_docx(build_seed_brief(citation_style="author-date"), path)
    texts = [p.text for p in docx.Document(path).paragraphs]
    assert (
        "(U) Sullivan and Wang Yi held 12 hours of talks in Malta last weekend (Devdiscourse 2023)."
        in texts
    )


def test_brief_without_citations_has_no_notes_or_sources(tmp_path: Path) -> None:
    brief = build_seed_brief()
    notes_only = tuple(
        dataclasses.replace(s, items=tuple(i for i in s.items if i.kind == "note"))
        for s in brief.sections
    )
    path = tmp_path / "notes.docx"
    export_docx(dataclasses.replace(brief, sections=notes_only, marking=""), path)
    doc = docx.Document(path)
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Context", "Notes"]
    assert footnotes_part(doc) is None
    assert doc.sections[0].header.paragraphs[0].text == ""


# --- safety --------------------------------------------------------------------------------


def test_unverified_items_are_refused(tmp_path: Path, failing_seed_brief: BriefView) -> None:
    path = tmp_path / "b.docx"
    path.write_bytes(b"earlier export")
    with pytest.raises(ExportError, match="do not match their sources"):
        export_docx(failing_seed_brief, path)
    assert path.read_bytes() == b"earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["b.docx"]


def test_allowed_unverified_items_are_marked(tmp_path: Path, failing_seed_brief: BriefView) -> None:
    path = tmp_path / "b.docx"
    result = export_docx(failing_seed_brief, path, allow_unverified=True)
    assert result.warnings
    quote = next(p for p in docx.Document(path).paragraphs if p.style.name == "Quote")
    mark = quote.runs[0]
    assert mark.text == f"{UNVERIFIED_MARK} "
    assert mark.bold
    assert str(mark.font.color.rgb) == "C00000"
    assert "“responsibly” is missing after “us to”." in quote.text
    others = [p.text for p in docx.Document(path).paragraphs if UNVERIFIED_MARK in p.text]
    assert len(others) == 1


def test_missing_folder_is_a_clear_error(tmp_path: Path, seed_brief: BriefView) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_docx(seed_brief, tmp_path / "nowhere" / "b.docx")


def test_failed_replace_leaves_earlier_file(
    tmp_path: Path, seed_brief: BriefView, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "b.docx"
    export_docx(build_seed_brief(title="Earlier"), path)
    before = path.read_bytes()

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="Cannot replace"):
        export_docx(seed_brief, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["b.docx"]


def test_unwritable_folder_leaves_earlier_file(
    tmp_path: Path, seed_brief: BriefView, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root ignores folder permissions, so the refusal is simulated where it happens.
    path = tmp_path / "b.docx"
    path.write_bytes(b"earlier export")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError, match="Cannot write in"):
        export_docx(seed_brief, path)
    assert path.read_bytes() == b"earlier export"


def test_folder_as_target_is_a_clear_error(tmp_path: Path, seed_brief: BriefView) -> None:
    with pytest.raises(ExportError, match="it is a folder"):
        export_docx(seed_brief, tmp_path)


def _export_refused(brief: BriefView, path: Path) -> bool:
    # Root ignores folder permissions (and CI runs as root): try as "nobody" in a child.
    if os.geteuid() != 0:
        with pytest.raises(ExportError, match="Cannot write"):
            export_docx(brief, path)
        return True
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child reports through its exit status
        os.setgid(65534)
        os.setuid(65534)
        try:
            export_docx(brief, path)
        except ExportError as exc:
            os._exit(0 if "Cannot write" in str(exc) else 2)
        os._exit(1)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0


def test_read_only_folder_leaves_earlier_file(tmp_path: Path, seed_brief: BriefView) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    for parent in (folder, *folder.parents):
        if str(parent).startswith(str(tmp_path.parent.parent)):
            parent.chmod(parent.stat().st_mode | 0o055)  # others may look, not write
    path = folder / "b.docx"
    path.write_bytes(b"earlier export")
    folder.chmod(0o555)
    try:
        assert _export_refused(seed_brief, path)
    finally:
        folder.chmod(0o700)
    assert path.read_bytes() == b"earlier export"


_NOTE_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=60)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_NOTE_TEXT)
def test_any_note_text_exports(text: str) -> None:
    brief = build_seed_brief()
    notes = brief.sections[3]
    item = dataclasses.replace(notes.items[0], text=text)
    section = SectionView(notes.id, text or "Notes", notes.position, None, (item,))
    seed = dataclasses.replace(brief.sources[11], title=text, url=f"https://e.org/{text}")
    brief = dataclasses.replace(
        brief,
        title=text,
        marking=text,
        sections=(brief.sections[0], section),
        sources={**brief.sources, 11: seed},
    )
    stream = io.BytesIO()
    build_document(brief, set()).save(stream)
    stream.seek(0)
    texts = [p.text for p in docx.Document(stream).paragraphs]
    expected = safe_text(text)
    assert f"(U) {expected}" in texts


# --- LibreOffice rendering -----------------------------------------------------------------


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The seed brief exported and converted to PDF by LibreOffice once per module."""
    soffice, pdftotext = require_tool("soffice"), require_tool("pdftotext")
    folder = tmp_path_factory.mktemp("docx-render")
    source = folder / "brief.docx"
    export_docx(build_seed_brief(), source)
    profile = (folder / "lo-profile").as_uri()
    converted = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    pdf = folder / "brief.pdf"
    # soffice exits 0 even when it could not load the file; say what it printed.
    assert pdf.exists(), converted.stderr.decode(errors="replace") or converted.stdout.decode()
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, timeout=60
    ).stdout.decode()
    return pdf, text


def test_libreoffice_renders_body_and_banners(rendered: tuple[Path, str]) -> None:
    _, text = rendered
    flat = " ".join(text.split())
    assert "Blinken–Han meeting at UNGA" in flat
    assert text.count(MARKING) >= 2
    assert "Page 1 of" in flat
    assert f"“{BLINKEN_QUOTE}”" in flat
    assert "— Antony Blinken, U.S. Secretary of State, 19 Sep 2023" in flat
    assert "韩正 met 王毅" in flat
    assert "José Álvarez" in flat
    assert "<b>bold</b> & <draft>" in flat
    assert "Source excerpts" in flat


def test_libreoffice_renders_the_footnotes(rendered: tuple[Path, str]) -> None:
    _, text = rendered
    flat = " ".join(text.split())
    assert "Devdiscourse, “Top US diplomat Blinken.” See excerpt 3." in flat
    assert "Mara Whitfield, “Summit planning gathers pace,” Pacific Ledger" in flat
    assert "https://ledger.example.org/2023/09/summit" in flat
    assert "[B2] See excerpt 1." in flat


def test_libreoffice_keeps_the_links(rendered: tuple[Path, str]) -> None:
    # LibreOffice writes link annotations as plain PDF objects; a dropped link would be
    # missing here even though its text still shows.
    pdf = rendered[0].read_bytes()
    assert b"/URI(https://ledger.example.org/2023/09/summit-planning#:~:text=" in pdf
    assert pdf.count(b"/Dest[") >= 4  # the "See excerpt n" links into the appendix
