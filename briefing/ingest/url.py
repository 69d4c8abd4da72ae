"""Web addresses: fetched with urllib (http/https only, bounded in time, size and redirects)."""

import http.client
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import replace
from typing import IO, Any
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from briefing.errors import InputError
from briefing.ingest.draft import SourceDraft
from briefing.ingest.html import read_html
from briefing.ingest.pdf import read_pdf
from briefing.ingest.sniff import choose_reader
from briefing.ingest.text import read_text

MAX_REDIRECTS = 5
_CHUNK = 65_536
_SCHEMES = ("http", "https")
_URL_SAFE = "%/:?#[]@!$&'()*+,;=-._~"
_USER_AGENT = "briefing-composer/0.1 (+https://example.invalid/briefing)"


def check_url(url: str) -> str:
    """Return `url` ready to send (stripped, ASCII), or raise InputError unless it is http(s)."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES or not parts.hostname:
        raise InputError(
            f"Only http and https addresses can be imported, not {url!r}; check the address."
        )
    # http.client sends ASCII only: a pasted "…/café" path is percent-encoded, and an
    # internationalized host name IDNA-encoded.
    netloc = parts.netloc
    if not netloc.isascii():
        try:
            netloc = netloc.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise InputError(f"{url} has an invalid host name; check the address.") from exc
    path, query, fragment = (quote(p, safe=_URL_SAFE) for p in parts[2:])
    return urlunsplit((parts.scheme, netloc, path, query, fragment))


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follow at most MAX_REDIRECTS redirects, and only to http(s) addresses."""

    # Ours are checked first, so the user gets our sentence rather than urllib's.
    max_redirections = MAX_REDIRECTS + 1
    max_repeats = MAX_REDIRECTS + 1

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
    ) -> Any:  # typeshed types this return as Any too
        # A redirect to file:, ftp: or data: would read something the user never named.
        newurl = urljoin(req.full_url, headers.get("location") or headers.get("uri") or "")
        if urlsplit(newurl).scheme.lower() not in _SCHEMES:
            fp.close()
            raise InputError(
                f"{req.full_url} redirects to {newurl!r}, which is not an http(s) address."
            )
        if sum(getattr(req, "redirect_dict", {}).values()) >= MAX_REDIRECTS:
            fp.close()
            raise InputError(
                f"{req.full_url} redirects more than {MAX_REDIRECTS} times; open it in a browser."
            )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener() -> urllib.request.OpenerDirector:
    """An opener with HTTP(S) only: build_opener would add file:, ftp: and data: handlers."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),  # The system's proxy settings, as a browser would.
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        _RedirectHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _too_large(url: str, max_bytes: int) -> InputError:
    return InputError(
        f"{url} is larger than the {max_bytes:,}-byte download limit; "
        "save the page from a browser and import the file."
    )


def _read_limited(response: IO[bytes], url: str, max_bytes: int, deadline: float) -> bytes:
    """Read the body in chunks, stopping past `max_bytes` or the deadline."""
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(url, max_bytes)
        if time.monotonic() > deadline:
            raise TimeoutError
        chunks.append(chunk)
    return b"".join(chunks)


def _inflate(body: bytes, url: str, max_bytes: int) -> bytes:
    """Undo gzip/deflate content encoding (we never ask for it, but some servers send it)."""
    # wbits 47 = 32 + 15: accept a gzip or a zlib header; max_length bounds a bomb.
    inflater = zlib.decompressobj(wbits=47)
    try:
        data = inflater.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise InputError(f"{url} sent a damaged compressed response; try again later.") from exc
    if len(data) > max_bytes or inflater.unconsumed_tail:
        raise _too_large(url, max_bytes)
    return data


def fetch(url: str, timeout: float, max_bytes: int) -> tuple[bytes, str, http.client.HTTPMessage]:
    """Return (body, final URL, headers) of an http(s) GET."""
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT, "Accept": "*/*"})
    deadline = time.monotonic() + timeout
    try:
        with _opener().open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise _too_large(url, max_bytes)
            body = _read_limited(response, url, max_bytes, deadline)
            encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
            if encoding in ("gzip", "x-gzip", "deflate"):
                body = _inflate(body, url, max_bytes)
            return body, response.geturl(), response.headers
    except urllib.error.HTTPError as exc:
        exc.close()  # It holds the open response; leaving it is a ResourceWarning.
        raise InputError(f"{url} answered {exc.code} {exc.reason}; check the address.") from exc
    except TimeoutError as exc:
        raise InputError(
            f"{url} did not answer within {timeout:g} seconds; try again later."
        ) from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise InputError(
                f"{url} did not answer within {timeout:g} seconds; try again later."
            ) from exc
        raise InputError(
            f"{url} could not be reached ({exc.reason}); check the address and your connection."
        ) from exc
    except (OSError, ValueError) as exc:
        # http.client raises these for broken responses (bad status line, bad chunking).
        raise InputError(f"{url} sent a broken response ({exc}); try again later.") from exc


def read_url(url: str, *, timeout: float = 15.0, max_bytes: int = 10_000_000) -> SourceDraft:
    """Fetch a web page (or a PDF or text file) and read it.

    The draft's `format` is the format of what was fetched ("html", "pdf" or "text"),
    so `original` can be re-read the same way; `url` is the page's canonical address
    when it declares one, else the final address after redirects.

    Args:
        url: an http or https address.
        timeout: seconds to wait for the server, and for the whole download.
        max_bytes: the largest body accepted.
    """
    url = check_url(url)
    body, final_url, headers = fetch(url, timeout, max_bytes)
    if not body.strip():
        raise InputError(f"{url} returned an empty page; check the address.")
    content_type = headers.get_content_type()
    charset = headers.get_content_charset()
    # Servers mislabel files (a PDF sent as text/html), so a magic number wins.
    if content_type == "application/pdf" or body.lstrip().startswith(b"%PDF-"):
        draft = read_pdf(body, final_url)
    elif content_type in ("text/html", "application/xhtml+xml"):
        draft = read_html(body, final_url, declared_charset=charset, base_url=final_url)
    elif content_type == "text/plain":
        draft = read_text(body, final_url, charset)
    else:
        draft = choose_reader(body, urlsplit(final_url).path or final_url)(body, final_url)
    return replace(draft, url=draft.url or final_url)
