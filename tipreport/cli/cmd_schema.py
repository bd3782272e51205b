"""tipreport schema / tipreport validate"""

from __future__ import annotations

from pathlib import Path

import typer

ORDER = 90


def register(app: typer.Typer) -> None:
    app.command("schema")(schema)
    app.command("validate")(validate)


def schema() -> None:
    """Print the JSON Schema of the answers file (for VS Code YAML and other editors)."""
    from tipreport.cli.output import emit_json
    from tipreport.schema import answers_schema

    emit_json(answers_schema())


def validate(
    files: list[Path] = typer.Argument(..., help="Answers files to validate."),
    questionnaire: Path | None = typer.Option(None, "--questionnaire", "-q",
                                              help="Questionnaire to check ids against."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON result."),
) -> None:
    """Check that answers files load, match their questionnaire, and have no unknown fields."""
    from tipreport import answers
    from tipreport.cli.output import emit_json

    results = []
    for f in files:
        af, q = answers.load_with_questionnaire(f, questionnaire, editable=False)
        results.append({"file": str(f), "ok": True, "answers": len(af.answers), "questionnaire": q.year})
    if as_json:
        emit_json(results)
    else:
        for r in results:
            typer.echo(f"{r['file']}: ok ({r['answers']} answers, questionnaire {r['questionnaire']})")
