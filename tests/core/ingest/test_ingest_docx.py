"""Word documents: text, tables and properties; XXE, entity bombs, zip bombs, fakes."""

import datetime as dt
import io
import random
import zipfile

import pytest

from briefing.errors import InputError
from briefing.ingest import read_bytes, read_path
from tests.core.ingest.builders import BODY, docx_bytes, drop_part, replace_part

DOC_XML = "word/document.xml"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def document_xml(body: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>{body}</w:t></w:r></w:p>'
        "</w:body></w:document>"
    ).encode()


def test_paragraphs_table_and_properties(write) -> None:
    data = docx_bytes(
        [BODY, "“The world needs stable ties,” Han said — twice.", "", "Last line."],
        table=[["Name", "Role"], ["Han Zheng", "Vice President"]],
        title="Blinken meets Han",
        author="Jane Doe",
        created=dt.datetime(2023, 9, 19, 12, 0),
    )
    draft = read_path(write("brief.docx", data))
    assert draft.format == "docx"
    assert draft.original == data
    assert draft.title == "Blinken meets Han"
    assert draft.author == "Jane Doe"
    assert draft.published == dt.date(2023, 9, 19)
    assert draft.text == (
        f"{BODY}\n\n“The world needs stable ties,” Han said — twice.\n\nLast line.\n\n"
        "Name | Role\n\nHan Zheng | Vice President"
    )


def test_title_derived_without_properties() -> None:
    draft = read_bytes(docx_bytes(["Talks at the UN", BODY]), "a.docx")
    assert draft.title == "Talks at the UN"
    assert draft.author is None


def test_tabs_and_breaks_inside_runs() -> None:
    xml = document_xml("a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c")
    draft = read_bytes(replace_part(docx_bytes(["x"]), DOC_XML, xml), "a.docx")
    assert draft.text == "a b\nc"


def test_docx_sniffed_by_content_whatever_its_name() -> None:
    assert read_bytes(docx_bytes([BODY]), "download.bin").format == "docx"


def test_xxe_is_refused_and_nothing_is_read(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    data = replace_part(docx_bytes([BODY]), DOC_XML, document_xml("&xxe;", prolog))
    with pytest.raises(InputError, match=r"declares a DTD or entities") as info:
        read_bytes(data, "xxe.docx")
    assert "TOP-SECRET" not in str(info.value)


def test_billion_laughs_is_refused() -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    prolog = f"<!DOCTYPE w:document [{entities}]>"
    data = replace_part(docx_bytes([BODY]), DOC_XML, document_xml("&lol9;", prolog))
    with pytest.raises(InputError, match=r"^bomb\.docx declares a DTD or entities"):
        read_bytes(data, "bomb.docx")


def test_doctype_in_core_properties_is_refused() -> None:
    core = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'
    data = replace_part(docx_bytes([BODY]), "docProps/core.xml", core)
    with pytest.raises(InputError, match=r"docProps/core\.xml"):
        read_bytes(data, "a.docx")


def test_zip_bomb_ratio_is_refused() -> None:
    data = replace_part(docx_bytes([BODY]), "word/media/zeros.bin", b"\0" * 5_000_000)
    with pytest.raises(InputError, match=r"^bomb\.docx looks like a zip bomb"):
        read_bytes(data, "bomb.docx")


def test_zip_total_size_is_limited(monkeypatch) -> None:
    monkeypatch.setattr("briefing.ingest.docx.MAX_UNCOMPRESSED", 1_000_000)
    noise = random.Random(7).randbytes(1_500_000)  # Incompressible: only the total trips.
    data = replace_part(docx_bytes([BODY]), "word/media/noise.bin", noise)
    with pytest.raises(InputError, match=r"would expand to \d+ MB, more than the 1 MB limit"):
        read_bytes(data, "big.docx")


def test_text_file_renamed_docx_is_refused(write) -> None:
    with pytest.raises(InputError, match=r"^notes\.docx is not a valid Word document"):
        read_path(write("notes.docx", b"Just some plain text, renamed.\n"))


def test_zip_without_document_part_is_refused() -> None:
    data = drop_part(docx_bytes([BODY]), DOC_XML)
    with pytest.raises(InputError, match=r"^a\.docx has no word/document\.xml part"):
        read_bytes(data, "a.docx")


def test_truncated_docx_is_refused() -> None:
    data = docx_bytes([BODY * 20])
    with pytest.raises(InputError, match=r"^cut\.docx is"):
        read_bytes(data[: len(data) // 2], "cut.docx")


def test_corrupt_member_is_refused() -> None:
    data = bytearray(docx_bytes([BODY * 50]))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo(DOC_XML)
    # Flip bytes inside the compressed document part: a CRC or inflate error.
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 10
    data[start : start + 40] = random.Random(3).randbytes(40)
    with pytest.raises(InputError, match=r"^bad\.docx is damaged"):
        read_bytes(bytes(data), "bad.docx")


def test_malformed_xml_is_refused() -> None:
    data = replace_part(docx_bytes([BODY]), DOC_XML, b"<w:document><unclosed>")
    with pytest.raises(InputError, match=r"^bad\.docx is damaged"):
        read_bytes(data, "bad.docx")


def test_empty_document_is_refused() -> None:
    with pytest.raises(InputError, match=r"^blank\.docx has no text"):
        read_bytes(docx_bytes([]), "blank.docx")


def test_external_relationships_are_not_followed(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/attachedTemplate" Target="file://{secret}" TargetMode="External"/>'
        "</Relationships>"
    ).encode()
    draft = read_bytes(replace_part(docx_bytes([BODY]), "_rels/.rels", rels), "a.docx")
    assert draft.text == BODY
    assert "TOP-SECRET" not in draft.text


def test_oversized_xml_part_is_refused(monkeypatch) -> None:
    monkeypatch.setattr("briefing.ingest.docx.MAX_XML_PART", 1_000)
    with pytest.raises(InputError, match=r"word/document\.xml, more than the 0 MB this app reads"):
        read_bytes(docx_bytes([BODY * 20]), "long.docx")


def test_tracked_deletions_and_moves_are_not_duplicated() -> None:
    xml = document_xml(
        'kept </w:t></w:r><w:del w:id="1"><w:r><w:delText>gone </w:delText></w:r></w:del>'
        '<w:moveFrom w:id="2"><w:r><w:t>moved </w:t></w:r></w:moveFrom>'
        '<w:moveTo w:id="3"><w:r><w:t>moved </w:t></w:r></w:moveTo><w:r><w:t>end'
    )
    draft = read_bytes(replace_part(docx_bytes(["x"]), DOC_XML, xml), "a.docx")
    assert draft.text == "kept moved end"


def test_directory_that_understates_a_size_is_refused() -> None:
    """A bomb can lie in the zip directory; reading stops at the declared size."""
    data = bytearray(docx_bytes([BODY * 200]))
    name = DOC_XML.encode()
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        name_length = int.from_bytes(data[pos + 28 : pos + 30], "little")
        if data[pos + 46 : pos + 46 + name_length] == name:
            data[pos + 24 : pos + 28] = (100).to_bytes(4, "little")  # uncompressed size
        pos = data.find(b"PK\x01\x02", pos + 4)
    with pytest.raises(InputError, match=r"^liar\.docx is damaged"):
        read_bytes(bytes(data), "liar.docx")


def test_text_box_is_read_once_not_with_its_fallback_copy() -> None:
    box = "<w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent>"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    xml = document_xml(
        f'Anchor</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="{mc}">'
        f"<mc:Choice><w:drawing><w:txbx>{box}</w:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><w:textbox>{box}</w:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r><w:r><w:t> end"
    )
    draft = read_bytes(replace_part(docx_bytes(["x"]), DOC_XML, xml), "a.docx")
    assert draft.text == "Anchor end\n\nBox text"
