"""The genre: every real cable in ../shared/corpus, read in place.

Every submission imports (the parts of one submission joined), the two cables that
are not submissions are refused; per submission at least 99% of the body's words
are in what import writes; no page-break text inside any answer; the number of
entries close to INDEX.tsv's count (made by reading); staff hours read wherever the
index says the cable states them; render then import gives every answer back.

The body's words are counted here by a rule of the test's own (regexes over the raw
file), not by the importer's code, so an importer bug is not mirrored.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from tipreport import importer, importing, render
from tipreport.errors import InputError

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not (CORPUS / "INDEX.tsv").is_file(), reason="no ../shared/corpus")

WORD = re.compile(r"[A-Za-z0-9]+")
PAGE_BREAK = re.compile(r"^\s*[A-Z][A-Z .]*\s\d{8}\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3}\s*$")
PAGE_TEXT = re.compile(r"\d{8}\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3}|#{5,}|CABLE ENDS")


@dataclass(frozen=True)
class Row:
    id: str
    country: str
    year: str
    kind: str
    parts: str
    approx: int
    hours: bool


def _index() -> list[Row]:
    if not (CORPUS / "INDEX.tsv").is_file():
        return []
    with open(CORPUS / "INDEX.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [Row(r["id"], r["country"], r["year_of_report"][:4], r["kind"], r["parts"],
                int(r["approx_questions"]), r["has_staff_hours"] == "y") for r in rows]


def _submissions() -> list[tuple[Row, ...]]:
    """One group per submission: the parts the corpus holds of one country's year together."""
    groups: dict[tuple, list[Row]] = {}
    for r in _index():
        if r.kind == "submission":
            groups[(r.id,)] = [r]
        elif r.kind == "submission-part":
            groups.setdefault((r.country, r.year), []).append(r)
    return [tuple(g) for g in groups.values()]


def _text(row: Row) -> str:
    text = (CORPUS / f"{row.id}.txt").read_text(encoding="utf-8")
    return text.split("\n", 1)[1] if text.startswith("source:") else text  # the corpus note


def _body_words(text: str) -> Counter:
    """Words after the SUBJECT/REF captions, page-break lines left out."""
    lines = text.replace("\u00b6", "").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.strip().upper().startswith("SUBJECT"))
    return Counter(w for ln in lines[start + 1:] if not PAGE_BREAK.match(ln) for w in WORD.findall(ln))


def _written_words(*files: Path) -> Counter:
    return Counter(w for f in files for w in WORD.findall(f.read_text(encoding="utf-8")))


def _ids(group: tuple[Row, ...]) -> str:
    return "+".join(r.id for r in group)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """Each submission imported once through the command's core (parts together)."""
    out = {}
    base = tmp_path_factory.mktemp("corpus")
    for group in _submissions():
        d = base / _ids(group)
        d.mkdir()
        cables = []
        for r in group:
            (d / f"{r.id}.txt").write_text(_text(r), encoding="utf-8")
            cables.append(d / f"{r.id}.txt")
        importing.run(list(reversed(cables)), d / "answers.yaml", None, force=False)
        out[_ids(group)] = (d, importer.import_files(cables))
    return out


@pytest.mark.parametrize("group", _submissions(), ids=_ids)
def test_every_submission_imports_with_no_word_lost(group, imported):
    d, result = imported[_ids(group)]
    body = sum((_body_words(_text(r)) for r in group), Counter())
    missing = body - _written_words(d / "answers.yaml", d / "answers.questionnaire.yaml")
    share = 1 - sum(missing.values()) / sum(body.values())
    assert share >= 0.99, (share, missing.most_common(10))


@pytest.mark.parametrize("group", _submissions(), ids=_ids)
def test_no_page_break_text_inside_any_answer(group, imported):
    _, result = imported[_ids(group)]
    for a in result.answers:
        assert not PAGE_TEXT.search(a.text), (a.id, PAGE_TEXT.search(a.text).group(0))


@pytest.mark.parametrize("group", _submissions(), ids=_ids)
def test_entries_close_to_the_index_count(group, imported):
    """INDEX counts units by reading (answers plus the intro and closing paragraphs)."""
    _, result = imported[_ids(group)]
    units = len(result.answers) + bool(result.meta.intro) + bool(result.closing)
    approx = sum(r.approx for r in group)
    assert abs(units - approx) <= max(3, approx // 2), (units, approx)


@pytest.mark.parametrize("group", _submissions(), ids=_ids)
def test_staff_hours_read_wherever_the_cable_states_them(group, imported):
    _, result = imported[_ids(group)]
    if any(r.hours for r in group):
        assert result.meta.total_hours > 0
        assert all(e.role and e.hours > 0 for e in result.meta.staff_hours)
    else:
        assert result.meta.staff_hours == ()


@pytest.mark.parametrize("group", _submissions(), ids=_ids)
def test_parts_joined_in_order(group, imported):
    _, result = imported[_ids(group)]
    numbers = [int(r.parts.split("/")[0]) for r in group if "/" in r.parts]
    total = int(group[0].parts.split("/")[1].split()[0])
    missing = sorted(set(range(1, total + 1)) - set(numbers))
    if missing:
        assert any(f"of {total} not given" in w for w in result.warnings), result.warnings
    else:
        assert not any("not given" in w for w in result.warnings)


@pytest.mark.parametrize("group", _submissions(), ids=_ids)
def test_render_then_import_gives_every_answer_back(group, imported, tmp_path):
    d, result = imported[_ids(group)]
    out = tmp_path / "rendered.txt"
    render.run(d / "answers.yaml", "cable", out)
    again = importer.import_file(out)
    assert [a.id for a in again.answers] == [a.id for a in result.answers]
    for a, b in zip(result.answers, again.answers, strict=True):
        assert a.text.split() == b.text.split(), a.id
    q1, q2 = result.questionnaire, again.questionnaire
    assert [(q.label, q.mark, q.text.split()) for q in q1.questions] == \
        [(q.label, q.mark, q.text.split()) for q in q2.questions]


@pytest.mark.parametrize("row", [r for r in _index() if r.kind == "other"], ids=lambda r: r.id)
def test_non_submissions_are_refused(row, tmp_path):
    src = tmp_path / f"{row.id}.txt"
    src.write_text(_text(row), encoding="utf-8")
    with pytest.raises(InputError, match="not a TIP report submission") as exc:
        importing.run([src], tmp_path / "a.yaml", None, force=False)
    assert str(src) in str(exc.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == [src.name]  # nothing written
