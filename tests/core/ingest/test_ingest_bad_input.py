"""Bad input of every kind: one clear InputError sentence, never a traceback."""

import io
import os
import pathlib
import random
import zipfile

import pytest

from briefing.errors import InputError
from briefing.ingest import MAX_FILE_BYTES, read_bytes, read_path
from tests.core.ingest.builders import BODY, docx_bytes, pdf_bytes


def zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def assert_one_sentence(error: InputError) -> None:
    message = str(error)
    assert "\n" not in message
    assert message.endswith(".")
    assert "Traceback" not in message


BAD_BYTES = {
    "empty": ("empty.txt", b"", r"is empty"),
    "blank": ("blank.txt", b"  \n\t\r\n   \n", r"is empty"),
    "blank utf-16": ("blank16.txt", "\ufeff   \n ".encode("utf-16-le"), r"is empty"),
    "noise": ("noise.txt", random.Random(1234).randbytes(4096), r"does not look like text"),
    "noise no name": ("download", random.Random(99).randbytes(300), r"does not look like text"),
    "png": ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(100), r"is a PNG image"),
    "png as txt": ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(100), r"is a PNG image"),
    "old doc": ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), r"old-style Office"),
    "xlsx": ("book.xlsx", zip_of({"xl/workbook.xml": b"<workbook/>"}), r"is an Excel workbook"),
    "xlsx ext only": ("book.xlsx", b"a,b,c\n1,2,3\n", r"is a \.xlsx file"),
    "pptx": ("deck.pptx", zip_of({"ppt/presentation.xml": b"<p/>"}), r"PowerPoint"),
    "zip": ("archive.zip", zip_of({"notes.txt": b"hello"}), r"is a zip archive"),
    "zip as docx": ("a.docx", zip_of({"notes.txt": b"hello"}), r"no word/document\.xml part"),
    "odt": ("a.odt", zip_of({"mimetype": b"application/vnd.oasis"}), r"OpenDocument"),
    "rtf": ("a.rtf", b"{\\rtf1\\ansi hello}", r"is an RTF document"),
    "gzip": ("a.txt.gz", b"\x1f\x8b\x08\x00" + bytes(50), r"gzip"),
    "mhtml": (
        "page.mhtml",
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related",
        r"\.mhtml file",
    ),
    "webarchive": ("page.webarchive", b"bplist00\xd1\x01\x02", r"Safari web archive"),
    "fake pdf": ("a.pdf", b"hello", r"is not a valid PDF"),
    "fake docx": ("a.docx", b"hello", r"is not a valid Word document"),
    "truncated pdf": ("cut.pdf", pdf_bytes([[BODY]])[:400], r"truncated or damaged"),
    "truncated docx": ("cut.docx", docx_bytes([BODY])[:3000], r"cut\.docx is"),
}


@pytest.mark.parametrize(("name", "data", "pattern"), BAD_BYTES.values(), ids=BAD_BYTES.keys())
def test_bad_bytes_give_one_sentence(name: str, data: bytes, pattern: str) -> None:
    with pytest.raises(InputError, match=pattern) as info:
        read_bytes(data, name)
    assert str(info.value).startswith(name)
    assert_one_sentence(info.value)


@pytest.mark.parametrize(("name", "data", "pattern"), BAD_BYTES.values(), ids=BAD_BYTES.keys())
def test_bad_files_give_one_sentence(write, name: str, data: bytes, pattern: str) -> None:
    with pytest.raises(InputError, match=pattern):
        read_path(write(name, data))


@pytest.mark.parametrize("seed", range(20))
def test_random_noise_never_escapes_as_another_error(seed: int) -> None:
    rng = random.Random(seed)
    data = rng.randbytes(rng.randrange(1, 5000))
    for name in ("x.txt", "x.html", "x.docx", "x.pdf", "x"):
        try:
            read_bytes(data, name)
        except InputError as exc:
            assert_one_sentence(exc)


@pytest.mark.parametrize("prefix", [b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body><p>"])
def test_noise_behind_a_magic_number_is_refused(prefix: bytes) -> None:
    data = prefix + random.Random(5).randbytes(3000)
    with pytest.raises(InputError) as info:
        read_bytes(data, "x.bin")
    assert_one_sentence(info.value)


def test_missing_path(tmp_path: pathlib.Path) -> None:
    with pytest.raises(InputError, match=r"^There is no file at .*nope\.txt; check the path\.$"):
        read_path(tmp_path / "nope.txt")


def test_directory(tmp_path: pathlib.Path) -> None:
    with pytest.raises(InputError, match=r"is a folder, not a file"):
        read_path(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_refused_without_blocking(tmp_path: pathlib.Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match=r"is not a regular file"):
        read_path(fifo)


def test_file_over_the_limit_is_refused_before_reading(tmp_path: pathlib.Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # Sparse: no disk or memory is used.
    with pytest.raises(InputError, match=r"^.*huge\.txt is 50 MB, more than the 50 MB limit"):
        read_path(huge)


def test_bytes_over_the_limit_are_refused(monkeypatch) -> None:
    monkeypatch.setattr("briefing.ingest.sniff.MAX_FILE_BYTES", 1_000)
    with pytest.raises(InputError, match=r"more than the 0 MB limit|more than the"):
        read_bytes(b"a" * 1_001, "big.txt")
