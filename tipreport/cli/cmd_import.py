"""tipreport import CABLE [PART2 ...] -o ANSWERS.yaml [--questionnaire-out Q.yaml] [--force]"""

from __future__ import annotations

from pathlib import Path

import typer

ORDER = 10


def register(app: typer.Typer) -> None:
    app.command("import")(import_cable)


def import_cable(
    cables: list[Path] = typer.Argument(
        ..., help="Submission cable as text (archive export is fine); several files are the "
        "parts of one submission, joined in part order."),
    output: Path = typer.Option(..., "-o", "--output", help="Answers file to write."),
    questionnaire_out: Path | None = typer.Option(
        None, "--questionnaire-out",
        help="Where to write the questionnaire the cable implies (default: ANSWERS.questionnaire.yaml)."),
    force: bool = typer.Option(False, "--force", help="Overwrite existing output files."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON summary instead of text."),
) -> None:
    """Turn a submission cable (or its parts) into an answers file and its questionnaire."""
    from tipreport import importing
    from tipreport.cli.output import emit_json

    summary = importing.run(list(cables), output, questionnaire_out, force=force)
    if as_json:
        emit_json(summary)
        return
    typer.echo(f"imported {summary['questions']} entries from {', '.join(summary['cables'])} "
               f"({summary['reference_id'] or 'no reference id'}) into {summary['output']}")
    typer.echo(f"  glossary: {summary['glossary']} entries; staff hours: {summary['staff_hours']}; "
               f"signer: {summary['signer'] or '-'}")
    if summary["questionnaire_out"]:
        typer.echo(f"  questionnaire written to {summary['questionnaire_out']}")
    for w in summary["warnings"]:
        typer.echo(f"  warning: {w}", err=True)
