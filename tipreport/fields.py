"""Typed access to loaded YAML mappings, with errors that name the line.

Validation is explicit and small: each getter checks one field's type and
points at the offending line, so a hand-edit mistake is found in seconds.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tipreport.errors import InputError
from tipreport.yamlio import line_of, value_line


def where(node: Any, key: Any = None) -> int | None:
    """Best line for a message about ``node[key]`` (or the node)."""
    if key is not None:
        return line_of(node, key) or line_of(node)
    return line_of(node)


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _get(node: dict, key: str, path: Path | str, ctx: str, required: bool, default: Any) -> Any:
    if key not in node or node[key] is None:
        if required:
            raise InputError(path, f"{ctx}: missing required field '{key}'", where(node))
        return default
    return node[key]


_SOFT_BREAK = re.compile(r"[\v\f](?:[ \t]*[\v\f])*")  # Word's soft line break (\v) or a page break
# C0 and C1 controls but tab and newline, and lone surrogates ("\ud800" in a quoted string),
# which no file, terminal or Word document can hold
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def visible(text: str) -> str:
    """Text without invisible control characters: a soft or page break becomes a space, a
    carriage return a newline, the rest go.

    YAML holds them as escapes ("\\x07", "\\v"), as a paste from Word or another
    tool may leave them; printed into cable text they would ring, erase or
    reach the reader's terminal as escape codes.
    """
    if text.isprintable():
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\v" in text or "\f" in text:
        text = _one_space_for_each_break(text)
    return _INVISIBLE.sub("", text)


def _one_space_for_each_break(text: str) -> str:
    """The spaces around a soft or page break and the break itself become one space.

    Split and strip rather than one pattern with spaces on both sides, which
    would backtrack through every run of spaces: quadratic on a long line.
    """
    parts = _SOFT_BREAK.split(text)
    last = len(parts) - 1
    return " ".join(p.rstrip(" \t") if k == 0 else p.lstrip(" \t") if k == last else p.strip(" \t")
                    for k, p in enumerate(parts))


def get_str(node: dict, key: str, path, ctx: str, *, required: bool = False, default: str = "") -> str:
    value = _get(node, key, path, ctx, required, default)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise InputError(path, f"{ctx}.{key}: expected text, got {_type_name(value)}",
                         value_line(node, key) or where(node, key))
    return visible(str(value))


def get_choice(node: dict, key: str, choices: tuple[str, ...], path, ctx: str, *, default: str) -> str:
    """A text field that must be one of a fixed set (status, provenance source)."""
    value = get_str(node, key, path, ctx, default=default)
    if value not in choices:
        raise InputError(path, f"{ctx}.{key}: '{value}' is not one of {', '.join(choices)}",
                         value_line(node, key) or where(node, key))
    return value


def get_int(node: dict, key: str, path, ctx: str, *, required: bool = False, default: int = 0) -> int:
    value = _get(node, key, path, ctx, required, default)
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and re.fullmatch(r"[0-9]{1,9}", value.strip()):
            return int(value)  # "2007" as text; not "²", which isdigit() also calls a digit
        raise InputError(path, f"{ctx}.{key}: expected a whole number, got {_type_name(value)}",
                         value_line(node, key) or where(node, key))
    return int(value)


def get_number(node: dict, key: str, path, ctx: str, *, required: bool = False,
               default: float = 0) -> float:
    value = _get(node, key, path, ctx, required, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(path, f"{ctx}.{key}: expected a number, got {_type_name(value)}",
                         value_line(node, key) or where(node, key))
    if value < 0 or value != value or value in (float("inf"), float("-inf")):
        raise InputError(path, f"{ctx}.{key}: must be a finite number, not negative",
                         value_line(node, key) or where(node, key))
    return value


def get_bool(node: dict, key: str, path, ctx: str, *, default: bool = False) -> bool:
    value = _get(node, key, path, ctx, False, default)
    if not isinstance(value, bool):
        raise InputError(path, f"{ctx}.{key}: expected true or false, got {_type_name(value)}",
                         value_line(node, key) or where(node, key))
    return value


def get_map(node: dict, key: str, path, ctx: str, *, required: bool = False) -> dict:
    value = _get(node, key, path, ctx, required, None)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InputError(path, f"{ctx}.{key}: expected a mapping, got {_type_name(value)}",
                         value_line(node, key) or where(node, key))
    return value


def get_list(node: dict, key: str, path, ctx: str, *, required: bool = False) -> list:
    value = _get(node, key, path, ctx, required, None)
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(path, f"{ctx}.{key}: expected a list, got {_type_name(value)}",
                         value_line(node, key) or where(node, key))
    return value


def get_str_list(node: dict, key: str, path, ctx: str, *, required: bool = False) -> list[str]:
    """A list of text items; a single string is accepted as a one-item list."""
    value = _get(node, key, path, ctx, required, None)
    if isinstance(value, str):
        return [visible(value)]
    items = get_list(node, key, path, ctx, required=required)
    out = []
    for i, item in enumerate(items):
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            line = None
            lc = getattr(items, "lc", None)
            if lc is not None:
                try:
                    line = lc.item(i)[0] + 1
                except (KeyError, TypeError):
                    line = None
            raise InputError(path, f"{ctx}.{key}[{i}]: expected text, got {_type_name(item)}",
                             line or where(node, key))
        out.append(visible(str(item)))
    return out


def check_known_keys(node: dict, known: set[str], path, ctx: str) -> None:
    """Unknown keys are usually typos ('reporting_peroid'); say so instead of ignoring them."""
    for key in node:
        if str(key) not in known:
            raise InputError(path, f"{ctx}: unknown field '{key}' (known: {', '.join(sorted(known))})",
                             where(node, key))
