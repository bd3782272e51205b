"""The State questionnaire of one year: sections and questions, loaded from YAML.

Question ids are as printed (1A, 2J); the short topic heading is the line a
submission prints above each question. Carry-forward aligns questions by
text and topic, never by id alone, so both are kept word for word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from tipreport import fields, yamlio
from tipreport.errors import InputError

# 1A, 3BC (a merged "B and C"), 2P5 (a numbered paragraph of its own), 1H2 (a headed
# passage of a narrative submission), 2B-2 (a label the cable repeats)
QUESTION_ID = re.compile(r"^[1-9]\d?[A-Z]{1,4}\d{0,3}(?:-\d{1,3})?$")

# Stable across years (DOMAIN.md); used when a cable does not print section titles.
DEFAULT_SECTION_TITLES = {
    1: "Overview of the Country's Activities",
    2: "Prevention",
    3: "Investigation and Prosecution of Traffickers",
    4: "Protection and Assistance to Victims",
}


@dataclass(frozen=True)
class Section:
    number: int
    title: str


@dataclass(frozen=True)
class Question:
    """A question, with the post's layout for it when it is not the default one.

    ``label`` is the label as the cable wrote it ("27.A.", "-- A.", "5. (SBU) Question 23 B
    and C:"; None prints "1A."), ``mark`` the question's own portion mark, ``heading`` the
    lines printed above it as written (None prints the topic underlined with dashes).
    """

    id: str
    section: int
    topic: str
    text: str
    label: str | None = None
    mark: str = ""
    heading: str | None = None


@dataclass(frozen=True)
class Questionnaire:
    year: int
    reftel: str
    reporting_period: str
    sections: tuple[Section, ...]
    questions: tuple[Question, ...]
    marks_required: bool = False
    partial: bool = False
    source: str = ""
    path: str | None = field(default=None, compare=False)

    def ids(self) -> list[str]:
        return [q.id for q in self.questions]

    def get(self, qid: str) -> Question | None:
        return self._by_id.get(qid)

    @cached_property
    def _by_id(self) -> dict[str, Question]:
        """Id -> question, built on first lookup: diff and render look up every question."""
        return {q.id: q for q in reversed(self.questions)}  # a repeated id: the first wins

    def section_title(self, number: int) -> str:
        for s in self.sections:
            if s.number == number and s.title:
                return s.title
        return DEFAULT_SECTION_TITLES.get(number, f"Section {number}")


_LETTERED = re.compile(r"^(?P<section>[1-9]\d?)(?P<letters>[A-Z]{1,4})(?:-\d{1,3})?$")


def state_ids(qid: str) -> list[str]:
    """The questions of State's numbering an id answers: 3BC -> 3B, 3C; 1E-2 -> 1E; 2P5 -> none
    (a numbered paragraph or headed passage of the post's own has no letter of State's)."""
    m = _LETTERED.match(qid)
    return [f"{m.group('section')}{c}" for c in m.group("letters")] if m else []


def with_reference_text(q: Questionnaire, reference: Questionnaire | None) -> Questionnaire:
    """``q`` with the question text and topic a post's cable did not restate taken from State's
    questionnaire of the same year (matched by State's numbering; nothing else changes).

    What a question asks is what carry aligns on; an imported questionnaire often has only
    the labels the cable printed.
    """
    if reference is None or reference.year != q.year or reference is q:
        return q
    out = []
    for x in q.questions:
        ref = [r for r in (reference.get(i) for i in state_ids(x.id)) if r is not None]
        if not ref or (x.text.strip() and x.topic.strip()):
            out.append(x)
            continue
        text = x.text if x.text.strip() else "  ".join(r.text for r in ref if r.text.strip())
        topic = x.topic if x.topic.strip() else "; ".join(r.topic for r in ref if r.topic.strip())
        out.append(replace(x, text=text, topic=topic))
    return replace(q, questions=tuple(out))


def with_state_text(q: Questionnaire, near: str | Path | None) -> Questionnaire:
    """``q`` with what its cable did not restate taken from State's questionnaire of its year,
    where one is shipped (questionnaires/) or kept beside the file; else ``q`` as it is."""
    try:
        path = find(str(q.year), near=near)
        if q.path is not None and path.resolve() == Path(q.path).resolve():
            return q  # it is State's questionnaire already
        reference = load(path)
    except (InputError, OSError):
        return q
    return with_reference_text(q, reference)


def section_of(qid: str) -> int:
    return int(re.match(r"\d+", qid).group(0))


def _optional_str(node: dict, key: str, path, ctx: str) -> str | None:
    return fields.get_str(node, key, path, ctx).rstrip("\n") if node.get(key) is not None else None


_TOP_KEYS = {"year", "source", "reftel", "reporting_period", "marks_required", "partial",
             "sections", "questions"}
_Q_KEYS = {"id", "section", "topic", "text", "label", "mark", "heading"}


def from_data(data: dict, path: str | Path = "<questionnaire>") -> Questionnaire:
    """Validate loaded YAML into a Questionnaire, naming the line of any problem."""
    fields.check_known_keys(data, _TOP_KEYS, path, "questionnaire")
    year = fields.get_int(data, "year", path, "questionnaire", required=True)
    sections = []
    for i, node in enumerate(fields.get_list(data, "sections", path, "questionnaire", required=True)):
        ctx = f"sections[{i}]"
        if not isinstance(node, dict):
            raise InputError(path, f"{ctx}: expected a mapping", fields.where(data, "sections"))
        sections.append(Section(fields.get_int(node, "number", path, ctx, required=True),
                                fields.get_str(node, "title", path, ctx, required=True)))
    numbers = {s.number for s in sections}
    questions: list[Question] = []
    seen: set[str] = set()
    for i, node in enumerate(fields.get_list(data, "questions", path, "questionnaire", required=True)):
        ctx = f"questions[{i}]"
        if not isinstance(node, dict):
            raise InputError(path, f"{ctx}: expected a mapping", fields.where(data, "questions"))
        fields.check_known_keys(node, _Q_KEYS, path, ctx)
        qid = fields.get_str(node, "id", path, ctx, required=True)
        line = fields.where(node, "id")
        if not QUESTION_ID.match(qid):
            raise InputError(path, f"{ctx}: question id '{qid}' is not like 1A or 4I", line)
        if qid in seen:
            raise InputError(path, f"{ctx}: question id {qid} appears twice", line)
        seen.add(qid)
        section = fields.get_int(node, "section", path, ctx, default=section_of(qid))
        if section not in numbers:
            raise InputError(path, f"{ctx}: question {qid} is in section {section}, "
                             "which the sections list does not have", line)
        questions.append(Question(qid, section,
                                  fields.get_str(node, "topic", path, ctx),
                                  fields.get_str(node, "text", path, ctx),
                                  label=_optional_str(node, "label", path, ctx),
                                  mark=fields.get_str(node, "mark", path, ctx),
                                  heading=_optional_str(node, "heading", path, ctx)))
    if not questions:
        raise InputError(path, "questionnaire has no questions", fields.where(data, "questions"))
    return Questionnaire(
        year=year,
        reftel=fields.get_str(data, "reftel", path, "questionnaire"),
        reporting_period=fields.get_str(data, "reporting_period", path, "questionnaire"),
        sections=tuple(sections),
        questions=tuple(questions),
        marks_required=fields.get_bool(data, "marks_required", path, "questionnaire"),
        partial=fields.get_bool(data, "partial", path, "questionnaire"),
        source=fields.get_str(data, "source", path, "questionnaire"),
        path=str(path),
    )


def load(path: str | Path) -> Questionnaire:
    """Questionnaires are only read, never edited: the fast loader serves them."""
    q, _ = yamlio.load_validated(path, lambda data: from_data(data, path), fast=True)
    return q


def to_data(q: Questionnaire) -> Any:
    """Round-trip data for writing; question text kept on one line, word for word."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import LiteralScalarString

    out = CommentedMap()
    out["year"] = q.year
    out["source"] = q.source
    out["reftel"] = q.reftel
    out["reporting_period"] = q.reporting_period
    out["marks_required"] = q.marks_required
    out["partial"] = q.partial
    out["sections"] = [CommentedMap(number=s.number, title=s.title) for s in q.sections]
    qs = []
    for question in q.questions:
        m = CommentedMap()
        m["id"] = question.id
        m["section"] = question.section
        m["topic"] = question.topic
        text = question.text
        m["text"] = LiteralScalarString(text + "\n") if "\n" in text else text
        if question.label is not None:
            m["label"] = question.label
        if question.mark:
            m["mark"] = question.mark
        if question.heading is not None:
            h = question.heading
            m["heading"] = LiteralScalarString(h + "\n") if "\n" in h else h
        qs.append(m)
    out["questions"] = qs
    return out


def find(year_or_path: str | int, near: str | Path | None = None) -> Path:
    """Locate questionnaires/<year>.yaml beside the answers file, in cwd, or in the repo."""
    ref = str(year_or_path)
    if ref.endswith((".yaml", ".yml")):
        candidates = [Path(ref)]
        if near is not None:
            candidates.insert(0, Path(near).parent / ref)
    else:
        name = f"{ref}.yaml"
        bases = []
        if near is not None:
            here = Path(near).resolve().parent
            bases += [here / "questionnaires", here.parent / "questionnaires"]
        bases += [Path.cwd() / "questionnaires", Path(__file__).resolve().parent.parent / "questionnaires"]
        candidates = [b / name for b in bases]
    for c in candidates:
        try:
            if c.is_file():
                return c
        except OSError:  # a name the system cannot even look up (too long, bad bytes)
            raise InputError(near, f"meta.questionnaire '{ref[:60]}' is not a file name this "
                             "system can look up") from None
    raise InputError(near, f"questionnaire '{ref}' not found (looked for "
                     f"{', '.join(str(c) for c in candidates[:2])}); pass --questionnaire")
