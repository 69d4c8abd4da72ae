"""The one text normalization that every stored offset indexes into.

Rules, applied in order:
1. Unicode NFC.
2. Line endings CRLF, CR, NEL, LS and PS become LF; form feeds and vertical tabs become LF.
3. Tabs and no-break/odd spaces inside a line become one ASCII space; runs of spaces fold to one.
4. Control characters other than LF are dropped (they carry no text and break Word).
5. Spaces at the start and end of each line are stripped.
6. Runs of blank lines fold to one blank line (a paragraph break is exactly "\n\n").
7. Leading and trailing blank lines are stripped.

Curly quotes, apostrophes and dashes are kept exactly as published.
"""

import re
import unicodedata

_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufeff\ufffe\uffff]")
_BLANK_RUNS = re.compile(r"\n{3,}")
_LINE_EDGES = re.compile(r" *\n *")


def normalize_text(raw: str) -> str:
    """Return `raw` in the library's canonical form (see the module docstring)."""
    text = unicodedata.normalize("NFC", raw)
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROLS.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _LINE_EDGES.sub("\n", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n ")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of each paragraph of normalized `text`."""
    spans = []
    pos = 0
    for block in text.split("\n\n"):
        spans.append((pos, pos + len(block)))
        pos += len(block) + 2
    return spans
