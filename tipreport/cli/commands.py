"""Finds the command modules (tipreport/cli/cmd_*.py) and lets each register itself.

Each module defines ``register(app)`` and an ``ORDER`` number for --help.
Discovery keeps commands independent: adding one never edits another's file.
"""

from __future__ import annotations

import importlib
import pkgutil

import typer


def register(app: typer.Typer) -> None:
    import tipreport.cli as pkg

    modules = []
    for info in pkgutil.iter_modules(pkg.__path__):
        if info.name.startswith("cmd_"):
            modules.append(importlib.import_module(f"tipreport.cli.{info.name}"))
    for module in sorted(modules, key=lambda m: (getattr(m, "ORDER", 99), m.__name__)):
        module.register(app)
