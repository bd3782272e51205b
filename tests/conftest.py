"""Shared test helpers: paths to the real documents, a CLI runner, file-tree builders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CABLE_2006 = FIXTURES / "cable-2006-phnompenh-501-tip-report.txt"
CABLE_2007 = FIXTURES / "cable-2007-phnompenh-351-tip-report-partial.txt"
CABLE_VISIT = FIXTURES / "cable-2006-phnompenh-534-tip-assessment-visit.txt"
NARRATIVE_2004 = FIXTURES / "tip-report-2004-cambodia-narrative.txt"
ANSWERS_2006 = ROOT / "answers" / "cambodia-2006.yaml"
ANSWERS_2007 = ROOT / "answers" / "cambodia-2007.yaml"
QUESTIONNAIRES = ROOT / "questionnaires"


def run_cli(*args: str):
    """Invoke the CLI in-process; stdout and stderr are kept apart."""
    from tipreport.cli import app

    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A small tree like a post's: answers/ and questionnaires/ copied from the repo."""
    shutil.copytree(QUESTIONNAIRES, tmp_path / "questionnaires")
    (tmp_path / "answers").mkdir()
    for f in (ANSWERS_2006, ANSWERS_2007):
        shutil.copy(f, tmp_path / "answers" / f.name)
    return tmp_path
