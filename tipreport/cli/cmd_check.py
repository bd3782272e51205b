"""tipreport check ANSWERS.yaml [--prior PRIOR.yaml] [--json] [--only KIND] [--question ID] [--ack ID]"""

from __future__ import annotations

from pathlib import Path

import typer

ORDER = 30

HELP = """Show which sentences of an answers file need a look, and nothing more.

\b
Kinds (severity):
  unanswered         error    empty, TODO, TBD, [insert ...]
  carried-untouched  error    carried from last year and never edited
                              (clear it by editing, or by setting status: done)
  stale-figure       error    a count or amount carried unchanged from last year
  stale-date         error    last year's news, or a date before this reporting
                              period told as current
  past-due           error    expected, planned or due by a date now past
  marking            error    paragraph without (U)/(SBU) where the questionnaire
                              requires marks
  stale-meta         error    last year's signer, drafters, point of contact, SUBJECT,
                              routing serial, date-time group, REF still in meta, or no
                              staff hours logged this year (a carried draft)
  time-words         warning  currently, so far, to date, recently, now, this year...
                              in carried text
  abbreviation       warning  used but not in the glossary, or in the glossary but unused

\b
Dates are judged against meta.reporting_period, and carried text against the
period it was written for (meta.carried_from, however many years back). Last year's answers file is
found beside this one (same country, the year the answers were carried from),
or given with --prior; without it, edited answers are not checked for carried
figures and the output says so.

\b
To silence one finding on purpose, pass its id (shown with each finding) to
--ack: an entry is added to the file's ack: list, and the finding stays
silenced until its sentence changes.

\b
Exit status: 0 no errors (warnings allowed), 1 errors remain, 2 bad input.
"""


def register(app: typer.Typer) -> None:
    app.command("check", help=HELP)(check)


def check(
    answers: Path = typer.Argument(..., help="This year's answers file."),
    prior: Path | None = typer.Option(None, "--prior", help="Last year's answers file."),
    questionnaire: Path | None = typer.Option(
        None, "--questionnaire", "-q", help="Questionnaire (default: the one meta names)."),
    only: list[str] = typer.Option([], "--only", metavar="KIND",
                                   help="Report only this kind (repeatable, or comma-separated)."),
    question: str | None = typer.Option(None, "--question", metavar="ID",
                                        help="Report only this question, e.g. 3F."),
    ack: list[str] = typer.Option([], "--ack", metavar="ID",
                                  help="Silence the finding with this id (repeatable)."),
    as_json: bool = typer.Option(False, "--json", help="Print findings as a JSON list."),
) -> None:
    from tipreport import checks
    from tipreport.errors import EXIT_FINDINGS

    if ack:
        done = checks.acknowledge(answers, ack, prior=prior, questionnaire=questionnaire)
        for f in done:
            typer.echo(f"silenced {f.id}: {f.excerpt}", err=as_json)
    result = checks.run(answers, prior=prior, questionnaire=questionnaire,
                        only=tuple(only), question=question)
    if as_json:
        from tipreport.cli.output import emit_json

        emit_json([f.to_dict() for f in result.findings])
        for note in result.notes:
            typer.echo(f"tipreport: note: {note}", err=True)
    else:
        typer.echo(format_result(result))
    if result.errors:
        raise typer.Exit(EXIT_FINDINGS)


def format_result(result) -> str:
    """The human view: findings grouped by question, the phrase marked «like this»."""
    head = f"{result.path}: {result.country} {result.year}, reporting period {result.period}"
    out = [head]
    if result.prior:
        out.append(f"last year's answers: {result.prior}")
    for note in result.notes:
        out.append(f"note: {note}")
    current = None
    for f in result.findings:
        if f.question != current:
            current = f.question
            topic = result.topics.get(f.question, "")
            out += ["", f"{f.question}  {topic}".rstrip()]
        where = f"line {f.line}" if f.line else "line ?"
        out.append(f"  {where}  {f.kind} ({f.severity})")
        if f.sentence:
            out.append(f"    {_marked(f.sentence, f.excerpt)}")
        elif f.excerpt:
            out.append(f"    {f.excerpt}")
        out.append(f"    {f.message}")
        out.append(f"    id: {f.id}")
    errors, warnings = len(result.errors), len(result.warnings)
    summary = (f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    if result.silenced:
        summary += f", {len(result.silenced)} silenced by ack"
    out += ["", summary if result.findings else f"clean: {summary}"]
    if result.findings:
        out.append(f"silence one on purpose: tipreport check {result.path} --ack ID")
    return "\n".join(out)


def _marked(sentence: str, excerpt: str, width: int = 160) -> str:
    """The sentence with the phrase between « », cut around it when the sentence is long."""
    k = sentence.find(excerpt) if excerpt else -1
    if k < 0:
        return sentence if len(sentence) <= width else sentence[: width - 3] + "..."
    marked = sentence[:k] + "«" + excerpt + "»" + sentence[k + len(excerpt):]
    if len(marked) <= width:
        return marked
    lo = max(0, k - (width - len(excerpt)) // 2)
    hi = min(len(marked), lo + width)
    lo = max(0, hi - width)
    return ("..." if lo else "") + marked[lo:hi].strip() + ("..." if hi < len(marked) else "")
