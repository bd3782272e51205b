"""tipreport status ANSWERS.yaml [--json]"""

from __future__ import annotations

from pathlib import Path

import typer

ORDER = 35

HELP = """Show progress per section: answered, edited, carried untouched, empty.

\b
answered   written this year, imported as sent, or marked status: done
edited     carried or imported, then changed
untouched  carried from last year and not edited since (fingerprint unchanged)
empty      blank, a placeholder such as TODO, or no entry for the question
"""


def register(app: typer.Typer) -> None:
    app.command("status", help=HELP)(status)


def status(
    answers: Path = typer.Argument(..., help="The answers file."),
    questionnaire: Path | None = typer.Option(
        None, "--questionnaire", "-q", help="Questionnaire (default: the one meta names)."),
    as_json: bool = typer.Option(False, "--json", help="Print the tallies as JSON."),
) -> None:
    from tipreport import status as core

    report = core.run(answers, questionnaire)
    if as_json:
        from tipreport.cli.output import emit_json

        emit_json(report.to_dict())
        return
    typer.echo(format_report(report))


def format_report(report) -> str:
    from tipreport.cli.output import table
    from tipreport.status import BAR_CHARS, bar

    partial = ", partial" if report.partial else ""
    head = (f"{report.path}: {report.country} {report.year} "
            f"(questionnaire {report.questionnaire}{partial}, {report.total.total} questions)")
    rows = []
    for t in (*report.sections, report.total):
        label = f"{t.number} {t.title}" if t.number is not None else "all sections"
        rows.append([label, str(t.total), str(t.answered), str(t.edited), str(t.untouched),
                     str(t.empty), f"[{bar(t)}] {t.percent:3d}%"])
    body = table(rows, ["section", "total", "answered", "edited", "untouched", "empty",
                        "progress"])
    legend = ("bar: " + ", ".join(f"{c} {s}" for s, c in BAR_CHARS.items())
              + "; % = answered + edited")
    out = [head, "", body, "", legend]
    if report.retired:
        out.append(f"{report.retired} retired answer(s) kept under retired: (not counted)")
    return "\n".join(out)
