"""tipreport hours add ANSWERS.yaml --who NAME --role ROLE --hours N
tipreport hours list ANSWERS.yaml [--json]"""

from __future__ import annotations

from pathlib import Path

import typer

ORDER = 65

hours_app = typer.Typer(
    help="Log staff hours spent on the submission; the closing paragraph sums them.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


def register(app: typer.Typer) -> None:
    app.add_typer(hours_app, name="hours")


def _summary(report) -> None:
    from tipreport.cli.output import table
    from tipreport.hours import fmt

    if not report.entries:
        typer.echo(f"{report.path}: no staff hours logged yet "
                   "(tipreport hours add FILE --who NAME --role ROLE --hours N)")
        return
    rows = [[e.who or "-", e.role, fmt(e.hours)] for e in report.entries]
    typer.echo(table(rows, ["who", "role", "hours"]))
    typer.echo(f"total: {fmt(report.total)} hours")
    typer.echo(f"note: ...required {report.note}.")


def _as_data(report) -> dict:
    return {
        "file": report.path,
        "entries": [{"who": e.who, "role": e.role, "hours": e.hours} for e in report.entries],
        "by_role": [{"role": r.role, "hours": r.hours, "people": list(r.people)}
                    for r in report.by_role],
        "total": report.total,
        "note": report.note,
    }


@hours_app.command("add")
def add(
    answers_file: Path = typer.Argument(..., help="Answers file to log in."),
    who: str = typer.Option(..., "--who", help="Who spent the time, e.g. 'Margaret McKean'."),
    role: str = typer.Option(..., "--role",
                             help="Their role, e.g. 'political officer', 'local FSN political "
                                  "assistant'. The first role logged counts as the drafters'."),
    hours: float = typer.Option(..., "--hours", help="Hours spent (7.5 is fine)."),
    as_json: bool = typer.Option(False, "--json", help="Print the updated log as JSON."),
) -> None:
    """Add an entry to meta.staff_hours, editing the file in place (comments are kept)."""
    from tipreport import hours as core
    from tipreport.cli.output import emit_json

    report = core.add_to_file(answers_file, who, role, hours)
    if as_json:
        emit_json(_as_data(report))
        return
    typer.echo(f"logged {core.fmt(hours)} hours for {who.strip()} ({role.strip()}) in {answers_file}")
    _summary(report)


@hours_app.command("list")
def list_hours(
    answers_file: Path = typer.Argument(..., help="Answers file to read."),
    as_json: bool = typer.Option(False, "--json", help="Print the log as JSON."),
) -> None:
    """Show the staff-hours log, its total and the note the closing paragraph will print."""
    from tipreport import hours as core
    from tipreport.cli.output import emit_json

    report = core.list_file(answers_file)
    if as_json:
        emit_json(_as_data(report))
    else:
        _summary(report)
