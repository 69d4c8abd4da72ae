"""Bytes to str for text-like inputs: BOMs, UTF-16 without a BOM, UTF-8, then Windows-1252."""

import codecs
import re

from briefing.errors import InputError

_BOMS = (
    # UTF-32 before UTF-16: the UTF-32 LE BOM starts with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab, LF, VT, FF and CR, plus DEL and U+FFFD: real text has
# (almost) none.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
# WHATWG maps these labels to windows-1252: pages that say Latin-1 are really cp1252.
_CP1252_ALIASES = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1"}
_SAMPLE = 4096


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """Return (encoding, BOM length) when `data` starts with a byte-order mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def canonical_charset(label: str | None) -> str | None:
    """Return a Python codec name for a declared charset label, or None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _CP1252_ALIASES:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 from the NUL pattern of mostly-ASCII text (every other byte zero)."""
    sample = data[:_SAMPLE]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls > 0.3 * pairs and even_nuls < 0.05 * pairs:
        return "utf-16-le"
    if even_nuls > 0.3 * pairs and odd_nuls < 0.05 * pairs:
        return "utf-16-be"
    return None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_text(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode `data` as text, or raise InputError when it is not text.

    Order: a BOM, then the declared charset (HTTP header or HTML meta), then UTF-16 by
    NUL pattern, then strict UTF-8, then Windows-1252 (the usual legacy encoding; its
    curly quotes 0x93/0x94 must come out as “ ”).

    Args:
        data: the raw bytes.
        name: the file name or URL, used in error messages.
        declared: a charset label the container declared, if any.
    """
    text: str | None = None
    bom = bom_encoding(data)
    if bom is not None:
        text = _try(data[bom[1] :], bom[0])
    if text is None and (encoding := canonical_charset(declared)) is not None:
        text = _try(data, encoding)
    if text is None and (encoding := _utf16_without_bom(data)) is not None:
        text = _try(data, encoding)
    if text is None:
        text = _try(data, "utf-8")
    if text is None:
        # Bytes cp1252 leaves undefined (0x81, 0x8D...) become U+FFFD and count as noise.
        text = data.decode("cp1252", errors="replace")
    if looks_binary(text):
        raise InputError(
            f"{name} does not look like text or a supported document; "
            "import a .txt, .html, .docx or .pdf file."
        )
    return text


def looks_binary(text: str) -> bool:
    """Return True when `text` has more control characters than real text ever does."""
    if "\x00" in text:
        return True
    sample = text[: _SAMPLE * 4]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) > max(1, len(sample) // 100)
