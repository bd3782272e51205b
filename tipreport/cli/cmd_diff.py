"""tipreport diff OLD.yaml NEW.yaml [--json] [--html FILE] [--docx FILE] [--question ID] [--stat]
[--author NAME] [--reference-docx FILE] [--force]

The terminal format is git's word diff: colour on a terminal, ``[-old-]{+new+}``
when piped, so the output can be grepped, mailed or pasted into a cable draft.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:  # pragma: no cover
    from tipreport.diff import DiffReport, FigureChange, ParagraphDiff, QuestionDiff

ORDER = 40

# deletions red and struck through, insertions green: told apart without colour vision too
_RED, _GREEN, _BOLD_UL, _DIM, _RESET = "\x1b[9;31m", "\x1b[32m", "\x1b[1;4m", "\x1b[2m", "\x1b[0m"
_HEAD = "\x1b[1m"


def register(app: typer.Typer) -> None:
    app.command("diff")(diff)


def diff(
    old: Path = typer.Argument(..., help="Last year's answers file (or the submission to compare against)."),
    new: Path = typer.Argument(..., help="This year's answers file (or the carried draft)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    html: Path | None = typer.Option(None, "--html", help="Also write a self-contained HTML page."),
    docx: Path | None = typer.Option(None, "--docx", help="Also write a Word document with tracked changes."),
    question: str | None = typer.Option(None, "--question", "-Q",
                                        help="Only this question (this year's id, or a retired one's)."),
    stat: bool = typer.Option(False, "--stat", help="Only the per-question summary."),
    author: str = typer.Option("tipreport", "--author",
                               help="Author name on the tracked changes of --docx."),
    reference_docx: Path | None = typer.Option(
        None, "--reference-docx", help="A post's .docx whose styles and page setup --docx uses."),
    force: bool = typer.Option(False, "--force", help="Overwrite existing --html/--docx files."),
) -> None:
    """Show what changed between two years' answers, question by question.

    Questions are paired the way carry pairs them (renumbered questions are
    matched by what they ask). Exit status: 0 nothing changed, 1 something
    changed (like diff), 2 bad input.
    """
    from tipreport import diff as core
    from tipreport.cli.output import emit_json
    from tipreport.errors import InputError, UsageError

    targets = [p for p in (html, docx) if p is not None]
    if html is not None and docx is not None and html.resolve() == docx.resolve():
        raise UsageError("--html and --docx name the same file")
    from tipreport import yamlio

    for target in targets:  # checked before any work, so a refusal leaves nothing half-written
        yamlio.refuse_inputs(target, [old, new, reference_docx], "--html" if target is html else "--docx")
        if target.exists() and not force:
            raise UsageError(f"{target}: already exists; pass --force to overwrite it")
        if not target.parent.is_dir():
            raise InputError(target, f"folder {target.parent} does not exist")
    report = core.diff_files(old, new, question=question)
    _write_outputs(report, html, docx, author=author, reference=reference_docx, force=force)
    if as_json:
        emit_json(report.to_dict(stat=stat))
    else:
        color = _use_color()
        typer.echo(render_terminal(report, color=color, stat=stat, full=question is not None),
                   color=color)
    if report.changed:
        raise typer.Exit(1)


def _write_outputs(report: DiffReport, html: Path | None, docx: Path | None, *,
                   author: str, reference: Path | None, force: bool) -> None:
    """Render both files before writing either, so a failure leaves nothing half-done."""
    from tipreport import yamlio

    outputs: list[tuple[Path, bytes]] = []
    if html is not None:
        from tipreport import diff_html

        outputs.append((html, diff_html.render(report).encode("utf-8")))
    if docx is not None:
        from tipreport import diff_docx

        outputs.append((docx, diff_docx.render(report, author=author, reference=reference)))
    for path, data in outputs:
        yamlio.atomic_write_bytes(path, data, overwrite=force)
        typer.echo(f"wrote {path}", err=True)


def _use_color() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


# ---------------------------------------------------------------- terminal rendering

def render_terminal(report: DiffReport, *, color: bool = False, stat: bool = False,
                    full: bool = False) -> str:
    """The summary table, then (unless ``stat``) each changed question's word diff.

    New and retired questions are listed in the summary; their whole text is
    printed only when ``full`` (one question asked for), since a partial
    questionnaire would otherwise print every retired answer in full.
    """
    from tipreport.diff import NEW, PAIRED, RETIRED

    lines = _header(report, color) + [""] + _summary(report) + [""] + [_totals(report)]
    if stat:
        return "\n".join(lines)
    for q in report.questions:
        if full or (q.status == PAIRED and q.diff.changed):
            lines.append("")
            lines += _question(q, color)
    if not full:
        new = [q.new_id for q in report.questions if q.status == NEW]
        gone = [q.old_ids[0] for q in report.questions if q.status == RETIRED]
        if new or gone:
            lines.append("")
        if new:
            lines.append(f"new questions, no predecessor: {', '.join(new)}")
        if gone:
            lines.append(f"retired (no successor in {report.new.questionnaire}): {', '.join(gone)}")
        if new or gone:
            lines.append("use --question ID to see one of these answers in full")
    return "\n".join(lines)


def _header(report: DiffReport, color: bool) -> list[str]:
    o, n = report.old, report.new
    head = (f"--- {o.path} ({o.reference_id or o.year}, questionnaire {o.questionnaire})\n"
            f"+++ {n.path} ({n.reference_id or n.year}, questionnaire {n.questionnaire})")
    out = [_paint(head, _HEAD, color), report.pairing_text]
    out += [f"note: {note}" for note in report.notes]
    return out


def _figures_cell(q: QuestionDiff) -> str:
    c = q.diff.figure_counts()
    parts = [f"{c['changed']} changed"] if c["changed"] else []
    parts += [f"{c['added']} added"] if c["added"] else []
    parts += [f"{c['removed']} dropped"] if c["removed"] else []
    return ", ".join(parts) or "-"


def _summary(report: DiffReport) -> list[str]:
    from tipreport.cli.output import table
    from tipreport.diff import PAIRED

    rows = []
    for q in report.questions:
        paired = q.status == PAIRED
        rows.append([
            q.label,
            _short(q.topic, 40),
            f"{q.diff.similarity:.1f}%" if paired else "-",
            f"+{q.diff.words_added}" if paired or q.new_id else "",
            f"-{q.diff.words_removed}" if paired or not q.new_id else "",
            _figures_cell(q) if paired else "-",
        ])
    return table(rows, ["question", "topic", "same", "words+", "words-", "figures"]).splitlines()


def _totals(report: DiffReport) -> str:
    c = report.counts()
    return (f"{c['paired']} paired ({c['changed']} changed, {c['unchanged']} unchanged, "
            f"{c['figures']} with changed figures), {c['new']} new, {c['retired']} retired")


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def _question(q: QuestionDiff, color: bool) -> list[str]:
    from tipreport.diff import NEW, RETIRED

    head = f"== {q.label}  {q.topic}"
    out = [_paint(head, _HEAD, color)]
    if q.note:
        out.append(f"   {q.note}")
    if q.status == NEW:
        out.append(f"   new question: {q.diff.new_words} words, all added")
    elif q.status == RETIRED:
        out.append(f"   retired question: {q.diff.old_words} words, all dropped")
    else:
        score = f", alignment score {q.score:.0f}" if q.score is not None else ""
        out.append(f"   {q.diff.similarity:.1f}% the same, +{q.diff.words_added} "
                   f"-{q.diff.words_removed} words{score}")
    if q.new_blank and not q.old_blank and q.new_id:
        out.append("   this year's answer is blank")
    out += [f"   figure: {_figure(f, color)}" for f in q.diff.figures if f.kind == "changed"]
    dropped = [f for f in q.diff.figures if f.kind != "changed"]
    if dropped:
        out.append(f"   figures also {_dropped_added(dropped)}")
    unchanged = 0
    for p in q.diff.paragraphs:
        if p.op == "equal" and q.diff.changed:
            unchanged += 1
            continue
        out.append("")
        out.append(_paragraph(p, color))
    if unchanged:
        out.append(_paint(f"   ({unchanged} unchanged paragraph{'s' if unchanged != 1 else ''})",
                          _DIM, color))
    return out


def _dropped_added(figs: list[FigureChange]) -> str:
    gone = [f.old for f in figs if f.kind == "removed"]
    came = [f.new for f in figs if f.kind == "added"]
    parts = [f"dropped: {', '.join(gone)}"] if gone else []
    parts += [f"added: {', '.join(came)}"] if came else []
    return "; ".join(parts)


def _figure(f: FigureChange, color: bool) -> str:
    if not color:
        return f.label()
    return f.label(f"{_RED}{f.old}{_RESET} -> {_GREEN}{_BOLD_UL}{f.new}{_RESET}")


def _paragraph(p: ParagraphDiff, color: bool) -> str:
    where = f"p{(p.new if p.new is not None else p.old) + 1}"
    if p.op == "delete":
        where = f"old p{p.old + 1}"
    parts = []
    for s in p.segments:
        if s.space and parts:
            parts.append(" ")
        parts.append(_segment(s.op, s.text, color))
    return f"{where}: " + "".join(parts)


def _segment(op: str, text: str, color: bool) -> str:
    if op == "equal":
        return text
    if not color:
        return f"[-{text}-]" if op == "delete" else f"{{+{text}+}}"
    from tipreport.diff import number_pieces

    base = _RED if op == "delete" else _GREEN
    body = "".join(f"{_BOLD_UL}{piece}{_RESET}{base}" if is_num else piece
                   for piece, is_num in number_pieces(text))
    return f"{base}{body}{_RESET}"


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text
