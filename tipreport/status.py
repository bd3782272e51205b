"""Progress of a submission, section by section: answered, edited, carried untouched, empty.

Drafting a submission takes weeks; the officer (and the section chief asking
"how far along are we?") needs to see what is still last year's text and what
is still blank. "Carried untouched" is a fact from the provenance fingerprint,
not a guess: any edit that changes a word moves an answer to "edited", and
setting ``status: done`` on an answer that is still true as carried moves it
to "answered" (reviewed and kept).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tipreport import answers as answers_mod
from tipreport.answers import Answer
from tipreport.questionnaire import Questionnaire

STATES = ("answered", "edited", "untouched", "empty")


@dataclass(frozen=True)
class QuestionStatus:
    id: str
    section: int
    topic: str
    state: str
    status: str  # the answer's own status field (todo, carried, draft, done...)
    words: int


@dataclass(frozen=True)
class Tally:
    """Counts for one section (or the whole file)."""

    number: int | None
    title: str
    answered: int = 0
    edited: int = 0
    untouched: int = 0
    empty: int = 0

    @property
    def total(self) -> int:
        return self.answered + self.edited + self.untouched + self.empty

    @property
    def done(self) -> int:
        """Answers the officer has written or reviewed this year."""
        return self.answered + self.edited

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100

    def to_dict(self) -> dict[str, Any]:
        return {"section": self.number, "title": self.title, "total": self.total,
                "answered": self.answered, "edited": self.edited, "untouched": self.untouched,
                "empty": self.empty, "percent": self.percent}


@dataclass(frozen=True)
class StatusReport:
    path: str
    country: str
    year: int
    questionnaire: int
    partial: bool
    sections: tuple[Tally, ...]
    total: Tally
    questions: tuple[QuestionStatus, ...]
    retired: int

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.path, "country": self.country, "year": self.year,
                "questionnaire": self.questionnaire, "partial": self.partial,
                "sections": [s.to_dict() for s in self.sections], "total": self.total.to_dict(),
                "questions": [vars(q) for q in self.questions], "retired": self.retired}


def state_of(ans: Answer | None) -> str:
    """One of STATES for an answer (None: the question has no entry at all)."""
    if ans is None or ans.blank:
        return "empty"
    if ans.provenance.fingerprint and not ans.untouched:
        return "edited"
    if ans.provenance.source == "carried" and ans.status != "done":
        return "untouched"
    return "answered"


def run(path: str | Path, questionnaire: str | Path | None = None) -> StatusReport:
    """Tally every question of the file's questionnaire (missing entries count as empty)."""
    af, q = answers_mod.load_with_questionnaire(path, questionnaire, editable=False)  # only reads
    rows = tuple(_question(q, qid, af.answers.get(qid)) for qid in q.ids())
    sections = tuple(_tally(s.number, s.title, [r for r in rows if r.section == s.number])
                     for s in q.sections)
    return StatusReport(str(path), af.meta.country, af.meta.year, q.year, q.partial,
                        tuple(s for s in sections if s.total), _tally(None, "all", list(rows)),
                        rows, len(af.retired))


def _question(q: Questionnaire, qid: str, ans: Answer | None) -> QuestionStatus:
    question = q.get(qid)
    text = ans.text if ans is not None else ""
    return QuestionStatus(qid, question.section, question.topic, state_of(ans),
                          ans.status if ans is not None else "todo", len(text.split()))


def _tally(number: int | None, title: str, rows: list[QuestionStatus]) -> Tally:
    counts = {s: sum(1 for r in rows if r.state == s) for s in STATES}
    return Tally(number, title, **counts)


BAR_CHARS = {"answered": "#", "edited": "+", "untouched": "-", "empty": "."}


def bar(t: Tally, width: int = 20) -> str:
    """A fixed-width bar: # answered, + edited, - carried untouched, . empty (ASCII: pipes cleanly)."""
    if not t.total:
        return " " * width
    out, cum, drawn = [], 0, 0
    for state in STATES:
        cum += getattr(t, state)
        upto = round(cum * width / t.total)
        out.append(BAR_CHARS[state] * (upto - drawn))
        drawn = upto
    return "".join(out)
