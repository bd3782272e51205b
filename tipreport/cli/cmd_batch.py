"""tipreport batch CABLE... --outdir DIR [--format cable|docx ...] [--force] [--json]"""

from __future__ import annotations

from pathlib import Path

import typer

ORDER = 80


def register(app: typer.Typer) -> None:
    app.command("batch")(batch)


def batch(
    cables: list[Path] = typer.Argument(..., help="Submission cables (text) to process."),
    outdir: Path = typer.Option(..., "--outdir", "-d", help="Folder for the answers files and renders."),
    fmt: list[str] = typer.Option(["cable"], "--format", "-f",
                                  help="What to render for each: cable and/or docx (repeat the option)."),
    force: bool = typer.Option(False, "--force", help="Overwrite files already in the folder."),
    jobs: int | None = typer.Option(None, "--jobs", "-j",
                                    help="Worker processes (default: one per core)."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list, one object per cable."),
) -> None:
    """Import, check and render many cables in one call, with a progress bar.

    Exit 0 when every cable went through cleanly, 1 when checks found errors,
    2 when a cable could not be imported (the others are still processed).
    """
    from tipreport import batch as core
    from tipreport.cli.output import emit_json

    with typer.progressbar(length=len(cables), label="cables", file=None if not as_json else _Null(),
                           show_pos=True) as bar:
        result = core.run(cables, outdir, formats=fmt, force=force, jobs=jobs,
                          progress=lambda _: bar.update(1))
    if as_json:
        emit_json([o.as_dict() for o in result.outcomes])
    else:
        ok = len(result.outcomes) - len(result.failed)
        typer.echo(f"{ok} of {len(result.outcomes)} cables imported, checked and rendered into "
                   f"{result.outdir}")
        for o in result.with_errors:
            typer.echo(f"  {o.cable}: {o.errors} check errors, {o.warnings} warnings "
                       f"(tipreport check {o.answers})")
        for o in result.failed:
            typer.echo(f"tipreport: {o.failed}", err=True)
    if result.failed:
        raise typer.Exit(2)
    if result.with_errors:
        raise typer.Exit(1)


class _Null:
    """A sink for the progress bar when stdout carries JSON."""

    def write(self, _: str) -> int:
        return 0

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False
