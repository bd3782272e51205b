"""Many cables in one call: import, check and render each, reporting per cable.

A desk officer (or the benchmark) runs a season's submissions at once. One bad
cable must not stop the rest: its one-line reason is recorded and the batch
goes on. Each cable's files land in the output folder under the cable's name.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tipreport.errors import InputError, TipreportError, UsageError

FORMATS = ("cable", "docx")


@dataclass
class CableOutcome:
    cable: str
    answers: str | None = None
    rendered: list[str] = field(default_factory=list)
    questions: int = 0
    errors: int = 0       # check findings of error severity
    warnings: int = 0
    failed: str | None = None  # one-line reason when the cable could not be processed

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class BatchResult:
    outdir: str
    outcomes: list[CableOutcome]

    @property
    def failed(self) -> list[CableOutcome]:
        return [o for o in self.outcomes if o.failed]

    @property
    def with_errors(self) -> list[CableOutcome]:
        return [o for o in self.outcomes if not o.failed and o.errors]


OUTPUTS = (".yaml", ".questionnaire.yaml", ".txt", ".docx")  # what one cable may leave


def _stem(cable: Path, taken: set[str], outdir: Path) -> str:
    """Output name from the cable's name, made unique within the batch: none of its files
    may be another cable's file or one of the cables given (x.txt and x.questionnaire.txt
    in one call; a cable in the output folder itself)."""
    stem, n = cable.stem, 2
    while any(stem + ext in taken for ext in OUTPUTS):
        stem, n = f"{cable.stem}-{n}", n + 1
    taken.update(stem + ext for ext in OUTPUTS)
    return stem


def one(cable: Path, outdir: Path, stem: str, formats: Sequence[str], force: bool) -> CableOutcome:
    """Import, check and render one cable; bad input becomes the outcome's reason."""
    from tipreport import checks, importing, render

    out = CableOutcome(str(cable))
    answers_path = outdir / f"{stem}.yaml"
    q_path = outdir / f"{stem}.questionnaire.yaml"
    try:
        summary = importing.run(cable, answers_path, q_path, force=force)
        out.answers, out.questions = str(answers_path), summary["questions"]
        result = checks.run(answers_path, questionnaire=q_path)
        out.errors, out.warnings = len(result.errors), len(result.warnings)
        for fmt in formats:
            target = outdir / f"{stem}.{'txt' if fmt == 'cable' else 'docx'}"
            render.run(answers_path, fmt, target, questionnaire=q_path, force=force)
            out.rendered.append(str(target))
    except TipreportError as exc:
        out.failed = str(exc)
    return out


def run(cables: Sequence[str | Path], outdir: str | Path, *, formats: Sequence[str] = ("cable",),
        force: bool = False, progress: Callable[[CableOutcome], None] | None = None,
        jobs: int | None = None) -> BatchResult:
    """Process every cable; ``progress`` is called after each (the CLI draws a bar with it).

    Cables are independent, so ``jobs`` worker processes (default: one per core) share
    them; outcomes come back in the order the cables were given.
    """
    formats = list(dict.fromkeys(formats))  # "-f cable -f cable" renders once
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise UsageError(f"--format {bad[0]}: choose from {', '.join(FORMATS)}")
    folder = Path(outdir)
    if folder.exists() and not folder.is_dir():
        raise InputError(folder, "is a file; --outdir needs a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(folder, f"cannot create: {exc.strerror or exc}") from None
    if jobs is not None and jobs < 1:
        raise UsageError(f"--jobs {jobs}: give 1 or more worker processes")
    paths = [Path(c) for c in cables]
    here = os.path.realpath(folder)
    # the cables already in the output folder are names no output may take
    taken = {p.name for p in paths if os.path.realpath(p.parent) == here}
    work = [(cable, folder, _stem(cable, taken, folder), formats, force) for cable in paths]
    jobs = min(jobs or os.cpu_count() or 1, len(work))
    outcomes = []
    if jobs <= 1:
        results = (one(*w) for w in work)
        pool = None
    else:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=jobs)
        results = pool.map(_one, work)
    try:
        for outcome in results:
            outcomes.append(outcome)
            if progress is not None:
                progress(outcome)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return BatchResult(str(folder), outcomes)


def _one(args: tuple) -> CableOutcome:
    return one(*args)
