"""The import command's core: parse a cable (or the parts of one), write the answers file
and the questionnaire the cable implies.

The answers file names that questionnaire (a path beside it), so check, status, diff
and render work for any year and any post's layout, shipped or not. Kept apart from
the parser so the parser stays pure (text in, data out).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tipreport import answers, importer, questionnaire, yamlio
from tipreport.errors import InputError, UsageError

HEADER = ("Answers file written by `tipreport import`. It is yours: edit the text freely;\n"
          "comments and layout are kept by every tipreport command.")
Q_HEADER = ("Questionnaire written by `tipreport import`: the questions {source} answers, with\n"
            "the post's own labels, headings and marks (the layout render writes back).")


def default_questionnaire_path(output: Path) -> Path:
    """answers/chile-2009.yaml -> answers/chile-2009.questionnaire.yaml"""
    return output.with_name(f"{output.stem}.questionnaire.yaml")


def run(cables: list[Path] | Path, output: Path, questionnaire_out: Path | None, *,
        force: bool) -> dict:
    """Import and write both files; refuse to overwrite either unless forced (checked first)."""
    cables = [Path(c) for c in (cables if isinstance(cables, list | tuple) else [cables])]
    output = Path(output)
    if str(output) in ("", ".") or output.name in ("", ".", ".."):
        raise UsageError("-o: give the answers file to write")
    qout = Path(questionnaire_out) if questionnaire_out is not None else default_questionnaire_path(output)
    if qout.resolve() == output.resolve():
        raise UsageError(f"{output}: -o and --questionnaire-out name the same file")
    for target, flag in ((output, "-o"), (qout, "--questionnaire-out")):
        yamlio.refuse_inputs(target, cables, flag)
        if target.is_dir():
            raise UsageError(f"{target}: is a directory; {flag} takes a file name")
        if target.exists() and not force:
            raise UsageError(f"{target}: already exists; pass --force to overwrite it")
    if not qout.parent.is_dir():
        raise UsageError(f"{qout}: folder {qout.parent} does not exist")
    if not output.parent.is_dir():
        raise UsageError(f"{output}: folder {output.parent} does not exist")
    result = importer.import_files(cables)
    ref = _reference(qout, output)
    meta = replace(result.meta, questionnaire=ref)
    doc = answers.new_document(meta, result.answers, result.glossary, header=HEADER)
    if result.period_derived:
        doc["meta"].yaml_add_eol_comment("not stated in the cable: the twelve months to its date; "
                                         "check it", "reporting_period")
    text = yamlio.dumps(doc)
    try:  # what we write must load back; if not, the cable is what is wrong
        answers.from_data(yamlio.loads_fast(text, output), output)
    except InputError as exc:
        raise InputError(cables[0], f"its answers file would not load back: {exc.message}") from None
    qdoc = questionnaire.to_data(result.questionnaire)
    qdoc.yaml_set_start_comment(Q_HEADER.format(source=result.meta.reference_id or "this cable"))
    qtext = yamlio.dumps(qdoc)
    questionnaire.from_data(yamlio.loads_fast(qtext, qout), qout)
    yamlio.atomic_write_text(qout, qtext, overwrite=force)
    yamlio.atomic_write_text(output, text, overwrite=force)
    return {
        "cables": [str(c) for c in cables],
        "cable": str(cables[0]),
        "output": str(output),
        "questionnaire_out": str(qout),
        "reference_id": result.meta.reference_id,
        "year": result.meta.year,
        "questions": len(result.answers),
        "question_ids": [a.id for a in result.answers],
        "glossary": len(result.glossary),
        "staff_hours": result.meta.total_hours,
        "signer": result.meta.signer,
        "warnings": result.warnings,
    }


def _reference(qout: Path, output: Path) -> str:
    """How the answers file names its questionnaire: a path relative to itself when it can."""
    try:
        return str(qout.resolve().relative_to(output.resolve().parent))
    except ValueError:
        return str(qout.resolve())
