"""One error tree for the whole tool.

Core modules raise these; the CLI turns each into one line on stderr and an
exit code, so an officer never sees a traceback (which could also leak the
sensitive text held in local variables).
"""

from __future__ import annotations

import re
from pathlib import Path

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 3  # a bug: one line, no traceback (TIPREPORT_DEBUG=1 shows it)


MAX_LINE = 400  # an error line an officer can read; longer text (a whole answer) is cut
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def one_line(text: str) -> str:
    """What reaches the terminal: one line of printable text, at most MAX_LINE characters.

    A newline, a terminal escape or a lone surrogate from a file's key or value is shown
    as its escape (\\n, \\x1b), never obeyed by the terminal nor able to break the line.
    """
    text = _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii")
                            if ord(m.group()) < 0xD800 else f"\\u{ord(m.group()):04x}", text)
    return text if len(text) <= MAX_LINE else text[:MAX_LINE - 1] + "\u2026"


class TipreportError(Exception):
    """Base of every error the tool reports to the user."""

    exit_code = EXIT_INPUT

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.args[0] if self.args else self.__class__.__name__


class InputError(TipreportError):
    """Bad input: a file that cannot be read, parsed or validated.

    Carries the file and, where known, the 1-based line and column so the
    message reads like a compiler's: ``path:line:col: message``.
    """

    def __init__(
        self,
        path: str | Path | None,
        message: str,
        line: int | None = None,
        col: int | None = None,
    ) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.col = col
        self.message = message
        super().__init__(self.format())

    def format(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        return f"{where}: {self.message}"

    def __str__(self) -> str:
        return self.format()


class UsageError(TipreportError):
    """The call itself is wrong: conflicting options, refused overwrite."""


class FindingsError(TipreportError):
    """Not an input problem: the command ran and has findings to report."""

    exit_code = EXIT_FINDINGS
