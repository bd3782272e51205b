"""Which of a draft's meta values still belong to the year it was carried from.

`init` keeps what usually lasts (the signer, the drafters, the point of
contact, the SUBJECT) and resets what belongs to one year's cable (date-time
group, reference id, REF, routing serials, intro, closing, staff hours); it
records fingerprints of last year's values under ``meta.carried_from``. A
value still equal to last year's is a finding until the officer changes it or
acknowledges it (``check --ack``): the Ambassador may well be the same, but
somebody has to say so. A date-time group, reference id or report year that
names an earlier year is a finding whatever its origin.

Pure: a Meta in, (key, message) pairs out.
"""

from __future__ import annotations

import re

from tipreport.answers import META_LASTING, Meta, fingerprint, meta_value
from tipreport.stale import dtg_month, reference_year

_REPORT_YEAR = re.compile(r"\b((?:19|20)\d\d)\s+(?:annual\s+)?(?:trafficking\s+in\s+persons|tip)\s+"
                          r"(?:\(tip\)\s+)?report\b", re.IGNORECASE)
_NAMES = {"signer": "signer", "drafters": "drafters", "point_of_contact": "point of contact",
          "subject": "SUBJECT", "date": "date-time group", "reference_id": "reference id",
          "ref": "REF", "serials": "routing serial", "intro": "intro",
          "closing": "closing", "staff_hours": "staff hours"}


def meta_hits(meta: Meta) -> list[tuple[str, str]]:
    """(meta key, message) for each value that is last year's or names an earlier year."""
    out: list[tuple[str, str]] = []
    carried = meta.carried_from
    prior_year = carried.get("year")
    values = carried.get("values", {})
    for key, old in values.items():
        now = meta_value(meta, key)
        if not now or fingerprint(now) != old:
            continue
        name = _NAMES.get(key, key)
        if key in META_LASTING:
            out.append((key, f"{name} is {prior_year}'s, carried by init: confirm it for {meta.year} "
                             "(change it, or acknowledge this finding if it still holds)"))
        else:
            out.append((key, f"{name} is {prior_year}'s word for word: give this year's"))
    if carried and not meta.staff_hours:
        out.append(("staff_hours", f"no staff hours logged for {meta.year} yet (last year's were "
                                   "not carried): log them with tipreport hours add"))
    out += _earlier_years(meta, {k for k, _ in out})
    return out


def _earlier_years(meta: Meta, seen: set[str]) -> list[tuple[str, str]]:
    """A date-time group, reference id or report year from before this file's year."""
    out = []
    when = dtg_month(meta.date)
    if "date" not in seen and when and when[0] < meta.year:
        out.append(("date", f"date-time group '{meta.date}' is from {when[0]}; this is the "
                            f"{meta.year} report (the new cable gets its own)"))
    year = reference_year(meta.reference_id)
    if "reference_id" not in seen and year and year < meta.year:
        out.append(("reference_id", f"reference id '{meta.reference_id}' is a {year} "
                                    "cable's; the new cable gets its own"))
    for key in ("subject", "intro"):
        if key in seen:
            continue
        for m in _REPORT_YEAR.finditer(getattr(meta, key)):
            if int(m.group(1)) < meta.year:
                out.append((key, f"{_NAMES[key]} names the {m.group(1)} report; this is the "
                                 f"{meta.year} report"))
                break
    return out
