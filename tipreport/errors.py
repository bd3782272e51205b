"""One error tree for the whole tool.

Core modules raise these; the CLI turns each into one line on stderr and an
exit code, so an officer never sees a traceback (which could also leak the
sensitive text held in local variables).
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 3  # a bug: one line, no traceback (TIPREPORT_DEBUG=1 shows it)


MAX_LINE = 300  # an error line an officer can read; longer text (a whole answer) is cut


def one_line(text: str) -> str:
    """What reaches the terminal: one line of printable text, at most MAX_LINE characters.

    A newline, a terminal escape, a direction mark or a lone surrogate from a file's key
    or value is shown as its escape (\\n, \\x1b, \\u202e), never obeyed by the terminal
    nor able to break or reorder the line.
    """
    if not text.isprintable():
        text = "".join(ch if ch.isprintable() else _escape(ch) for ch in text)
    return text if len(text) <= MAX_LINE else text[:MAX_LINE - 1] + "\u2026"


def _escape(ch: str) -> str:
    code = ord(ch)
    if ch in "\n\t\r":
        return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}[ch]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


class TipreportError(Exception):
    """Base of every error the tool reports to the user."""

    exit_code = EXIT_INPUT

    def __str__(self) -> str:
        """One line of printable text, whatever a file put in the message (see one_line)."""
        return one_line(self.args[0]) if self.args else self.__class__.__name__


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
        return one_line(self.format())


class UsageError(TipreportError):
    """The call itself is wrong: conflicting options, refused overwrite."""


class FindingsError(TipreportError):
    """Not an input problem: the command ran and has findings to report."""

    exit_code = EXIT_FINDINGS
