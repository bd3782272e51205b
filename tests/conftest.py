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
    """A small tree like a post's: the seed years' answers and questionnaires copied from the repo
    (tests write other years' questionnaires of their own into it)."""
    (tmp_path / "questionnaires").mkdir()
    for year in (2006, 2007):
        shutil.copy(QUESTIONNAIRES / f"{year}.yaml", tmp_path / "questionnaires" / f"{year}.yaml")
    (tmp_path / "answers").mkdir()
    for f in (ANSWERS_2006, ANSWERS_2007):
        shutil.copy(f, tmp_path / "answers" / f.name)
    return tmp_path


@pytest.fixture
def draft(workdir: Path) -> Path:
    """The real 2006 answers carried into the 2007 questionnaire by `tipreport init`."""
    out = workdir / "answers" / "draft-2007.yaml"
    res = run_cli("init", "--from", workdir / "answers" / "cambodia-2006.yaml",
                  "--questionnaire", workdir / "questionnaires" / "2007.yaml", "-o", out)
    assert res.exit_code == 0, res.output
    return out


def full_2008(workdir: Path, drop: tuple[str, ...] = ()) -> Path:
    """A full questionnaire for 2008: the 2006 questions again (minus ``drop``), as after 2007's
    partial one."""
    from tipreport import yamlio

    data = yamlio.load(workdir / "questionnaires" / "2006.yaml")
    data["year"], data["reporting_period"] = 2008, "April 2007 - March 2008"
    data["questions"] = [x for x in data["questions"] if x["id"] not in drop]
    path = workdir / "questionnaires" / "2008.yaml"
    yamlio.save(path, data, overwrite=False)
    return path


# ---------------------------------------------------------------- suite-wide settings

def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true",
                     help="run property-based tests with thousands of examples")


def pytest_configure(config):
    from hypothesis import HealthCheck, settings

    # derandomize: the same examples on every run, so the suite gives one result (a new
    # failure is found by --slow, which explores)
    settings.register_profile("default", max_examples=150, deadline=None, derandomize=True,
                              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    settings.register_profile("slow", max_examples=3000, deadline=None,
                              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    settings.load_profile("slow" if config.getoption("--slow") else "default")


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Nothing in tipreport may touch the network: any socket creation fails the test."""
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("tipreport tried to open a network socket")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
