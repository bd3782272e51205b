"""The YAML module: byte-identical round trips, comments kept, atomic writes."""

from __future__ import annotations

from pathlib import Path

import pytest

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
