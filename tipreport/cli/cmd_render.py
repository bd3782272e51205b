"""tipreport render ANSWERS.yaml --format cable|docx [-o FILE] [--width N] [--final]
[--template FILE] [--reference-docx FILE] [--force] [--json]"""

from __future__ import annotations

from pathlib import Path

import typer

ORDER = 60


def register(app: typer.Typer) -> None:
    app.command("render")(render)


def render(
    answers_file: Path = typer.Argument(..., help="Answers file to render."),
    fmt: str = typer.Option("cable", "--format", "-f", help="cable (fixed-width text) or docx (Word)."),
    output: str | None = typer.Option(
        None, "-o", "--output",
        help="File to write (default out/<answers name>.txt or .docx); '-' prints the cable."),
    width: int = typer.Option(65, "--width", help="Cable line width in columns."),
    final: bool = typer.Option(
        False, "--final",
        help="Refuse (exit 1, nothing written) while questions are unanswered, answers carried "
             "from last year are unedited (and not status: done), no staff hours are logged, "
             "no signer is set, or `check` reports any error not acknowledged (check --ack), "
             "whatever the status fields say."),
    template: Path | None = typer.Option(
        None, "--template", help="The post's own jinja2 cable template (runs sandboxed)."),
    reference_docx: Path | None = typer.Option(
        None, "--reference-docx", help="A post's .docx whose styles and page setup to use."),
    questionnaire: Path | None = typer.Option(
        None, "--questionnaire", "-q", help="Questionnaire to use instead of the one meta names."),
    force: bool = typer.Option(False, "--force", help="Overwrite the output file if it exists."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON summary instead of text."),
) -> None:
    """Render the submission as cable text or a Word document, with glossary and staff hours."""
    from tipreport import render as core
    from tipreport.cli.output import emit_json
    from tipreport.errors import UsageError

    if as_json and output == "-":
        raise UsageError("--json and -o - both want stdout; write the cable to a file")
    try:
        result = core.run(answers_file, fmt, output, width=width, final=final, template=template,
                          reference_docx=reference_docx, questionnaire=questionnaire, force=force)
    except core.FinalRefused as refused:
        if as_json:
            emit_json({**refused.result.as_dict(), "refused": True})
            raise typer.Exit(refused.exit_code) from None
        typer.echo(f"tipreport: {refused.result.answers}: not final; to finish:", err=True)
        for item in refused.result.blockers:
            typer.echo(f"  {item}", err=True)
        raise typer.Exit(refused.exit_code) from None
    if as_json:
        emit_json({**result.as_dict(), "refused": False})
        return
    if result.output == "-":
        typer.echo(result.text, nl=False)
    else:
        what = "cable text" if result.format == "cable" else "Word document"
        typer.echo(f"wrote {result.output} ({what}, {result.questions} questions, "
                   f"{len(result.glossary)} abbreviations in the glossary)")
    _warn(result)


def _warn(result) -> None:
    """Draft problems go to stderr so a piped cable (-o -) stays clean."""
    if result.unanswered:
        ids = ", ".join(u["id"] for u in result.unanswered)
        typer.echo(f"warning: {len(result.unanswered)} unanswered, marked in the text: {ids}",
                   err=True)
    for w in result.warnings:
        typer.echo(f"warning: {w}", err=True)
    for item in result.incomplete:
        typer.echo(f"warning: {item}", err=True)
