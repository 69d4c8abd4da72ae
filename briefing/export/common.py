"""What both exporters share: refusing unverified quotes, safe text, atomic writes."""

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing.cite import format_date, iso_to_label
from briefing.errors import ExportError
from briefing.views import BriefView, ItemView

UNVERIFIED_MARK = "[UNVERIFIED]"
# Characters XML 1.0 (and so Word) cannot hold; PDF fonts have no glyphs for them either.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote and anything the user should know about it."""

    path: Path
    pages: int | None = None
    warnings: tuple[str, ...] = ()


def safe_text(text: str) -> str:
    """`text` without control characters; tabs and newlines become spaces."""
    return _FORBIDDEN.sub("", text.replace("\t", " ").replace("\r", " "))


def refuse_unverified(brief: BriefView, allow_unverified: bool) -> list[ItemView]:
    """Raise ExportError naming the failing items, unless `allow_unverified`.

    Returns the failing items (to be marked visibly) when they are allowed.
    """
    failing = brief.failing()
    if failing and not allow_unverified:
        names = "; ".join(
            f"item {i.id} ({_short(i.text)}): {i.verification.problem}" for i in failing
        )
        raise ExportError(
            f"Not exported: {len(failing)} item(s) do not match their sources: {names} "
            "Fix them (`brief check`) or export with --allow-unverified to mark them."
        )
    return failing


def metadata_rows(brief: BriefView) -> list[tuple[str, str]]:
    """The title block's labelled lines (Prepared by, As of, …), empty ones left out."""
    rows = [
        ("Prepared by", brief.author),
        ("As of", format_date(brief.as_of)),
        ("Audience", brief.audience),
        ("Purpose", brief.purpose),
    ]
    return [(label, value.strip()) for label, value in rows if value and value.strip()]


def _short(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return f"“{text}”" if len(text) <= width else f"“{text[: width - 1]}…”"


def display_text(item: ItemView, brief: BriefView) -> str:
    """The item's printed text, with resolved dates in brackets when the brief asks."""
    text = item.shown_text
    if not brief.show_resolved_dates or not item.dates or item.shown_text != item.text:
        return text
    for phrase, resolved in item.dates:
        pos = text.find(phrase)
        if pos >= 0:
            end = pos + len(phrase)
            text = f"{text[:end]} [{iso_to_label(resolved)}]{text[end:]}"
    return text


@contextlib.contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; rename it over `path` only on success.

    A failed export, or a target that cannot be replaced, leaves any earlier file as it was.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise ExportError(f"Cannot write {path}: the folder {folder} does not exist.")
    if path.is_dir():
        raise ExportError(f"Cannot write {path}: it is a folder; give a file name.")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(
            f"Cannot write in {folder}: {exc.strerror}; choose another folder."
        ) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, path)
    except OSError as exc:
        raise ExportError(
            f"Cannot replace {path}: {exc.strerror}. "
            "Close it in other programs or choose another name."
        ) from None
    finally:
        tmp.unlink(missing_ok=True)
