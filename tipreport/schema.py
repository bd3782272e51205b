"""JSON Schema of the answers file, for editors (VS Code YAML) to validate and complete.

Built from the same field lists the validator uses, so the two cannot drift.
"""

from __future__ import annotations

from typing import Any

from tipreport import answers

_TEXT = {"type": "string"}
_TEXT_LIST = {"type": "array", "items": {"type": "string"}}

_META_DOC = {
    "country": "Country the report covers, e.g. Cambodia.",
    "post": "Reporting post, e.g. Phnom Penh.",
    "year": "Report year (the year in the SUBJECT line).",
    "questionnaire": "Questionnaire year (questionnaires/<year>.yaml) or a path to it.",
    "reporting_period": "Reporting period, e.g. 'March 2006 - March 2007'.",
    "classification": "Classification line, e.g. UNCLASSIFIED//FOR OFFICIAL USE ONLY.",
    "tags": "TAGS caption entries.",
    "ref": "REF lines: the instruction cable(s) answered.",
    "staff_hours": "Staff-hours log; the closing note sums it.",
    "intro": "Paragraph 1 as imported; empty to have it composed at render time.",
    "closing": "Closing paragraph kept verbatim when it could not be parsed into drafters/hours/POC.",
}


def _answer(required_text: bool = False) -> dict[str, Any]:
    return {
        "anyOf": [
            {"type": "null"},
            {"type": "string"},
            {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "status": {"enum": list(answers.STATUSES)},
                    "note": _TEXT,
                    "text": _TEXT,
                    "provenance": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "source": {"enum": list(answers.SOURCES)},
                            "cable": _TEXT,
                            "year": {"type": "integer"},
                            "question": {"anyOf": [_TEXT, _TEXT_LIST]},
                            "section": {"enum": list(answers.SECTIONS)},
                            "fingerprint": {"type": "string", "pattern": "^sha256:[0-9a-f]+$"},
                            "note": _TEXT,
                        },
                    },
                },
            },
        ]
    }


def answers_schema() -> dict[str, Any]:
    meta_props: dict[str, Any] = {}
    for key in answers.META_TEXT:
        meta_props[key] = dict(_TEXT)
    for key in answers.META_LISTS:
        meta_props[key] = dict(_TEXT_LIST)
    meta_props["year"] = {"type": "integer"}
    meta_props["questionnaire"] = {"type": ["integer", "string"]}
    meta_props["sensitive"] = {"type": "boolean"}
    meta_props["staff_hours"] = {
        "type": "array",
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["role", "hours"],
            "properties": {"who": _TEXT, "role": _TEXT, "hours": {"type": "number", "minimum": 0}},
        },
    }
    meta_props["carried_from"] = {
        "type": "object", "additionalProperties": False, "required": ["year"],
        "description": "Written by init: last year's file, for check's stale-meta findings.",
        "properties": {"year": {"type": "integer"}, "reporting_period": _TEXT, "cable": _TEXT,
                       "values": {"type": "object", "additionalProperties": {"type": "string"},
                                  "propertyNames": {"enum": list(answers.META_WATCHED)}}},
    }
    for key, doc in _META_DOC.items():
        meta_props[key]["description"] = doc
    ids = {"type": "object", "propertyNames": {"pattern": "^[1-9][A-Z]$"},
           "additionalProperties": _answer()}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "tipreport answers file",
        "type": "object",
        "additionalProperties": False,
        "required": ["meta"],
        "properties": {
            "meta": {"type": "object", "additionalProperties": False,
                     "required": list(answers.META_REQUIRED), "properties": meta_props},
            "glossary": {"type": "object", "additionalProperties": {"type": "string"},
                         "description": "Abbreviations this post adds or overrides."},
            "answers": ids,
            "retired": ids,
            "ack": {"type": "array", "description": "Findings silenced on purpose."},
        },
    }
