"""Rendering a submission: the content both outputs share, and the cable text.

``build`` turns an answers file and its questionnaire into a ``Submission``: every
paragraph as it will be printed (classification marks applied, unanswered questions
marked), the closing paragraph with the staff-hours note, the glossary of only the
abbreviations used. The cable text comes from a jinja2 template (templates/cable.txt.j2
or the post's own, sandboxed) that arranges logical lines; a fixed-width line
generator then wraps every line at the cable width, never inside a word or number,
and never leaves a trailing space. Because the template cannot bypass the wrapper,
a post's template cannot break the width rule.

``run`` is the render command's core: load, check --final, render, write atomically.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tipreport import glossary as glossary_mod
from tipreport import hours
from tipreport.answers import Answer, AnswersFile, Meta, is_blank, join_paragraphs, paragraphs
from tipreport.cable import HOURS_MARKER, MARK, compose_closing, entry_lines
from tipreport.errors import FindingsError, InputError, UsageError
from tipreport.questionnaire import Questionnaire

DEFAULT_WIDTH = 65  # the seed cables' width
MIN_WIDTH, MAX_WIDTH = 30, 200
MARKER = "[TODO: NO ANSWER YET]"
# tipreport/templates links to the top-level templates/ folder, so an installed
# package (not only a checkout) finds its default template.
TEMPLATES = Path(__file__).resolve().parent / "templates"
DEFAULT_TEMPLATE = TEMPLATES / "cable.txt.j2"
FORMATS = ("cable", "docx")
_SUFFIX = {"cable": ".txt", "docx": ".docx"}
_PRECEDENCE = (("FLASH", "Z"), ("IMMEDIATE", "O"), ("PRIORITY", "P"), ("ROUTINE", "R"))
_ORIGIN_PREFIX = re.compile(r"^(?:AMEMBASSY|AMCONSUL|USMISSION|USEU|USNATO|USUN)\s+")


# ---------------------------------------------------------------- the shared content

@dataclass(frozen=True)
class RenderedQuestion:
    id: str
    section: int
    section_title: str
    topic: str
    label: str                    # "1A.", or the post's own label as written
    text: str                     # question text, marked when marks are required
    paragraphs: tuple[str, ...]   # answer paragraphs as printed (marker first when blank)
    blank: bool
    heading: str | None = None    # the lines above it as the post wrote them (None: the topic)
    mark: str = ""                # the question's own mark, printed before its text


@dataclass(frozen=True)
class RenderedSection:
    number: int
    title: str
    questions: tuple[RenderedQuestion, ...]


@dataclass(frozen=True)
class GlossaryEntry:
    abbr: str
    expansion: str


@dataclass(frozen=True)
class Submission:
    """Everything either output prints, decided once so cable and Word agree."""

    meta: Meta
    title: str
    marks_required: bool
    intro: str
    questions: tuple[RenderedQuestion, ...]
    sections: tuple[RenderedSection, ...]
    closing: str
    hours_note: str
    glossary: tuple[GlossaryEntry, ...]
    missing_abbreviations: tuple[str, ...]
    unanswered: tuple[RenderedQuestion, ...]
    incomplete: tuple[str, ...]   # besides unanswered questions, what --final refuses on
    warnings: tuple[str, ...]

    @property
    def blockers(self) -> tuple[str, ...]:
        """Everything --final refuses on: unanswered questions first, then the rest."""
        return tuple(f"{x.id} ({x.topic or 'no topic'}): no answer yet"
                     for x in self.unanswered) + self.incomplete


def _mark(text: str, mark: str) -> str:
    """Prefix a classification mark unless the paragraph already carries one."""
    return text if MARK.match(text) else f"({mark})  {text}"


def _mark_all(text: str, mark: str) -> str:
    return join_paragraphs([_mark(p, mark) for p in paragraphs(text)])


def _default_intro(meta: Meta, q: Questionnaire) -> str:
    period = meta.reporting_period or q.reporting_period
    text = (f"The following is Embassy {meta.post}'s contribution towards the preparation of "
            f"the {meta.year} Trafficking in Persons Report for {meta.country}")
    text += f", covering the period {period}." if period else "."
    text += ("  Responses follow the questions outlined in reftel." if meta.ref or q.reftel
             else f"  Responses follow the Department's {q.year} questionnaire.")
    if meta.sensitive:
        text += "  The entire report is classified sensitive but unclassified (SBU)."
    return text


def _question(qn, answer_text: str, mark: str | None, section_title: str) -> RenderedQuestion:
    blank = is_blank(answer_text)
    paras = paragraphs(answer_text)
    own_layout = qn.label is not None or qn.heading is not None
    if own_layout:
        mark = None  # the post's marks are in its text, where it put them
    if blank:
        paras = [MARKER, *paras]  # keep an officer's "[insert 2007 figures]" visible too
    elif mark:
        paras = [_mark(p, mark) for p in paras]
    qtext = join_paragraphs(paragraphs(qn.text))
    if mark and qtext:
        qtext = _mark(qtext, "U")  # State's questions are unclassified
    label = qn.label if qn.label is not None else f"{qn.id}."
    return RenderedQuestion(qn.id, qn.section, section_title, qn.topic.strip(), label,
                            qtext, tuple(paras), blank, qn.heading, qn.mark)


def _printed_closing(meta: Meta, closing: str) -> str:
    """A closing in the post's own layout is printed as written (its marks where they were);
    the default layout marks it (U). None where the post's cable had none."""
    if not meta.closing.strip() and not meta.layout.get("compose_closing", True):
        return ""
    own = meta.closing.strip() and any(k.startswith("closing") for k in meta.layout)
    return closing if own else _mark_all(closing, "U")


def _carried_unedited(ans: Answer | None) -> bool:
    """Last year's text word for word that nobody has marked as reviewed (status: done)."""
    return (ans is not None and ans.provenance.source == "carried" and ans.untouched
            and ans.status != "done" and not ans.blank)


def build(af: AnswersFile, q: Questionnaire, registry: dict[str, str] | None = None) -> Submission:
    """Decide every printed paragraph; the outputs only lay them out."""
    meta = af.meta
    mark = ("SBU" if meta.sensitive else "U") if q.marks_required else None
    questions = []
    for qn in q.questions:
        ans = af.answers.get(qn.id)
        questions.append(_question(qn, ans.text if ans else "", mark, q.section_title(qn.section)))
    sections = []
    for number in dict.fromkeys(x.section for x in questions):
        sections.append(RenderedSection(number, q.section_title(number),
                                        tuple(x for x in questions if x.section == number)))
    intro = join_paragraphs(paragraphs(meta.intro))
    if not intro and meta.layout.get("compose_intro", True):
        intro = _default_intro(meta, q)
    closing, blockers, warnings = compose_closing(meta)
    texts = [intro, closing.replace(HOURS_MARKER, "")]
    texts += [t for x in questions for t in (x.topic, x.text)]
    texts += [p for x in questions if not x.blank for p in x.paragraphs]
    use = glossary_mod.used(texts, glossary_mod.merged(af.glossary, registry))
    unedited = [qn.id for qn in q.questions if _carried_unedited(af.answers.get(qn.id))]
    if unedited:
        blockers.insert(0, f"{len(unedited)} answer{'s' if len(unedited) != 1 else ''} carried "
                        f"from last year and never edited: {', '.join(unedited)} "
                        "(edit them, or set status: done after review)")
    if not meta.signer.strip():
        blockers.append("meta.signer is empty (the chief of mission's surname signs the cable)")
    if use.missing:
        warnings.append("abbreviations used with no expansion (add them under glossary:): "
                        + ", ".join(use.missing))
    if mark:
        intro = _mark_all(intro, "U")
    return Submission(
        meta=meta,
        title=f"{meta.year} Trafficking in Persons Report for {meta.country}",
        marks_required=q.marks_required,
        intro=intro,
        questions=tuple(questions),
        sections=tuple(sections),
        closing=_printed_closing(meta, closing),
        hours_note=hours.note(meta.staff_hours),
        glossary=tuple(GlossaryEntry(a, e) for a, e in use.entries),
        missing_abbreviations=use.missing,
        unanswered=tuple(x for x in questions if x.blank),
        incomplete=tuple(blockers),
        warnings=tuple(warnings),
    )


# ---------------------------------------------------------------- fixed-width lines

def _units(text: str) -> list[tuple[str, str]]:
    """(word, whitespace after it) pairs; a word ending in a hyphen keeps its next word.

    "750- USD" must not break after the hyphen: an importer joins a line-end hyphen
    with the next line without a space, which would print "750-USD".
    """
    units: list[tuple[str, str]] = []
    glue = False
    for word, space in re.findall(r"(\S+)([ \t]*)", text):
        space = space.replace("\t", " ")
        if glue:
            prev_word, prev_space = units.pop()
            word = prev_word + (prev_space or " ") + word
        units.append((word, space))
        glue = bool(re.search(r"[A-Za-z0-9]-$", word)) and not word.endswith("--")
    return units


def wrap(line: str, width: int = DEFAULT_WIDTH) -> list[str]:
    """Fill one logical line into lines of at most ``width`` columns, breaking at spaces only.

    Spacing inside a line (two spaces after a full stop) is kept; the spaces at a break
    are dropped. A word longer than the width stands alone on its line rather than
    being split. The first line keeps its indentation.
    """
    line = line.rstrip()
    if len(line) <= width:
        return [line]
    indent = line[: len(line) - len(line.lstrip())]
    out: list[str] = []
    cur, sep = indent, ""
    for word, space in _units(line.strip()):
        if not cur.strip():
            cur += word  # first word of the line, after any indentation
        elif len(cur) + len(sep) + len(word) > width:
            out.append(cur)
            cur = word
        else:
            cur += sep + word
        sep = space or " "
    out.append(cur)
    return [ln.rstrip() for ln in out]


def lines(text: str, width: int = DEFAULT_WIDTH) -> Iterator[str]:
    """The line generator: every line wrapped, runs of blank lines at most two long."""
    blanks = 0
    for raw in text.split("\n"):
        for ln in wrap(raw, width):
            if ln:
                blanks = 0
                yield ln
            else:
                blanks += 1
                if blanks <= 2:
                    yield ln


def underline(heading: str, width: int = DEFAULT_WIDTH) -> str:
    """A topic heading wrapped at the width, underlined with dashes as long as its longest line."""
    rows = wrap(re.sub(r"\s*\n\s*", " ", heading.strip()), width)  # spacing as the post typed it
    return "\n".join([*rows, "-" * max(len(r) for r in rows)])


# ---------------------------------------------------------------- cable text

def _origin(meta: Meta) -> str:
    if meta.from_.strip():
        return _ORIGIN_PREFIX.sub("", meta.from_.strip()).upper()
    return meta.post.upper()


def _short_classification(classification: str) -> str:
    c = classification.upper()
    if c.startswith("UNCLAS"):
        return "UNCLAS"
    if c.startswith("CONFIDENTIAL"):
        return "C O N F I D E N T I A L"
    if c.startswith("SECRET"):
        return "S E C R E T"
    return c.split("//")[0]


def _serial_line(meta: Meta) -> str:
    """'UNCLAS PHNOM PENH 000501': the serial comes from the reference id once one exists."""
    line = f"{_short_classification(meta.classification)} {_origin(meta)}"
    m = re.search(r"(\d+)$", meta.reference_id.strip())
    return f"{line} {int(m.group(1)):06d}" if m else line


def _dtg(meta: Meta) -> str:
    """'O 150851Z MAR 06': precedence letter (from the TO line) and the date-time group."""
    if not meta.date.strip():
        return ""
    to = " ".join(meta.to).upper()
    letter = next((ch for word, ch in _PRECEDENCE if word in to), "R")
    return f"{letter} {meta.date.strip()}"


def _default_eo(year: int) -> str:
    return "12958: N/A" if year < 2010 else "13526: N/A"  # E.O. 13526 replaced 12958 in 2009


def context(sub: Submission, width: int = DEFAULT_WIDTH, final: bool = False) -> dict[str, Any]:
    """The template's variables; templates/cable.txt.j2 documents each one."""
    meta = sub.meta
    questions = [_with_lines(q, width) for q in sub.questions]
    return {
        "meta": meta,
        "title": sub.title,
        "classification": meta.classification,
        "dtg": _dtg(meta),
        "fm": meta.from_.strip() or f"AMEMBASSY {meta.post.upper()}",
        "to": list(meta.to),
        "info": list(meta.info),
        "serial_line": _serial_line(meta),
        "office": list(meta.office),
        "sensitive": meta.sensitive,
        "eo": meta.eo.strip() or _default_eo(meta.year),
        "tags": list(meta.tags),
        "subject": meta.subject.strip() or
        f"{meta.year} TRAFFICKING IN PERSONS REPORT FOR {meta.country.upper()}",
        "refs": list(meta.ref),
        "intro": sub.intro,
        "intro_label": meta.layout.get("intro_label", "1."),
        "closing_label": meta.layout.get("closing_label", "2."),
        "closing_heading": meta.layout.get("closing_heading", ""),
        "questions": questions,
        "body_lines": _body_lines(sub, questions, width),
        "sections": list(sub.sections),
        "closing": sub.closing,
        "hours_note": sub.hours_note,
        "glossary": list(sub.glossary),
        "signer": meta.signer.strip(),
        "post": meta.post,
        "country": meta.country,
        "year": meta.year,
        "reporting_period": meta.reporting_period,
        "marks_required": sub.marks_required,
        "unanswered": [x.id for x in sub.unanswered],
        "marker": MARKER,
        "width": width,
        "final": final,
    }


def _with_lines(q: RenderedQuestion, width: int) -> dict[str, Any]:
    """The question's fields plus ``lines``: the entry laid out as the post lays it out."""
    from dataclasses import asdict

    heading = q.heading if q.heading is not None else underline(q.topic, width) if q.topic else ""
    out = asdict(q)
    out["lines"] = entry_lines(q.label, q.mark, q.text, list(q.paragraphs), heading)
    return out


def _body_lines(sub: Submission, questions: list[dict[str, Any]], width: int) -> list[str]:
    """The body in the post's order: the intro and the closing where its cable had them."""
    lay = sub.meta.layout
    intro = [f"{lay.get('intro_label', '1.')}  {sub.intro}", ""] if sub.intro else []
    closing = ["", *([lay["closing_heading"], ""] if lay.get("closing_heading") else []),
               f"{lay.get('closing_label', '2.')}  {sub.closing}", ""] if sub.closing else []
    ids = [q["id"] for q in questions]
    places = {"intro": lay.get("intro_after", ""), "closing": lay.get("closing_after")}
    for name, after in places.items():
        if after not in ("", None) and after not in ids:
            places[name] = None if name == "closing" else ""  # that answer is gone: the default
    out: list[str] = []

    def put(after: str | None) -> None:
        for name, block in (("intro", intro), ("closing", closing)):
            if places[name] == after:
                out.extend(block)

    put("")
    for q in questions:
        out.extend(q["lines"])
        put(q["id"])
    put(None)
    return out


def _template_line(exc: BaseException, filename: str) -> int | None:
    """The template line jinja2 was on: its rewritten traceback names the template file."""
    import traceback

    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == filename:
            line = frame.lineno
    return line


@functools.lru_cache(maxsize=8)
def _environment(folder: Path, width: int):
    """One environment per template folder and width: jinja2 then compiles a template once
    per process (a batch renders many cables), and recompiles it when the file changes."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(loader=FileSystemLoader(str(folder)), undefined=StrictUndefined,
                               autoescape=False, trim_blocks=True, lstrip_blocks=True,
                               keep_trailing_newline=True)
    env.filters["underline"] = lambda s: underline(str(s), width)
    return env


def cable_text(sub: Submission, width: int = DEFAULT_WIDTH, template: str | Path | None = None,
               final: bool = False) -> str:
    """Render the cable through the template, then through the fixed-width line generator."""
    import jinja2

    path = Path(template) if template is not None else DEFAULT_TEMPLATE
    if not path.is_file():
        raise InputError(path, "no such template file" if not path.exists() else
                         "is not a template file")
    ctx = context(sub, width, final)
    filename = str(path.resolve())
    env = _environment(path.resolve().parent, width)
    try:
        raw = env.get_template(path.name).render(ctx)
    except jinja2.TemplateSyntaxError as exc:
        raise InputError(exc.filename or path, f"template syntax error: {exc.message}",
                         exc.lineno) from None
    except jinja2.UndefinedError as exc:
        raise InputError(path, f"undefined in template: {exc.message} (variables: "
                         f"{', '.join(sorted(ctx))})", _template_line(exc, filename)) from None
    except jinja2.TemplateNotFound as exc:
        raise InputError(path, f"template includes '{exc.name}', which is not in "
                         f"{path.resolve().parent}", _template_line(exc, filename)) from None
    except jinja2.exceptions.SecurityError as exc:
        raise InputError(path, f"template not allowed in the sandbox: {exc}",
                         _template_line(exc, filename)) from None
    except UnicodeDecodeError:
        raise InputError(path, "template is not UTF-8 text") from None
    except RecursionError as exc:  # a macro or include that calls itself without end
        raise InputError(path, "template recursion too deep",
                         _template_line(exc, filename)) from None
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError,
            IndexError, ZeroDivisionError, OverflowError, MemoryError) as exc:
        raise InputError(path, f"template failed: {type(exc).__name__}: {exc}",
                         _template_line(exc, filename)) from None
    body = "\n".join(lines(raw, width)).strip("\n")
    return body + "\n"


# ---------------------------------------------------------------- the command's core

@dataclass
class RenderResult:
    answers: str
    format: str
    output: str               # "-" when written to stdout
    width: int
    final: bool
    questions: int
    unanswered: list[dict[str, str]]
    glossary: list[dict[str, str]]
    missing_abbreviations: list[str]
    incomplete: list[str]
    blockers: list[str]
    warnings: list[str]
    written: bool = False
    text: str = field(default="", repr=False)  # the cable when output is "-"

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "text"}


class FinalRefused(FindingsError):
    """--final with unanswered questions (or carried answers never edited, no staff hours, no
    signer): exit 1, nothing written."""

    def __init__(self, result: RenderResult) -> None:
        self.result = result
        items = "; ".join(result.blockers)
        super().__init__(f"{result.answers}: not final: {len(result.blockers)} "
                         f"item{'s' if len(result.blockers) != 1 else ''} to finish: {items}")


def default_output(answers_path: str | Path, fmt: str) -> Path:
    """out/<answers file name>.txt|.docx, beside where the officer runs the command."""
    return Path("out") / (Path(answers_path).stem + _SUFFIX[fmt])


def _check_options(fmt: str, width: int, template, reference_docx, output) -> None:
    if fmt not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not '{fmt}'")
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        raise UsageError(f"--width must be between {MIN_WIDTH} and {MAX_WIDTH}, not {width}")
    if template is not None and fmt != "cable":
        raise UsageError("--template applies to --format cable only")
    if reference_docx is not None and fmt != "docx":
        raise UsageError("--reference-docx applies to --format docx only")
    if fmt == "docx" and str(output) == "-":
        raise UsageError("Word output cannot go to stdout; give -o FILE.docx")


def _summary(sub: Submission, answers_path, fmt: str, target, width: int, final: bool) -> RenderResult:
    return RenderResult(
        answers=str(answers_path), format=fmt, output=str(target), width=width, final=final,
        questions=len(sub.questions),
        unanswered=[{"id": x.id, "topic": x.topic} for x in sub.unanswered],
        glossary=[{"abbr": g.abbr, "expansion": g.expansion} for g in sub.glossary],
        missing_abbreviations=list(sub.missing_abbreviations),
        incomplete=list(sub.incomplete), blockers=list(sub.blockers),
        warnings=list(sub.warnings),
    )


def run(answers_path: str | Path, fmt: str = "cable", output: str | Path | None = None, *,
        width: int = DEFAULT_WIDTH, final: bool = False, template: str | Path | None = None,
        reference_docx: str | Path | None = None, questionnaire: str | Path | None = None,
        force: bool = False) -> RenderResult:
    """Load, build, refuse (--final) or render, and write atomically (never half a file).

    Raises FindingsError (exit 1) in --final mode while anything is unanswered; the
    result's ``blockers`` then say what. Output "-" returns the cable text instead.
    """
    from tipreport import answers

    _check_options(fmt, width, template, reference_docx, output)
    af, q = answers.load_with_questionnaire(answers_path, questionnaire, editable=False, lines=final)
    sub = build(af, q)
    target = default_output(answers_path, fmt) if output is None else output
    result = _summary(sub, answers_path, fmt, target, width, final)
    if final:
        result.blockers += _check_errors(af, q)
        if result.blockers:
            raise FinalRefused(result)
    target_path = Path(target)
    from tipreport import yamlio

    yamlio.refuse_inputs(target, [answers_path, q.path, template, reference_docx], "-o")
    if str(target) != "-" and target_path.is_dir():
        raise InputError(target_path, "is a directory; give a file name")
    if str(target) != "-" and target_path.exists() and not force:
        raise UsageError(f"{target_path}: already exists; pass --force to overwrite it")
    if fmt == "cable":
        data = cable_text(sub, width, template, final).encode("utf-8")
    else:
        from tipreport import docx_render

        data = docx_render.render(sub, reference_docx)
    if str(target) == "-":
        result.text = data.decode("utf-8")
        return result
    _write(target_path, data, output is None, force)
    result.written = True
    return result


_BUILD_BLOCKS = ("unanswered", "carried-untouched")  # build() words these itself


def _check_errors(af, q) -> list[str]:
    """What `check` reports as an error, whatever each answer's status says: a final cable
    waits for each to be fixed or acknowledged (check --ack ID)."""
    from tipreport import checks

    return [f"{f.question} line {f.line}: {f.kind}: {f.message} (check --ack {f.id} if it is right)"
            for f in checks.open_errors(af, q) if f.kind not in _BUILD_BLOCKS]


def _write(target: Path, data: bytes, default: bool, force: bool) -> None:
    from tipreport import yamlio

    if default and not target.parent.exists():
        try:
            target.parent.mkdir(parents=True)
        except OSError as exc:
            raise InputError(target.parent, f"cannot create: {exc.strerror or exc}") from None
    yamlio.atomic_write_bytes(target, data, overwrite=force)

