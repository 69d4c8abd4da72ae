"""Saved web pages: main text without chrome, metadata, charsets, the lxml fallback."""

import datetime as dt
import json

import pytest

from briefing.errors import InputError
from briefing.ingest import read_bytes, read_path

PARAGRAPHS = [
    "U.S. Secretary of State Antony Blinken met with Chinese Vice President Han Zheng on "
    "Monday on the sidelines of the United Nations General Assembly in New York.",
    "“The world expects us to responsibly manage our relationship,” Blinken said in brief "
    "remarks at the beginning of his meeting with Han, according to reporters present.",
    "“The world needs stable and healthy China-U.S. relations,” Han said, adding that the "
    "two sides should implement the consensus reached by their leaders — in full.",
]


def page(head: str = "", body_extra: str = "", article: str | None = None) -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS) if article is None else article
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Blinken meets Han | Example News</title>
{head}
<style>body {{ color: red; }} .secret-style {{}}</style>
<script>var trackingSecret = "do not import";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World navigation link</a></li></ul></nav>
<header><div class="logo">Example News masthead</div></header>
<main><article><h1>Blinken meets Han at the UN</h1>{paras}</article></main>
{body_extra}
<footer><p>Copyright 2023 Example News footer. All rights reserved. Privacy policy.</p></footer>
</body></html>"""


FULL_HEAD = """
<meta property="og:title" content="Blinken meets Han at the UN">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2023-09-19T14:05:00-04:00">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://news.example.com/world/blinken-han">
"""


def test_article_text_and_metadata(write) -> None:
    data = page(FULL_HEAD).encode()
    draft = read_path(write("saved.html", data))
    assert draft.format == "html"
    assert draft.original == data
    assert draft.title == "Blinken meets Han at the UN"
    assert draft.outlet == "Example News"
    assert draft.author == "Jane Doe"
    assert draft.published == dt.date(2023, 9, 19)
    assert draft.url == "https://news.example.com/world/blinken-han"
    assert draft.language == "en"
    for paragraph in PARAGRAPHS:
        assert paragraph in draft.text
    assert f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}\n\n{PARAGRAPHS[2]}" in draft.text
    for chrome in ("trackingSecret", "secret-style", "navigation link", "masthead", "footer"):
        assert chrome not in draft.text


def test_json_ld_metadata(write) -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Site"},
            {
                "@type": "NewsArticle",
                "headline": "Talks in New York",
                "datePublished": "2023-09-18T10:00:00Z",
                "author": [{"@type": "Person", "name": "Jane Doe"}, {"name": "John Roe"}],
                "publisher": {"@type": "Organization", "name": "Wire Service"},
            },
        ],
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    draft = read_path(write("a.htm", page(head).encode()))
    assert draft.published == dt.date(2023, 9, 18)
    assert draft.author == "Jane Doe, John Roe"
    assert draft.outlet == "Wire Service"
    assert draft.title == "Talks in New York"


def test_time_element_meta_date_and_og_url(write) -> None:
    head = '<meta property="og:url" content="https://example.org/a">'
    extra = '<time datetime="2023-09-17">Sunday</time>'
    draft = read_path(write("a.html", page(head, extra).encode()))
    assert draft.published == dt.date(2023, 9, 17)
    assert draft.url == "https://example.org/a"
    head = '<meta name="date" content="2023-09-16">'
    assert read_bytes(page(head).encode(), "b.html").published == dt.date(2023, 9, 16)
    head = '<meta itemprop="datePublished" content="September 15, 2023">'
    assert read_bytes(page(head).encode(), "c.html").published == dt.date(2023, 9, 15)


def test_profile_url_is_not_an_author() -> None:
    head = '<meta property="article:author" content="https://facebook.com/someone">'
    assert read_bytes(page(head).encode(), "a.html").author is None


def test_title_falls_back_to_h1_then_title() -> None:
    assert read_bytes(page().encode(), "a.html").title == "Blinken meets Han at the UN"


def test_legacy_charset_from_meta() -> None:
    html = page().replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    data = html.encode("cp1252")
    draft = read_bytes(data, "old.html")
    assert "“The world needs stable and healthy China-U.S. relations,” Han said" in draft.text


def test_undeclared_cp1252_page_is_detected() -> None:
    data = page().replace('<meta charset="utf-8">', "").encode("cp1252")
    assert "leaders — in full." in read_bytes(data, "old.html").text


def test_html_sniffed_without_extension() -> None:
    assert read_bytes(page().encode(), "download").format == "html"


def test_fallback_paragraphs_when_trafilatura_finds_nothing(monkeypatch) -> None:
    monkeypatch.setattr("briefing.ingest.html._trafilatura_blocks", lambda _page: [])
    draft = read_bytes(page(FULL_HEAD).encode(), "a.html")
    assert draft.text.startswith("Blinken meets Han at the UN\n\n" + PARAGRAPHS[0])
    assert draft.text.endswith(PARAGRAPHS[2])
    for chrome in ("trackingSecret", "navigation link", "masthead", "footer"):
        assert chrome not in draft.text


def test_short_page_still_gives_its_text() -> None:
    draft = read_bytes(b"<html><body><p>Short note.<br>Second line.</p></body></html>", "a.html")
    assert draft.text == "Short note.\nSecond line."
    assert draft.title == "Short note"


def test_entities_and_external_references_are_not_resolved(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    html = f"""<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>
<html><head><link rel="stylesheet" href="file://{secret}"></head>
<body><p>Before &xxe; after, with enough words to make a paragraph worth keeping.</p>
<iframe src="file://{secret}"></iframe></body></html>"""
    draft = read_bytes(html.encode(), "evil.html")
    assert "TOP-SECRET-CONTENT" not in draft.text


@pytest.mark.parametrize(
    "html",
    [
        b"<html><head><title>Nothing</title></head><body></body></html>",
        b"<html><body><script>only()</script><nav>menu</nav></body></html>",
    ],
)
def test_page_without_text_is_refused(html: bytes) -> None:
    with pytest.raises(InputError, match=r"^empty\.html has no article text"):
        read_bytes(html, "empty.html")


def test_trafilatura_crash_falls_back_to_paragraphs(monkeypatch) -> None:
    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("heuristic tripped")

    monkeypatch.setattr("trafilatura.bare_extraction", boom)
    draft = read_bytes(page().encode(), "a.html")
    assert PARAGRAPHS[1] in draft.text


def test_huge_page_skips_trafilatura(monkeypatch) -> None:
    def unexpected(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("trafilatura must not see a page this large")

    monkeypatch.setattr("trafilatura.bare_extraction", unexpected)
    monkeypatch.setattr("briefing.ingest.html.MAX_TRAFILATURA_ELEMENTS", 50)
    article = "".join(f"<p>Paragraph {i} of a very long page.</p>" for i in range(60))
    draft = read_bytes(page(article=article).encode(), "huge.html")
    assert draft.text.endswith("Paragraph 59 of a very long page.")
    assert "footer" not in draft.text
