"""Saved web pages: the article's main text and its title, outlet, author, date and URL."""

import datetime as dt
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import lxml.etree
import lxml.html

from briefing.errors import InputError
from briefing.ingest.decode import bom_encoding, canonical_charset, decode_text
from briefing.ingest.draft import SourceDraft
from briefing.ingest.meta import derive_title, parse_date
from briefing.normalize import normalize_text

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*\?>")
# Elements that are never the article: dropped before the fallback paragraph scan.
_CHROME = (
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "template", "button", "select", "figure",
)  # fmt: skip
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt")
_DATE_META = (
    "article:published_time", "og:published_time", "date", "dc.date", "dc.date.issued",
    "dcterms.date", "dcterms.created", "pubdate", "publishdate", "publish-date",
    "sailthru.date", "parsely-pub-date", "citation_publication_date", "datepublished",
)  # fmt: skip
_AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
_MAX_JSON_LD = 1_000_000
MAX_TRAFILATURA_ELEMENTS = 12_000  # A long news page has 2,000-5,000 elements.
_log = logging.getLogger(__name__)


def decode_html(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode an HTML page: BOM, then the HTTP charset, then <meta charset>, then sniffing."""
    if bom_encoding(data) is None and declared is None:
        match = _META_CHARSET.search(data[:4096])
        declared = match[1].decode("ascii", "replace") if match else None
    if canonical_charset(declared) in {"utf-16", "utf-16-le", "utf-16-be"}:
        # A page decoded as ASCII cannot say it is UTF-16; WHATWG reads this as UTF-8.
        declared = "utf-8"
    return decode_text(data, name, declared)


def _meta(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """Return <meta> values keyed by lower-case name or property (first one wins)."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value:
            found.setdefault(key, value)
    return found


def _json_ld(tree: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    """Yield every JSON-LD object on the page, flattening lists and @graph."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text or ""
        if len(raw) > _MAX_JSON_LD:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue  # Broken JSON-LD is common and only ever a metadata hint.
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                if isinstance(graph := item.get("@graph"), list):
                    stack.extend(reversed(graph))


def _name_of(value: object) -> str | None:
    """Return a person's or organization's name from a JSON-LD value."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _name_of(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_name_of(v) for v in value) if n]
        return ", ".join(names) or None
    return None


def _article_ld(tree: lxml.html.HtmlElement) -> dict[str, Any]:
    """Return the JSON-LD object that describes the article (the one with a date)."""
    for item in _json_ld(tree):
        if "datePublished" in item or "headline" in item:
            return item
    return {}


def _http_url(value: str | None) -> str | None:
    if value and re.match(r"https?://", value.strip(), re.IGNORECASE):
        return value.strip()
    return None


@dataclass(frozen=True)
class PageInfo:
    """What a page says about itself, each field None when it does not say."""

    title: str | None
    outlet: str | None
    author: str | None
    published: dt.date | None
    url: str | None
    language: str | None


def _published(
    tree: lxml.html.HtmlElement, meta: dict[str, str], ld: dict[str, Any]
) -> dt.date | None:
    """Return the publication date: JSON-LD, then <meta> tags, then the first <time>."""
    value = ld.get("datePublished")
    published = parse_date(value if isinstance(value, str) else None)
    for key in _DATE_META:
        published = published or parse_date(meta.get(key))
    for el in tree.iter("time"):
        published = published or parse_date(el.get("datetime"))
    return published


def _author(meta: dict[str, str], ld: dict[str, Any]) -> str | None:
    author = _name_of(ld.get("author"))
    for key in _AUTHOR_META:
        # article:author is often a profile URL, which is no name for a citation.
        if author is None and key in meta and _http_url(meta[key]) is None:
            author = meta[key]
    return author


def _canonical(tree: lxml.html.HtmlElement, meta: dict[str, str], base: str | None) -> str | None:
    for el in tree.iter("link"):
        rel = (el.get("rel") or "").lower().split()
        if "canonical" in rel and (url := _absolute(el.get("href"), base)) is not None:
            return url
    return _absolute(meta.get("og:url"), base)


def page_info(tree: lxml.html.HtmlElement, base_url: str | None = None) -> PageInfo:
    """Collect title, outlet, author, date, canonical URL and language from a parsed page."""
    meta = _meta(tree)
    ld = _article_ld(tree)
    h1 = next((el.text_content().strip() for el in tree.iter("h1")), None)
    title_el = next(iter(tree.iter("title")), None)
    title = (
        meta.get("og:title")
        or _name_of(ld.get("headline"))
        or h1
        or (title_el.text_content().strip() if title_el is not None else None)
    )
    return PageInfo(
        title=title,
        outlet=meta.get("og:site_name") or _name_of(ld.get("publisher")),
        author=_author(meta, ld),
        published=_published(tree, meta, ld),
        url=_canonical(tree, meta, base_url),
        language=(tree.getroottree().getroot().get("lang") or "").strip() or None,
    )


def _absolute(href: str | None, base_url: str | None) -> str | None:
    if not href:
        return None
    if base_url and not _http_url(href):
        href = urljoin(base_url, href.strip())
    return _http_url(href)


def _block_text(el: lxml.etree._Element) -> str:
    """Return an element's text with <br>/<lb> as line breaks (iterative: no recursion limit)."""
    parts: list[str] = []
    for action, node in lxml.etree.iterwalk(el, events=("start", "end")):
        if action == "start":
            if node.tag in ("br", "lb"):
                parts.append("\n")
            elif isinstance(node.tag, str) and node.text:
                parts.append(node.text)
        elif node is not el and node.tail:
            parts.append(node.tail)
    return "".join(parts)


def _trafilatura_blocks(page: str) -> list[str]:
    """Return the main text's blocks as trafilatura finds them (precision over recall)."""
    import trafilatura  # a quarter-second import: paid on the first web page, not at start-up

    try:
        doc = trafilatura.bare_extraction(
            page,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=False,
        )
    except Exception:  # noqa: BLE001
        # Why broad: trafilatura is a pile of heuristics over arbitrary markup, and when
        # it trips the lxml fallback below still gets the text; the trace goes to the log.
        _log.warning("trafilatura failed; using the paragraph fallback", exc_info=True)
        return []
    body = getattr(doc, "body", None)
    if body is None:
        return []
    blocks: list[str] = []
    for el in body:
        if el.tag == "list":
            blocks.extend(_block_text(item) for item in el.iter("item"))
        elif el.tag == "table":
            for row in el.iter("row"):
                cells = (_block_text(cell).strip() for cell in row.iter("cell"))
                blocks.append(" | ".join(c for c in cells if c))
        else:
            blocks.append(_block_text(el))
    return blocks


def _fallback_blocks(tree: lxml.html.HtmlElement) -> list[str]:
    """Return paragraph-like blocks of the article, when trafilatura finds nothing."""
    for el in list(tree.iter(*_CHROME)):
        if el.getparent() is not None:
            el.drop_tree()
    root: lxml.html.HtmlElement = tree
    for tag in ("article", "main"):
        if (found := next(iter(tree.iter(tag)), None)) is not None:
            root = found
            break
    blocks = [
        _block_text(el)
        for el in root.iter(*_BLOCKS)
        # A block inside another block (a <p> in a <li>) is already in its parent's text.
        if not any(anc.tag in _BLOCKS for anc in el.iterancestors())
    ]
    if not any(b.strip() for b in blocks):
        body = next(iter(tree.iter("body")), None)
        blocks = [_block_text(body if body is not None else root)]
    return blocks


def _parse(page: str, name: str) -> lxml.html.HtmlElement:
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(_XML_DECL.sub("", page), parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(f"{name} could not be read as a web page ({exc}); save it again.") from exc


def read_html(
    data: bytes, name: str, *, declared_charset: str | None = None, base_url: str | None = None
) -> SourceDraft:
    """Read a web page saved from a browser (or fetched): main text and metadata.

    Args:
        data: the page's bytes.
        name: the file name or URL, used in error messages.
        declared_charset: the HTTP Content-Type charset, if fetched.
        base_url: the page's own URL, to resolve a relative canonical link.
    """
    page = decode_html(data, name, declared_charset)
    tree = _parse(page, name)
    info = page_info(tree, base_url)
    text = ""
    # trafilatura's cost grows faster than the page (55 s for 60,000 paragraphs): huge
    # pages go straight to the linear fallback (issue: no import hangs).
    if sum(1 for _ in tree.iter()) <= MAX_TRAFILATURA_ELEMENTS:
        text = normalize_text("\n\n".join(b.strip() for b in _trafilatura_blocks(page)))
    if not text:
        text = normalize_text("\n\n".join(b.strip() for b in _fallback_blocks(tree)))
    if not text:
        raise InputError(f"{name} has no article text to import; save the page with its text.")
    title = normalize_text(info.title or "").replace("\n", " ") or derive_title(text)
    return SourceDraft(
        text=text,
        title=title,
        original=data,
        format="html",
        outlet=info.outlet,
        author=info.author,
        url=info.url,
        published=info.published,
        language=info.language,
    )
