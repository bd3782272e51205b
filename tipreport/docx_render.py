"""Word output of a submission (python-docx), from the same ``Submission`` as the cable.

Content is laid out through named styles only (Title, Heading 1 per questionnaire
section, Heading 2 per question topic, "Question" for State's text, Normal for
answers, a two-column table for the glossary), so a post that passes its own
document with --reference-docx gets its fonts and spacing: like pandoc's
--reference-doc, that document's body is cleared and only its styles, page setup
and section settings are kept. The classification banner goes in the header and
footer of every page, including first-page and even-page variants when the
reference document uses them.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from tipreport.errors import InputError
from tipreport.fields import visible
from tipreport.render import MARKER, Submission

QUESTION_STYLE = "Question"
TABLE_STYLE = "Table Grid"
# Characters XML 1.0 cannot hold (beyond the controls fields.visible drops), which
# python-docx and lxml refuse with a ValueError.
_XML_INVALID = re.compile("[\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text a Word document can hold: Word's soft line and page breaks (U+000B, U+000C, as
    pasted from Word) become spaces, other control characters XML forbids are dropped."""
    return _XML_INVALID.sub("", visible(text))


MAX_STYLES = 600  # Word's own Normal.dotx defines about 270


def open_document(reference: str | Path | None) -> Any:
    """A fresh document, or the reference document with its body emptied."""
    import docx

    if reference is None:
        return docx.Document()
    path = Path(reference)
    if not path.is_file():
        raise InputError(path, "no such file" if not path.exists() else "is not a file")
    try:
        doc = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - zip, XML and content-type errors all mean "not a .docx"
        raise InputError(path, f"not a Word .docx document ({type(exc).__name__}); "
                         "save the post's template as .docx and pass that") from None
    styles = len(doc.styles.element.style_lst)
    if styles > MAX_STYLES:  # python-docx looks styles up one by one for every paragraph
        raise InputError(path, f"{styles:,} styles; a post's template has a few hundred at most "
                         f"(limit {MAX_STYLES:,})")
    _clear_body(doc)
    return doc


def _clear_body(doc: Any) -> None:
    """Drop every paragraph and table; keep the final section properties (page setup)."""
    from docx.oxml.ns import qn

    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def ensure_styles(doc: Any) -> None:
    """Create the styles a post's document may lack, so names always resolve.

    A reference document that defines "Question" (or restyles Heading 1) keeps its own
    look; only missing styles are added, based on Normal.
    """
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    names = {s.name for s in doc.styles}
    specs = {
        "Title": (26, True, False), "Heading 1": (16, True, False),
        "Heading 2": (13, True, False), QUESTION_STYLE: (None, False, True),
    }
    for name, (size, bold, italic) in specs.items():
        if name in names:
            continue
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.bold = bold
        style.font.italic = italic
        if size:
            style.font.size = Pt(size)
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.space_before = Pt(6)
        style.paragraph_format.space_after = Pt(6)


def _set_text(part: Any, text: str, page_numbers: bool) -> None:
    """Replace a header or footer's content with the centred banner (and page number)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    part.is_linked_to_previous = False
    container = part._element
    for child in list(container):
        container.remove(child)
    p = part.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(xml_safe(text))
    run.bold = True
    if page_numbers:
        p2 = part.add_paragraph()
        p2.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_field(p2)


def _page_field(paragraph: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def add_banner(doc: Any, classification: str) -> None:
    odd_even = bool(doc.settings.odd_and_even_pages_header_footer)
    for section in doc.sections:
        parts = [(section.header, False), (section.footer, True)]
        if section.different_first_page_header_footer:
            parts += [(section.first_page_header, False), (section.first_page_footer, True)]
        if odd_even:
            parts += [(section.even_page_header, False), (section.even_page_footer, True)]
        for part, is_footer in parts:
            _set_text(part, classification, page_numbers=is_footer)


def _question(doc: Any, q) -> None:
    from docx.enum.text import WD_COLOR_INDEX

    doc.add_paragraph(xml_safe(q.topic or q.label.rstrip(".")), style="Heading 2")
    p = doc.add_paragraph(style=QUESTION_STYLE)
    first, *rest = xml_safe(q.text).split("\n\n")
    p.add_run(f"{xml_safe(q.label)}  ").bold = True
    p.add_run(first)
    for extra in rest:
        doc.add_paragraph(extra, style=QUESTION_STYLE)
    for para in q.paragraphs:
        ap = doc.add_paragraph(style="Normal")
        run = ap.add_run(xml_safe(para))
        if para == MARKER:
            run.bold = True
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _glossary(doc: Any, entries) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Inches

    doc.add_paragraph("Abbreviations", style="Heading 1")
    table = doc.add_table(rows=1, cols=2)
    if TABLE_STYLE in {s.name for s in doc.styles}:
        table.style = doc.styles[TABLE_STYLE]
    head = table.rows[0]
    head.cells[0].text, head.cells[1].text = "Abbreviation", "Expansion"
    for cell in head.cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    flag = OxmlElement("w:tblHeader")  # repeat the header row on every page
    head._tr.get_or_add_trPr().append(flag)
    flag.set(qn("w:val"), "true")
    for e in entries:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = xml_safe(e.abbr), xml_safe(e.expansion)
    for row in table.rows:
        row.cells[0].width, row.cells[1].width = Inches(1.4), Inches(4.6)


def _front_matter(doc: Any, sub: Submission) -> None:
    meta = sub.meta
    doc.add_paragraph(xml_safe(sub.title), style="Title")
    lines = [("From", f"Embassy {meta.post}"), ("Subject", meta.subject),
             ("Reference", "; ".join(meta.ref)), ("Reporting period", meta.reporting_period)]
    for label, value in lines:
        if value:
            p = doc.add_paragraph(style="Normal")
            p.add_run(f"{label}: ").bold = True
            p.add_run(xml_safe(value))
    for para in xml_safe(sub.intro).split("\n\n"):
        doc.add_paragraph(para, style="Normal")


def _properties(doc: Any, sub: Submission) -> None:
    """Set who and what the file says it is; never leak the drafting machine's user name."""
    props = doc.core_properties
    props.title = xml_safe(sub.title)
    props.subject = xml_safe(sub.meta.subject)
    props.author = props.last_modified_by = xml_safe(f"Embassy {sub.meta.post}")
    props.category = xml_safe(sub.meta.classification)
    props.keywords = "Trafficking in Persons; TIP report"
    props.comments = ""


def build_document(sub: Submission, reference: str | Path | None = None) -> Any:
    """The python-docx Document, before saving (tests and callers may inspect it)."""
    doc = open_document(reference)
    ensure_styles(doc)
    add_banner(doc, sub.meta.classification)
    _properties(doc, sub)
    _front_matter(doc, sub)
    for section in sub.sections:
        doc.add_paragraph(xml_safe(section.title), style="Heading 1")
        for q in section.questions:
            _question(doc, q)
    doc.add_paragraph("Staff Hours and Point of Contact", style="Heading 1")
    for para in xml_safe(sub.closing).split("\n\n"):
        doc.add_paragraph(para, style="Normal")
    if sub.glossary:
        _glossary(doc, sub.glossary)
    if sub.meta.signer.strip():
        doc.add_paragraph(xml_safe(sub.meta.signer.strip()), style="Normal")
    return doc


def render(sub: Submission, reference: str | Path | None = None) -> bytes:
    """The .docx file as bytes, so the caller writes it atomically."""
    def build() -> bytes:
        buf = io.BytesIO()
        build_document(sub, reference).save(buf)
        return buf.getvalue()

    return with_reference(reference, build)


def with_reference(reference: str | Path | None, build: Any) -> bytes:
    """Build a document on a post's reference .docx; a reference that opens but breaks
    python-docx later (a style without its id, a part without its relationship) is the
    reference's fault: one input error naming it, not an internal error."""
    if reference is None:
        return build()
    try:
        return build()
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure inside a damaged .docx
        raise InputError(reference, f"a damaged Word document ({type(exc).__name__} while using "
                         "it); save the post's template as .docx again and pass that") from None
