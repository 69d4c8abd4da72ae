"""Web addresses, against a local http.server on 127.0.0.1 (never an outside address)."""

import datetime as dt
import gzip
import http.server
import socket
import threading
import time
from collections.abc import Iterator
from typing import ClassVar

import pytest

from briefing.errors import InputError
from briefing.ingest import read_url
from tests.core.ingest.builders import BODY, pdf_bytes

ARTICLE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Talks | Wire</title><meta property="og:site_name" content="Wire">
<meta property="article:published_time" content="2023-09-19T10:00:00Z">
{{canonical}}</head><body><nav>Home World Sports navigation</nav>
<article><h1>Talks at the UN</h1><p>{BODY}</p>
<p>“The world needs stable and healthy China-U.S. relations,” Han said on Monday, as both
sides described the talks as candid, substantive and constructive.</p></article>
<footer>Copyright footer</footer></body></html>"""
CP1252_PAGE = (
    "<html><body><p>He said “stable ties” — again, and again, at length.</p></body></html>"
)


def _routes() -> dict[str, tuple[int, dict[str, str], bytes]]:
    html = ARTICLE.replace("{canonical}", "").encode()
    canonical = ARTICLE.replace(
        "{canonical}", '<link rel="canonical" href="/news/talks-at-the-un">'
    ).encode()
    redirects = {f"/r/{n}": (302, {"Location": f"/r/{n - 1}"}, b"") for n in range(1, 8)}
    html_type = {"Content-Type": "text/html; charset=utf-8"}
    pdf_type = {"Content-Type": "application/pdf"}
    return {
        "/article": (200, html_type, html),
        "/r/0": (200, html_type, html),
        "/caf%C3%A9?q=%C3%A9": (200, html_type, html),
        **redirects,
        "/canonical": (200, {"Content-Type": "text/html"}, canonical),
        "/cp1252": (
            200,
            {"Content-Type": "text/html; charset=windows-1252"},
            CP1252_PAGE.encode("cp1252"),
        ),
        "/plain": (
            200,
            {"Content-Type": "text/plain; charset=utf-8"},
            f"date 2023-09-19 {BODY}".encode(),
        ),
        "/paper.pdf": (200, pdf_type, pdf_bytes([[BODY]], title="Paper")),
        "/mislabeled": (200, html_type, pdf_bytes([[BODY]])),
        "/octet.pdf": (200, {"Content-Type": "application/octet-stream"}, pdf_bytes([[BODY]])),
        "/gzip": (
            200,
            {"Content-Type": "text/html", "Content-Encoding": "gzip"},
            gzip.compress(html),
        ),
        "/gzip-bomb": (
            200,
            {"Content-Type": "text/html", "Content-Encoding": "gzip"},
            gzip.compress(b"<p>" + b"a" * 5_000_000),  # About 5 KB on the wire.
        ),
        "/empty": (200, {"Content-Type": "text/html"}, b""),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/to-ftp": (302, {"Location": "ftp://127.0.0.1/x"}, b""),
        "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(64)),
    }


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {}

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")  # No length: the body streams.
            self.end_headers()
            chunk = b"<p>" + b"x" * 60_000 + b"</p>"
            try:
                for _ in range(40):
                    self.wfile.write(chunk)
            except OSError:
                pass  # The client hung up at its limit, as it should.
            return
        status, headers, body = self.routes.get(self.path, (404, {}, b"not found"))
        try:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # The client refused the body (size limit, timeout): that is the test.

    def log_message(self, format: str, *args: object) -> None:
        pass  # Keep the test output clean.


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # A client hanging up mid-response is expected here, not worth a traceback.


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True  # The /slow handler must not hold up the shutdown.
    port = httpd.server_address[1]
    _Handler.routes = _routes()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy from the environment must not see (or swallow) requests to 127.0.0.1."""
    for key in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(key, raising=False)
        monkeypatch.delenv(key.upper(), raising=False)


def test_html_page(server: str) -> None:
    draft = read_url(f"{server}/article")
    assert draft.format == "html"
    assert draft.url == f"{server}/article"
    assert draft.outlet == "Wire"
    assert draft.published == dt.date(2023, 9, 19)
    assert BODY in draft.text
    assert "navigation" not in draft.text
    assert draft.original.startswith(b"<!DOCTYPE html>")


def test_canonical_url_wins_and_is_made_absolute(server: str) -> None:
    assert read_url(f"{server}/canonical").url == f"{server}/news/talks-at-the-un"


def test_five_redirects_are_followed(server: str) -> None:
    draft = read_url(f"{server}/r/5")
    assert draft.url == f"{server}/r/0"
    assert BODY in draft.text


def test_six_redirects_are_refused(server: str) -> None:
    with pytest.raises(InputError, match=r"redirects more than 5 times"):
        read_url(f"{server}/r/6")


@pytest.mark.parametrize("path", ["/to-file", "/to-ftp"])
def test_redirect_off_http_is_refused(server: str, path: str) -> None:
    with pytest.raises(InputError, match=r"which is not an http\(s\) address"):
        read_url(server + path)


def test_charset_from_content_type(server: str) -> None:
    assert "“stable ties” — again" in read_url(f"{server}/cp1252").text


def test_plain_text(server: str) -> None:
    draft = read_url(f"{server}/plain")
    assert draft.format == "text"
    assert draft.published == dt.date(2023, 9, 19)
    assert draft.text == BODY
    assert draft.url == f"{server}/plain"


@pytest.mark.parametrize("path", ["/paper.pdf", "/octet.pdf", "/mislabeled"])
def test_pdf(server: str, path: str) -> None:
    draft = read_url(server + path)
    assert draft.format == "pdf"
    assert draft.text == BODY
    assert draft.url == server + path


def test_size_limit_stops_the_download(server: str) -> None:
    with pytest.raises(InputError, match=r"larger than the 1,000,000-byte download limit"):
        read_url(f"{server}/big", max_bytes=1_000_000)


def test_declared_length_over_the_limit_is_refused(server: str) -> None:
    with pytest.raises(InputError, match=r"download limit"):
        read_url(f"{server}/article", max_bytes=100)


def test_timeout(server: str) -> None:
    with pytest.raises(InputError, match=r"did not answer within 0\.3 seconds"):
        read_url(f"{server}/slow", timeout=0.3)


def test_http_error_status(server: str) -> None:
    with pytest.raises(InputError, match=r"answered 404 Not Found; check the address\.$"):
        read_url(f"{server}/missing")


def test_empty_body(server: str) -> None:
    with pytest.raises(InputError, match=r"returned an empty page"):
        read_url(f"{server}/empty")


def test_unsupported_content(server: str) -> None:
    with pytest.raises(InputError, match=r"is a PNG image"):
        read_url(f"{server}/image")


def test_connection_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # Nothing listens on the port any more.
    with pytest.raises(InputError, match=r"could not be reached"):
        read_url(f"http://127.0.0.1:{port}/", timeout=2)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://127.0.0.1/a.txt",
        "data:text/plain,hi",
        "javascript:x",
        "/a",
        "",
        "http://",
    ],
)
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(InputError, match=r"^Only http and https addresses can be imported"):
        read_url(url)


def test_gzip_content_encoding(server: str) -> None:
    assert BODY in read_url(f"{server}/gzip").text


def test_gzip_bomb_is_stopped(server: str) -> None:
    with pytest.raises(InputError, match=r"download limit"):
        read_url(f"{server}/gzip-bomb", max_bytes=100_000)


def test_non_ascii_address_is_percent_encoded(server: str) -> None:
    draft = read_url(f"{server}/café?q=é")
    assert BODY in draft.text
    assert draft.url == f"{server}/caf%C3%A9?q=%C3%A9"
