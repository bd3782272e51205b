"""The diff as one self-contained HTML page: a desk officer opens it in any browser.

No external stylesheet, font, script or image: the page is often read on a
machine with no network, or attached to an e-mail. Every piece of answer text
is HTML-escaped, since answers quote web pages and NGO reports. The page
carries the files' classification at top and bottom, like the cable itself.
"""

from __future__ import annotations

from html import escape

from tipreport.diff import (
    DELETE,
    EQUAL,
    INSERT,
    NEW,
    P_EQUAL,
    PAIRED,
    RETIRED,
    DiffReport,
    FigureChange,
    ParagraphDiff,
    QuestionDiff,
    number_pieces,
)

_CSS = """
body{font:15px/1.5 Georgia,'Times New Roman',serif;max-width:60em;margin:1.5em auto;padding:0 1em;
color:#1b1b1b;background:#fff}
h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.1em;margin:1.8em 0 .3em;border-bottom:1px solid #ccc}
.cls{text-align:center;font:bold 13px sans-serif;letter-spacing:.05em;color:#7a1f1f;margin:.4em 0}
.meta,.note,.stat{font:13px sans-serif;color:#444}
table{border-collapse:collapse;font:13px sans-serif;width:100%;margin:.8em 0}
th,td{border-bottom:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.num{text-align:right;white-space:nowrap}
tr.unchanged td{color:#777}
del{background:#fbe4e4;color:#8a1212;text-decoration:line-through}
ins{background:#e2f5e2;color:#135f13;text-decoration:none;border-bottom:1px solid #7bc47b}
b.fig{outline:2px solid #d08a00;background:#fff2cc;color:#000;font-weight:bold}
p.equal{color:#666}p.insert{border-left:3px solid #4caf50;padding-left:.6em}
p.delete{border-left:3px solid #d9534f;padding-left:.6em}
p.change{border-left:3px solid #d08a00;padding-left:.6em}
div.figs{font:13px sans-serif;margin:.3em 0 .8em}
details{margin:.5em 0}summary{cursor:pointer;font:13px sans-serif;color:#444}
@media print{details{display:block}a{color:inherit;text-decoration:none}}
"""


def render(report: DiffReport, *, title: str | None = None) -> str:
    """The whole page as text (UTF-8), ready for yamlio.atomic_write_text."""
    o, n = report.old, report.new
    title = title or f"TIP report answers: {o.reference_id or o.year} vs {n.reference_id or n.year}"
    cls = escape(n.classification or o.classification)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f'<div class="cls">{cls}</div>' if cls else "",
        f"<h1>{escape(title)}</h1>",
        _meta(report),
        _summary(report),
    ]
    parts += [_question(q, k) for k, q in enumerate(report.questions)]
    parts.append(f'<div class="cls">{cls}</div>' if cls else "")
    parts.append("</body></html>\n")
    return "\n".join(p for p in parts if p)


def _meta(report: DiffReport) -> str:
    o, n = report.old, report.new
    rows = [
        f"Old: <code>{escape(o.path)}</code> ({escape(o.reference_id or str(o.year))}, "
        f"questionnaire {o.questionnaire})",
        f"New: <code>{escape(n.path)}</code> ({escape(n.reference_id or str(n.year))}, "
        f"questionnaire {n.questionnaire})",
        f"{escape(report.pairing_text.capitalize())}.",
    ]
    rows += [f"Note: {escape(note)}." for note in report.notes]
    return '<p class="meta">' + "<br>".join(rows) + "</p>"


def _summary(report: DiffReport) -> str:
    c = report.counts()
    head = ("<tr><th>Question</th><th>Topic</th><th>Same</th><th>Words added</th>"
            "<th>Words removed</th><th>Figures</th></tr>")
    rows = []
    for k, q in enumerate(report.questions):
        cls = "" if q.diff.changed else ' class="unchanged"'
        sim = f"{q.diff.similarity:.1f}%" if q.status == PAIRED else "&ndash;"
        rows.append(
            f'<tr{cls}><td><a href="#q{k}">{escape(q.label)}</a></td><td>{escape(q.topic)}</td>'
            f'<td class="num">{sim}</td><td class="num">{q.diff.words_added}</td>'
            f'<td class="num">{q.diff.words_removed}</td><td>{_figures_cell(q)}</td></tr>')
    stat = (f'<p class="stat">{c["paired"]} paired ({c["changed"]} changed, {c["unchanged"]} '
            f'unchanged, {c["figures"]} with changed figures), {c["new"]} new, '
            f'{c["retired"]} retired.</p>')
    return f"<h2>Summary</h2><table>{head}{''.join(rows)}</table>{stat}"


def _figures_cell(q: QuestionDiff) -> str:
    if q.status != PAIRED:
        return "&ndash;"
    changed = [f for f in q.diff.figures if f.kind == "changed"]
    cell = ", ".join(f"{escape(f.old)}&nbsp;&rarr;&nbsp;<b>{escape(f.new)}</b>" for f in changed)
    rest = len(q.diff.figures) - len(changed)
    if rest:
        cell += f"{'; ' if cell else ''}{rest} dropped or added"
    return cell or "&ndash;"


def _question(q: QuestionDiff, k: int) -> str:
    status = {NEW: "new question", RETIRED: "retired question"}.get(q.status, "")
    score = f", alignment score {q.score:.0f}" if q.score is not None else ""
    stat = (f"{q.diff.similarity:.1f}% the same, {q.diff.words_added} words added, "
            f"{q.diff.words_removed} removed{score}") if q.status == PAIRED else status
    body = "".join(_paragraph(p) for p in q.diff.paragraphs) or '<p class="note">(no answer)</p>'
    if q.status != PAIRED:
        words = q.diff.new_words if q.status == NEW else q.diff.old_words
        verb = "added" if q.status == NEW else "dropped"
        body = f"<details><summary>Show the answer ({words} words, all {verb})</summary>{body}</details>"
    elif not q.diff.changed:
        body = f"<details><summary>Unchanged: show the answer</summary>{body}</details>"
    return (f'<section id="q{k}"><h2>{escape(q.label)} &mdash; {escape(q.topic)}</h2>'
            f'<p class="stat">{escape(stat)}</p>{_figure_list(q.diff.figures)}{body}</section>')


def _figure_list(figures: tuple[FigureChange, ...]) -> str:
    changed = [f for f in figures if f.kind == "changed"]
    if not changed:
        return ""
    items = "".join(
        "<li>" + escape(f.label("\x00")).replace(
            "\x00", f"<del>{escape(f.old)}</del> &rarr; <ins><b class=\"fig\">{escape(f.new)}</b></ins>")
        + "</li>" for f in changed)
    return f'<div class="figs">Changed figures:<ul class="figs">{items}</ul></div>'


def _paragraph(p: ParagraphDiff) -> str:
    out = []
    for s in p.segments:
        if s.space and out:
            out.append(" ")
        out.append(_segment(s.op, s.text, p.op != P_EQUAL))
    return f'<p class="{p.op}">{"".join(out)}</p>'


def _segment(op: str, text: str, mark_figures: bool) -> str:
    if op == EQUAL:
        return escape(text)
    body = "".join(f'<b class="fig">{escape(piece)}</b>' if is_num and mark_figures else escape(piece)
                   for piece, is_num in number_pieces(text))
    tag = {DELETE: "del", INSERT: "ins"}[op]
    return f"<{tag}>{body}</{tag}>"
