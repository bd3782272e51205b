"""The answers file: one post's submission for one year, as the officer edits it.

The file is the officer's. It is read with ruamel.yaml's round-trip loader and
every edit goes into that same tree, so comments, key order and hand layout
survive; the typed view (dataclasses) is rebuilt from the tree for reading.
Provenance with a fingerprint of the text as carried makes "carried and never
touched" a fact rather than a guess.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tipreport import fields, yamlio
from tipreport.errors import InputError
from tipreport.questionnaire import QUESTION_ID, Questionnaire

STATUSES = ("todo", "imported", "carried", "draft", "done")
SOURCES = ("imported", "carried", "drafted")
TOP_KEYS = {"meta", "glossary", "answers", "retired", "ack"}
META_REQUIRED = ("country", "post", "year", "questionnaire", "reporting_period", "classification")
META_TEXT = ("country", "post", "reporting_period", "classification", "reference_id", "date",
             "from", "eo", "subject", "intro", "drafters", "point_of_contact", "closing", "signer")
META_LISTS = ("to", "info", "office", "tags", "ref")
META_KEYS = set(META_TEXT) | set(META_LISTS) | {"year", "questionnaire", "sensitive", "staff_hours",
                                                 "layout", "carried_from"}
# Written by init: the file the answers were carried from and fingerprints of its meta values,
# so check can say which of last year's values (signer, drafters, routing...) are still here.
CARRIED_FROM_KEYS = {"year", "reporting_period", "cable", "values"}
# The post's layout of the cable when it is not the default one: where the intro and the
# closing go among the answers, and their paragraph labels as written.
# intro_after / closing_after: the id of the answer they follow ("" = before the first);
# absent, the intro opens the body and the closing ends it. compose_intro / compose_closing:
# false when the post's cable had no such paragraph, so render does not write one.
LAYOUT_FLAGS = ("compose_intro", "compose_closing")
LAYOUT_TEXT = ("intro_label", "intro_after", "closing_label", "closing_after", "closing_heading")
ANSWER_KEYS = {"status", "provenance", "text", "note"}
PROV_KEYS = {"source", "cable", "year", "question", "section", "fingerprint", "note"}
SECTIONS = ("answers", "retired")  # where in the year's file a carried answer came from
MAX_HOURS = 10_000  # one staff-hours entry of more than a year of full-time work is a slip


# ---------------------------------------------------------------- text helpers

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def paragraphs(text: str) -> list[str]:
    """Paragraphs of an answer: blank lines separate, wrapped lines join with one space."""
    out = []
    for block in _BLANK_LINE.split(text.strip("\n")):
        line = _join_lines(block)
        if line:
            out.append(line)
    return out


def _join_lines(block: str) -> str:
    return " ".join(filter(None, map(str.strip, block.splitlines())))


def join_paragraphs(paras: list[str]) -> str:
    return "\n\n".join(p.strip() for p in paras if p.strip())


def fingerprint(text: str) -> str:
    """Hash of the words, paragraph by paragraph: re-wrapping is not an edit, a changed word is."""
    norm = "\n".join(" ".join(p.split()) for p in paragraphs(text))
    return "sha256:" + hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


_PLACEHOLDER = re.compile(
    r"^\W*(?:todo|tbd|tbc|tk|xxx+|n/?a\s*yet|to be (?:drafted|completed|added)|"
    r"\[\s*(?:insert|add|update|fill|todo|tbd)[^\]]*\]|\.\.\.)\W*$",
    re.IGNORECASE,
)


def is_blank(text: str) -> bool:
    """Empty, whitespace, or only a placeholder such as TODO, TBD, [insert figures]."""
    first = _join_lines(_BLANK_LINE.split(text.strip("\n"), maxsplit=1)[0])
    if first and not _placeholder(first):
        return False  # the usual answer, told without splitting the rest of it
    return blank_paragraphs(paragraphs(text))


def blank_paragraphs(paras: list[str]) -> bool:
    """is_blank for a text already split into paragraphs."""
    return not paras or all(_placeholder(p) for p in paras)


_PLACEHOLDER_MAX = 300  # "[insert 2006 figures for ...]" is short; longer is text (and the pattern
                        # would backtrack through a long run of punctuation)


def _placeholder(paragraph: str) -> bool:
    return len(paragraph) <= _PLACEHOLDER_MAX and _PLACEHOLDER.match(paragraph) is not None


# ---------------------------------------------------------------- data model

@dataclass(frozen=True)
class Provenance:
    source: str = "drafted"
    year: int | None = None
    questions: tuple[str, ...] = ()
    cable: str = ""
    fingerprint: str = ""
    note: str = ""
    section: str = "answers"  # "retired": carried from what that year's file kept under retired:


@dataclass(frozen=True)
class Answer:
    id: str
    text: str
    status: str = "todo"
    provenance: Provenance = field(default_factory=Provenance)
    note: str = ""
    line: int | None = field(default=None, compare=False)

    @property
    def paragraphs(self) -> list[str]:
        return paragraphs(self.text)

    @property
    def blank(self) -> bool:
        return is_blank(self.text)

    @property
    def untouched(self) -> bool:
        """True when the text is still exactly what was carried or imported."""
        fp = self.provenance.fingerprint
        return bool(fp) and fingerprint(self.text) == fp


@dataclass(frozen=True)
class HoursEntry:
    who: str
    role: str
    hours: float


@dataclass(frozen=True)
class Meta:
    country: str
    post: str
    year: int
    questionnaire: str
    reporting_period: str
    classification: str
    reference_id: str = ""
    date: str = ""
    from_: str = ""
    to: tuple[str, ...] = ()
    info: tuple[str, ...] = ()
    office: tuple[str, ...] = ()
    sensitive: bool = False
    eo: str = ""
    tags: tuple[str, ...] = ()
    subject: str = ""
    ref: tuple[str, ...] = ()
    intro: str = ""
    drafters: str = ""
    point_of_contact: str = ""
    closing: str = ""
    signer: str = ""
    staff_hours: tuple[HoursEntry, ...] = ()
    layout: dict = field(default_factory=dict, hash=False)
    carried_from: dict = field(default_factory=dict, hash=False)

    @property
    def total_hours(self) -> float:
        return sum(e.hours for e in self.staff_hours)


@dataclass
class AnswersFile:
    """A loaded answers file: the typed view plus the round-trip tree behind it."""

    path: Path | None
    doc: Any
    meta: Meta
    answers: dict[str, Answer]
    glossary: dict[str, str]
    retired: dict[str, Answer]
    text: str = ""
    editable: bool = True

    # -- edits go into the round-trip tree, then the typed view is rebuilt
    def _require_editable(self) -> None:
        if not self.editable:
            raise RuntimeError("answers file was loaded read-only (editable=False)")

    def set_answer_text(self, qid: str, text: str) -> None:
        self._require_editable()
        entry = self.doc["answers"][qid]
        entry["text"] = block(text)
        self._refresh()

    def set_field(self, qid: str, key: str, value: Any) -> None:
        self._require_editable()
        self.doc["answers"][qid][key] = value
        self._refresh()

    def set_meta(self, key: str, value: Any) -> None:
        self._require_editable()
        self.doc["meta"][key] = value
        self._refresh()

    def dumps(self) -> str:
        return yamlio.dumps(self.doc)

    def save(self, path: str | Path | None = None, *, overwrite: bool) -> None:
        self._require_editable()
        target = Path(path) if path is not None else self.path
        if target is None:
            raise InputError(None, "answers file has no path to save to")
        yamlio.atomic_write_text(target, self.dumps(), overwrite=overwrite)

    def _refresh(self) -> None:
        fresh = from_data(self.doc, self.path or "<answers>")
        self.meta, self.answers = fresh.meta, fresh.answers
        self.glossary, self.retired = fresh.glossary, fresh.retired


def block(text: str) -> Any:
    """Answer text as a YAML literal block: one paragraph a line, blank lines between."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    norm = fields.visible(join_paragraphs(paragraphs(text)))  # a literal block cannot hold them
    return LiteralScalarString(norm + "\n") if norm else ""


# ---------------------------------------------------------------- validation

def _provenance(node: Any, path, ctx: str) -> Provenance:
    if node is None:
        return Provenance()
    if not isinstance(node, dict):
        raise InputError(path, f"{ctx}: expected a mapping", None)
    fields.check_known_keys(node, PROV_KEYS, path, ctx)
    source = fields.get_choice(node, "source", SOURCES, path, ctx, default="drafted")
    qs = tuple(fields.get_str_list(node, "question", path, ctx))
    year = node.get("year")
    return Provenance(
        source=source,
        year=fields.get_int(node, "year", path, ctx) if year is not None else None,
        questions=qs,
        cable=fields.get_str(node, "cable", path, ctx),
        fingerprint=fields.get_str(node, "fingerprint", path, ctx),
        note=fields.get_str(node, "note", path, ctx),
        section=fields.get_choice(node, "section", SECTIONS, path, ctx, default="answers"),
    )


def _answers(node: dict, path, ctx: str) -> dict[str, Answer]:
    out: dict[str, Answer] = {}
    for key, entry in node.items():
        qid = str(key)
        line = fields.where(node, key)
        if not isinstance(key, str) or not QUESTION_ID.match(qid):
            raise InputError(path, f"{ctx}: '{qid}' is not a question id like 1A or 4I", line)
        ectx = f"{ctx}.{qid}"
        if entry is None or isinstance(entry, str):
            # shorthand: "1A: text" or "1A:" with nothing yet
            out[qid] = Answer(qid, fields.visible(entry or ""), "todo", Provenance(), "",
                              yamlio.value_line(node, key))
            continue
        if not isinstance(entry, dict):
            raise InputError(path, f"{ectx}: expected a mapping with text/status/provenance", line)
        fields.check_known_keys(entry, ANSWER_KEYS, path, ectx)
        status = fields.get_choice(entry, "status", STATUSES, path, ectx, default="todo")
        text = fields.get_str(entry, "text", path, ectx).strip("\n")
        out[qid] = Answer(
            id=qid,
            text=text,
            status=status,
            provenance=_provenance(entry.get("provenance"), path, f"{ectx}.provenance"),
            note=fields.get_str(entry, "note", path, ectx),
            line=_text_line(entry),
        )
    return out


def _text_line(entry: dict) -> int | None:
    """First line of the answer's text in the file (a block scalar starts one line below '|')."""
    line = yamlio.value_line(entry, "text")
    if line is None:
        return fields.where(entry, "text")
    value = entry.get("text")
    if type(value).__name__ in ("LiteralScalarString", "FoldedScalarString"):
        return line + 1
    return line


def _hours(meta: dict, path) -> tuple[HoursEntry, ...]:
    out = []
    for i, node in enumerate(fields.get_list(meta, "staff_hours", path, "meta")):
        ctx = f"meta.staff_hours[{i}]"
        if not isinstance(node, dict):
            raise InputError(path, f"{ctx}: expected a mapping with who, role, hours",
                             fields.where(meta, "staff_hours"))
        fields.check_known_keys(node, {"who", "role", "hours"}, path, ctx)
        hours = fields.get_number(node, "hours", path, ctx, required=True)
        if hours > MAX_HOURS:  # 1e308 or a 400-digit number would print as "inf hours"
            shown = f"{hours:g}" if hours < 1e15 else "a number that large"
            raise InputError(path, f"{ctx}.hours: {shown} is more than {MAX_HOURS:,}; is that a "
                             "typo?", yamlio.value_line(node, "hours"))
        out.append(HoursEntry(fields.get_str(node, "who", path, ctx),
                              fields.get_str(node, "role", path, ctx, required=True), hours))
    return tuple(out)


def _layout(meta: dict, path) -> dict:
    node = fields.get_map(meta, "layout", path, "meta")
    if not node:
        return {}
    fields.check_known_keys(node, {*LAYOUT_TEXT, *LAYOUT_FLAGS}, path, "meta.layout")
    out: dict = {k: fields.get_str(node, k, path, "meta.layout").rstrip("\n")
                 for k in LAYOUT_TEXT if k in node}
    for k in LAYOUT_FLAGS:
        if k in node:
            out[k] = fields.get_bool(node, k, path, "meta.layout")
    return out


def _carried_from(meta: dict, path) -> dict:
    node = fields.get_map(meta, "carried_from", path, "meta")
    if not node:
        return {}
    ctx = "meta.carried_from"
    fields.check_known_keys(node, CARRIED_FROM_KEYS, path, ctx)
    values = fields.get_map(node, "values", path, ctx)
    fields.check_known_keys(values, set(META_WATCHED), path, f"{ctx}.values")
    return {"year": fields.get_int(node, "year", path, ctx, required=True),
            "reporting_period": fields.get_str(node, "reporting_period", path, ctx),
            "cable": fields.get_str(node, "cable", path, ctx),
            "values": {k: fields.get_str(values, k, path, f"{ctx}.values") for k in values}}


# Meta values check compares with last year's (carried_from.values): what lasts but must be
# confirmed each year, and what belongs to one year's cable and must be new.
META_LASTING = ("signer", "drafters", "point_of_contact", "subject")
META_YEARLY = ("date", "reference_id", "ref", "serials", "intro", "closing", "staff_hours")
META_WATCHED = META_LASTING + META_YEARLY
# 'RUEHC/SECSTATE WASHDC IMMEDIATE 3583': the message serial the communications centre gave
# one year's cable, after the precedence in a TO or INFO line; the addressee lasts, it does not.
ROUTING_SERIAL = re.compile(r"(\b(?:IMMEDIATE|PRIORITY|ROUTINE|FLASH))\s+(\d{1,6})\s*$", re.IGNORECASE)


def meta_value(meta: Meta, key: str) -> str:
    """One watched meta value as plain text (lists one item a line), as check compares it."""
    if key == "serials":
        return " ".join(m.group(2) for x in meta.to + meta.info for m in [ROUTING_SERIAL.search(x)] if m)
    value = getattr(meta, key)
    if key == "staff_hours":
        return "\n".join(f"{e.who}|{e.role}|{plain_number(e.hours)}" for e in value)
    if isinstance(value, tuple):
        return "\n".join(" ".join(v.split()) for v in value)
    return " ".join(str(value).split())


def _meta(node: dict, path) -> Meta:
    fields.check_known_keys(node, META_KEYS, path, "meta")
    for key in META_REQUIRED:
        if node.get(key) in (None, ""):
            raise InputError(path, f"meta: missing required field '{key}'",
                             fields.where(node, key) if key in node else fields.where(node))
    text = {k: fields.get_str(node, k, path, "meta") for k in META_TEXT}
    lists = {k: tuple(fields.get_str_list(node, k, path, "meta")) for k in META_LISTS}
    text["from_"] = text.pop("from")
    return Meta(
        year=fields.get_int(node, "year", path, "meta", required=True),
        questionnaire=fields.get_str(node, "questionnaire", path, "meta", required=True),
        sensitive=fields.get_bool(node, "sensitive", path, "meta"),
        staff_hours=_hours(node, path),
        layout=_layout(node, path),
        carried_from=_carried_from(node, path),
        **text,
        **lists,
    )


def glossary_from_data(node: dict, path) -> dict[str, str]:
    out = {}
    for key, value in node.items():
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise InputError(path, f"glossary.{key}: expected the expansion as text",
                             fields.where(node, key))
        out[fields.visible(str(key))] = fields.visible(str(value))
    return out


def from_data(data: Any, path: str | Path = "<answers>") -> AnswersFile:
    """Validate a loaded tree into an AnswersFile (no questionnaire checks here)."""
    if not isinstance(data, dict):
        raise InputError(path, "top level must be a mapping", 1, 1)
    fields.check_known_keys(data, TOP_KEYS, path, "answers file")
    meta_node = fields.get_map(data, "meta", path, "answers file", required=True)
    ack = data.get("ack")
    if ack is not None and not isinstance(ack, list):
        raise InputError(path, "ack: expected a list", fields.where(data, "ack"))
    return AnswersFile(
        path=Path(path) if str(path) != "<answers>" else None,
        doc=data,
        meta=_meta(meta_node, path),
        answers=_answers(fields.get_map(data, "answers", path, "answers file"), path, "answers"),
        glossary=glossary_from_data(fields.get_map(data, "glossary", path, "answers file"), path),
        retired=_answers(fields.get_map(data, "retired", path, "answers file"), path, "retired"),
    )


def check_against(af: AnswersFile, q: Questionnaire) -> None:
    """Every answer must belong to a question of the questionnaire the file names."""
    path = af.path or "<answers>"
    meta_node = af.doc["meta"]
    ref = af.meta.questionnaire
    if ref.isdigit() and int(ref) != q.year:
        raise InputError(path, f"meta.questionnaire is {ref} but the questionnaire "
                         f"{q.path} is for {q.year}", yamlio.value_line(meta_node, "questionnaire"))
    known = set(q.ids())
    for qid in af.answers:
        if qid not in known:
            raise InputError(path, f"answers.{qid}: question {qid} is not in the {q.year} "
                             "questionnaire", fields.where(af.doc["answers"], qid))


def load(path: str | Path, questionnaire: Questionnaire | None = None, *,
         editable: bool = True, lines: bool = False) -> AnswersFile:
    """Load and validate an answers file; with a questionnaire, also check ids and year.

    ``editable=False`` is for commands that only read (render, diff, last year's
    file): a faster parse, but no round-trip tree to edit and no line numbers
    on answers (errors still name their line) unless ``lines`` (check).
    """
    af, text = yamlio.load_validated(path, lambda data: from_data(data, path), fast=not editable,
                                     lines=lines)
    af.text = text
    af.editable = editable
    if questionnaire is not None:
        check_against(af, questionnaire)
    return af


def load_with_questionnaire(path: str | Path, questionnaire_path: str | Path | None = None, *,
                            editable: bool = True, lines: bool = False
                            ) -> tuple[AnswersFile, Questionnaire]:
    """The usual entry point of commands: the answers file and the questionnaire it names."""
    from tipreport import questionnaire as qmod

    af = load(path, editable=editable, lines=lines)
    qpath = questionnaire_path or qmod.find(af.meta.questionnaire, near=path)
    q = qmod.load(qpath)
    check_against(af, q)
    return af, q


# ---------------------------------------------------------------- building new files

def provenance_data(p: Provenance) -> Any:
    from ruamel.yaml.comments import CommentedMap

    m = CommentedMap()
    m["source"] = p.source
    if p.cable:
        m["cable"] = p.cable
    if p.year is not None:
        m["year"] = p.year
    if p.questions:
        m["question"] = p.questions[0] if len(p.questions) == 1 else list(p.questions)
    if p.section != "answers":
        m["section"] = p.section
    if p.fingerprint:
        m["fingerprint"] = p.fingerprint
    if p.note:
        m["note"] = p.note
    return m


def answer_data(a: Answer) -> Any:
    from ruamel.yaml.comments import CommentedMap

    m = CommentedMap()
    m["status"] = a.status
    m["provenance"] = provenance_data(a.provenance)
    if a.note:
        m["note"] = a.note
    m["text"] = block(a.text)
    return m


def meta_data(meta: Meta) -> Any:
    from ruamel.yaml.comments import CommentedMap

    m = CommentedMap()
    for key in ("country", "post", "year", "questionnaire", "reporting_period", "classification",
                "reference_id", "date", "from_", "to", "info", "office", "sensitive", "eo", "tags",
                "subject", "ref", "intro", "drafters", "point_of_contact", "closing", "signer"):
        value = getattr(meta, key)
        name = "from" if key == "from_" else key
        if key == "questionnaire" and value.isdigit():
            value = int(value)
        if key in ("intro", "closing") and value:
            value = block(value)
        m[name] = list(value) if isinstance(value, tuple) else value
    m["staff_hours"] = [CommentedMap(who=e.who, role=e.role, hours=plain_number(e.hours))
                        for e in meta.staff_hours]
    if meta.layout:
        lay = CommentedMap()
        for key in (*LAYOUT_TEXT, *LAYOUT_FLAGS):
            if key in meta.layout:
                value = meta.layout[key]
                lay[key] = block_text(value) if isinstance(value, str) else value
        m["layout"] = lay
    if meta.carried_from:
        c = meta.carried_from
        node = CommentedMap(year=c["year"], reporting_period=c.get("reporting_period", ""),
                            cable=c.get("cable", ""))
        node["values"] = CommentedMap((k, v) for k, v in c.get("values", {}).items())
        m["carried_from"] = node
    return m


def block_text(value: str) -> Any:
    """A multi-line value (a heading as written) as a literal block; one line as it is."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    return LiteralScalarString(value + "\n") if "\n" in value else value


def plain_number(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x


def new_document(meta: Meta, answers: list[Answer], glossary: dict[str, str],
                 retired: list[Answer] = (), header: str = "") -> Any:
    """A fresh round-trip tree for a new answers file."""
    from ruamel.yaml.comments import CommentedMap

    doc = CommentedMap()
    doc["meta"] = meta_data(meta)
    doc["glossary"] = CommentedMap((k, glossary[k]) for k in glossary)
    doc["answers"] = CommentedMap((a.id, answer_data(a)) for a in answers)
    if retired:
        doc["retired"] = CommentedMap((a.id, answer_data(a)) for a in retired)
    if header:
        doc.yaml_set_start_comment(header)
    return doc
