"""The CLI shell: version, help on every command, one error line, no heavy imports at start."""

from __future__ import annotations

import subprocess
import sys

import typer

from conftest import run_cli
from tipreport import __version__
from tipreport.cli import app


def _commands(group, prefix: tuple[str, ...] = ()):
    for name, cmd in group.commands.items():
        yield prefix + (name,), cmd
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, prefix + (name,))


def test_version():
    result = run_cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"tipreport {__version__}"


def test_every_command_has_help_text():
    root = typer.main.get_command(app)
    names = []
    for path, cmd in _commands(root):
        names.append(" ".join(path))
        assert (cmd.help or "").strip(), f"{' '.join(path)} has no help text"
        result = run_cli(*path, "--help")
        assert result.exit_code == 0, path
        assert "Usage:" in result.stdout
    assert "import" in names and "validate" in names and "schema" in names


def test_unknown_command_is_a_usage_error():
    result = run_cli("frobnicate")
    assert result.exit_code == 2


def test_help_does_not_import_heavy_libraries():
    code = ("import sys, runpy; sys.argv=['tipreport','--help']\n"
            "try:\n    runpy.run_module('tipreport', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "heavy=[m for m in ('docx','jinja2','rapidfuzz','ruamel.yaml','lxml') if m in sys.modules]\n"
            "print('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in out.stdout, out.stdout[-300:]


def test_internal_errors_print_one_line_without_traceback(monkeypatch, tmp_path):
    from tipreport import importing

    def boom(*args, **kwargs):
        secret = "sensitive answer text"  # noqa: F841 - must not leak through locals
        raise RuntimeError("boom")

    monkeypatch.setattr(importing, "run", boom)
    monkeypatch.delenv("TIPREPORT_DEBUG", raising=False)
    result = run_cli("import", tmp_path / "x.txt", "-o", tmp_path / "y.yaml")
    assert result.exit_code == 3
    assert result.stderr.strip() == ("tipreport: internal error (RuntimeError); "
                                     "set TIPREPORT_DEBUG=1 for details")
    assert "sensitive" not in result.output
