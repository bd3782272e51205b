"""The command line: typer only. Each command parses options, calls one core
function and formats what it returns; errors are turned into one line here."""

from __future__ import annotations

import os
import sys

import typer
from typer.core import TyperGroup

from tipreport import __version__
from tipreport.errors import EXIT_INTERNAL, TipreportError, one_line


class _Group(TyperGroup):
    """Turns every TipreportError into one stderr line and its exit code, in one place."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except TipreportError as exc:
            typer.echo(one_line(f"tipreport: {exc}"), err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            typer.echo("tipreport: interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:  # noqa: BLE001 - a bug must still not print locals or text
            if _is_cli_signal(exc) or os.environ.get("TIPREPORT_DEBUG"):
                raise
            typer.echo(f"tipreport: internal error ({type(exc).__name__}); "
                       "set TIPREPORT_DEBUG=1 for details", err=True)
            ctx.exit(EXIT_INTERNAL)


def _is_cli_signal(exc: Exception) -> bool:
    """Click's own exceptions (usage errors, Exit, Abort) carry on to click's handler.

    Typer may vendor click, so match by shape rather than by class.
    """
    return isinstance(exc, (typer.Exit, typer.Abort)) or hasattr(exc, "exit_code") or \
        type(exc).__name__ in ("Abort", "Exit")


app = typer.Typer(
    cls=_Group,
    help="Draft the annual TIP report submission: import, carry forward, check, diff, render.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tipreport {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """Draft the annual TIP report submission: import, carry forward, check, diff, render."""


def _register() -> None:
    from tipreport.cli import commands

    commands.register(app)


_register()


def main() -> None:
    try:
        app()
    except TipreportError as exc:  # raised outside a command (e.g. while parsing)
        print(one_line(f"tipreport: {exc}"), file=sys.stderr)
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001
        if os.environ.get("TIPREPORT_DEBUG"):
            raise
        print(f"tipreport: internal error ({type(exc).__name__})", file=sys.stderr)
        sys.exit(EXIT_INTERNAL)
