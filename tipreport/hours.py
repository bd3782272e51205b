"""The staff-hours log (meta.staff_hours) and the note the closing paragraph makes of it.

G/TIP asks each post how much staff time the submission took. Posts wrote it by hand
("required 30 hours of staff time, including 10 hours of a local FSN political
assistant") and the figure was often last year's. Logging hours as they are spent
and summing them at render time keeps the note true.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tipreport.answers import MAX_HOURS, AnswersFile, HoursEntry, Meta, plain_number
from tipreport.errors import UsageError


@dataclass(frozen=True)
class RoleHours:
    """Hours summed over the entries of one role, in order of first appearance."""

    role: str
    hours: float
    people: tuple[str, ...]


@dataclass(frozen=True)
class HoursReport:
    path: str
    entries: tuple[HoursEntry, ...]
    by_role: tuple[RoleHours, ...]
    total: float
    note: str


def fmt(hours: float) -> str:
    """30 for 30.0, 7.5 for 7.5: the note reads like a person wrote it."""
    return str(plain_number(round(hours, 2)))


def by_role(entries: Sequence[HoursEntry]) -> tuple[RoleHours, ...]:
    roles: dict[str, list[HoursEntry]] = {}
    for e in entries:
        roles.setdefault(e.role.strip(), []).append(e)
    out = []
    for role, items in roles.items():
        people = tuple(dict.fromkeys(e.who.strip() for e in items if e.who.strip()))
        out.append(RoleHours(role, sum(e.hours for e in items), people))
    return tuple(out)


def _article(role: str) -> str:
    """'a' or 'an' by sound: an FSN, an officer, a local FSN, a university liaison."""
    first = role.split()[0] if role.split() else ""
    if first.isupper() and len(first) > 1:  # read letter by letter: an FSN, an RSO, a DCM
        return "an" if first[0] in "AEFHILMNORSX" else "a"
    low = first.lower()
    if low.startswith(("uni", "use", "usu", "eu", "one")):
        return "a"
    return "an" if low[:1] in "aeiou" else "a"


def _of_role(r: RoleHours) -> str:
    hours = f"{fmt(r.hours)} {'hour' if r.hours == 1 else 'hours'}"
    if len(r.people) > 1:
        plural = r.role if r.role.endswith("s") else r.role + "s"
        return f"{hours} of {plural}"
    return f"{hours} of {_article(r.role)} {r.role}"


def series(items: list[str] | tuple[str, ...]) -> str:
    """'A', 'A and B', 'A, B, and C' (the Department's serial comma)."""
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def note(entries: Sequence[HoursEntry]) -> str:
    """'30 hours of staff time, including 10 hours of a local FSN political assistant'.

    The first role logged is taken as the drafters'; every other role is named in the
    'including' part, as the 2006 submission did. Empty when nothing is logged.
    """
    roles = [r for r in by_role(entries) if r.hours > 0]
    if not roles:
        return ""
    total = sum(r.hours for r in roles)
    text = f"{fmt(total)} {'hour' if total == 1 else 'hours'} of staff time"
    others = [_of_role(r) for r in roles[1:]]
    if others:
        text += ", including " + series(others)
    return text


def report(meta: Meta, path: str | Path) -> HoursReport:
    entries = tuple(meta.staff_hours)
    return HoursReport(str(path), entries, by_role(entries), meta.total_hours, note(entries))


def check_entry(who: str, role: str, hours: float) -> HoursEntry:
    """Refuse what would make the note wrong: no role, zero, negative or absurd hours."""
    if not role.strip():
        raise UsageError("--role must not be empty (e.g. 'political officer', "
                         "'local FSN political assistant')")
    if not who.strip():
        raise UsageError("--who must not be empty")
    if not math.isfinite(hours) or hours <= 0:
        raise UsageError(f"--hours must be a positive number, not {hours:g}")
    if hours > MAX_HOURS:
        raise UsageError(f"--hours {hours:g} is more than {MAX_HOURS:,}; is that a typo?")
    return HoursEntry(who.strip(), role.strip(), float(hours))


def add(af: AnswersFile, who: str, role: str, hours: float) -> HoursEntry:
    """Append an entry to meta.staff_hours in the round-trip tree (comments and layout stay).

    The caller saves the file; nothing is written here.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    entry = check_entry(who, role, hours)
    meta = af.doc["meta"]
    seq = meta.get("staff_hours")
    if not isinstance(seq, CommentedSeq):
        seq = CommentedSeq(seq or [])
    seq.fa.set_block_style()  # "staff_hours: []" becomes a block list, like the importer writes
    item = CommentedMap(who=entry.who, role=entry.role, hours=plain_number(entry.hours))
    seq.append(item)
    if len(seq) > 1:
        _keep_trailing_comment_last(seq[-2], item)
    af.set_meta("staff_hours", seq)
    return entry


def _keep_trailing_comment_last(before: Any, new: Any) -> None:
    """Comment lines that followed the list stay after it, below the new entry.

    ruamel attaches them to the last key of the list's last item, so a plain
    append would leave them between the old last entry and the new one. Only
    lines indented left of the entry's keys move: a comment indented as part
    of the entry, and an end-of-line comment, stay with it.
    """
    from ruamel.yaml.tokens import CommentToken

    items = getattr(getattr(before, "ca", None), "items", {})
    if not before or not items or not isinstance(new, dict) or not new:
        return
    slots = items.get(list(before)[-1])
    token = slots[2] if slots and len(slots) > 2 else None
    if not isinstance(token, CommentToken) or "\n" not in token.value:
        return
    eol, _, rest = token.value.partition("\n")
    lines = rest.splitlines(keepends=True)
    key_col = getattr(getattr(before, "lc", None), "col", None)
    cut = next((k for k, ln in enumerate(lines)
                if ln.strip() and (key_col is None or len(ln) - len(ln.lstrip(" ")) < key_col)), None)
    if cut is None:
        return
    while cut and not lines[cut - 1].strip():
        cut -= 1  # blank lines before the list's comment go with it
    keep = eol + "\n" + "".join(lines[:cut])
    slots[2] = CommentToken(keep, token.start_mark, None, column=token.column) if keep.strip() else None
    moved = CommentToken("\n" + "".join(lines[cut:]), token.start_mark, None, column=token.column)
    new.ca.items[list(new)[-1]] = [None, None, moved, None]


def add_to_file(path: str | Path, who: str, role: str, hours: float) -> HoursReport:
    """The `hours add` command's core: load, append, save in place, report the new totals."""
    from tipreport import answers, yamlio

    entry = check_entry(who, role, hours)  # usage errors before the file is even read
    with yamlio.editing(path):  # another command's edit lands before or after, never lost
        af = answers.load(path)
        add(af, entry.who, entry.role, entry.hours)
        af.save(overwrite=True)
    return report(af.meta, path)


def list_file(path: str | Path) -> HoursReport:
    from tipreport import answers

    return report(answers.load(path, editable=False).meta, path)
