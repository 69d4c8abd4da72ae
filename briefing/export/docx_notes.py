"""The footnotes part (word/footnotes.xml) that python-docx has no API for."""

from typing import Any, cast

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.text.paragraph import Paragraph

PARTNAME = "/word/footnotes.xml"
NOTE_TEXT_STYLE = "FootnoteText"
NOTE_REF_STYLE = "FootnoteReference"

# Word requires the two special notes that draw the rule above the notes area; the
# ids -1 and 0 are what current Word writes and what settings.xml must point to.
_EMPTY_FOOTNOTES = (
    "<w:footnotes {ns}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p>'
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p>'
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)
# CT_Settings elements that must follow w:footnotePr (ECMA-376 Part 1, 17.15.1.78).
_AFTER_FOOTNOTE_PR = (
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


class Footnotes:
    """A document's footnotes part: adds notes and their references in the body."""

    def __init__(self, document: Any) -> None:
        self.document = document
        xml = _EMPTY_FOOTNOTES.format(ns=nsdecls("w", "r"))
        package = document.part.package
        self.part = XmlPart(PackURI(PARTNAME), CT.WML_FOOTNOTES, parse_xml(xml), package)
        document.part.relate_to(self.part, RT.FOOTNOTES)
        _point_settings_at_separators(document.settings.element)
        self.count = 0

    def add(self, body_paragraph: Any, note_id: int) -> Paragraph:
        """Add note `note_id` referenced at the end of `body_paragraph`.

        Returns the note's paragraph, its number already in place, for the caller to fill.
        """
        body_paragraph._p.append(_reference_run("w:footnoteReference", note_id))
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(note_id))
        p = cast("CT_P", OxmlElement("w:p"))
        p.style = NOTE_TEXT_STYLE
        p.append(_reference_run("w:footnoteRef", None))
        note.append(p)
        self.part.element.append(note)
        self.count += 1
        paragraph = Paragraph(p, _NoteParent(self.part))
        paragraph.add_run(" ")
        return paragraph


class _NoteParent:
    """What a python-docx Paragraph inside the footnotes part asks its parent for."""

    def __init__(self, part: Any) -> None:
        self.part = part


def _reference_run(tag: str, note_id: int | None) -> Any:
    r = cast("CT_R", OxmlElement("w:r"))
    r.style = NOTE_REF_STYLE
    mark = OxmlElement(tag)
    if note_id is not None:
        mark.set(qn("w:id"), str(note_id))
    r.append(mark)
    return r


def _point_settings_at_separators(settings: Any) -> None:
    if settings.find(qn("w:footnotePr")) is not None:
        return
    footnote_pr = OxmlElement("w:footnotePr")
    for special in ("-1", "0"):
        ref = OxmlElement("w:footnote")
        ref.set(qn("w:id"), special)
        footnote_pr.append(ref)
    settings.insert_element_before(footnote_pr, *_AFTER_FOOTNOTE_PR)


def footnotes_part(document: Any) -> Any | None:
    """The footnotes part of an opened document, or None."""
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            return rel.target_part
    return None
