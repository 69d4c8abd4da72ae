"""Word styles, document language and the page furniture (marking banners, page numbers)."""

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from briefing.export.docx_runs import CJK_LANG, Look, append_field, append_text

LANGUAGE = "en-US"
SPEAKER_STYLE = "Speaker Line"
META_STYLE = "Brief Metadata"
# Style ids (not names) of the paragraph styles the exporter uses.
TITLE = "Title"
HEADING_1 = "Heading1"
HEADING_2 = "Heading2"
LIST_BULLET = "ListBullet"
LIST_NUMBER = "ListNumber"
QUOTE = "Quote"
SPEAKER = "SpeakerLine"
METADATA = "BriefMetadata"

# Styles python-docx's default template lacks. Names are Word's built-in (lower-case)
# names so Word and LibreOffice map them onto their own footnote and link styles.
_STYLES = {
    "FootnoteText": (
        '<w:style {ns} w:type="paragraph" w:styleId="FootnoteText">'
        '<w:name w:val="footnote text"/><w:basedOn w:val="Normal"/>'
        '<w:link w:val="FootnoteTextChar"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:pPr><w:spacing w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>'
    ),
    "FootnoteTextChar": (
        '<w:style {ns} w:type="character" w:customStyle="1" w:styleId="FootnoteTextChar">'
        '<w:name w:val="Footnote Text Char"/><w:basedOn w:val="DefaultParagraphFont"/>'
        '<w:link w:val="FootnoteText"/><w:uiPriority w:val="99"/>'
        '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>'
    ),
    "FootnoteReference": (
        '<w:style {ns} w:type="character" w:styleId="FootnoteReference">'
        '<w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/>'
        '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    ),
    "Hyperlink": (
        '<w:style {ns} w:type="character" w:styleId="Hyperlink">'
        '<w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/>'
        '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>'
    ),
    "SpeakerLine": (
        '<w:style {ns} w:type="paragraph" w:customStyle="1" w:styleId="SpeakerLine">'
        f'<w:name w:val="{SPEAKER_STYLE}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
        '<w:qFormat/><w:pPr><w:keepLines/><w:spacing w:before="0" w:after="240"/>'
        '<w:ind w:left="864" w:right="864"/><w:jc w:val="right"/></w:pPr>'
        '<w:rPr><w:color w:val="404040"/></w:rPr></w:style>'
    ),
    "BriefMetadata": (
        '<w:style {ns} w:type="paragraph" w:customStyle="1" w:styleId="BriefMetadata">'
        f'<w:name w:val="{META_STYLE}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:spacing w:after="40"/></w:pPr></w:style>'
    ),
}


def prepare_styles(document: Any) -> None:
    """Add the styles the exporter uses and set the document language."""
    styles = document.styles.element
    existing = {s.get(qn("w:styleId")) for s in styles.findall(qn("w:style"))}
    for style_id, xml in _STYLES.items():
        if style_id not in existing:
            styles.append(parse_xml(xml.format(ns=nsdecls("w"))))
    _set_default_language(styles)


def add_paragraph(document: Any, style_id: str) -> Any:
    """Append an empty paragraph in the style with id `style_id`."""
    # python-docx resolves a style *name* by scanning all ~270 styles on every call;
    # setting the id directly keeps a 40-item export within its 150 ms budget.
    paragraph = document.add_paragraph()
    paragraph._p.style = style_id
    return paragraph


def _set_default_language(styles: Any) -> None:
    # Spell-checking and hyphenation follow w:lang; the template's eastAsia is en-US,
    # which makes Word treat Chinese names as Latin text.
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), CJK_LANG)


def add_page_furniture(document: Any, marking: str) -> None:
    """The marking centred in every header and footer, and "Page X of Y" in the footer."""
    for section in document.sections:
        header = section.header
        header.is_linked_to_previous = False
        _banner(header.paragraphs[0], marking)
        footer = section.footer
        footer.is_linked_to_previous = False
        _banner(footer.paragraphs[0], marking)
        numbers = footer.add_paragraph()
        numbers.alignment = WD_ALIGN_PARAGRAPH.CENTER
        append_text(numbers._p, numbers, "Page ")
        append_field(numbers, "PAGE")
        append_text(numbers._p, numbers, " of ")
        append_field(numbers, "NUMPAGES")


def _banner(paragraph: Any, marking: str) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if marking.strip():
        append_text(paragraph._p, paragraph, marking.strip(), Look(bold=True))
