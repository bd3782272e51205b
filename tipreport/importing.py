"""The import command's core: parse a cable, write the answers file (and questionnaire).

Kept apart from the parser so the parser stays pure (text in, data out).
"""

from __future__ import annotations

from pathlib import Path

from tipreport import answers, importer, questionnaire, yamlio
from tipreport.errors import UsageError

HEADER = ("Answers file written by `tipreport import`. It is yours: edit the text freely;\n"
          "comments and layout are kept by every tipreport command.")


def run(cable: Path, output: Path, questionnaire_out: Path | None, *, force: bool) -> dict:
    """Import and write both files; refuse to overwrite either unless forced (checked first)."""
    if questionnaire_out is not None and Path(questionnaire_out).resolve() == Path(output).resolve():
        raise UsageError(f"{output}: -o and --questionnaire-out name the same file")
    if Path(output).resolve() == Path(cable).resolve():
        raise UsageError(f"{output}: -o names the cable being imported")
    for target in filter(None, (output, questionnaire_out)):
        if Path(target).exists() and not force:
            raise UsageError(f"{target}: already exists; pass --force to overwrite it")
    result = importer.import_file(cable)
    doc = answers.new_document(result.meta, result.answers, result.glossary, header=HEADER)
    text = yamlio.dumps(doc)
    answers.from_data(yamlio.loads_fast(text, output), output)  # what we write must load back
    if questionnaire_out is not None:
        yamlio.save(questionnaire_out, questionnaire.to_data(result.questionnaire), overwrite=force)
    yamlio.atomic_write_text(output, text, overwrite=force)
    return {
        "cable": str(cable),
        "output": str(output),
        "questionnaire_out": str(questionnaire_out) if questionnaire_out else None,
        "reference_id": result.meta.reference_id,
        "year": result.meta.year,
        "questions": len(result.answers),
        "question_ids": [a.id for a in result.answers],
        "glossary": len(result.glossary),
        "staff_hours": result.meta.total_hours,
        "signer": result.meta.signer,
        "warnings": result.warnings,
    }
