"""Golden files: expected outputs, read and checked by a person when (re)generated.

They are rewritten only on purpose, with TIPREPORT_REGEN=1; otherwise a difference
fails the test and shows the first differing line.
"""

from __future__ import annotations

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent


def assert_golden(name: str, text: str) -> None:
    path = HERE / name
    if os.environ.get("TIPREPORT_REGEN") == "1":
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"golden file {path} is missing; create it with TIPREPORT_REGEN=1"
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        got, want = text.splitlines(), expected.splitlines()
        for i, (a, b) in enumerate(zip(got, want, strict=False), 1):
            if a != b:
                raise AssertionError(f"{name}:{i}: expected {b!r}, got {a!r}")
        raise AssertionError(f"{name}: {len(want)} lines expected, got {len(got)}")
