"""PDF export: read back with poppler (text, fonts, metadata) and pypdf (links, outline)."""

import dataclasses
import itertools
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import Destination

from briefing.errors import ExportError
from briefing.export import pdf_fonts
from briefing.export.common import UNVERIFIED_MARK, ExportResult
from briefing.export.pdf import PageFit, export_pdf, measure_fit
from briefing.export.pdf_fonts import FONT_DIR, script_runs
from briefing.export.pdf_layout import ONE_PAGE
from briefing.views import BriefView, SectionView
from tests.core.export.conftest import (
    BLINKEN_QUOTE,
    CJK_NOTE,
    HAN_QUOTE,
    MARKUP_NOTE,
    SEED_FACT_PARAPHRASE,
    SEED_URL,
    build_seed_brief,
    with_extra_facts,
    with_failing_quote,
)
from tests.tools import require_tool

MARKING = "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
NAMES = ("韩正", "王毅", "安倍晋三", "문재인", "José Álvarez", "ひらがな・カタカナ")
TYPOGRAPHY = "“Curly” ‘quotes’ — em dash – en dash … ellipsis"
RED_FILL = ".752941 0 0 rg"  # #C00000, the unverified mark's colour, as reportlab writes it


def poppler(tool: str, *args: str) -> str:
    """A poppler tool's output; its stderr must be empty (poppler reports damage there)."""
    done = subprocess.run(
        [require_tool(tool), *args], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stderr == "", done.stderr
    return done.stdout


def pdf_text(path: Path, page: int | None = None) -> str:
    """The PDF's text (one page, or all), with runs of whitespace made single spaces."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return " ".join(poppler("pdftotext", *pages, str(path), "-").split())


def page_count(path: Path) -> int:
    """The page count pdfinfo reports."""
    match = re.search(r"^Pages:\s+(\d+)$", poppler("pdfinfo", str(path)), re.M)
    assert match
    return int(match.group(1))


def page_content(path: Path, index: int) -> str:
    """The raw content stream of page `index` (0-based), for drawing operators."""
    contents = PdfReader(path).pages[index].get_contents()
    assert contents is not None
    return contents.get_data().decode("latin-1")


def assert_in_order(text: str, *parts: str) -> None:
    """Each of `parts` occurs in `text`, each after the one before."""
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"{part!r} missing after position {at}"
        at = found + len(part)


def with_notes(brief: BriefView, *texts: str) -> BriefView:
    """`brief` with its Notes section replaced by notes carrying `texts`."""
    last = brief.sections[-1]
    model = last.items[0]
    items = tuple(
        dataclasses.replace(model, id=500 + n, position=n, text=text)
        for n, text in enumerate(texts)
    )
    return dataclasses.replace(
        brief, sections=(*brief.sections[:-1], dataclasses.replace(last, items=items))
    )


@pytest.fixture
def full_pdf(tmp_path: Path) -> Path:
    """The seed brief exported in full (Chicago notes, appendix)."""
    path = tmp_path / "brief.pdf"
    result = export_pdf(build_seed_brief(), path)
    assert result == ExportResult(path=path, pages=2, warnings=())
    return path


def test_full_export_prints_everything_in_order(full_pdf: Path) -> None:
    assert page_count(full_pdf) == 2
    text = pdf_text(full_pdf, 1)
    assert_in_order(
        text,
        MARKING,
        "Blinken–Han meeting at UNGA",
        "Prepared by: Dana Ruiz",
        "As of: 20 Sep 2023",
        "Audience: Office of the Secretary",
        "What was said",
        f"(U) “{BLINKEN_QUOTE}”1",
        "— Antony Blinken, U.S. Secretary of State, 19 Sep 2023",
        f"(C) “{HAN_QUOTE}”2",
        "Context",
        f"(U) {SEED_FACT_PARAPHRASE}3",
        "Notes",
        f"(U) {CJK_NOTE}",
        "Sources",
        # Footnotes at the foot of the page, after the body, before the footer.
        "1 Devdiscourse, “Top US diplomat Blinken meets China's VP Han",
        "2 Devdiscourse, “Top US diplomat Blinken.” See excerpt 2.",
        "Page 1 of 2",
        MARKING,
    )
    assert "Empty section" not in text


def test_appendix_shows_each_passage_in_context(full_pdf: Path) -> None:
    text = pdf_text(full_pdf, 2)
    assert_in_order(
        text,
        MARKING,
        "Source excerpts",
        "Excerpt 1: Devdiscourse, “Top US diplomat Blinken.”",
        f'"{BLINKEN_QUOTE}" Blinken said in brief remarks',
        "Excerpt 4: Mara Whitfield, “Summit planning gathers pace.”",
        "Page 2 of 2",
    )
    # The highlight is a filled rectangle behind each passage.
    assert page_content(full_pdf, 1).count(" re f") >= 4


def test_every_font_is_embedded(full_pdf: Path) -> None:
    rows = poppler("pdffonts", str(full_pdf)).splitlines()[2:]
    assert rows
    names = [row.split()[0] for row in rows]
    assert any("DejaVuSans" in name for name in names)
    assert any("WenQuanYiMicroHei" in name for name in names)
    for row in rows:
        # Columns: name type encoding emb sub uni object-id; type may be two words.
        assert row.split()[-5] == "yes", row


def test_metadata_language_and_outline(full_pdf: Path) -> None:
    info = poppler("pdfinfo", str(full_pdf))
    assert re.search(r"^Title:\s+Blinken–Han meeting at UNGA$", info, re.M)
    assert re.search(r"^Author:\s+Dana Ruiz$", info, re.M)
    assert re.search(r"^Subject:\s+Brief the Secretary before the APEC planning call$", info, re.M)
    reader = PdfReader(full_pdf)
    assert str(reader.root_object["/Lang"]) == "en-US"
    entries = [entry for entry in reader.outline if isinstance(entry, Destination)]
    assert len(entries) == len(reader.outline)  # one level: no nested lists
    outline = [(entry.title, reader.get_destination_page_number(entry)) for entry in entries]
    assert outline == [
        ("What was said", 0),
        ("Context", 0),
        ("Notes", 0),
        ("Sources", 0),
        ("Source excerpts", 1),
    ]


def internal_links(path: Path) -> list[tuple[int, int]]:
    """(page index, target page index) for each link to a place in the document."""
    reader = PdfReader(path)
    page_numbers = {}
    for n, page in enumerate(reader.pages):
        assert page.indirect_reference is not None
        page_numbers[page.indirect_reference.idnum] = n
    links = []
    for number, page in enumerate(reader.pages):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            assert annot["/Subtype"] == "/Link"
            if "/Dest" in annot:
                links.append((number, page_numbers[annot["/Dest"][0].idnum]))
            else:
                assert annot["/A"]["/S"] == "/URI"  # else a web link (a source's URL)
    return links


def web_links(path: Path, index: int = 0) -> list[str]:
    """The URIs that links on page `index` open."""
    page = PdfReader(path).pages[index]
    annots = [ref.get_object() for ref in page.get("/Annots") or []]
    return [str(annot["/A"]["/URI"]) for annot in annots if "/A" in annot]


def test_citation_marks_link_to_passages_and_back(full_pdf: Path) -> None:
    links = internal_links(full_pdf)
    # Four marks and four "See excerpt" note links lead to the appendix; four labels lead back.
    assert sorted(links) == [(0, 1)] * 8 + [(1, 0)] * 4


def test_source_urls_are_web_links(full_pdf: Path) -> None:
    uris = set(web_links(full_pdf))
    # The first notes open the passage itself (text fragment); the sources list the page.
    assert (
        f"{SEED_URL}#:~:text=The%20world%20expects%20us,responsibly%20manage%20our%20relationship%2C"
        in uris
    )
    assert SEED_URL in uris
    assert "https://ledger.example.org/2023/09/summit-planning" in uris


@pytest.mark.parametrize(
    ("style", "words"),
    [
        ("author-date", "(Devdiscourse 2023)"),
        ("inline", "Devdiscourse reported on 19 Sep 2023"),
    ],
)
def test_in_text_styles_append_words_that_link(tmp_path: Path, style: str, words: str) -> None:
    path = tmp_path / f"{style}.pdf"
    export_pdf(build_seed_brief(citation_style=style), path)
    text = pdf_text(path, 1)
    assert f"{BLINKEN_QUOTE}” {words}" in text
    assert "Sources 1. " in text
    assert "See excerpt" not in text  # no footnotes in in-text styles
    links = internal_links(path)
    # Words wrapped over two lines get a link rectangle on each line.
    assert links.count((0, 1)) >= 4
    assert links.count((1, 0)) == 4
    assert set(links) == {(0, 1), (1, 0)}


def test_cjk_accents_and_typography_extract_exactly(tmp_path: Path) -> None:
    brief = with_notes(build_seed_brief(), *NAMES, TYPOGRAPHY, "문재인 met 安倍晋三 (José).")
    brief = dataclasses.replace(brief, title="韩正 and 문재인: José Álvarez’s notes")
    path = tmp_path / "cjk.pdf"
    export_pdf(brief, path)
    text = pdf_text(path)
    for name in (*NAMES, TYPOGRAPHY, "(U) 문재인 met 安倍晋三 (José)."):
        assert name in text
    assert "韩正 and 문재인: José Álvarez’s notes" in poppler("pdfinfo", str(path))
    assert text.startswith(f"{MARKING} 韩正 and 문재인: José Álvarez’s notes")


def test_cjk_runs_get_the_cjk_font() -> None:
    assert list(script_runs("Han (韩正) — 문재인")) == [
        (None, "Han ("),
        ("BriefCJK", "韩正"),
        (None, ") — "),
        ("BriefCJK", "문재인"),
    ]


@given(st.text(alphabet=st.sampled_from("Ab é,“”—  韩正文재인かな<&>"), max_size=40))
def test_script_runs_cover_the_text_exactly(value: str) -> None:
    runs = list(script_runs(value))
    assert "".join(run for _, run in runs) == value
    assert all(run for _, run in runs)
    assert all(font != next_font for (font, _), (next_font, _) in itertools.pairwise(runs))


def test_markup_like_and_control_characters_print_literally(tmp_path: Path) -> None:
    hostile = "<draft> &amp; </font><font name='x'> <a href='#x'>link</a> \x00\x07\x1b\ud800 end"
    brief = with_notes(build_seed_brief(), hostile, MARKUP_NOTE)
    brief = dataclasses.replace(brief, title="Title <b>\x0c", marking="SECRET <x> & \x01 Y")
    path = tmp_path / "markup.pdf"
    export_pdf(brief, path)
    text = pdf_text(path)
    assert "<draft> &amp; </font><font name='x'> <a href='#x'>link</a> end" in text
    assert MARKUP_NOTE in text
    assert "Title <b>" in text
    assert text.count("SECRET <x> & Y") == 4  # top and bottom of both pages


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=st.text(max_size=300), title=st.text(max_size=60))
def test_any_text_exports(tmp_path: Path, note: str, title: str) -> None:
    brief = dataclasses.replace(with_notes(build_seed_brief(), note), title=title, marking=title)
    result = export_pdf(brief, tmp_path / "any.pdf")
    assert result.pages is not None
    assert result.pages >= 2
    assert (tmp_path / "any.pdf").read_bytes().startswith(b"%PDF-")


def test_unverified_items_are_refused_and_nothing_is_written(tmp_path: Path) -> None:
    path = tmp_path / "refused.pdf"
    with pytest.raises(ExportError, match="do not match their sources"):
        export_pdf(with_failing_quote(build_seed_brief()), path)
    assert list(tmp_path.iterdir()) == []


def test_allowed_unverified_items_are_marked_in_red(tmp_path: Path) -> None:
    path = tmp_path / "marked.pdf"
    result = export_pdf(with_failing_quote(build_seed_brief()), path, allow_unverified=True)
    assert result.warnings == ("1 unverified item(s) are marked in the document.",)
    text = pdf_text(path, 1)
    assert f"{UNVERIFIED_MARK} (U) “The world expects us to manage our relationship,”1" in text
    assert "(“responsibly” is missing after “us to”.)" in text
    assert RED_FILL in page_content(path, 0)


def test_footnotes_follow_their_marks_across_pages(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    brief = with_extra_facts(build_seed_brief(), 40)
    result = export_pdf(brief, path, appendix=False)
    assert result.pages == page_count(path) >= 3
    seen: list[int] = []
    for page in range(1, page_count(path) + 1):
        text = pdf_text(path, page)
        found = list(re.finditer(r"(\d+) (?:Devdiscourse|Mara Whitfield), “", text))
        notes = [int(match.group(1)) for match in found]
        body = text[: found[0].start()] if found else text
        # Every note printed on this page belongs to a mark in this page's body.
        for number in notes:
            # A mark is a number set right after the item's last character.
            assert re.search(rf"[^\s\d]{number}(?!\d)", body), (page, number)
        seen += notes
    assert seen == list(range(1, len(seen) + 1))
    assert len(seen) == 44  # every citation: 2 quotes, 2 facts, 40 extra facts


def test_short_brief_fits_one_page(tmp_path: Path) -> None:
    brief = build_seed_brief()
    fit = measure_fit(brief)
    assert fit.fits
    assert 0.3 < fit.pages < 0.8
    assert fit.longest_section in {"What was said", "Context", "Notes"}
    assert fit.section_lines == {1: 4, 2: 3, 4: 4}
    path = tmp_path / "one.pdf"
    result = export_pdf(brief, path, one_page=True)
    assert result.pages == page_count(path) == 1
    text = pdf_text(path)
    assert "Source excerpts" not in text
    assert internal_links(path) == []
    # Compact notes: one numbered note per source; marks give the source's number.
    assert f"{BLINKEN_QUOTE}”1" in text
    assert f"{HAN_QUOTE}”1" in text
    assert "1 Devdiscourse, “Top US diplomat Blinken meets China's VP Han" in text
    assert "2 Mara Whitfield, “Summit planning gathers pace,”" in text
    assert text.count("Top US diplomat Blinken") == 1


def test_one_page_tightens_type_when_needed(tmp_path: Path) -> None:
    brief = with_extra_facts(build_seed_brief(), 20)
    assert measure_fit(brief).fits
    result = export_pdf(brief, tmp_path / "tight.pdf", one_page=True)
    assert result.pages == page_count(tmp_path / "tight.pdf") == 1
    assert result.warnings
    assert re.fullmatch(
        r"Type reduced to [\d.]+ pt to fit the brief on one page\.", result.warnings[0]
    )


def test_type_never_goes_below_readable_sizes() -> None:
    assert min(scale.body for scale in ONE_PAGE) >= 8.5
    assert min(scale.note for scale in ONE_PAGE) >= 7.5


def test_too_long_brief_is_refused_and_earlier_file_kept(tmp_path: Path) -> None:
    brief = with_extra_facts(build_seed_brief(), 40)
    fit = measure_fit(brief)
    assert not fit.fits
    assert fit.pages > 1.3
    assert fit.longest_section == "Context"
    path = tmp_path / "one.pdf"
    path.write_bytes(b"earlier")
    over = round((fit.pages - 1) * 100)
    with pytest.raises(ExportError) as raised:
        export_pdf(brief, path, one_page=True)
    message = str(raised.value)
    assert f"about {over}% of a page too long; Context is the longest section" in message
    assert path.read_bytes() == b"earlier"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.pdf"]


@pytest.mark.parametrize("extra", [21, 22, 23, 24])
def test_measure_fit_agrees_with_export(tmp_path: Path, extra: int) -> None:
    # Around the point where the seed brief stops fitting at the tightest type.
    brief = with_extra_facts(build_seed_brief(), extra)
    fit = measure_fit(brief)
    path = tmp_path / "edge.pdf"
    if fit.fits:
        assert export_pdf(brief, path, one_page=True).pages == 1
    else:
        with pytest.raises(ExportError, match="% of a page too long"):
            export_pdf(brief, path, one_page=True)
        assert not path.exists()


def test_measure_fit_of_an_empty_brief() -> None:
    empty = SectionView(id=1, title="Nothing", position=0, budget_lines=None, items=())
    fit = measure_fit(dataclasses.replace(build_seed_brief(), sections=(empty,), sources={}))
    assert fit == PageFit(pages=fit.pages, fits=True, longest_section=None, section_lines={})
    assert 0 < fit.pages < 0.2


def test_missing_folder_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_pdf(build_seed_brief(), tmp_path / "nowhere" / "brief.pdf")


def test_shipped_fonts_have_their_licenses() -> None:
    names = {path.name for path in FONT_DIR.iterdir()}
    assert {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"} <= names
    assert {"wqy-microhei.ttc", "LICENSE-DejaVu.txt", "LICENSE-WenQuanYi-MicroHei.txt"} <= names
    assert "Apache" in (FONT_DIR / "README.md").read_text(encoding="utf-8")


def test_page_one_renders(tmp_path: Path, full_pdf: Path) -> None:
    poppler(
        "pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", str(full_pdf), str(tmp_path / "p")
    )
    image = next(tmp_path.glob("p*.png"))
    assert image.stat().st_size > 10_000


def test_missing_poppler_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("PATH", "")
    with pytest.raises(pytest.fail.Exception, match="pdftotext is not installed"):
        pdf_text(Path("absent.pdf"))


def test_one_pager_with_an_appendix_keeps_the_brief_on_page_one(tmp_path: Path) -> None:
    path = tmp_path / "one+appendix.pdf"
    result = export_pdf(build_seed_brief(), path, one_page=True, appendix=True)
    assert result.pages == page_count(path) == 2
    assert "Source excerpts" in pdf_text(path, 2)
    assert set(internal_links(path)) == {(0, 1), (1, 0)}


def test_missing_font_file_is_an_export_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_fonts, "FONT_DIR", tmp_path)
    pdf_fonts._register.cache_clear()
    try:
        with pytest.raises(ExportError, match=r"Cannot load the PDF font .*reinstall"):
            pdf_fonts._register(pdf_fonts.SANS_BOLD)
    finally:
        pdf_fonts._register.cache_clear()  # later tests load the real files again
