"""Abbreviation glossary: the registry shipped with tipreport, the post's own entries, and
which abbreviations a submission actually uses.

A cable's glossary should list exactly the abbreviations its text uses: the 2006
Phnom Penh cable listed eleven it never used and left TIP, NGO and MOU unexpanded.
So render pulls from the registry (tipreport/data/glossary.yaml) plus the answers
file's ``glossary:`` (which adds or overrides entries) only what the text uses, and
names the abbreviation-like words it could not expand so the officer can add them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REGISTRY = Path(__file__).resolve().parent / "data" / "glossary.yaml"

# An abbreviation-like word: two or more capitals (digits allowed), optionally joined
# by / - & to more parts (HIV/AIDS, ILO-IPEC, COVID-19), optional plural "s" / "'s".
_CANDIDATE = re.compile(
    r"(?<![A-Za-z0-9])(?P<abbr>[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*(?:[/&-][A-Z0-9]+)*)(?:'?s)?(?![A-Za-z0-9])")
_WORD = re.compile(r"[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*")
_ROMAN = re.compile(r"^(?=[IVXLC]+$)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
# Capitalised words that are not abbreviations ("the PROTECT ACT", "NOT GUILTY").
_NOT_ABBREVIATIONS = frozenset({"ACT", "AND", "FOR", "NOT", "NO", "OF", "OR", "THE", "TO", "IN",
                                "ON", "BY", "AT", "AN", "IS", "IT", "OK"})


@dataclass(frozen=True)
class GlossaryUse:
    """What a text needs from a glossary: entries to print, and words nobody expanded."""

    entries: tuple[tuple[str, str], ...]  # (abbreviation, expansion), alphabetical
    missing: tuple[str, ...]              # used abbreviation-like words with no expansion


def load_registry(path: str | Path = REGISTRY) -> dict[str, str]:
    """The shipped registry (or a post's own file of the same shape), validated like `glossary:`."""
    return dict(_load_registry(str(path)))


@lru_cache(maxsize=4)
def _load_registry(path: str) -> tuple[tuple[str, str], ...]:
    from tipreport import answers, yamlio

    data = yamlio.loads_fast(yamlio.read_text(path), path)
    return tuple(answers.glossary_from_data(data, path).items())


def merged(own: dict[str, str], registry: dict[str, str] | None = None) -> dict[str, str]:
    """Registry entries overridden and extended by the answers file's own glossary."""
    base = load_registry() if registry is None else registry
    out = dict(base)
    out.update(own)
    return out


def _key_pattern(keys: Iterable[str]) -> re.Pattern[str] | None:
    keys = sorted({k for k in keys if k}, key=len, reverse=True)  # longest first: ILO-IPEC before ILO
    if not keys:
        return None
    alternation = "|".join(re.escape(k) for k in keys)
    return re.compile(rf"(?<![A-Za-z0-9])(?P<abbr>{alternation})(?:'?s)?(?![A-Za-z0-9])")


def _resolve(word: str, glossary: dict[str, str]) -> list[str]:
    """The glossary keys a written form stands for: itself, ILO/IPEC for ILO-IPEC, or each part."""
    forms = [word, word.replace("/", "-"), word.replace("-", "/")]
    if len(word) > 2 and word.endswith("S"):
        forms.append(word[:-1])  # NGOS: a plural typed in capitals
    for form in forms:
        if form in glossary:
            return [form]
    if "/" in word:
        parts = [p for p in word.split("/") if p]
        resolved = [_resolve(p, glossary) for p in parts]
        if all(resolved):
            return [k for r in resolved for k in r]
    return []


def _is_candidate(word: str) -> bool:
    return word not in _NOT_ABBREVIATIONS and not _ROMAN.match(word)


def used(texts: Iterable[str], glossary: dict[str, str]) -> GlossaryUse:
    """Entries of ``glossary`` that the texts use, and abbreviations they use without one.

    Matching is case-sensitive (COMMIT the initiative, not "commit") and on whole words
    (anti-TIP uses TIP; MOUs uses MOU).
    """
    text = "\n".join(texts)
    keys: set[str] = set()
    pattern = _key_pattern(glossary)
    if pattern is not None:
        keys.update(m.group("abbr") for m in pattern.finditer(text))
    missing: set[str] = set()
    for m in _CANDIDATE.finditer(text):
        word = m.group("abbr")
        if not _is_candidate(word):
            continue
        found = _resolve(word, glossary)
        if found:
            keys.update(found)
            continue
        parts = [p for p in re.split(r"[/&-]", word) if _WORD.fullmatch(p) and _is_candidate(p)]
        resolved = {p: _resolve(p, glossary) for p in parts}
        if not any(resolved.values()):
            missing.add(word)  # report COVID-19 or HIV/AIDS whole, not its pieces
            continue
        for part, got in resolved.items():
            if got:
                keys.update(got)
            else:
                missing.add(part)
    entries = tuple((k, glossary[k]) for k in sorted(keys, key=lambda k: (k.upper(), k)))
    return GlossaryUse(entries, tuple(sorted(missing)))
