"""tipreport init --from PRIOR.yaml --questionnaire Q.yaml -o NEW.yaml [--force | --fill] [--dry-run] [--json]

Thin: options in, carry.run, the table and a summary out."""

from __future__ import annotations

from pathlib import Path

import typer

ORDER = 20


def register(app: typer.Typer) -> None:
    app.command("init")(init)


def init(
    prior: Path = typer.Option(..., "--from", help="Last year's answers file."),
    questionnaire: Path = typer.Option(..., "--questionnaire", "-q", help="This year's questionnaire."),
    output: Path | None = typer.Option(None, "-o", "--output", help="This year's answers file to write."),
    prior_questionnaire: Path | None = typer.Option(
        None, "--prior-questionnaire", help="Last year's questionnaire (default: the one --from names)."),
    force: bool = typer.Option(False, "--force", help="Replace the output file if it exists."),
    fill: bool = typer.Option(False, "--fill", help="If the output exists, fill only its empty (or "
                              "missing) answers; never change an answer that has text."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Print the alignment table; write nothing."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
) -> None:
    """Carry last year's answers into this year's questionnaire, following renumbered and split questions."""
    from tipreport import carry
    from tipreport.cli.output import emit_json

    result = carry.run(prior, questionnaire, output, force=force, fill_mode=fill, dry_run=dry_run,
                       prior_questionnaire=prior_questionnaire)
    if as_json:
        emit_json(result.alignment.to_json() if dry_run else result.to_json())
        return
    typer.echo(alignment_table(result.alignment, result.entries))
    typer.echo("")
    for line in summary(result):
        typer.echo(line)


def _what(link, revived: dict) -> str:
    parts = [link.kind]
    if link.reworded and link.kind in ("same", "renumbered"):
        parts.append("reworded")
    text = ", ".join(parts)
    if link.new in revived:
        e = revived[link.new]
        return f"{text}: the {e.from_retired} answer to {' and '.join(e.old)}, from retired:"
    if link.nearest and link.kind in ("new", "retired"):
        text += f" (nearest {link.nearest[0]}: {link.nearest[1]:.0f})"
    if link.note and link.kind in ("split", "merged"):
        text += f": {link.note}"
    return text


def alignment_table(alignment, entries=()) -> str:
    """new | old | score | what, one row per question of this year, then last year's retired ones.

    A new question that took an answer from last year's retired: says so (``entries``: init's).
    """
    from tipreport.cli.output import table

    revived = {e.new: e for e in entries if e.from_retired}
    rows = [[lk.new or "-", " ".join(lk.old) or "-",
             "-" if lk.score is None else f"{lk.score:.0f}", _what(lk, revived)] for lk in alignment.links]
    head = f"questions {alignment.old_year} -> {alignment.new_year}"
    if alignment.partial:
        head += f" (the {alignment.new_year} questionnaire is partial)"
    return head + "\n" + table(rows, [str(alignment.new_year), str(alignment.old_year), "score", "what"])


def summary(result) -> list[str]:
    """What was (or would be) written, in an officer's words."""
    c = result.count
    verbs = {"fill": ("filled", "would fill"), "create": ("wrote", "would write"),
             "overwrite": ("replaced", "would replace")}
    verb = verbs[result.mode][1 if result.dry_run else 0]
    moved = c("carried") + c("split") + c("whole") + c("merged")
    if result.mode == "fill" and not moved:
        lines = [f"{result.output}: nothing to fill; file unchanged"]
    else:
        lines = [f"{verb} {result.output or '(no output given: dry run)'}"]
    parts = [f"{c('carried')} whole", f"{c('split')} split by paragraph"]
    if c("whole"):
        parts.append(f"{c('whole')} split questions given the whole answer")
    if c("merged"):
        parts.append(f"{c('merged')} merged")
    lines.append(f"  answers carried from {result.prior_year}: {', '.join(parts)}")
    for year in sorted({e.from_retired for e in result.entries if e.from_retired}, reverse=True):
        ids = [e.new for e in result.entries if e.from_retired == year]
        lines.append(f"    of which {year} answers kept under retired: in {result.prior_year}'s file: "
                     f"{' '.join(ids)}")
    if c("kept"):
        lines.append(f"  kept as you wrote them: {c('kept')}")
    drafts = [e.new for e in result.entries if e.action in ("new", "nothing")]
    lines.append(f"  to draft from scratch: {' '.join(drafts) if drafts else 'none'}")
    for action, label in (("retired", "retired answers, under retired:"),
                          ("left", "retired answers not copied (still in last year's file):")):
        ids = [e.old[0] for e in result.entries if e.action == action]
        if ids:
            lines.append(f"  {label} {' '.join(ids)}")
    for e in result.entries:
        if e.action in ("split", "whole", "merged"):
            lines.append(f"  {e.new}: {e.note}")
    if result.refused:
        lines.append(f"  note: {result.refused}")
    return lines
