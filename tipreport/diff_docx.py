"""The diff as a Word document whose changes are real tracked changes.

An officer opens it in Word (or LibreOffice), sees last year's text with this
year's edits as redlines, and can accept or reject each one: deleted words are
``w:del`` runs holding ``w:delText``, inserted words ``w:ins`` runs, each with
an author and a date. Whole paragraphs added or dropped also carry a tracked
paragraph mark, so "accept all" gives exactly this year's answers and "reject
all" last year's. The headings, the summary table and the notes on figures
are the review's own apparatus and are not tracked.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tipreport.diff import (
    DELETE,
    INSERT,
    P_DELETE,
    P_INSERT,
    PAIRED,
    DiffReport,
    ParagraphDiff,
    QuestionDiff,
)
from tipreport.docx_render import xml_safe


class _Revisions:
    """Hands out the unique w:id every revision mark needs, with one author and date."""

    def __init__(self, author: str, date: datetime) -> None:
        self.author = author
        self.date = date.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.next_id = 1

    def mark(self, tag: str) -> Any:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        el = OxmlElement(tag)
        el.set(qn("w:id"), str(self.next_id))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        self.next_id += 1
        return el


def render(report: DiffReport, *, author: str = "tipreport", date: datetime | None = None,
           reference: str | Path | None = None) -> bytes:
    """The .docx as bytes (for yamlio.atomic_write_bytes).

    ``reference``: a post's .docx whose styles and page setup to use, as for
    ``render --reference-docx``; the classification goes in every header and
    footer, as in the rendered submission (the same helpers build both).
    """
    from tipreport import docx_render

    return docx_render.with_reference(reference, lambda: _build(report, author, date, reference))


def _build(report: DiffReport, author: str, date: datetime | None, reference: str | Path | None) -> bytes:
    from tipreport import docx_render

    doc = docx_render.open_document(reference)
    docx_render.ensure_styles(doc)
    cls = report.new.classification or report.old.classification
    if cls:
        docx_render.add_banner(doc, cls)
    revs = _Revisions(xml_safe(author or "") or "tipreport", date or datetime.now(UTC))
    props = doc.core_properties
    props.title = _title(report)
    props.author = props.last_modified_by = revs.author
    props.created = props.modified = (date or datetime.now(UTC)).replace(tzinfo=None)
    props.subject, props.keywords = "TIP report: year-over-year changes", ""
    _front(doc, report)
    for q in report.questions:
        _question(doc, q, revs)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _title(report: DiffReport) -> str:
    o, n = report.old, report.new
    return xml_safe(f"TIP report answers: {o.reference_id or o.year} compared with "
                    f"{n.reference_id or n.year}")


def _front(doc: Any, report: DiffReport) -> None:
    o, n = report.old, report.new
    doc.add_heading(_title(report), level=1)
    doc.add_paragraph(xml_safe(
        f"Old: {o.path} (questionnaire {o.questionnaire}). "
        f"New: {n.path} (questionnaire {n.questionnaire}). {report.pairing_text.capitalize()}. "
        "Changes to the answers are tracked: accept them all to get the new text."))
    for note in report.notes:
        doc.add_paragraph(xml_safe(f"Note: {note}."))
    _summary_table(doc, report)


def _summary_table(doc: Any, report: DiffReport) -> None:
    header = ("Question", "Topic", "Same", "Words +", "Words -", "Figures")
    from tipreport.docx_render import TABLE_STYLE

    table = doc.add_table(rows=1, cols=len(header))
    if TABLE_STYLE in {s.name for s in doc.styles}:
        table.style = TABLE_STYLE
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for q in report.questions:
        paired = q.status == PAIRED
        changed = [f for f in q.diff.figures if f.kind == "changed"]
        figs = ", ".join(f"{f.old} -> {f.new}" for f in changed) if paired else ""
        row = (q.label, q.topic, f"{q.diff.similarity:.1f}%" if paired else "",
               str(q.diff.words_added), str(q.diff.words_removed), figs)
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = xml_safe(text)


def _question(doc: Any, q: QuestionDiff, revs: _Revisions) -> None:
    doc.add_heading(xml_safe(f"{q.label}: {q.topic}" if q.topic else q.label), level=2)
    if q.status == PAIRED:
        score = f"; alignment score {q.score:.0f}" if q.score is not None else ""
        note = (f"{q.diff.similarity:.1f}% the same; {q.diff.words_added} words added, "
                f"{q.diff.words_removed} removed{score}.")
        changed = [f for f in q.diff.figures if f.kind == "changed"]
        if changed:
            note += " Changed figures: " + "; ".join(f.label() for f in changed) + "."
        doc.add_paragraph().add_run(xml_safe(note)).italic = True
    for p in q.diff.paragraphs:
        _paragraph(doc, p, revs)


def _paragraph(doc: Any, p: ParagraphDiff, revs: _Revisions) -> None:
    para = doc.add_paragraph()
    first = True
    for s in p.segments:
        text = (" " if s.space and not first else "") + xml_safe(s.text)
        first = False
        if s.op == DELETE:
            _tracked(para, "w:del", text, revs)
        elif s.op == INSERT:
            _tracked(para, "w:ins", text, revs)
        else:
            para.add_run(text)
    if p.op in (P_INSERT, P_DELETE):
        _track_mark(para, "w:ins" if p.op == P_INSERT else "w:del", revs)


def _run(text: str, deleted: bool) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    r = OxmlElement("w:r")
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def _tracked(para: Any, tag: str, text: str, revs: _Revisions) -> None:
    wrapper = revs.mark(tag)
    wrapper.append(_run(text, tag == "w:del"))
    para._p.append(wrapper)


def _track_mark(para: Any, tag: str, revs: _Revisions) -> None:
    """Track the paragraph mark itself, so accepting or rejecting removes the empty paragraph."""
    from docx.oxml import OxmlElement

    ppr = para._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    rpr.append(revs.mark(tag))
    ppr.append(rpr)
