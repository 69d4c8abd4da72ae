"""Plain text and pasted text: headers, metadata, titles, encodings, normalization."""

import datetime as dt
import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.errors import InputError
from briefing.ingest import read_bytes, read_paste, read_path
from briefing.ingest.text import split_header
from briefing.normalize import normalize_text

SEED = pathlib.Path(__file__).parents[3] / "seeds" / "000_8f921f06db5edd0a.txt"


def test_seed_imports_with_its_date_outlet_and_text() -> None:
    draft = read_path(SEED)
    assert draft.published == dt.date(2023, 9, 19)
    assert draft.outlet == "Devdiscourse"
    assert draft.text.startswith("U.S. Secretary of State Antony Blinken")
    assert draft.text.endswith("syndicated feed.)")
    assert draft.format == "text"
    assert draft.original == SEED.read_bytes()
    assert draft.title.startswith("U.S. Secretary of State Antony Blinken met with")
    assert draft.title.endswith("…")
    assert len(draft.title) <= 91


def test_seed_text_is_normalized() -> None:
    draft = read_path(SEED)
    assert draft.text == normalize_text(draft.text)
    assert "\n\n" in draft.text


def test_date_header_on_its_own_line(write) -> None:
    path = write("a.txt", b"date 2023-09-19\n\nBlinken met Han on Monday.\n")
    draft = read_path(path)
    assert draft.published == dt.date(2023, 9, 19)
    assert draft.text == "Blinken met Han on Monday."


def test_date_header_with_body_on_same_line_and_leading_space(write) -> None:
    draft = read_path(write("a.txt", b" date 2024-02-29 Body starts here.\n\nMore."))
    assert draft.published == dt.date(2024, 2, 29)
    assert draft.text == "Body starts here.\n\nMore."


def test_text_without_header_has_no_date(write) -> None:
    draft = read_path(write("a.txt", b"Blinken met Han on Monday. They talked.\n"))
    assert draft.published is None
    assert draft.text == "Blinken met Han on Monday. They talked."


@pytest.mark.parametrize(
    "body", [b"date night is back in fashion.\n", b"date 2023-02-30 is no date.\n"]
)
def test_the_word_date_alone_is_not_a_header(write, body: bytes) -> None:
    draft = read_path(write("a.txt", body))
    assert draft.published is None
    assert draft.text == body.decode().strip()


def test_short_first_line_is_the_headline(write) -> None:
    data = b"Blinken meets Han in New York\n\nBy Jane Doe\n\nThe two met on Monday.\n"
    draft = read_path(write("a.txt", data))
    assert draft.title == "Blinken meets Han in New York"
    assert draft.author == "Jane Doe"
    # The headline and byline are part of the text as published; only the header is not.
    assert draft.text.startswith("Blinken meets Han in New York\n\nBy Jane Doe")


def test_derived_title_is_trimmed_at_a_word(write) -> None:
    words = "word " * 40
    draft = read_path(write("a.txt", f"{words.strip()}.".encode()))
    assert draft.title.endswith("…")
    assert len(draft.title) <= 91
    assert draft.title[:-1].split(" ")[-1] == "word"


def test_short_first_sentence_is_the_title(write) -> None:
    draft = read_path(write("a.txt", b"Mr. Han met U.S. envoys. Then he left for Beijing."))
    assert draft.title == "Mr. Han met U.S. envoys"


def test_outlet_from_staff_note(write) -> None:
    data = b"Body text here.\n\n(This story was written by Reuters staff.)\n"
    draft = read_path(write("a.txt", data))
    assert draft.outlet == "Reuters"
    assert draft.text.endswith("(This story was written by Reuters staff.)")


@pytest.mark.parametrize(
    ("data", "label"),
    [
        ("Han said: “Stable ties” — now.".encode(), "utf-8"),
        ("\ufeffHan said: “Stable ties” — now.".encode(), "utf-8 BOM"),
        ("\ufeffHan said: “Stable ties” — now.".encode("utf-16-le"), "utf-16-le BOM"),
        ("\ufeffHan said: “Stable ties” — now.".encode("utf-16-be"), "utf-16-be BOM"),
        ("Han said: “Stable ties” — now.".encode("utf-16-le"), "utf-16-le no BOM"),
        ("Han said: “Stable ties” — now.".encode("utf-16-be"), "utf-16-be no BOM"),
        ("Han said: “Stable ties” — now.".encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_are_detected(write, data: bytes, label: str) -> None:
    draft = read_path(write("a.txt", data))
    assert draft.text == "Han said: “Stable ties” — now.", label
    assert draft.original == data


def test_cp1252_curly_quotes_bytes() -> None:
    draft = read_bytes(b"He said \x93yes\x94 and \x91no\x92 \x96 twice.", "old.txt")
    assert draft.text == "He said “yes” and ‘no’ – twice."


def test_line_endings_and_spaces_are_normalized() -> None:
    draft = read_bytes(b"First  line\r\nsecond\tline\r\n\r\n\r\n\r\nNext para.  ", "a.txt")
    assert draft.text == "First line\nsecond line\n\nNext para."


def test_paste_uses_given_title_and_paste_format() -> None:
    draft = read_paste("date 2023-09-19 Han spoke.\n\nBlinken listened.", title="  Talks  ")
    assert draft.format == "paste"
    assert draft.title == "Talks"
    assert draft.published == dt.date(2023, 9, 19)
    assert draft.text == "Han spoke.\n\nBlinken listened."
    assert draft.original == b"date 2023-09-19 Han spoke.\n\nBlinken listened."


def test_paste_derives_a_title() -> None:
    assert read_paste("Han spoke at length. Blinken listened.").title == "Han spoke at length"


@pytest.mark.parametrize("text", ["", "   \n\t\n  ", "\u00a0\u3000"])
def test_blank_paste_is_refused(text: str) -> None:
    with pytest.raises(InputError, match="pasted text is empty"):
        read_paste(text)


@given(st.text(min_size=1, max_size=300))
def test_paste_text_is_always_normalized_or_refused(text: str) -> None:
    if not normalize_text(split_header(text.lstrip("\ufeff"))[1]):
        with pytest.raises(InputError, match="empty"):
            read_paste(text)
        return
    draft = read_paste(text)
    assert draft.text
    assert draft.text == normalize_text(draft.text)
    assert draft.title


@pytest.mark.parametrize(
    "data",
    [b"date 2023-09-19\r\n\r\nBody.\r\n", b"Date: 2023-09-19\n\nBody.", b"\tdate 2023-09-19 Body."],
)
def test_header_variants(data: bytes) -> None:
    draft = read_bytes(data, "a.txt")
    assert draft.published == dt.date(2023, 9, 19)
    assert draft.text == "Body."


def test_prose_mentioning_a_pdf_header_stays_text() -> None:
    data = b"Files start with %PDF-1.7 as their first bytes, the report said."
    assert read_bytes(data, "note.txt").format == "text"


_PRINTABLE = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")), min_size=1, max_size=200
)


@given(
    _PRINTABLE, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom"])
)
def test_unicode_round_trips_through_every_bom_encoding(text: str, encoding: str) -> None:
    if not normalize_text(split_header(text)[1]):
        return
    if encoding.endswith("-bom"):
        data = ("\ufeff" + text).encode(encoding[:-4])
    else:
        data = text.encode(encoding)
    assert read_bytes(data, "a.txt").text == normalize_text(split_header(text)[1])


@pytest.mark.parametrize(
    ("data", "outlet"),
    [
        ("date 2023-09-19 NEW YORK, Sept 18 (Reuters) - Blinken met Han.", "Reuters"),
        ("Talks at the UN\n\nUNITED NATIONS (AP) — Blinken met Han.", "AP"),
        ("U.S. officials (and others) - met on Monday.", None),
    ],
)
def test_outlet_from_wire_dateline(data: str, outlet: str | None) -> None:
    assert read_bytes(data.encode(), "a.txt").outlet == outlet


def test_paste_with_a_lone_surrogate() -> None:
    draft = read_paste("Broken \ud800 clipboard text.")
    assert draft.text == "Broken \ufffd\ufffd\ufffd clipboard text."
    assert draft.original.decode("utf-8") == draft.text
