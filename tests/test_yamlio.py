"""The YAML module: byte-identical round trips, comments kept, atomic writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from tipreport import answers, yamlio
from tipreport.errors import InputError, UsageError

SHIPPED = sorted(
    list((ROOT / "questionnaires").glob("*.yaml"))
    + list((ROOT / "answers").glob("*.yaml"))
    + list((ROOT / "tipreport" / "data").glob("*.yaml"))
)


def test_there_are_shipped_yaml_files():
    names = {p.name for p in SHIPPED}
    assert {"2006.yaml", "2007.yaml", "cambodia-2006.yaml", "cambodia-2007.yaml"} <= names


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_load_then_save_is_byte_identical(path: Path, tmp_path: Path):
    original = path.read_bytes()
    copy = tmp_path / path.name
    copy.write_bytes(original)
    yamlio.save(copy, yamlio.load(copy), overwrite=True)
    assert copy.read_bytes() == original


def test_hand_comment_survives_an_edit(workdir: Path):
    path = workdir / "answers" / "cambodia-2006.yaml"
    text = path.read_text()
    marked = text.replace("  1E:\n", "  1E:  # checked with MOWA, Jan 2007\n", 1)
    marked = marked.replace("glossary:\n", "# our own additions go at the end\nglossary:\n", 1)
    path.write_text(marked)
    af = answers.load(path)
    af.set_answer_text("1E", "The legal age for a female to marry is 18.\n\nNo change this year.")
    af.save(overwrite=True)
    after = path.read_text()
    assert "  1E:  # checked with MOWA, Jan 2007\n" in after
    assert "# our own additions go at the end\nglossary:\n" in after
    assert "      No change this year.\n" in after
    # nothing else moved: only the 1E text lines differ
    before_lines = set(marked.splitlines())
    changed = [ln for ln in after.splitlines() if ln not in before_lines]
    assert changed == ["      The legal age for a female to marry is 18.", "      No change this year."]
    assert answers.load(path).answers["1E"].text.endswith("No change this year.")


def test_atomic_write_refuses_to_overwrite_without_flag(tmp_path: Path):
    target = tmp_path / "a.yaml"
    target.write_text("meta: {}\n")
    with pytest.raises(UsageError, match="already exists"):
        yamlio.atomic_write_text(target, "x: 1\n", overwrite=False)
    assert target.read_text() == "meta: {}\n"
    yamlio.atomic_write_text(target, "x: 1\n", overwrite=True)
    assert target.read_text() == "x: 1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]  # no temp file left behind


def test_write_into_missing_folder_is_an_input_error(tmp_path: Path):
    with pytest.raises(InputError, match="does not exist"):
        yamlio.atomic_write_text(tmp_path / "nope" / "a.yaml", "x: 1\n", overwrite=False)


def test_aliases_are_rejected_with_line():
    text = "meta: &m {a: 1}\nother: *m\n"
    with pytest.raises(InputError) as exc:
        yamlio.loads(text, "x.yaml")
    assert exc.value.line == 2
    assert "aliases" in exc.value.message


def test_write_through_a_symlink_replaces_the_target(tmp_path: Path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "k.yaml").write_text("old: 1\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(real / "k.yaml")
    yamlio.atomic_write_text(link, "new: 2\n", overwrite=True)
    assert link.is_symlink()
    assert (real / "k.yaml").read_text() == "new: 2\n"


def test_new_files_get_the_usual_permissions(tmp_path: Path):
    import os

    old = os.umask(0o022)
    try:
        yamlio.atomic_write_text(tmp_path / "n.txt", "x\n", overwrite=False)
    finally:
        os.umask(old)
    assert (tmp_path / "n.txt").stat().st_mode & 0o777 == 0o644
    (tmp_path / "p.txt").write_text("y\n")
    (tmp_path / "p.txt").chmod(0o600)
    yamlio.atomic_write_text(tmp_path / "p.txt", "z\n", overwrite=True)
    assert (tmp_path / "p.txt").stat().st_mode & 0o777 == 0o600  # an existing file keeps its own


def test_control_character_names_its_line():
    with pytest.raises(InputError) as exc:
        yamlio.loads("meta:\n  country: Cambodia\n  post: Phnom\x0bPenh\n", "vt.yaml")
    assert exc.value.line == 3 and "unacceptable character" in exc.value.message


def test_pasted_control_characters_never_make_the_file_unreadable(workdir: Path):
    path = workdir / "answers" / "cambodia-2006.yaml"
    af = answers.load(path)
    af.set_answer_text("1E", "Soft\x0bbreak and a \x01stray byte from Word.")
    af.save(overwrite=True)
    assert answers.load(path).answers["1E"].text == "Soft break and a stray byte from Word."


# ---------------------------------------------------------------- the fast parse with lines

def _same_tree(fast, careful, where="top"):
    """Same keys in the same order, equal values of the same kind, and the same line records."""
    if isinstance(careful, dict):
        assert isinstance(fast, dict) and list(fast) == list(careful), where
        assert (fast.lc.line, fast.lc.col) == (careful.lc.line, careful.lc.col), where
        for key in careful:
            # an empty value sits on its key's line (ruamel puts it at the next token)
            same = 2 if careful[key] is None else 4
            assert list(fast.lc.data[key])[:same] == list(careful.lc.data[key])[:same], f"{where}.{key}"
            _same_tree(fast[key], careful[key], f"{where}.{key}")
    elif isinstance(careful, list):
        assert isinstance(fast, list) and len(fast) == len(careful), where
        for i, (x, y) in enumerate(zip(fast, careful, strict=True)):
            assert list(fast.lc.data[i]) == list(careful.lc.data[i]), f"{where}[{i}]"
            _same_tree(x, y, f"{where}[{i}]")
    else:
        assert fast == careful and isinstance(fast, str) == isinstance(careful, str), where
        block = ("LiteralScalarString", "FoldedScalarString")
        assert (type(fast).__name__ in block) == (type(careful).__name__ in block), where


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_fast_parse_with_lines_matches_the_round_trip(path: Path):
    text = path.read_text(encoding="utf-8")
    _same_tree(yamlio.loads_lines(text, path), yamlio.loads(text, path))


def test_fast_parse_with_lines_matches_on_a_carried_draft(draft: Path):
    text = draft.read_text(encoding="utf-8")
    _same_tree(yamlio.loads_lines(text, draft), yamlio.loads(text, draft))


@pytest.mark.parametrize("text", [
    "a: 1\na: 2\n",                        # duplicate key: the careful loader names it
    "a: &x 1\nb: *x\n",                    # aliases are refused
    "a: [1, 2\n",                          # syntax error
    "- just\n- a list\n",                  # not a mapping
    "",
    "# only a comment\n",
    "meta:\n  post:\tPhnom Penh\n",        # libyaml takes a tab here; ruamel (and every edit) refuses
])
def test_fast_parse_with_lines_says_what_the_careful_one_says(text):
    with pytest.raises(InputError) as careful:
        yamlio.loads(text, "f.yaml")
    with pytest.raises(InputError) as fast:
        yamlio.loads_lines(text, "f.yaml")
    assert str(fast.value) == str(careful.value)


@pytest.mark.parametrize("text", [
    "%YAML 1.1\n---\na: yes\n",
    "a: !!set {x, y}\n",
    "a: !!binary |\n  aGVsbG8=\n",
    "b:\n  - 1\n  -\n",
    "a:\n  b: |\n    tab\there\n",
])
def test_fast_parse_with_lines_reads_unusual_files_as_the_careful_one_does(text):
    careful = yamlio.loads(text, "f.yaml")
    fast = yamlio.loads_lines(text, "f.yaml")
    assert fast == careful and [type(v) for v in fast.values()] == [type(v) for v in careful.values()]


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=6))
@example(cuts=[56, 13])  # leaves "to:" empty: a value line that differs, by design
@settings(max_examples=60, deadline=None)
def test_fast_parse_with_lines_agrees_on_damaged_files(cuts):
    """Lines of a real file dropped or doubled: both parsers accept it with the same tree, or both
    refuse it with the same message."""
    lines = (ROOT / "answers" / "cambodia-2007.yaml").read_text(encoding="utf-8").splitlines(True)
    for n, cut in enumerate(cuts):
        k = cut % len(lines)
        lines = lines[:k] + lines[k + 1:] if n % 2 else lines[:k] + [lines[k]] + lines[k:]
    text = "".join(lines)
    try:
        careful = yamlio.loads(text, "f.yaml")
    except InputError as exc:
        with pytest.raises(InputError) as fast:
            yamlio.loads_lines(text, "f.yaml")
        assert str(fast.value) == str(exc)
        return
    _same_tree(yamlio.loads_lines(text, "f.yaml"), careful)


# ---------------------------------------------------------------- dumps splices long literal blocks

def _corpus_documents():
    from tipreport import importer, questionnaire

    corpus = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    sources = sorted(corpus.glob("*.txt")) + [Path(__file__).parent / "fixtures" /
                                              "cable-2006-phnompenh-501-tip-report.txt"]
    for src in sources:
        text = src.read_text(encoding="utf-8")
        text = text.split("\n", 1)[1] if text.startswith("source:") else text
        try:
            r = importer.parse(text)
        except InputError:
            continue  # the two cables that are not submissions
        yield src.stem, answers.new_document(r.meta, r.answers, r.glossary)
        yield src.stem + ".questionnaire", questionnaire.to_data(r.questionnaire)


def test_dumps_gives_ruamels_bytes_on_every_real_cable():
    seen = 0
    for name, doc in _corpus_documents():
        assert yamlio.dumps(doc) == yamlio._dump_slow(doc), name
        seen += 1
    assert seen >= 4


@pytest.mark.parametrize("text", [
    "plain paragraph " * 20 + "\n\nsecond " * 10 + "\n",       # spliced
    "trailing space at line end " * 10 + " \nnext\n",         # left to ruamel
    "\ttab first " * 30 + "\n",
    " leading space " * 20 + "\n",
    "line separator \u2028 inside " * 15 + "\n",
    "two final newlines " * 15 + "\n\n",
    "accents \u00e9\u00fc and dashes \u2014 " * 12 + "\n\nand a second paragraph\n",
    "tipreport-splice-000000-8c1f " * 10 + "\n",               # holds a stand-in's own text
])
def test_dumps_equals_ruamel_on_edge_texts(text):
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import LiteralScalarString

    doc = CommentedMap()
    doc["answers"] = CommentedMap()
    doc["answers"]["1A"] = CommentedMap(text=LiteralScalarString(text))
    doc["list"] = [LiteralScalarString(text)]
    before = yamlio._dump_slow(doc)
    assert yamlio.dumps(doc) == before
    assert yamlio._dump_slow(doc) == before  # the document is as it was
