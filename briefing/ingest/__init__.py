"""Importing sources: one reader per input format, all returning a SourceDraft."""

import pathlib

from briefing.errors import InputError
from briefing.ingest.draft import SourceDraft
from briefing.ingest.sniff import MAX_FILE_BYTES, read_bytes
from briefing.ingest.text import read_paste
from briefing.ingest.url import read_url

__all__ = ["MAX_FILE_BYTES", "SourceDraft", "read_bytes", "read_paste", "read_path", "read_url"]


def read_path(path: pathlib.Path) -> SourceDraft:
    """Read a file, choosing the reader by its content first and its extension second.

    Args:
        path: a .txt, .html/.htm, .docx or .pdf file (other extensions are sniffed).

    Raises:
        InputError: a missing path, a folder, a special file, a file over
            MAX_FILE_BYTES, or anything read_bytes refuses.
    """
    path = pathlib.Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"There is no file at {path}; check the path.") from None
    except OSError as exc:
        raise InputError(f"{path} cannot be opened ({exc.strerror}); check the path.") from exc
    if path.is_dir():
        raise InputError(f"{path} is a folder, not a file; choose a file inside it.")
    if not path.is_file():
        # A FIFO or device would block or never end (issue: no import hangs).
        raise InputError(f"{path} is not a regular file; choose a document file.")
    if info.st_size > MAX_FILE_BYTES:
        raise InputError(
            f"{path} is {info.st_size // 1_000_000} MB, more than the "
            f"{MAX_FILE_BYTES // 1_000_000} MB limit; import a smaller file."
        )
    try:
        with path.open("rb") as stream:
            # Bounded even if the file grew after stat().
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{path} cannot be read ({exc.strerror}); check its permissions.") from exc
    return read_bytes(data, path.name)
