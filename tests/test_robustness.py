"""Hostile input: mutated real cables and answers files, bombs, kills, bad paths."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ANSWERS_2006, CABLE_2006, CABLE_2007, run_cli
from tipreport import answers, importer, yamlio
from tipreport.errors import InputError, TipreportError

CABLE_LINES = CABLE_2007.read_text(encoding="utf-8").splitlines(keepends=True)
ANSWER_LINES = ANSWERS_2006.read_text(encoding="utf-8").splitlines(keepends=True)


@st.composite
def mutated(draw, lines: list[str]) -> str:
    """A real document, damaged the ways files get damaged."""
    lines = list(lines)
    kind = draw(st.sampled_from(["truncate", "shuffle", "drop", "insert", "huge", "bytes", "dup"]))
    if kind == "truncate":
        text = "".join(lines)
        return text[: draw(st.integers(0, len(text)))]
    if kind == "shuffle":
        start = draw(st.integers(0, len(lines) - 1))
        chunk = lines[start: start + draw(st.integers(2, 60))]
        random.Random(draw(st.integers(0, 2**32))).shuffle(chunk)
        lines[start: start + len(chunk)] = chunk
    elif kind == "drop":
        for _ in range(draw(st.integers(1, 30))):
            if lines:
                del lines[draw(st.integers(0, len(lines) - 1))]
    elif kind == "insert":
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, draw(st.text(min_size=0, max_size=200)) + "\n")
    elif kind == "huge":
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, draw(st.sampled_from(["x", "-", " ", "1A. ", "[", "{"])) * 200_000 + "\n")
    elif kind == "bytes":
        text = "".join(lines)
        at = draw(st.integers(0, len(text)))
        return text[:at] + draw(st.binary(max_size=64)).decode("latin-1") + text[at:]
    else:
        at = draw(st.integers(0, len(lines) - 1))
        lines[at:at] = lines[at: at + draw(st.integers(1, 40))]
    return "".join(lines)


@given(mutated(CABLE_LINES))
def test_importer_raises_only_input_errors(text: str):
    try:
        r = importer.parse(text, "mutated.txt")
    except InputError as exc:
        assert exc.message and "\n" not in str(exc)
        return
    for a in r.answers:
        assert isinstance(a.text, str)


@given(mutated(ANSWER_LINES), st.sampled_from([yamlio.loads, yamlio.loads_lines, yamlio.loads_fast]))
def test_answers_loader_raises_only_input_errors(text: str, parse):
    try:
        af = answers.from_data(parse(text, "mutated.yaml"), "mutated.yaml")
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert af.meta.country


@given(st.binary(max_size=2000))
def test_random_bytes_file(tmp_path_factory, data: bytes):
    path = tmp_path_factory.mktemp("b") / "x.yaml"
    path.write_bytes(data)
    for load in (answers.load, importer.import_file, lambda p: answers.load(p, editable=False, lines=True)):
        try:
            load(path)
        except InputError:
            pass


@pytest.mark.parametrize("depth", [50, 5000])
def test_deep_nesting(depth: int):
    text = "meta: " + "[" * depth + "]" * depth + "\n"
    with pytest.raises(InputError):
        answers.from_data(yamlio.loads(text, "deep.yaml"), "deep.yaml")


def test_billion_laughs_is_rejected_quickly():
    lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        name = chr(ord("a") + i)
        lol.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    text = "\n".join(lol) + "\n"
    t0 = time.perf_counter()
    with pytest.raises(InputError) as exc:
        yamlio.loads(text, "laughs.yaml")
    assert time.perf_counter() - t0 < 5  # generous: a bomb would take minutes and gigabytes
    assert exc.value.line == 2 and "aliases" in exc.value.message


def test_kill_during_write_never_leaves_a_truncated_file(tmp_path: Path):
    """SIGKILL the CLI at random moments while it rewrites an answers file."""
    target = tmp_path / "a.yaml"
    run = [sys.executable, "-m", "tipreport", "import", str(CABLE_2006), "-o", str(target), "--force"]
    subprocess.run(run, check=True, capture_output=True)
    good = target.read_bytes()
    rng = random.Random(7)
    kills = int(os.environ.get("TIPREPORT_KILL_RUNS", "25"))
    for _ in range(kills):
        proc = subprocess.Popen(run, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert target.read_bytes() == good  # old or new content, which are equal; never partial
    assert (tmp_path / "a.questionnaire.yaml").is_file()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name not in ("a.yaml", "a.questionnaire.yaml")]
    # a killed process may leave its temp file, never a damaged target
    assert all(n.startswith((".a.yaml.", ".a.questionnaire.yaml.")) and n.endswith(".tmp")
               for n in leftovers)


def test_output_path_problems(tmp_path: Path, monkeypatch):
    r = run_cli("import", CABLE_2007, "-o", tmp_path / "missing" / "a.yaml")
    assert r.exit_code == 2 and "does not exist" in r.stderr
    (tmp_path / "adir").mkdir()
    r = run_cli("import", CABLE_2007, "-o", tmp_path / "adir", "--force")
    assert r.exit_code == 2 and "is a directory" in r.stderr
    ro = tmp_path / "ro"
    ro.mkdir()
    if os.geteuid() != 0:
        ro.chmod(0o555)
    else:  # root ignores permissions: simulate what the OS says to everyone else
        import tempfile

        def denied(*a, **k):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", denied)
    r = run_cli("import", CABLE_2007, "-o", ro / "a.yaml")
    assert r.exit_code == 2, r.output
    # the questionnaire is written first (the answers file names it): nothing is written at all
    assert r.stderr.strip() == (f"tipreport: {ro / 'a.questionnaire.yaml'}: cannot write in {ro}: "
                                "Permission denied")
    assert not (ro / "a.yaml").exists()


def test_input_error_is_a_tipreport_error():
    assert issubclass(InputError, TipreportError)
