"""Seeded fuzzer for tipreport's four loaders: cable import, answers file, questionnaire file,
reference .docx (issue 15).

Run:  python bench/fuzz.py --loader cable|answers|questionnaire|docx|all --n 10000 --seed 1 --cap 2
      [--jobs 2] [--out /tmp/tipreport-fuzz] [--confirm 3]
      python bench/fuzz.py --loader answers --seed 1 --case 1234         (re-run one input, verbose)
      python bench/fuzz.py --loader answers --seed 1 --write 1234 x.yaml (write one input to a file)
      PYTHONPATH=/tmp/snapshot python bench/fuzz.py ...  (fuzz a snapshot of tipreport, e.g. from
      `git archive HEAD tipreport | tar -x -C /tmp/snapshot`, run from outside the repo)

Each input is a seed file (the repo's cables, answers files, questionnaires, a .docx made with
python-docx) damaged by one to three seeded mutations, structure-aware and byte-level. Input
``i`` of a loader depends only on (seed, loader, i): the same inputs every run, whatever --n
or --jobs.

Every input runs in a subprocess: a small persistent worker per job that runs the tipreport
CLI in-process (``tipreport.cli.main`` with argv, stdout and stderr captured as a UTF-8
terminal would take them) on the input, one command at a time, with the cap as the timeout.
A worker that dies (segfault, abort) or overruns the cap is killed and restarted; the
input it was running is the one blamed. Workers run with TIPREPORT_DEBUG=1 so an internal
error (what the CLI reports as exit 3) arrives with its exception and innermost frame.

Outcome classes, worst first: crash, over-cap, internal-error,
rejected-multiline-or-unprintable (exit 2 but stderr not exactly one line starting
"tipreport: ", str.isprintable, at most 400 characters), rejected-one-line, ok (exit 0 or 1).
Over-cap inputs are run again alone at the end (a busy machine must not make an input look
slow); only those still over the cap stay over-cap.
Every input not ok or rejected-one-line is saved as OUT/<loader>/<class>-<i>.<ext> with its
reason in OUT/<loader>/<class>-<i>.<ext>.reason (and all reasons in OUT/<loader>/REASONS.tsv).

tests/test_fuzz.py imports ``generate`` and friends from here (same generator, fewer inputs,
in-process).
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import os
import random
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import warnings
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
LOADERS = ("cable", "answers", "questionnaire", "docx")
EXT = {"cable": "txt", "answers": "yaml", "questionnaire": "yaml", "docx": "docx"}
CLASSES = ("ok", "rejected-one-line", "rejected-multiline-or-unprintable", "internal-error",
           "crash", "over-cap")
BAD = ("rejected-multiline-or-unprintable", "internal-error", "crash", "over-cap")
SEVERITY = {c: k for k, c in enumerate(CLASSES)}
MAX_LINE = 400  # an error line longer than this is not "one line" an officer reads (the CLI's own cap,
                # tipreport.errors.MAX_LINE, is 400)
MAX_INPUT = 4 * 1024 * 1024  # generated inputs are cut to this size


# ============================================================== seeds

@cache
def seeds(loader: str) -> tuple[tuple[str, bytes], ...]:
    """(name, bytes) of the seed files of a loader, in a fixed order."""
    if loader == "cable":
        out = [(p.name, p.read_bytes()) for p in sorted((ROOT / "tests" / "fixtures").glob("*.txt"))]
        for p in sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else ():
            data = p.read_bytes()
            if data.startswith(b"source:"):
                data = data.split(b"\n", 1)[1] if b"\n" in data else b""
            out.append((p.name, data))
        return tuple(out)
    if loader == "answers":
        return tuple((p.name, p.read_bytes()) for p in sorted((ROOT / "answers").glob("*.yaml")))
    if loader == "questionnaire":
        return tuple((p.name, p.read_bytes()) for p in sorted((ROOT / "questionnaires").glob("*.yaml")))
    if loader == "docx":
        return tuple(_docx_seeds())
    raise ValueError(loader)


def _normalized_zip(data: bytes) -> bytes:
    """The same zip with fixed timestamps and order: python-docx stamps the current time."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), src.read(info),
                         compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def _docx_seeds() -> list[tuple[str, bytes]]:
    import datetime

    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Inches, Pt

    def finish(doc) -> bytes:
        when = datetime.datetime(2007, 3, 5, 1, 15)
        doc.core_properties.created = doc.core_properties.modified = when
        doc.core_properties.last_printed = when
        buf = io.BytesIO()
        doc.save(buf)
        return _normalized_zip(buf.getvalue())

    plain = docx.Document()
    rich = docx.Document()
    style = rich.styles.add_style("Question", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = rich.styles["Normal"]
    style.font.italic = True
    style.font.size = Pt(11)
    rich.styles["Heading 1"].font.size = Pt(15)
    rich.add_paragraph("Post template", style="Title")
    rich.add_paragraph("Section", style="Heading 1")
    rich.add_paragraph("Topic", style="Heading 2")
    rich.add_paragraph("Question text?", style="Question")
    rich.add_paragraph("Answer text (SBU).")
    table = rich.add_table(rows=2, cols=2)
    table.style = rich.styles["Table Grid"]
    table.cell(0, 0).text = "TIP"
    table.cell(0, 1).text = "Trafficking in Persons"
    sec = rich.sections[0]
    sec.left_margin = sec.right_margin = Inches(1.25)
    sec.different_first_page_header_footer = True
    sec.header.paragraphs[0].text = "SENSITIVE BUT UNCLASSIFIED"
    sec.first_page_header.paragraphs[0].text = "FIRST PAGE"
    sec.footer.paragraphs[0].text = "footer"
    rich.settings.odd_and_even_pages_header_footer = True
    sec.even_page_header.paragraphs[0].text = "EVEN"
    new = rich.add_section()
    new.orientation = WD_ORIENT.LANDSCAPE
    new.page_width, new.page_height = sec.page_height, sec.page_width
    rich.add_paragraph("Landscape part.")
    return [("plain.docx", finish(plain)), ("rich.docx", finish(rich))]


# ============================================================== the generator

@dataclass
class Case:
    loader: str
    index: int
    data: bytes
    desc: str
    family: str  # the family of the first mutation (tests group by it)
    deep: bool = False  # holds deep nesting: run it in a subprocess only

    @property
    def ext(self) -> str:
        return EXT[self.loader]


class Ctx:
    """What a mutation may draw on: the loader's seeds and a pool of lines from every seed."""

    def __init__(self, loader: str):
        self.loader = loader
        texts = [d.decode("utf-8", "replace") for _, d in seeds(loader)] if loader != "docx" else []
        self.texts = texts
        pool: list[str] = []
        for other in ("cable", "answers", "questionnaire"):
            for _, d in seeds(other):
                lines = d.decode("utf-8", "replace").splitlines(keepends=True)
                pool += lines[:: max(1, len(lines) // 400)]  # a sample of each seed's lines
        self.pool = pool
        self.struct = [ln for t in texts for ln in t.splitlines(keepends=True)
                       if _CABLE_STRUCT.match(ln)] or ["1A. (U) Question?\n"]
        self.deep = False


@cache
def _ctx(loader: str) -> Ctx:
    return Ctx(loader)


# -------------------------------------------------------------- building blocks

HUGE_NUMBERS = [
    "1" + "0" * 5000, "9" * 4301, "-" + "9" * 4400, "1" + "0" * 400, "1e308", "1e309", "-1e308",
    "1.7976931348623157e308", "4.9e-324", "-0", "-0.0", ".inf", "-.inf", ".nan", ".NaN", "0x" + "f" * 1000,
    "0o777", "0b1010", "1_000_000", "\u00b2", "\u0661\u0662\u0663", "\uff11\uff12", "1:20:30",
    "2006-13-45", "2006-01-01", "2006-01-01T25:00:00", "+12", "012", "1.", ".5", "-1", "0", "2**64",
    "18446744073709551616", "1e-400", "NaN", "Infinity", "1,000", "12_3.4_5",
]
HUGE_CABLE_NUMBERS = ["1" + "0" * 5000, "9" * 4301, "1e308", "99999999999999999999", "-0", "\u00b2",
                      "\u0661\u0662", "0", "00", "4294967296", "1.5e10"]
ODD_CHARS = [
    "\u2028", "\u2029", "\u202e", "\u200f", "\u200e", "\u200b", "\ufeff", "\u0301" * 50, "\x00",
    "\x1b]0;x\x07", "\x1b[2J\x1b[H", "\x1b[31m", "\x85", "\ufffe", "\uffff", "\U0001F600", "\u00b2",
    "\u0130", "\u00df", "\r", "\x0b", "\x0c", "\x7f", "\x08", "\x9b", "\ud800", "\udc80",
    "\U0010ffff", "\u0663", "\u00a0", "\u3000", "e\u0301", "\ufdd0", "\U000e0001",
]
YAML_ESCAPES = [
    r"\ud800", r"\udc80", r"\udfff", r"\e]0;x\a", r"\e[2J", r"\0", r"\u2028", r"\x85", r"\L", r"\P",
    r"\N", r"\_", r"\U0010FFFF", r"\uFFFE", r"\x1b]0;pwned\x07", r"a\nb", r"\r\n", r"\t", r"\v",
    r"\u202e", r"\x7f", r"\x9b", r"\U0001F600", r"\x00\x00",
]
YAML_TAGGED = [
    "!!binary aGVsbG8=", "!!binary '@@@'", "!!set {a, b}", "!!omap [{a: 1}]", "!!pairs [{a: 1}]",
    "!!python/object:os.system {}", "!!python/name:os.system", "!!python/object/apply:os.system [id]",
    "!!str 1", "!!int x", "!!float abc", "!!bool maybe", "!!null x", "!!timestamp 2006-13-45",
    "!local x", "!<tag:yaml.org,2002:str> x", "!!map [a]", "!!seq {a: 1}", "!!int " + "9" * 5000,
    "!!float 1e400", "!! x", "!<!> x", "!!merge x", "!!value x", "!!yaml x",
]
YAML_DIRECTIVES = [
    "%YAML 1.1\n---\n", "%YAML 1.3\n---\n", "%YAML 9.9\n---\n", "%YAML 1.1\n%YAML 9.9\n---\n",
    "%TAG !x! tag:x,2000:\n---\n", "%FOO bar\n---\n", "%YAML 1.2\n", "%YAML 2.0\n---\n",
    "%YAML 1.1 extra\n---\n", "%YAML a.b\n---\n", "%YAML 99999999999999999999.1\n---\n",
    "%YAML 1.0\n---\n", "%TAG ! !\n%TAG ! !\n---\n", "%YAML\n---\n", "---\n", "--- |\n  x\n",
    "...\n", "%YAML 1.1\n---\n---\n", "%YAML 1.2\n---\na\n",
]
YAML_COMPLEX = [
    "? [a]\n: 1\n", "? {a: [b]}\n: 1\n", "? |\n  block\n: x\n", "[a, b]: c\n", "{a: b}: c\n",
    "? - a\n  - b\n: x\n", "? a\n", "? \n: \n", "?\n", "[[a]]: 1\n", "? !!set {a}\n: 1\n",
    "? 1\n: 2\n", "? null\n: x\n", "~: x\n", "? &k a\n: *k\n",
]
YAML_MERGE = [
    "<<: {country: X}\n", "<<: [{a: 1}, {b: 2}]\n", "<<: 1\n", "<<: [1, 2]\n", "<<: *a\n",
    "<<: &a {post: Y}\n", "<<:\n", "<<: {meta: {}}\n", "<<: !!map {}\n",
]
YAML_ANCHORS = [
    "&a x", "*a", "*undefined", "&a [1, 2]", "&a {k: v}", "&" + "a" * 200 + " x", "& x", "*", "&a &b x",
]
YAML_VALUES = [
    "[]", "{}", "~", "null", "true", "yes", "no", "on", "off", "-", "|", ">", '""', "''", "[a, [b]]",
    "{a: {b: c}}", "- x", "|-\n  x", "|2\n    x", "|0\n x", "|10\n x", ">+\n\n", "'unterminated",
    '"unterminated', "[unterminated", "{unterminated", "a: b: c", "x # comment", "@reserved",
    "`reserved", "%x", "!", "&", "*", "?", ":", ",", "]", "}", "#", "=", "<<", "---", "...",
    "'it''s'", '"\\"', "todo", "done", "imported", "carried", "draft", "TBD", "[insert figures]",
]
KEY_ODD = [
    "unknown", "a" * 10000, '"a\\nb"', '"\\e]0;pwned\\a"', '"\\x1b[2J"', '"\\ud800"', '"\\u202e"',
    "'a\nb'", '""', "''", "1", "1.5", "true", "null", "~", "-1", "[a]", "{a: b}", '"\\0"',
    "k" + "\u0301" * 30, "\u202eevil", "year ", " year", "Year", "country\u200b", "\u00df",
    "reporting_peroid", "status", "text", "1A", "1a", "99ZZZZ", "1A-999", "0A", "100A", "1A1234",
]
STATUS_ODD = ["TODO", "Done", "dn", "", "~", "[done]", "done\n", "\x1b[31mdone", "d\u200bone"]


def _deep_construct(rng: random.Random) -> tuple[str, str]:
    """Deep nesting on one line or as a ladder; returns (text, what)."""
    n = rng.choice([50, 99, 100, 101, 150, 300, 1000, 5000, 10000, 30000, 100000])
    shape = rng.choice(["[", "[]", "{a:", "{a:}", "- ", "? ", "&[", "![", "ladder-map", "ladder-seq",
                        "ladder-tab", "[{", "- [", "[\n"])
    if shape == "[":
        return "[" * n, f"'[' * {n}"
    if shape == "[]":
        return "[" * n + "]" * n, f"'['*{n} + ']'*{n}"
    if shape == "{a:":
        return "{a: " * n + "x", f"'{{a: ' * {n}"
    if shape == "{a:}":
        return "{a: " * n + "x" + "}" * n, f"'{{a: '*{n} + 'x' + '}}'*{n}"
    if shape == "- ":
        return "- " * n + "x", f"'- ' * {n}"
    if shape == "? ":
        return "? " * n + "x", f"'? ' * {n}"
    if shape == "&[":
        return "&x " + "[" * n + "]" * n, f"'&x ' + '['*{n} + ']'*{n}"
    if shape == "![":
        return "!!seq " + "[" * n + "]" * n, f"'!!seq ' + '['*{n} + ']'*{n}"
    if shape == "[{":
        return "[{" * (n // 2) + "a" + "}]" * (n // 2), f"'[{{'*{n // 2} + ...'"
    if shape == "- [":
        return "- [" * n + "]" * n, f"'- ['*{n} + ']'*{n}"
    if shape == "[\n":
        return "[\n" * n + "]" * n, f"'[\\n'*{n} + ']'*{n}"
    m = min(n, rng.choice([100, 200, 401, 1000, 2000]))  # a ladder is quadratic in size
    if shape == "ladder-map":
        return "\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, m + 1)), f"mapping ladder {m} deep"
    if shape == "ladder-seq":
        return "\n" + "".join(" " * (2 * i) + "-\n" for i in range(1, m + 1)), f"sequence ladder {m} deep"
    return "\n" + "".join("\t" * i + f"k{i}:\n" for i in range(1, m + 1)), f"tab ladder {m} deep"


_KV = re.compile(r"^(?P<ind>[ ]*)(?P<dash>- )?(?P<key>[^\s#:'\"\-?][^:#\n]*?|'[^'\n]*'|\"[^\"\n]*\"):"
                 r"(?P<sp>[ \t]+|$)(?P<val>.*?)(?P<nl>\r?\n?)$")
_CABLE_STRUCT = re.compile(
    r"^\s*(?:\d{1,2}\s*[A-Z]?\s*[.):]|[A-Z][.)]\s|--\s*[A-Z]|\((?:U|SBU|C|S)\)|PART\s+\d|UNCLAS|"
    r"SECTION\s+\d|SUBJECT|REF\b|TAGS|E\.\s?O\.|CLASSIFIED BY|SIPDIS|END SUMMARY|SUMMARY|"
    r"PAGE\s+\d|[A-Z][A-Z /&-]{3,}:|[IVX]+\.\s|QUESTION|ANSWER|GLOSSARY|ABBREVIATIONS|[A-Z]{2,}\s+-+\s)")


def _kv_indices(lines: list[str]) -> list[int]:
    return [i for i, ln in enumerate(lines) if _KV.match(ln)]


def _pick_kv(rng: random.Random, lines: list[str], with_value: bool = False,
             prefer: tuple[str, ...] = ()) -> tuple[int, re.Match] | None:
    idx = [i for i in _kv_indices(lines) if not with_value or _KV.match(lines[i]).group("val").strip()]
    if not idx:
        return None
    if prefer and rng.random() < 0.6:
        pref = [i for i in idx if _KV.match(lines[i]).group("key").strip() in prefer]
        idx = pref or idx
    i = rng.choice(idx)
    return i, _KV.match(lines[i])


def _set_value(lines: list[str], i: int, m: re.Match, value: str) -> None:
    lines[i] = f"{m.group('ind')}{m.group('dash') or ''}{m.group('key')}: {value}\n"


def _set_key(lines: list[str], i: int, m: re.Match, key: str) -> None:
    lines[i] = f"{m.group('ind')}{m.group('dash') or ''}{key}:{m.group('sp') or ' '}{m.group('val')}\n"


def _rand_text(rng: random.Random, n: int) -> str:
    alphabet = "abcXYZ019 .,:;-_[]{}()#&*!|>'\"%@`?\\\t\n/" + "".join(ODD_CHARS[:10])
    return "".join(rng.choice(alphabet) for _ in range(n))


def _at_line(rng: random.Random, lines: list[str]) -> int:
    return rng.randrange(len(lines) + 1)


# -------------------------------------------------------------- text mutations (all loaders)

def m_delete(rng, lines, ctx):
    if not lines:
        return "delete: nothing"
    a = rng.randrange(len(lines))
    k = rng.choice([1, 1, 2, 5, 20, 200])
    del lines[a: a + k]
    return f"delete lines {a + 1}..{a + k}"


def m_duplicate(rng, lines, ctx):
    if not lines:
        return "duplicate: nothing"
    a = rng.randrange(len(lines))
    k = rng.choice([1, 2, 5, 40])
    times = rng.choice([1, 2, 10, 100])
    lines[a:a] = lines[a: a + k] * times
    return f"duplicate lines {a + 1}..{a + k} x{times}"


def m_swap(rng, lines, ctx):
    if len(lines) < 2:
        return "swap: nothing"
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[a], lines[b] = lines[b], lines[a]
    return f"swap lines {a + 1} and {b + 1}"


def m_shuffle(rng, lines, ctx):
    if len(lines) < 2:
        return "shuffle: nothing"
    a = rng.randrange(len(lines) - 1)
    k = rng.choice([3, 10, 60, 100000])
    chunk = lines[a: a + k]
    rng.shuffle(chunk)
    lines[a: a + len(chunk)] = chunk
    return f"shuffle lines {a + 1}..{a + len(chunk)}"


def m_insert_foreign(rng, lines, ctx):
    at = _at_line(rng, lines)
    k = rng.choice([1, 3, 10, 30])
    new = [rng.choice(ctx.pool) for _ in range(k)]
    new = [ln if ln.endswith("\n") else ln + "\n" for ln in new]
    lines[at:at] = new
    return f"insert {k} lines from other seeds at line {at + 1}"


def m_truncate(rng, lines, ctx):
    text = "".join(lines)
    cut = rng.randrange(len(text) + 1) if text else 0
    lines[:] = [text[:cut]]
    return f"truncate at char {cut}"


def m_splice(rng, lines, ctx):
    other = rng.choice(ctx.texts).splitlines(keepends=True) if ctx.texts else []
    a = rng.randrange(len(lines) + 1)
    b = rng.randrange(len(other) + 1) if other else 0
    lines[a:] = other[b:]
    return f"splice: own lines ..{a}, other seed's lines {b + 1}.."


def m_random_text(rng, lines, ctx):
    at = _at_line(rng, lines)
    n = rng.choice([1, 10, 100, 2000])
    lines[at:at] = [_rand_text(rng, n) + "\n"]
    return f"insert {n} random chars at line {at + 1}"


def m_odd_chars(rng, lines, ctx):
    k = rng.choice([1, 1, 3, 20])
    used = []
    for _ in range(k):
        if not lines:
            lines.append("")
        i = rng.randrange(len(lines))
        ln = lines[i]
        c = rng.choice(ODD_CHARS)
        pos = rng.randrange(len(ln) + 1)
        lines[i] = ln[:pos] + c + ln[pos:]
        used.append(f"{c!r}@{i + 1}")
    return "odd characters " + " ".join(used)


def m_long_line(rng, lines, ctx):
    n = rng.choice([10_000, 100_000, 1_000_000])
    unit = rng.choice(["x", " ", "-", "[", "{", "1A. ", "a: ", "- ", "'", '"', "\\", "#", "&a ", ",", "(",
                       "SBU ", "\u00e9", "\ud800", ".", ":", "*"])
    at = _at_line(rng, lines)
    if rng.random() < 0.5 and lines:  # append to an existing line
        i = min(at, len(lines) - 1)
        lines[i] = lines[i].rstrip("\n") + unit * (n // len(unit)) + "\n"
    else:
        lines.insert(at, unit * (n // len(unit)) + "\n")
    if unit in ("[", "{"):
        ctx.deep = True
    return f"long line of {unit!r} x{n // len(unit)} at line {at + 1}"


def m_format(rng, lines, ctx):
    text = "".join(lines)
    kind = rng.choice(["empty", "spaces", "comment", "bom", "bom-mid", "crlf", "cr", "tabs", "trailing",
                       "no-final-newline", "nul", "only-newlines", "many-blank", "form-feed"])
    if kind == "empty":
        text = ""
    elif kind == "spaces":
        text = " \n\t\n  "
    elif kind == "comment":
        text = "# only a comment\n"
    elif kind == "bom":
        text = "\ufeff" + text
    elif kind == "bom-mid":
        at = rng.randrange(len(text) + 1)
        text = text[:at] + "\ufeff" + text[at:]
    elif kind == "crlf":
        text = text.replace("\n", "\r\n")
    elif kind == "cr":
        text = text.replace("\n", "\r")
    elif kind == "tabs":
        mode = rng.choice(["indent", "after-colon", "everywhere"])
        if mode == "indent":
            text = re.sub(r"(?m)^(  )+", lambda m: "\t" * (len(m.group()) // 2), text)
        elif mode == "after-colon":
            text = re.sub(r": ", ":\t", text, count=rng.choice([1, 5, 1000]))
        else:
            text = text.replace(" ", "\t")
    elif kind == "trailing":
        text = text.replace("\n", "   \n")
    elif kind == "no-final-newline":
        text = text.rstrip("\n")
    elif kind == "nul":
        text = text.replace("\n", "\x00\n", rng.choice([1, 10]))
    elif kind == "only-newlines":
        text = "\n" * rng.choice([1, 1000, 200000])
    elif kind == "many-blank":
        at = rng.randrange(len(text) + 1)
        text = text[:at] + "\n" * rng.choice([100, 10000, 200000]) + text[at:]
    else:
        text = text.replace("\n", "\f\n", rng.choice([1, 50]))
    lines[:] = [text]
    return f"format: {kind}"


# -------------------------------------------------------------- YAML-aware mutations

def m_y_deep(rng, lines, ctx):
    deep, what = _deep_construct(rng)
    ctx.deep = True
    where = rng.choice(["value", "file", "prefix", "answer"])
    hit = _pick_kv(rng, lines) if where in ("value", "answer") else None
    if hit is not None:
        i, m = hit
        if deep.startswith("\n"):  # a ladder goes below the key, indented past it
            pad = " " * (len(m.group("ind")) + 2)
            lines[i] = f"{m.group('ind')}{m.group('dash') or ''}{m.group('key')}:\n"
            lines.insert(i + 1, "".join(pad + ln for ln in deep[1:].splitlines(keepends=True)))
        else:
            _set_value(lines, i, m, deep)
        return f"deep nesting ({what}) as the value at line {i + 1}"
    if where == "prefix":
        lines.insert(0, "a: " + deep + "\n")
        return f"deep nesting ({what}) prefixed as 'a: ...'"
    lines[:] = ["a: " + deep + "\n"]
    return f"file is 'a: ' + deep nesting ({what})"


def m_y_number(rng, lines, ctx):
    hit = _pick_kv(rng, lines, prefer=("year", "hours", "number", "section", "questionnaire"))
    num = rng.choice(HUGE_NUMBERS)
    if hit is None:
        lines.append(f"year: {num}\n")
        return f"append year: {num[:20]}"
    i, m = hit
    quote = rng.random() < 0.25
    _set_value(lines, i, m, f"'{num}'" if quote else num)
    how = " (quoted)" if quote else ""
    return f"number {num[:20]!r}{how} as value of '{m.group('key')[:30]}' line {i + 1}"


def m_y_escape(rng, lines, ctx):
    esc = "".join(rng.choice(YAML_ESCAPES) for _ in range(rng.choice([1, 1, 3])))
    hit = _pick_kv(rng, lines, prefer=("country", "post", "topic", "id", "text", "status", "role",
                                      "who", "classification", "subject"))
    if hit is None:
        lines.append(f'a: "{esc}"\n')
        return f"append a: \"{esc}\""
    i, m = hit
    if rng.random() < 0.3:
        _set_key(lines, i, m, f'"{esc}"')
        return f"key \"{esc}\" at line {i + 1}"
    _set_value(lines, i, m, f'"{m.group("val")[:20].replace(chr(34), "")}{esc}"')
    return f"escape \"{esc}\" in value of '{m.group('key')[:30]}' line {i + 1}"


def m_y_tag(rng, lines, ctx):
    tagged = rng.choice(YAML_TAGGED)
    hit = _pick_kv(rng, lines)
    if hit is None:
        lines.append(f"a: {tagged}\n")
        return f"append a: {tagged[:40]}"
    i, m = hit
    _set_value(lines, i, m, tagged)
    return f"tag {tagged[:40]!r} at line {i + 1}"


def m_y_directive(rng, lines, ctx):
    d = rng.choice(YAML_DIRECTIVES)
    if rng.random() < 0.8:
        lines.insert(0, d)
        return f"directive {d!r} first"
    at = _at_line(rng, lines)
    lines.insert(at, d)
    return f"directive {d!r} at line {at + 1}"


def _indented_block(block: str, indent: str) -> list[str]:
    return [indent + ln for ln in block.splitlines(keepends=True)]


def m_y_complex(rng, lines, ctx):
    block = rng.choice(YAML_COMPLEX + YAML_MERGE)
    hit = _pick_kv(rng, lines)
    if hit is None or rng.random() < 0.2:
        lines.insert(0, block)
        return f"{block!r} at top"
    i, m = hit
    lines[i:i] = _indented_block(block, m.group("ind") + ("  " if m.group("dash") else ""))
    return f"{block!r} at line {i + 1}"


def m_y_anchor(rng, lines, ctx):
    k = rng.choice([1, 2])
    used = []
    for _ in range(k):
        hit = _pick_kv(rng, lines, with_value=True)
        if hit is None:
            break
        i, m = hit
        a = rng.choice(YAML_ANCHORS)
        val = m.group("val") if not a.startswith("*") else ""
        _set_value(lines, i, m, f"{a} {val}".strip())
        used.append(f"{a[:20]}@{i + 1}")
    if rng.random() < 0.2:
        laughs = "l0: &l0 [x, x]\n" + "".join(f"l{j}: &l{j} [*l{j - 1}, *l{j - 1}]\n" for j in range(1, 12))
        lines.insert(0, laughs)
        used.append("laughs")
    return "anchors/aliases " + " ".join(used)


def m_y_key(rng, lines, ctx):
    hit = _pick_kv(rng, lines)
    if hit is None:
        return "key: nothing"
    i, m = hit
    kind = rng.choice(["rename", "dup", "value-type", "status", "drop-colon", "indent"])
    if kind == "rename":
        key = rng.choice(KEY_ODD)
        _set_key(lines, i, m, key)
        return f"key '{m.group('key')[:20]}' renamed {key[:30]!r} at line {i + 1}"
    if kind == "dup":
        lines.insert(i, lines[i])
        return f"key line {i + 1} duplicated"
    if kind == "value-type":
        v = rng.choice(YAML_VALUES)
        _set_value(lines, i, m, v)
        return f"value {v!r} for '{m.group('key')[:20]}' at line {i + 1}"
    if kind == "status":
        st = [j for j in _kv_indices(lines) if _KV.match(lines[j]).group("key").strip() == "status"]
        if st:
            i = rng.choice(st)
            m = _KV.match(lines[i])
        v = rng.choice(STATUS_ODD)
        _set_value(lines, i, m, json.dumps(v))
        return f"status {v!r} at line {i + 1}"
    if kind == "drop-colon":
        lines[i] = lines[i].replace(":", "", 1)
        return f"colon dropped at line {i + 1}"
    shift = rng.choice([-2, -1, 1, 3])
    ind = max(0, len(m.group("ind")) + shift)
    lines[i] = " " * ind + lines[i].lstrip(" ")
    return f"indent {shift:+d} at line {i + 1}"


# -------------------------------------------------------------- cable-aware mutations

def m_c_struct(rng, lines, ctx):
    k = rng.choice([1, 3, 20, 200])
    at = _at_line(rng, lines)
    lines[at:at] = [rng.choice(ctx.struct) for _ in range(k)]
    return f"insert {k} structure lines (labels, headings, marks) at line {at + 1}"


def m_c_labels(rng, lines, ctx):
    at = _at_line(rng, lines)
    kind = rng.choice(["many-labels", "label-run", "part", "section", "glossary", "signer", "header",
                       "letters", "roman", "question-run"])
    if kind == "many-labels":
        n = rng.choice([100, 1000, 10000])
        new = [f"{1 + j % 4}{chr(65 + j % 26)}. (SBU) Answer {j}.\n\n" for j in range(n)]
    elif kind == "label-run":
        n = rng.choice([100, 5000])
        new = ["1A. " * n + "\n"]
    elif kind == "part":
        new = [f"PART {rng.choice(['1', '2', '99', '0', '9' * 30])} OF "
               f"{rng.choice(['1', '2', '0', '9' * 30])}\n"]
    elif kind == "section":
        new = [f"UNCLAS SECTION {rng.choice(['01', '99', '00'])} OF {rng.choice(['02', '00', '99'])} "
               "PHNOM PENH 000501\n"]
    elif kind == "glossary":
        n = rng.choice([1, 50, 5000])
        new = ["GLOSSARY\n", "\n"] + [f"A{j}{'B' * (j % 5)} - Expansion number {j}\n" for j in range(n)]
    elif kind == "signer":
        new = ["\n", rng.choice(["MUSSOMELI\n", "X" * 5000 + "\n", "\n" * 50, "BOOK\n", "(SBU)\n"])]
    elif kind == "header":
        new = [rng.choice(["SUBJECT: ", "TAGS: ", "REF: ", "E.O. 12958: ", "FM ", "TO ", "INFO ",
                           "R ", "DE ", "ZNR ", "O ", "P "]) + _rand_text(rng, rng.choice([5, 500])) + "\n"]
    elif kind == "letters":
        new = [f"{chr(65 + j % 26)}. Item {j}\n" for j in range(rng.choice([30, 3000]))]
    elif kind == "roman":
        new = [f"{r}. PART\n" for r in ["I", "II", "III", "IV", "V", "IIII", "MMMM"] * rng.choice([1, 300])]
    else:
        new = ["1A. What?\n"] + ["x\n" if j % 2 else "y.\n" for j in range(rng.choice([1000, 10000, 40000]))]
    lines[at:at] = new
    return f"cable {kind} ({len(new)} lines) at line {at + 1}"


def m_c_number(rng, lines, ctx):
    idx = [i for i, ln in enumerate(lines) if re.search(r"\d", ln)]
    if not idx:
        return "number: none"
    i = rng.choice(idx)
    num = rng.choice(HUGE_CABLE_NUMBERS)
    lines[i] = re.sub(r"\d+", num, lines[i], count=1)
    return f"number {num[:20]!r} at line {i + 1}"


def m_c_paragraph_bloat(rng, lines, ctx):
    n = rng.choice([1000, 10000, 40000])
    at = _at_line(rng, lines)
    word = rng.choice(["x", "word", "(SBU)", "-", "1.", "A.", "--", "TIP", "x y z"])
    lines[at:at] = [f"{word}\n"] * n
    return f"{n} short lines {word!r} at line {at + 1}"


def m_c_deep(rng, lines, ctx):
    n = rng.choice([1000, 10000, 100000])
    at = _at_line(rng, lines)
    kind = rng.choice(["(", "[", "-- ", "ladder", "((SBU)"])
    if kind == "ladder":
        m = min(n, 2000)
        lines[at:at] = [" " * j + "1A. x\n" for j in range(m)]
    else:
        lines.insert(at, kind * n + "\n")
    ctx.deep = True
    return f"cable nesting {kind!r} x{n} at line {at + 1}"


# -------------------------------------------------------------- byte-level (all text loaders)

def b_mutate(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    b = bytearray(data)
    kind = rng.choice(["flip", "insert", "delete", "invalid-utf8", "zero", "high"])
    if kind == "flip":
        k = rng.choice([1, 5, 50])
        for _ in range(k):
            if b:
                i = rng.randrange(len(b))
                b[i] ^= 1 << rng.randrange(8)
        return bytes(b), f"bytes: {k} bit flips"
    if kind == "insert":
        at = rng.randrange(len(b) + 1)
        blob = bytes(rng.randrange(256) for _ in range(rng.choice([1, 8, 64])))
        b[at:at] = blob
        return bytes(b), f"bytes: {len(blob)} random bytes at {at}"
    if kind == "delete":
        at = rng.randrange(len(b) + 1)
        k = rng.choice([1, 7, 500])
        del b[at: at + k]
        return bytes(b), f"bytes: {k} deleted at {at}"
    if kind == "invalid-utf8":
        at = rng.randrange(len(b) + 1)
        blob = rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\x80"])
        b[at:at] = blob
        return bytes(b), f"bytes: invalid UTF-8 {blob!r} at {at}"
    if kind == "zero":
        at = rng.randrange(len(b) + 1)
        k = rng.choice([1, 16, 4096])
        b[at: at + k] = b"\x00" * min(k, len(b) - at)
        return bytes(b), f"bytes: {k} zeroed at {at}"
    at = rng.randrange(len(b) + 1)
    blob = "".join(rng.choice(ODD_CHARS) for _ in range(3)).encode("utf-8", "surrogatepass")
    b[at:at] = blob
    return bytes(b), f"bytes: odd UTF-8 {blob!r} at {at}"


# -------------------------------------------------------------- families

_GENERIC = {
    "lines": [m_delete, m_duplicate, m_swap, m_shuffle, m_insert_foreign, m_truncate, m_splice],
    "unicode": [m_odd_chars, m_random_text],
    "format": [m_format, m_long_line],
}
FAMILIES: dict[str, dict[str, list]] = {
    "cable": {**_GENERIC, "structure": [m_c_struct, m_c_labels], "numbers": [m_c_number],
              "size": [m_c_paragraph_bloat], "deep": [m_c_deep]},
    "answers": {**_GENERIC, "numbers": [m_y_number], "escapes": [m_y_escape],
                "yaml": [m_y_tag, m_y_directive, m_y_complex, m_y_anchor], "keys": [m_y_key],
                "deep": [m_y_deep]},
}
FAMILIES["questionnaire"] = FAMILIES["answers"]
DOCX_FAMILIES = ("zipbytes", "zip", "xml", "attrs", "deep")
WEIGHTS = {"lines": 3, "unicode": 2, "format": 1, "structure": 3, "numbers": 2, "size": 1, "deep": 1,
           "escapes": 2, "yaml": 3, "keys": 3, "zipbytes": 2, "zip": 2, "xml": 3, "attrs": 3, "bytes": 1}


def families(loader: str) -> tuple[str, ...]:
    return DOCX_FAMILIES if loader == "docx" else (*FAMILIES[loader], "bytes")


def _rng(seed: int, loader: str, index: int) -> random.Random:
    return random.Random(f"tipreport-fuzz/{seed}/{loader}/{index}")


def make_case(loader: str, seed: int, index: int, family: str | None = None) -> Case:
    """Input ``index`` of a loader for a seed; ``family`` forces the first mutation's family."""
    rng = _rng(seed, loader, index if family is None else f"{family}/{index}")
    if loader == "docx":
        return _docx_case(rng, seed, index, family)
    ctx = copy.copy(_ctx(loader))  # shared seeds, a flag of its own (threads generate too)
    ctx.deep = False
    name, data = rng.choice(seeds(loader))
    text = data.decode("utf-8", "replace")
    lines = text.splitlines(keepends=True)
    fams = FAMILIES[loader]
    names = [f for f in (*fams, "bytes")]
    first = family or rng.choices(names, [WEIGHTS[f] for f in names])[0]
    steps, descs = [first], []
    for _ in range(rng.choice([0, 0, 0, 1, 2])):
        steps.append(rng.choices(names, [WEIGHTS[f] for f in names])[0])
    raw: bytes | None = None
    for fam in steps:
        if fam == "bytes":
            continue
        fn = rng.choice(fams[fam])
        descs.append(fn(rng, lines, ctx))
    text = "".join(lines)
    if loader == "cable" and rng.random() < 0.1:
        text = "source: x\n" + text  # the corpus header line the brief strips: keep some
    raw = text.encode("utf-8", "surrogatepass")
    if "bytes" in steps:
        raw, d = b_mutate(rng, raw)
        descs.append(d)
    if len(raw) > MAX_INPUT:
        raw = raw[:MAX_INPUT]
        descs.append(f"cut to {MAX_INPUT} bytes")
    return Case(loader, index, raw, f"{name}: " + "; ".join(descs), first, ctx.deep)


def generate(loader: str, seed: int, n: int, start: int = 0, family: str | None = None):
    """Inputs start..start+n-1 of a loader (all families, or one forced)."""
    for i in range(start, start + n):
        yield make_case(loader, seed, i, family)


# -------------------------------------------------------------- .docx mutations

_DOCX_MEMBERS = ("word/document.xml", "word/styles.xml", "word/settings.xml", "[Content_Types].xml",
                 "_rels/.rels", "word/_rels/document.xml.rels", "docProps/core.xml", "word/header1.xml",
                 "word/footer1.xml", "word/numbering.xml", "word/fontTable.xml", "docProps/app.xml")
_ATTR_VALUES = ["", "0", "-1", "1" + "0" * 40, "99999999999999999999", "1e308", "NaN", "abc", "nil",
                "\u00b2", "true", "on", "../../../../etc/passwd", "http://127.0.0.1/x", "file:///etc/passwd",
                "rId999", "rId1", "x" * 10000, "&#0;", "&#xD800;", "&amp;", "1.5", "-0", " 12 ", "\u202e"]
_XML_INSERTS = [
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
    '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>',
    '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    "&xxe;", "&undefined;", "<?xml version='1.0' encoding='UTF-16'?>", "<?xml version='9.9'?>",
    "<?xml version='1.0' encoding='bogus'?>", "\ufeff", "&#0;", "&#xD800;", "<![CDATA[x]]>",
    "<w:p><w:r><w:t>x</w:t></w:r></w:p>", "<w:style w:type='paragraph' w:styleId='Normal'/>",
    "<w:sectPr/>", "<w:pgSz w:w='0' w:h='-5'/>", "<w:style/>", "<w:docDefaults/>", "</w:body>",
    "<x:unknown xmlns:x='urn:x'/>", "<!-- comment -->", "<?pi data?>", "\x00", "\x1b]0;x\x07",
    "<w:titlePg w:val='maybe'/>", "<w:evenAndOddHeaders w:val='2'/>",
]


def _zip_members(data: bytes) -> list[tuple[str, bytes]]:
    if len(data) < 200_000:
        return list(_zip_members_cached(data))
    z = zipfile.ZipFile(io.BytesIO(data))
    return [(i.filename, z.read(i)) for i in z.infolist()]


@lru_cache(maxsize=16)
def _zip_members_cached(data: bytes) -> tuple[tuple[str, bytes], ...]:
    z = zipfile.ZipFile(io.BytesIO(data))
    return tuple((i.filename, z.read(i)) for i in z.infolist())


def _build_zip(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are one of the mutations
        with zipfile.ZipFile(buf, "w", method, compresslevel=1) as z:
            for name, blob in members:
                z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), blob, compress_type=method)
    return buf.getvalue()


@lru_cache(maxsize=64)
def _bomb(seed_index: int, member: str, size: int, kind: str) -> bytes:
    """A valid .docx whose one member is inflated to ``size`` bytes (cached: slow to deflate)."""
    members = _zip_members(seeds("docx")[seed_index][1])
    out = []
    for name, blob in members:
        if name == member:
            if kind == "spaces":
                head, sep, tail = blob.partition(b"?>")
                blob = head + sep + b" " * size + tail if sep else b" " * size + blob
            else:
                blob = b"\x00" * size
        out.append((name, blob))
    return _build_zip(out)


def _docx_case(rng: random.Random, seed: int, index: int, family: str | None) -> Case:
    si = rng.randrange(len(seeds("docx")))
    name, data = seeds("docx")[si]
    first = family or rng.choices(DOCX_FAMILIES, [WEIGHTS[f] for f in DOCX_FAMILIES])[0]
    steps = [first] + ([rng.choice(["xml", "attrs", "zipbytes"])] if rng.random() < 0.3 else [])
    descs = []
    deep = False
    members = _zip_members(data)
    raw: bytes | None = None
    for fam in steps:
        if fam == "zipbytes":
            base = raw if raw is not None else _build_zip(members)
            raw, d = _zipbytes(rng, base)
            descs.append(d)
            continue
        if raw is not None:
            try:
                members = _zip_members(raw)
            except Exception:  # noqa: BLE001 - already broken: keep the bytes as they are
                continue
        if fam == "zip":
            d, special = _zip_struct(rng, members, si)
            descs.append(d)
            raw = special if special is not None else _build_zip(members)
            continue
        k = rng.randrange(len(members))
        mname, blob = members[k]
        names = [m for m, _ in members]
        pref = [n for n in _DOCX_MEMBERS if n in names]
        if pref and rng.random() < 0.8:
            mname = rng.choice(pref)
            k = names.index(mname)
            blob = members[k][1]
        text = blob.decode("utf-8", "replace")
        if fam == "deep":
            n = rng.choice([100, 257, 1000, 10000, 100000])
            tag = rng.choice(["w:p", "w:r", "w:tbl", "x", "w:style"])
            at = text.find(">", text.find("<w:") if "<w:" in text else 0) + 1
            text = text[:at] + f"<{tag}>" * n + f"</{tag}>" * n + text[at:]
            d = f"{mname}: <{tag}> nested {n} deep"
            deep = True
        elif fam == "attrs":
            text, d = _xml_attrs(rng, text, mname)
        else:
            text, d = _xml_text(rng, text, mname)
        members[k] = (mname, text.encode("utf-8", "surrogatepass"))
        raw = _build_zip(members)
        descs.append(d)
    assert raw is not None
    return Case("docx", index, raw, f"{name}: " + "; ".join(descs), first, deep)


def _zipbytes(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    b = bytearray(data)
    kind = rng.choice(["flip", "truncate", "insert", "delete", "zero", "dup", "prefix", "append", "swap"])
    if kind == "flip":
        k = rng.choice([1, 3, 30])
        for _ in range(k):
            i = rng.randrange(len(b))
            b[i] ^= 1 << rng.randrange(8)
        return bytes(b), f"zip bytes: {k} bit flips"
    if kind == "truncate":
        cut = rng.randrange(len(b) + 1)
        return bytes(b[:cut]), f"zip bytes: truncated at {cut}"
    if kind == "insert":
        at = rng.randrange(len(b) + 1)
        b[at:at] = bytes(rng.randrange(256) for _ in range(rng.choice([1, 16, 300])))
        return bytes(b), f"zip bytes: random bytes at {at}"
    if kind == "delete":
        at = rng.randrange(len(b))
        k = rng.choice([1, 30, 3000])
        del b[at: at + k]
        return bytes(b), f"zip bytes: {k} deleted at {at}"
    if kind == "zero":
        at = rng.randrange(len(b))
        k = rng.choice([4, 64, 2048])
        b[at: at + k] = b"\x00" * min(k, len(b) - at)
        return bytes(b), f"zip bytes: {k} zeroed at {at}"
    if kind == "dup":
        at = rng.randrange(len(b))
        k = rng.choice([30, 1000])
        b[at:at] = b[at: at + k]
        return bytes(b), f"zip bytes: {k} duplicated at {at}"
    if kind == "prefix":
        head = rng.choice([b"PK\x03\x04", b"MZ", b"\x00" * 100, b"#!/bin/sh\n"])
        return head + bytes(b), "zip bytes: prefix"
    if kind == "append":
        return bytes(b) + bytes(rng.randrange(256) for _ in range(rng.choice([10, 1000]))), "zip bytes: junk"
    a, c = sorted(rng.randrange(len(b)) for _ in range(2))
    k = min(rng.choice([10, 200]), c - a)
    b[a: a + k], b[c: c + k] = b[c: c + k], b[a: a + k]
    return bytes(b), f"zip bytes: swapped {k} at {a} and {c}"


def _zip_struct(rng: random.Random, members: list, si: int) -> tuple[str, bytes | None]:
    names = [n for n, _ in members]
    kind = rng.choice(["drop", "rename", "dup", "empty", "add", "bomb", "many", "method", "not-xml",
                       "only"])
    if kind == "drop":
        k = rng.randrange(len(members))
        pref = [i for i, n in enumerate(names) if n in _DOCX_MEMBERS]
        if pref and rng.random() < 0.7:
            k = rng.choice(pref)
        n = members.pop(k)[0]
        return f"zip: member {n} dropped", None
    if kind == "rename":
        k = rng.randrange(len(members))
        new = rng.choice(["word/Document.xml", "../evil.xml", "/abs.xml", "word/document.xml ", "",
                          "word/\u202edocument.xml", "a" * 300, "word\\document.xml"])
        old = members[k][0]
        members[k] = (new, members[k][1])
        return f"zip: {old} renamed {new[:40]!r}", None
    if kind == "dup":
        k = rng.randrange(len(members))
        members.append((members[k][0], rng.choice([members[k][1], b"", b"<x/>"])))
        return f"zip: {members[k][0]} twice", None
    if kind == "empty":
        k = rng.randrange(len(members))
        members[k] = (members[k][0], b"")
        return f"zip: {members[k][0]} empty", None
    if kind == "add":
        extra = rng.choice([("word/header9.xml", b"<x/>"), ("customXml/item1.xml", b"\xff\xfe"),
                            ("word/media/image1.png", b"\x89PNG"), ("word/vbaProject.bin", b"\x00" * 100)])
        members.append(extra)
        return f"zip: {extra[0]} added", None
    if kind == "bomb":
        member = rng.choice(["word/document.xml", "word/styles.xml", "docProps/core.xml"])
        size = rng.choice([10_000_000, 100_000_000, 300_000_000])
        how = rng.choice(["spaces", "zeros"])
        return f"zip: {member} inflated to {size} bytes of {how}", _bomb(si, member, size, how)
    if kind == "many":
        n = rng.choice([1000, 5000])
        members.extend((f"junk/{i}.xml", b"<x/>") for i in range(n))
        return f"zip: {n} extra members", None
    if kind == "method":
        method = rng.choice([zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
        return f"zip: compression method {method}", _build_zip(members, method)
    if kind == "not-xml":
        k = names.index("word/document.xml") if "word/document.xml" in names else 0
        members[k] = (members[k][0], rng.choice([b"not xml", b"\xff\xfe<\x00", b"<a>" * 3, b"\x00"]))
        return f"zip: {members[k][0]} not XML", None
    keep = rng.choice(["[Content_Types].xml", "word/document.xml", "_rels/.rels"])
    members[:] = [m for m in members if m[0] == keep]
    return f"zip: only {keep}", None


_TAG = re.compile(r"<[^<>]*>")
_ATTR = re.compile(r"""(\s[\w:]+=)(["'])([^"']*)\2""")


def _xml_text(rng: random.Random, text: str, mname: str) -> tuple[str, str]:
    tags = list(_TAG.finditer(text))
    kind = rng.choice(["delete-tag", "dup-element", "swap-tags", "truncate", "insert", "odd-text",
                       "drop-ns", "root"])
    if kind == "delete-tag" and tags:
        m = rng.choice(tags)
        return text[: m.start()] + text[m.end():], f"{mname}: tag {m.group()[:40]!r} deleted"
    if kind == "dup-element" and tags:
        m = rng.choice(tags)
        end = text.find(">", m.end() + rng.randrange(2000)) + 1 or len(text)
        chunk = text[m.start(): end]
        return text[:end] + chunk * rng.choice([1, 10, 1000]) + text[end:], f"{mname}: chunk duplicated"
    if kind == "swap-tags" and len(tags) > 1:
        a, b = sorted(rng.sample(tags, 2), key=lambda t: t.start())
        return (text[: a.start()] + b.group() + text[a.end(): b.start()] + a.group() + text[b.end():],
                f"{mname}: tags swapped")
    if kind == "truncate":
        cut = rng.randrange(len(text) + 1)
        return text[:cut], f"{mname}: truncated at {cut}"
    if kind == "insert":
        ins = rng.choice(_XML_INSERTS)
        if ins.startswith("<!DOCTYPE") or ins.startswith("<?xml"):
            head = text.find("?>") + 2 if ins.startswith("<!DOCTYPE") else 0
            if ins.startswith("<?xml") and text.startswith("<?xml"):
                text = text[text.find("?>") + 2:]
            ref = "&f;" if "ENTITY f" in ins else "&xxe;" if "xxe" in ins else ""
            body = text[head:]
            t = body.find("<w:t>")
            if ref and t >= 0:
                body = body[: t + 5] + ref + body[t + 5:]
            return text[:head] + ins + body, f"{mname}: {ins[:40]!r} in the prolog"
        at = rng.choice(tags).end() if tags else 0
        return text[:at] + ins + text[at:], f"{mname}: {ins[:40]!r} inserted"
    if kind == "odd-text":
        at = rng.choice(tags).end() if tags else 0
        c = "".join(rng.choice(ODD_CHARS) for _ in range(3))
        return text[:at] + c + text[at:], f"{mname}: odd characters {c!r}"
    if kind == "drop-ns":
        return re.sub(r'\sxmlns:w="[^"]*"', "", text, count=1), f"{mname}: w namespace dropped"
    return re.sub(r"<(w:document|w:styles|w:settings|Types|Relationships|cp:coreProperties|w:hdr|w:ftr)\b",
                  "<w:bogus", text, count=1), f"{mname}: root renamed"


def _xml_attrs(rng: random.Random, text: str, mname: str) -> tuple[str, str]:
    attrs = list(_ATTR.finditer(text))
    if not attrs:
        return _xml_text(rng, text, mname)
    k = rng.choice([1, 1, 3])
    out = []
    for _ in range(k):
        attrs = list(_ATTR.finditer(text))
        m = rng.choice(attrs)
        v = rng.choice(_ATTR_VALUES)
        if rng.random() < 0.2:
            text = text[: m.start()] + text[m.end():]
            out.append(f"{m.group(1)[:-1].strip()} removed")
            continue
        q = m.group(2)
        text = text[: m.start()] + f"{m.group(1)}{q}{v.replace(q, '')}{q}" + text[m.end():]
        out.append(f"{m.group(1)[:-1].strip()}={v[:30]!r}")
    return text, f"{mname}: attributes " + ", ".join(out)


# ============================================================== outcomes

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def one_line_problem(message: str) -> str:
    """'' when ``message`` (a rejection's text, newline stripped) is one printable line of at
    most MAX_LINE characters; otherwise what is wrong with it."""
    if "\n" in message or "\r" in message:
        return f"{message.count(chr(10)) + 1} lines"
    if not message.isprintable():
        bad = sorted({f"U+{ord(c):04X}" for c in message if not c.isprintable()})
        return "unprintable " + " ".join(bad[:5])
    if len(message) > MAX_LINE:
        return f"{len(message)} characters long"
    if not message.strip():
        return "empty message"
    return ""


def classify(code: int | None, stderr: str) -> tuple[str, str]:
    """(class, detail) of a finished CLI run."""
    if code in (0, 1):
        return "ok", ""
    if code == 2:
        body = stderr[:-1] if stderr.endswith("\n") else stderr
        problem = one_line_problem(body) if body.startswith("tipreport: ") else "does not start 'tipreport: '"
        if problem:
            return "rejected-multiline-or-unprintable", f"{problem}: {_short(stderr)}"
        return "rejected-one-line", _short(body, 200)
    if code == 3:
        return "internal-error", _short(stderr)
    return "internal-error", f"exit {code}: {_short(stderr)}"


def _short(s: str, n: int = 160) -> str:
    s = s.encode("unicode_escape").decode("ascii")
    return s if len(s) <= n else s[: n - 3] + "..."


# ============================================================== the worker (subprocess side)

def _setup_workdir(wd: Path) -> None:
    shutil.copytree(ROOT / "questionnaires", wd / "questionnaires")
    (wd / "answers").mkdir()
    for p in sorted((ROOT / "answers").glob("*.yaml")):
        shutil.copy(p, wd / "answers" / p.name)


def commands(loader: str) -> list[list[str]]:
    """The CLI commands an input goes through; the input is at input_path(loader), cwd the workdir."""
    inp = input_path(loader)
    if loader == "cable":
        return [["import", inp, "-o", "out/imported.yaml", "--force"]]
    if loader == "answers":
        return [["validate", inp], ["check", inp]]
    if loader == "questionnaire":
        return [["init", "--from", "answers/cambodia-2006.yaml", "--questionnaire", inp,
                 "-o", "out/init.yaml", "--force"]]
    return [["render", "answers/cambodia-2006.yaml", "--format", "docx", "--reference-docx", inp,
             "-o", "out/render.docx", "--force"]]


def input_path(loader: str) -> str:
    return {"cable": "in/cable.txt", "answers": "answers/fuzz-input.yaml",
            "questionnaire": "in/questionnaire.yaml", "docx": "in/reference.docx"}[loader]


def _innermost(tb) -> str:
    frames = traceback.extract_tb(tb)
    ours = [f for f in frames if "tipreport" in f.filename and "/bench/" not in f.filename]
    f = (ours or frames)[-1] if frames else None
    last = frames[-1] if frames else None
    where = f"{Path(f.filename).name}:{f.lineno} {f.name}" if f else "?"
    if last is not None and last is not f:
        where += f" -> {Path(last.filename).name}:{last.lineno} {last.name}"
    return where


def run_cli_inprocess(argv: list[str]) -> dict:
    """Run ``tipreport ARGV`` in this process as a UTF-8 terminal would see it."""
    from tipreport.cli import main

    out, err = io.BytesIO(), io.BytesIO()
    so = io.TextIOWrapper(out, encoding="utf-8", errors="strict", write_through=True)
    se = io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", write_through=True)
    saved = sys.stdout, sys.stderr, sys.argv
    sys.stdout, sys.stderr, sys.argv = so, se, ["tipreport", *argv]
    exc_text = where = None
    t0 = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default")  # each run shows its warnings, as a fresh process would
            main()
        code: int | None = 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException as e:  # noqa: BLE001 - an internal error, reported with its frame
        code = 3
        try:
            msg = str(e)
        except Exception:  # noqa: BLE001
            msg = "?"
        exc_text = f"{type(e).__name__}: {_short(msg, 200)}"
        where = _innermost(e.__traceback__)
    finally:
        elapsed = time.perf_counter() - t0
        try:
            so.flush()
            se.flush()
        except Exception:  # noqa: BLE001
            pass
        sys.stdout, sys.stderr, sys.argv = saved
    return {"code": code, "elapsed": elapsed, "exc": exc_text, "where": where,
            "stdout": out.getvalue().decode("utf-8", "replace")[:4000],
            "stderr": err.getvalue().decode("utf-8", "replace")[:20000]}


def worker_main(loader: str, workdir: str, warm: bool = True) -> None:
    import faulthandler
    import resource

    os.chdir(workdir)
    proto = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # a stray C-level write must not corrupt the protocol
    faulthandler.enable(file=sys.__stderr__, all_threads=False)
    gib = 6 * 1024 ** 3
    resource.setrlimit(resource.RLIMIT_AS, (gib, gib))
    os.environ["TIPREPORT_DEBUG"] = "1"
    import tipreport.cli  # noqa: F401 - imported before the first input is timed

    Path(input_path(loader)).parent.mkdir(exist_ok=True)
    Path("out").mkdir(exist_ok=True)
    for argv in commands(loader) if warm else ():  # lazy imports, jinja: before timing anything
        Path(input_path(loader)).write_bytes(_ctx_seed_bytes(loader))
        run_cli_inprocess(argv)
    proto.write("ready\n")
    for line in sys.stdin:
        req = json.loads(line)
        proto.write(json.dumps(run_cli_inprocess(req["argv"])) + "\n")


def _ctx_seed_bytes(loader: str) -> bytes:
    if loader == "answers":
        return (ROOT / "answers" / "cambodia-2007.yaml").read_bytes()
    return seeds(loader)[0][1]


# ============================================================== the pool (parent side)

class Worker:
    """One persistent subprocess; restarted after a crash or an input over the cap."""

    def __init__(self, loader: str, base: Path, warm: bool = True):
        self.loader = loader
        self.warm = warm
        self.base = base
        self.proc: subprocess.Popen | None = None
        self.buf = b""
        self.workdir: Path | None = None
        self.restarts = -1

    def start(self) -> None:
        self.stop()
        self.restarts += 1
        self.workdir = Path(tempfile.mkdtemp(prefix=f"w-{self.loader}-", dir=self.base))
        _setup_workdir(self.workdir)
        (self.workdir / "in").mkdir(exist_ok=True)
        (self.workdir / "out").mkdir(exist_ok=True)
        env = {k: v for k, v in os.environ.items() if k not in ("TIPREPORT_DEBUG", "PYTHONIOENCODING")}
        env["LC_ALL"] = "C.UTF-8"
        self.log = open(self.workdir / "worker.log", "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker", self.loader,
             "--workdir", str(self.workdir), *([] if self.warm else ["--no-warm"])],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log, cwd=self.workdir, env=env)
        self.buf = b""
        line = self._readline(120)
        if line != "ready":
            raise RuntimeError(f"fuzz worker did not start: {line!r}; see {self.workdir}/worker.log")

    def stop(self) -> None:
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.kill()
            self.proc.wait()
            self.proc.stdin.close()
            self.proc.stdout.close()
            self.log.close()
            self.proc = None
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None

    def _readline(self, timeout: float) -> str | None:
        """One protocol line, or None on timeout; '' when the worker died."""
        deadline = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        while b"\n" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return ""
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return line.decode("utf-8")

    def run(self, argv: list[str], cap: float) -> dict:
        t0 = time.perf_counter()
        try:
            self.proc.stdin.write((json.dumps({"argv": argv}) + "\n").encode())
            self.proc.stdin.flush()
        except BrokenPipeError:
            pass
        line = self._readline(cap + 0.5)
        wall = time.perf_counter() - t0
        if line is None:
            self.start()
            return {"status": "over-cap", "elapsed": wall}
        if line == "":
            rc = self.proc.wait()
            log = (self.workdir / "worker.log").read_bytes().decode("utf-8", "replace")
            self.start()
            return {"status": "crash", "elapsed": wall, "rc": rc, "log": log[-3000:]}
        res = json.loads(line)
        res["status"] = "done"
        if res["elapsed"] > cap:
            res["status"] = "over-cap"
        return res


def _signal_name(rc: int) -> str:
    if rc < 0:
        try:
            return f"killed by {signal.Signals(-rc).name} (exit {128 - rc})"
        except ValueError:
            return f"killed by signal {-rc}"
    return f"worker exited {rc}"


def _crash_detail(res: dict) -> str:
    log = res.get("log", "")
    head = next((ln for ln in log.splitlines() if "Fatal Python error" in ln), "")
    frames = [ln.strip() for ln in log.splitlines() if ln.strip().startswith("File ")]
    ours = [f for f in frames if "tipreport" in f and "bench" not in f]
    frame = (ours or frames or [""])[0]
    return "; ".join(x for x in (_signal_name(res.get("rc", 0)), head.strip(), frame) if x)


@dataclass
class Result:
    index: int
    cls: str
    detail: str
    elapsed: float
    command: str
    desc: str
    runs: list = field(default_factory=list)


def run_case(worker: Worker, case: Case, cap: float) -> Result:
    worst = Result(case.index, "ok", "", 0.0, "", case.desc)
    for argv in commands(case.loader):
        (worker.workdir / input_path(case.loader)).write_bytes(case.data)
        res = worker.run(argv, cap)
        name = argv[0]
        if res["status"] == "crash":
            cls, detail = "crash", f"{name}: {_crash_detail(res)}"
        elif res["status"] == "over-cap":
            cls, detail = "over-cap", f"{name}: over {cap:g} s (ran {res['elapsed']:.2f} s)"
        elif res["exc"]:
            cls, detail = "internal-error", f"{name}: {res['exc']} at {res['where']}"
        else:
            cls, detail = classify(res["code"], res["stderr"])
            if cls == "ok" and _CONTROL.search(res["stdout"] + res["stderr"]):
                detail = "output holds control characters"
            detail = f"{name}: {detail}" if detail else ""
        worst.elapsed = max(worst.elapsed, res["elapsed"])
        worst.runs.append((name, cls, round(res["elapsed"], 3)))
        if SEVERITY[cls] > SEVERITY[worst.cls] or (cls == worst.cls and detail and not worst.detail):
            worst.cls, worst.detail, worst.command = cls, detail, name
        if res["status"] != "done":
            break  # the worker was restarted; this input is the one blamed
    return worst


def fuzz_loader(loader: str, seed: int, n: int, cap: float, jobs: int, out: Path, start: int = 0,
                deadline: float | None = None, progress: bool = True) -> tuple[list[Result], float]:
    base = Path(tempfile.mkdtemp(prefix="tipreport-fuzz-work-"))
    results: list[Result] = []
    lock = threading.Lock()
    next_index = iter(range(start, start + n))
    t0 = time.perf_counter()
    done = [0]

    def job() -> None:
        w = Worker(loader, base)
        w.start()
        try:
            while True:
                if deadline is not None and time.monotonic() > deadline:
                    return
                with lock:
                    i = next(next_index, None)
                if i is None:
                    return
                case = make_case(loader, seed, i)
                r = run_case(w, case, cap)
                with lock:
                    results.append(r)
                    done[0] += 1
                    if r.cls in BAD and r.cls != "over-cap":  # over-cap: saved once rechecked
                        _save(out, case, r)
                    if progress and done[0] % 500 == 0:
                        counts = Counter(x.cls for x in results)
                        print(f"  {loader}: {done[0]}/{n} in {time.perf_counter() - t0:.0f} s  "
                              + ", ".join(f"{c} {counts[c]}" for c in CLASSES if counts[c]),
                              file=sys.stderr, flush=True)
        finally:
            w.stop()

    threads = [threading.Thread(target=job) for _ in range(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    _recheck(loader, seed, [r for r in results if r.cls == "over-cap"], cap, base, out)
    shutil.rmtree(base, ignore_errors=True)
    results.sort(key=lambda r: r.index)
    return results, time.perf_counter() - t0


def _recheck(loader: str, seed: int, over: list[Result], cap: float, base: Path, out: Path) -> None:
    """Run each input that went over the cap again, alone (nothing else of ours running): a
    machine busy with other work must not make an input look slow. Still over: confirmed."""
    if not over:
        return
    w = Worker(loader, base)
    w.start()
    try:
        for r in over:
            case = make_case(loader, seed, r.index)
            again = run_case(w, case, cap)
            if again.cls == "over-cap":
                r.detail += "; over again when run alone"
            else:
                r.cls = again.cls
                r.detail = (f"{again.detail} (went over the cap only while the machine was busy: "
                            f"{r.elapsed:.2f} s, alone {again.elapsed:.2f} s)").lstrip()
                r.elapsed = again.elapsed
            if r.cls in BAD:
                _save(out, case, r)
    finally:
        w.stop()


def _save(out: Path, case: Case, r: Result) -> None:
    folder = out / case.loader
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{r.cls}-{case.index}.{case.ext}"
    (folder / name).write_bytes(case.data)
    reason = f"{r.detail} | input {case.index}: {case.desc}".replace("\n", " ")
    (folder / (name + ".reason")).write_text(reason + "\n", encoding="utf-8")
    with open(folder / "REASONS.tsv", "a", encoding="utf-8") as fh:
        fh.write(f"{name}\t{r.elapsed:.3f}\t{reason}\n")


def confirm(out: Path, loader: str, per_class: int, cap: float) -> list[str]:
    """Re-run saved failures through the real CLI (a fresh `python -m tipreport` each)."""
    lines = []
    folder = out / loader
    if not folder.is_dir():
        return lines
    seen: Counter = Counter()
    for f in sorted(folder.iterdir(), key=lambda p: (p.name.split("-")[0], len(p.name), p.name)):
        if f.name.endswith(".reason") or f.name == "REASONS.tsv":
            continue
        cls = f.name.rsplit("-", 1)[0]
        if seen[cls] >= per_class:
            continue
        seen[cls] += 1
        with tempfile.TemporaryDirectory(prefix="tipreport-confirm-") as tmp:
            wd = Path(tmp)
            _setup_workdir(wd)
            (wd / "in").mkdir()
            (wd / "out").mkdir()
            shutil.copy(f, wd / input_path(loader))
            env = {k: v for k, v in os.environ.items() if k != "TIPREPORT_DEBUG"}
            env["LC_ALL"] = "C.UTF-8"
            for argv in commands(loader):
                t0 = time.perf_counter()
                try:
                    p = subprocess.run([sys.executable, "-m", "tipreport", *argv], cwd=wd, env=env,
                                       capture_output=True, timeout=cap * 5)
                    rc, err = p.returncode, p.stderr.decode("utf-8", "replace")
                except subprocess.TimeoutExpired:
                    rc, err = "timeout", ""
                dt = time.perf_counter() - t0
                lines.append(f"{f.name}: tipreport {argv[0]} -> exit {rc} in {dt:.2f} s: {_short(err, 200)}")
    return lines


# ============================================================== report

def report(loader: str, results: list[Result], wall: float, n: int, slowest: int = 8) -> str:
    counts = Counter(r.cls for r in results)
    out = [f"== {loader}: {len(results)} inputs (of {n} asked) in {wall:.0f} s "
           f"({len(results) / wall if wall else 0:.1f}/s)"]
    for c in CLASSES:
        out.append(f"   {c:36s} {counts[c]}")
    notes = [r for r in results if r.cls == "ok" and r.detail]
    if notes:
        out.append(f"   (ok, but output holds control characters: {len(notes)}, e.g. input "
                   f"{notes[0].index}: {_short(notes[0].desc, 100)})")
    groups: dict[tuple[str, str], list[Result]] = defaultdict(list)
    for r in results:
        if r.cls in BAD:
            groups[(r.cls, _group_key(r.detail))].append(r)
    if groups:
        out.append("   failures by cause:")
        for (cls, key), rs in sorted(groups.items(), key=lambda kv: (-SEVERITY[kv[0][0]], -len(kv[1]))):
            ex = rs[0]
            out.append(f"     {cls} x{len(rs)}: {key}  e.g. input {ex.index} ({_short(ex.desc, 120)})")
    out.append("   slowest:")
    for r in sorted(results, key=lambda r: -r.elapsed)[:slowest]:
        out.append(f"     {r.elapsed:6.2f} s  input {r.index} [{r.cls}] {_short(r.desc, 110)}")
    return "\n".join(out)


def _group_key(detail: str) -> str:
    """A failure's cause without the file- and input-specific bits, to group alike ones."""
    key = re.sub(r"\(ran [\d.]+ s\).*", "", detail)
    key = re.sub(r"unprintable( U\+[0-9A-F]+)+", "unprintable", key)
    key = re.sub(r"\d+ characters long", "too long", key)
    key = re.sub(r"\d+ lines", "several lines", key)
    key = re.sub(r": tipreport: \S+?:\d+(:\d+)?: ", ": ", key)
    key = re.sub(r"found duplicate key.*", "found duplicate key ... with value ...", key)
    key = re.sub(r"\(known: [^)]*\)", "(known: ...)", key)
    key = re.sub(r"'[^']*'", "'...'", key)
    key = re.sub(r'"[^"]*"', '"..."', key)
    key = re.sub(r"(answers|retired)\.\w+", r"\1.ID", key)
    key = re.sub(r"\[\d+\]", "[i]", key)
    key = re.sub(r"\d+", "N", key)
    return key[:160]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--loader", default="all", choices=[*LOADERS, "all"])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--start", type=int, default=0, help="first input index")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cap", type=float, default=2.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "tipreport-fuzz")
    ap.add_argument("--minutes", type=float, default=None,
                    help="stop each loader after this share of time (inputs done are reported)")
    ap.add_argument("--confirm", type=int, default=0,
                    help="re-run up to K saved failures per class through the real CLI")
    ap.add_argument("--case", type=int, default=None, help="run one input and print everything")
    ap.add_argument("--write", nargs=2, metavar=("INDEX", "PATH"), help="write one input to PATH")
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--workdir", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--no-warm", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--family", default=None,
                    help="with --case/--write: the input of tests/test_fuzz.py's test for this family")
    args = ap.parse_args(argv)
    if args.worker:
        worker_main(args.worker, args.workdir, warm=not args.no_warm)
        return 0
    loaders = LOADERS if args.loader == "all" else (args.loader,)
    if args.write:
        case = make_case(loaders[0], args.seed, int(args.write[0]), args.family)
        Path(args.write[1]).write_bytes(case.data)
        print(f"wrote input {case.index} ({len(case.data)} bytes): {case.desc}")
        return 0
    if args.case is not None:
        for loader in loaders:
            case = make_case(loader, args.seed, args.case, args.family)
            print(f"{loader} input {case.index} ({len(case.data)} bytes, family {case.family}, "
                  f"deep={case.deep}): {case.desc}")
            base = Path(tempfile.mkdtemp(prefix="tipreport-fuzz-work-"))
            w = Worker(loader, base)
            w.start()
            try:
                r = run_case(w, case, args.cap)
            finally:
                w.stop()
                shutil.rmtree(base, ignore_errors=True)
            print(f"  -> {r.cls} in {r.elapsed:.3f} s: {r.detail}  runs={r.runs}")
        return 0
    import importlib.util

    spec = importlib.util.find_spec("tipreport")
    print(f"tipreport fuzz: loaders {', '.join(loaders)}; n={args.n} from {args.start}, seed={args.seed}, "
          f"cap={args.cap:g} s, jobs={args.jobs}; tipreport from {spec.origin if spec else '?'}; "
          f"failing inputs under {args.out}/<loader>/", flush=True)
    bad = 0
    t_all = time.perf_counter()
    for k, loader in enumerate(loaders):
        shutil.rmtree(args.out / loader, ignore_errors=True)
        deadline = None
        if args.minutes:
            share = args.minutes * 60 - (time.perf_counter() - t_all)
            deadline = time.monotonic() + share / (len(loaders) - k)
        results, wall = fuzz_loader(loader, args.seed, args.n, args.cap, args.jobs, args.out,
                                    start=args.start, deadline=deadline)
        print(report(loader, results, wall, args.n), flush=True)
        bad += sum(r.cls in BAD for r in results)
        if args.confirm:
            for line in confirm(args.out, loader, args.confirm, args.cap):
                print("   confirm: " + line, flush=True)
    print(f"total {time.perf_counter() - t_all:.0f} s; {bad} inputs in a failure class")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
