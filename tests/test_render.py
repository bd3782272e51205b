"""Cable text rendering: the golden round trip through the real 2006 cable, the wrapper,
marks, the unanswered marker and --final, the glossary, templates, and the command."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from golden import assert_golden
from hypothesis import given, settings
from hypothesis import strategies as st

from cable_words import question_texts, segments
from conftest import ANSWERS_2006, ANSWERS_2007, CABLE_2006, run_cli
from tipreport import answers, cable, glossary, importer, render
from tipreport.errors import InputError


def _norm(text: str) -> str:
    return " ".join(text.split())


def _cable(path: Path = ANSWERS_2006, width: int = 65, **kw) -> str:
    af, q = answers.load_with_questionnaire(path)
    return render.cable_text(render.build(af, q), width, **kw)


# ---------------------------------------------------------------- the golden round trip

@pytest.fixture(scope="module")
def round_trip(tmp_path_factory) -> dict:
    """Import the real 2006 cable, render it with the CLI, re-import the render."""
    d = tmp_path_factory.mktemp("roundtrip")
    (d / "answers").mkdir()
    (d / "questionnaires").mkdir()
    res = run_cli("import", CABLE_2006, "-o", d / "answers" / "c.yaml",
                  "--questionnaire-out", d / "questionnaires" / "2006.yaml")
    assert res.exit_code == 0, res.stderr
    res = run_cli("render", d / "answers" / "c.yaml", "-o", d / "c.txt", "--json")
    assert res.exit_code == 0, res.stderr
    return {"dir": d, "summary": json.loads(res.stdout), "rendered": d / "c.txt",
            "first": importer.import_file(CABLE_2006), "again": importer.import_file(d / "c.txt")}


def test_round_trip_words_of_every_question_and_answer_equal_the_cable(round_trip):
    """Read by an independent rule (tests/cable_words.py), label by label, in order."""
    source = segments(CABLE_2006)
    rendered = segments(round_trip["rendered"])
    assert list(rendered) == list(source)
    assert len(source) == 37
    for qid in source:
        assert rendered[qid] == source[qid], qid
    assert question_texts(round_trip["rendered"]) == question_texts(CABLE_2006)


def test_round_trip_reimport_gives_the_same_meta(round_trip):
    first, again = round_trip["first"].meta, round_trip["again"].meta
    assert again.reference_id == "06PHNOMPENH501"  # rebuilt from the DTG and serial lines

    def norm(m):
        return dataclasses.replace(m, intro=_norm(m.intro), closing=_norm(m.closing))

    assert norm(again) == norm(first)
    assert again.staff_hours == first.staff_hours and again.total_hours == 30


def test_round_trip_reimport_gives_the_same_answers(round_trip):
    first, again = round_trip["first"].answers, round_trip["again"].answers
    assert [a.id for a in again] == [a.id for a in first]
    for a, b in zip(first, again, strict=True):
        assert (b.status, b.provenance) == (a.status, a.provenance), a.id  # cable id, fingerprint
        assert [_norm(p) for p in b.paragraphs] == [_norm(p) for p in a.paragraphs], a.id
        assert b.untouched, a.id
    q1, q2 = round_trip["first"].questionnaire, round_trip["again"].questionnaire
    assert [(q.id, q.topic, _norm(q.text)) for q in q2.questions] == \
        [(q.id, q.topic, _norm(q.text)) for q in q1.questions]


def test_round_trip_glossary_is_what_the_text_uses(round_trip):
    """The cable's own glossary listed 11 abbreviations its text never uses and missed TIP,
    NGO, MOU...; the render keeps the used ones, drops the rest, adds the registry's."""
    first, again = round_trip["first"].glossary, round_trip["again"].glossary
    printed = {g["abbr"]: g["expansion"] for g in round_trip["summary"]["glossary"]}
    assert again == printed
    raw = CABLE_2006.read_text(encoding="utf-8")
    body = raw[raw.index("REFTEL: STATE 3836"): raw.index("Abbreviations are used")]

    def occurs(abbr: str) -> bool:
        forms = {abbr, abbr.replace("-", "/")}
        return any(re.search(rf"(?<![A-Za-z0-9]){re.escape(f)}(?![A-Za-z0-9])", body) for f in forms)

    dropped = set(first) - set(again)
    assert dropped == {"ADHOC", "APLE", "CNCW", "CWDA", "LSCW", "MOLVT", "RSJP", "UNDP",
                       "UNIAP", "UNOHCHR", "WMC"}
    assert not any(occurs(k) for k in dropped)
    kept = set(first) & set(again)
    assert all(again[k] == first[k] for k in kept)  # the post's expansions win over the registry
    added = set(again) - set(first)
    assert {"TIP", "NGO", "MOU"} <= added
    registry = glossary.load_registry()
    assert all(again[k] == registry[k] for k in added)
    assert all(occurs(k) for k in added - {"FSN", "POC"})  # these two come from the closing
    assert list(again) == sorted(again, key=str.upper)


@pytest.mark.parametrize("width", [40, 65, 100])
def test_any_width_reimports_to_the_same_answers(width, tmp_path):
    text = _cable(width=width)
    assert all(len(ln) <= width for ln in text.splitlines())
    again = importer.parse(text)
    af = answers.load(ANSWERS_2006)
    assert {a.id: answers.fingerprint(a.text) for a in again.answers} == \
        {qid: answers.fingerprint(a.text) for qid, a in af.answers.items()}
    _, q = answers.load_with_questionnaire(ANSWERS_2006)  # headings wrap at 40 columns
    assert [_norm(x.topic) for x in again.questionnaire.questions] == [_norm(x.topic) for x in q.questions]


def test_a_draft_without_cable_number_or_date_reimports(workdir):
    """Before transmission there is no serial or DTG: 'UNCLAS PHNOM PENH' alone."""
    path = workdir / "answers" / "cambodia-2006.yaml"
    af = answers.load(path)
    af.set_meta("reference_id", "")
    af.set_meta("date", "")
    af.save(overwrite=True)
    text = _cable(path)
    assert "\nFM AMEMBASSY PHNOM PENH\n" in text and "\nUNCLAS PHNOM PENH\n" in text
    assert "150851Z" not in text
    again = importer.parse(text).meta
    meta = answers.load(path).meta
    assert (again.reference_id, again.date) == ("", "")
    assert (again.to, again.info, again.office, again.tags, again.ref, again.sensitive) == \
        (meta.to, meta.info, meta.office, meta.tags, meta.ref, meta.sensitive)


# ---------------------------------------------------------------- golden files and layout

def test_golden_cable_2006():
    assert_golden("cambodia-2006.cable.txt", _cable(ANSWERS_2006))


def test_golden_cable_2007_partial():
    """Partial questionnaire (2D-3I), composed paragraph 1, no closing data yet."""
    assert_golden("cambodia-2007.cable.txt", _cable(ANSWERS_2007))


def test_anatomy_follows_the_2006_cable():
    text = _cable()
    lines = text.splitlines()
    assert lines[0] == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    order = ["O 150851Z MAR 06", "FM AMEMBASSY PHNOM PENH", "TO RUEHC/SECSTATE WASHDC IMMEDIATE 6258",
             "INFO RUEHZS/ASEAN COLLECTIVE", "UNCLAS PHNOM PENH 000501", "SIPDIS",
             "STATE FOR G/TIP, G, INL, DRL, PRM, IWI, EAP/RSP, EAP/MLS", "SENSITIVE",
             "E.O. 12958: N/A", "TAGS: PHUM ELAB SMIG KCRM KWMN KFRD CB",
             "SUBJECT:  2006 TRAFFICKING IN PERSONS REPORT FOR CAMBODIA", "REFTEL: STATE 3836",
             "Abbreviations are used in this report:", "MUSSOMELI"]
    positions = [lines.index(x) for x in order]
    assert positions == sorted(positions)
    assert lines[-1] == "MUSSOMELI" and lines[-2] == lines[-3] == ""
    # every topic heading is underlined with exactly as many dashes
    for i, ln in enumerate(lines):
        if ln and set(ln) == {"-"}:
            assert len(ln) == len(lines[i - 1]), lines[i - 1]
    assert "Govrnment Investigations of Trafficking Cases\n" + "-" * 45 + "\n\n3G.  " in text


def test_lines_fit_the_width_and_have_no_trailing_spaces():
    for width in (65, 50):
        for ln in _cable(width=width).splitlines():
            assert len(ln) <= width, ln
            assert ln == ln.rstrip()


def test_closing_matches_the_2006_wording():
    """Composed from meta.drafters, the staff-hours log and meta.point_of_contact."""
    raw = CABLE_2006.read_text(encoding="utf-8")
    seed = _norm(raw[raw.index("2.  (U)  Political"): raw.index("Abbreviations are used")])
    text = _cable()
    ours = _norm(text[text.index("2.  (U)  Political"): text.index("Abbreviations are used")])
    assert ours == seed
    af, _ = answers.load_with_questionnaire(ANSWERS_2006)
    assert af.meta.closing == ""  # so it really was composed, not copied


def test_meta_intro_verbatim_else_composed():
    text = _cable()
    assert _norm(text).count(_norm(answers.load(ANSWERS_2006).meta.intro)) == 1
    t2007 = _norm(_cable(ANSWERS_2007))
    assert ("1. The following is Embassy Phnom Penh's contribution towards the preparation of the "
            "2007 Trafficking in Persons Report for Cambodia, covering the period March 2006 - "
            "March 2007. Responses follow the questions outlined in reftel.") in t2007


def test_meta_closing_verbatim_when_set(workdir):
    path = workdir / "answers" / "cambodia-2006.yaml"
    af = answers.load(path)
    af.set_meta("closing", "Poloff Jane Doe drafted this cable.")
    af.save(overwrite=True)
    text = _norm(_cable(path))
    assert "2. (U) Poloff Jane Doe drafted this cable. Abbreviations" in text
    sub = render.build(*answers.load_with_questionnaire(path))
    assert any("staff-hours log" in w for w in sub.warnings)  # the log is not silently ignored


_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def test_control_characters_in_the_file_never_reach_the_cable_or_word(workdir):
    """Escapes such as "\\x07" or "\\x1b" are valid YAML (a paste or a script may leave them);
    rendered, they would ring the bell or drive the reader's terminal."""
    path = workdir / "answers" / "cambodia-2006.yaml"
    text = path.read_text()
    edits = {"  signer: MUSSOMELI\n": '  signer: "MUSSO\\x00MELI"\n',
             "  subject: 2006 TRAFFICKING IN PERSONS REPORT FOR CAMBODIA\n":
                 '  subject: "2006 TRAFFICKING\\x07 IN PERSONS\\x1b[2J REPORT FOR CAMBODIA"\n',
             "  ADHOC: ": '  "AD\\x08HOC": '}
    for old, new in edits.items():
        assert old in text
        text = text.replace(old, new)
    path.write_text(text)
    af, _ = answers.load_with_questionnaire(path)
    assert af.meta.signer == "MUSSOMELI" and "ADHOC" in af.glossary
    cable = _cable(path)
    assert not _INVISIBLE.search(cable)
    assert "SUBJECT:  2006 TRAFFICKING IN PERSONS[2J REPORT FOR CAMBODIA" in cable
    assert "MUSSOMELI" in cable
    out = workdir / "out.docx"
    assert run_cli("render", str(path), "--format", "docx", "-o", str(out)).exit_code == 0
    from docx import Document

    words = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "MUSSOMELI" in words and not _INVISIBLE.search(words)


# ---------------------------------------------------------------- the wrapper

def test_wrap_keeps_two_spaces_inside_a_line_and_never_splits_words():
    line = "Trafficking occurs.  Victims number 14,725 in 2006 and anti-trafficking-law efforts"
    out = render.wrap(line, 30)
    assert out == ["Trafficking occurs.  Victims", "number 14,725 in 2006 and",
                   "anti-trafficking-law efforts"]


def test_wrap_does_not_break_after_a_trailing_hyphen():
    """'(USD 750- USD 2,500)' from the 2007 cable: a line ending '750-' would re-import
    as '750-USD'."""
    out = render.wrap("fined between (USD 750- USD 2,500).", 23)
    assert out == ["fined between (USD", "750- USD 2,500)."]  # not "...(USD 750-" / "USD 2,500)."


def test_wrap_leaves_an_overlong_word_whole():
    url = "http://www.example.org/a/very/long/path/that/cannot/be/split.html"
    assert render.wrap(f"See {url} now", 30) == ["See", url, "now"]


_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC0123456789,.;()/-'", min_size=1, max_size=18)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(_word, min_size=1, max_size=60),
       seps=st.lists(st.sampled_from([" ", "  "]), min_size=60, max_size=60),
       width=st.integers(min_value=20, max_value=100))
def test_wrap_properties(words, seps, width):
    line = "".join(w + s for w, s in zip(words, seps, strict=False)).strip()
    out = render.wrap(line, width)
    assert " ".join(out).split() == line.split()          # every word, in order, none split
    for ln in out:
        assert ln == ln.strip()                              # no leading/trailing spaces
        unbreakable = " " not in re.sub(r"[A-Za-z0-9]- +", "", ln)  # one word, or "750- USD"
        assert len(ln) <= width or unbreakable
    for ln in out[:-1]:
        assert not re.search(r"[A-Za-z0-9]-$", ln) or ln.endswith("--")
    assert _norm(cable.join(out)) == _norm(line)  # the importer reads the same words back


# ---------------------------------------------------------------- marks, blanks, --final

def _marks_required(workdir: Path) -> Path:
    qpath = workdir / "questionnaires" / "2006.yaml"
    qpath.write_text(qpath.read_text().replace("marks_required: false", "marks_required: true"))
    return workdir / "answers" / "cambodia-2006.yaml"


def test_paragraph_marks_when_the_questionnaire_requires_them(workdir):
    path = _marks_required(workdir)
    af = answers.load(path)
    af.set_answer_text("1E", "(U)  Already marked by the officer.\n\nSecond paragraph.")
    af.save(overwrite=True)
    text = _cable(path)
    sub = render.build(*answers.load_with_questionnaire(path))
    for q in sub.questions:
        assert q.text.startswith("(U)  "), q.id
        assert all(p.startswith(("(SBU)  ", "(U)  ")) for p in q.paragraphs), q.id
    assert "1E.  (U)  Does the practice" in text
    assert "(U)  Already marked by the officer." in text and "(SBU)  (U)" not in text
    assert "(SBU)  Second paragraph." in text
    assert "1.  (U)  The following" in text and "2.  (U)  Political" in text
    again = importer.parse(text)
    assert again.questionnaire.marks_required
    assert again.answers[0].paragraphs[0].startswith("(SBU)  Cambodia is a source")


def test_unanswered_questions_show_a_marker(workdir):
    path = workdir / "answers" / "cambodia-2006.yaml"
    af = answers.load(path)
    af.set_answer_text("2A", "")
    af.set_answer_text("3C", "[insert 2006 figures from MOI]")
    af.save(overwrite=True)
    text = _cable(path)
    assert "2A.  Does the government acknowledge" in text
    after_2a = text[text.index("2A.  "):text.index("2B.  ")]
    assert after_2a.count(render.MARKER) == 1
    after_3c = text[text.index("3C.  "):text.index("3D.  ")]
    assert render.MARKER in after_3c and "[insert 2006 figures from MOI]" in after_3c
    again = {a.id: a for a in importer.parse(text).answers}
    assert again["2A"].blank and again["3C"].blank  # the marker reads back as unanswered


def test_final_refuses_while_questions_are_unanswered(workdir):
    path = workdir / "answers" / "cambodia-2006.yaml"
    af = answers.load(path)
    af.set_answer_text("2A", "TBD")
    af.set_answer_text("4C", "")
    af.save(overwrite=True)
    out = workdir / "final.txt"
    res = run_cli("render", path, "--final", "-o", out)
    assert res.exit_code == 1
    assert not out.exists()
    err = res.stderr.splitlines()
    assert err[0] == f"tipreport: {path}: not final; to finish:"
    assert err[1:] == ["  2A (Government Acknowledgment of TIP): no answer yet",
                       "  4C (Screening/Referral Process for Victims): no answer yet"]
    res = run_cli("render", path, "--final", "-o", out, "--json")
    assert res.exit_code == 1 and not out.exists()
    data = json.loads(res.stdout)
    assert data["refused"] and [u["id"] for u in data["unanswered"]] == ["2A", "4C"]
    res = run_cli("render", path, "-o", out)  # a draft renders, with a warning
    assert res.exit_code == 0 and out.exists()
    assert "warning: 2 unanswered, marked in the text: 2A, 4C" in res.stderr


def test_final_renders_a_complete_file(tmp_path):
    out = tmp_path / "final.txt"
    res = run_cli("render", ANSWERS_2006, "--final", "-o", out)
    assert res.exit_code == 0, res.stderr
    assert render.MARKER not in out.read_text()


def test_final_refuses_without_staff_hours():
    """The 2007 partial cable has no closing paragraph, so no hours were imported."""
    res = run_cli("render", ANSWERS_2007, "--final", "-o", "-")
    assert res.exit_code == 1
    assert "no staff hours logged" in res.stderr
    assert res.stdout == ""


def test_final_refuses_last_years_text_carried_word_for_word(workdir):
    path = workdir / "answers" / "draft-2007.yaml"
    res = run_cli("init", "--from", workdir / "answers" / "cambodia-2006.yaml",
                  "--questionnaire", workdir / "questionnaires" / "2007.yaml", "-o", path)
    assert res.exit_code == 0, res.stderr
    res = run_cli("hours", "add", path, "--who", "Kurt Stoppkotte", "--role", "Political Officer",
                  "--hours", "20")
    assert res.exit_code == 0, res.stderr
    out = workdir / "final.txt"
    res = run_cli("render", path, "--final", "-o", out)
    assert res.exit_code == 1 and not out.exists()
    ids = "2D, 2E, 2F, 2G, 2H, 3A, 3B, 3C, 3D, 3E, 3F, 3G, 3H, 3I"
    blockers = res.stderr.splitlines()[1:]
    assert blockers[0] == (f"  14 answers carried from last year and never edited: {ids} "
                           "(edit them, or set status: done after review)")
    # what check reports as errors blocks too: last year's signer and drafters among them
    assert any(": stale-meta: meta.signer: signer is 2006's" in b for b in blockers)
    assert any(": stale-meta: meta.drafters: drafters is 2006's" in b for b in blockers)
    assert any("3F line " in b and ": stale-figure: '84 cases'" in b for b in blockers)
    af = answers.load(path)
    af.set_answer_text("3F", af.answers["3F"].text.replace("84 cases", "49 cases"))
    for qid in af.answers:
        if qid not in ("3F", "3I"):
            af.set_field(qid, "status", "done")  # reviewed: kept as written on purpose
    af.save(overwrite=True)
    res = run_cli("render", path, "--final", "-o", out)
    assert res.exit_code == 1 and not out.exists()
    assert "  1 answer carried from last year and never edited: 3I (" in res.stderr  # 3F edited
    af = answers.load(path)
    af.set_field("3I", "status", "done")
    af.save(overwrite=True)
    # every answer says done, but check still reports stale figures and last year's meta
    res = run_cli("render", path, "--final", "-o", out)
    assert res.exit_code == 1 and not out.exists()
    assert "stale-figure" in res.stderr and "stale-meta: meta.signer" in res.stderr
    errors = [f["id"] for f in json.loads(run_cli("check", path, "--json").stdout)
              if f["severity"] == "error"]
    assert errors
    res = run_cli("check", path, *[x for i in errors for x in ("--ack", i)])
    assert res.exit_code == 0, res.stdout  # every error acknowledged: none left open
    res = run_cli("render", path, "--final", "-o", out)  # acknowledged findings no longer block
    assert res.exit_code == 0, res.stderr
    assert "required 20 hours of staff time" in _norm(out.read_text())


# ---------------------------------------------------------------- glossary

def test_glossary_override_and_missing_abbreviations(workdir):
    path = workdir / "answers" / "cambodia-2006.yaml"
    af = answers.load(path)
    af.doc["glossary"]["TIP"] = "Trafficking in Persons (post's wording)"
    af.set_answer_text("1E", af.answers["1E"].text + "\n\nThe XQZW task force met twice.")
    af.save(overwrite=True)
    res = run_cli("render", path, "-o", workdir / "c.txt", "--json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["missing_abbreviations"] == ["XQZW"]
    assert {"abbr": "TIP", "expansion": "Trafficking in Persons (post's wording)"} in data["glossary"]
    text = (workdir / "c.txt").read_text()
    assert "TIP: Trafficking in Persons (post's wording)" in text
    assert "WMC:" not in text  # in the file's glossary, never used in the text
    res = run_cli("render", path, "-o", workdir / "d.txt")
    assert "abbreviations used with no expansion (add them under glossary:): XQZW" in res.stderr


def test_glossary_continuation_lines_wrap_like_the_seed():
    text = _cable()
    assert ("LEASEC: Ministry of Interior Law Enforcement Against Sexual\n"
            "Exploitation of Children Project\n") in text


def test_used_abbreviations_matching():
    g = {"TIP": "Trafficking in Persons", "NGO": "Non-Governmental Organization",
         "ILO-IPEC": "x", "IOM": "y", "MOSAVY": "z", "COMMIT": "c"}
    use = glossary.used(["anti-TIP NGOs and NGOS; ILO/IPEC; IOM/MOSAVY; commit to it; "
                         "Phase II; the PROTECT ACT; COVID-19 and HIV/AIDS"], g)
    assert [k for k, _ in use.entries] == ["ILO-IPEC", "IOM", "MOSAVY", "NGO", "TIP"]
    assert use.missing == ("COVID-19", "HIV/AIDS", "PROTECT")


# ---------------------------------------------------------------- templates

def test_post_template_is_used_and_wrapped(tmp_path):
    tpl = tmp_path / "post.j2"
    tpl.write_text("{{ classification }}\n{% for q in questions %}{{ q.label }} {{ q.topic }}: "
                   "{{ q.paragraphs | length }} paragraphs, "
                   "{{ q.text }}\n{% endfor %}{{ signer }}\n")
    text = _cable(width=40, template=tpl)
    lines = text.splitlines()
    assert lines[0] == "UNCLASSIFIED//FOR OFFICIAL USE ONLY" and lines[-1] == "MUSSOMELI"
    n = len(answers.load(ANSWERS_2006).answers["1A"].paragraphs)
    assert lines[1:3] == ["1A. Overview of the Country's", f"Activities, Statistics: {n} paragraphs,"]
    assert all(len(ln) <= 40 for ln in lines)


@pytest.mark.parametrize(("body", "message", "line"), [
    ("ok\n{{ nosuch }}\n", "undefined in template: 'nosuch' is undefined (variables: ", 2),
    ("{% for q in questions %}\n{{ q.nosuch }}\n{% endfor %}\n", "has no attribute 'nosuch'", 2),
    ("{{ meta.__class__.__mro__ }}\n", "template not allowed in the sandbox", 1),
    ("line\n{% for q in questions %}\n", "template syntax error: Unexpected end of template", 2),
    ("{% include 'other.j2' %}\n", "template includes 'other.j2', which is not in", 1),
    ("{% macro f(n) %}\n{{ f(n + 1) }}\n{% endmacro %}\n{{ f(1) }}\n",
     "template recursion too deep", 2),
    ("{% include 'post.j2' %}\n", "template recursion too deep", 1),
])
def test_template_errors_name_the_file_and_line(tmp_path, body, message, line):
    tpl = tmp_path / "post.j2"
    tpl.write_text(body)
    out = tmp_path / "c.txt"
    res = run_cli("render", ANSWERS_2006, "--template", tpl, "-o", out)
    assert res.exit_code == 2
    err = res.stderr.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert err.startswith(f"tipreport: {tpl}:{line}: "), err
    assert message in err
    assert not out.exists()


def test_missing_template_file(tmp_path):
    res = run_cli("render", ANSWERS_2006, "--template", tmp_path / "none.j2", "-o", tmp_path / "c")
    assert res.exit_code == 2
    assert res.stderr.strip() == f"tipreport: {tmp_path / 'none.j2'}: no such template file"


def test_cable_text_raises_input_error_in_process(tmp_path):
    tpl = tmp_path / "t.j2"
    tpl.write_text("{{ classification }} {{ missing_var }}")
    with pytest.raises(InputError) as exc:
        _cable(template=tpl)
    assert "'missing_var' is undefined" in str(exc.value) and exc.value.line == 1


# ---------------------------------------------------------------- the command

def test_default_output_goes_to_out_and_is_never_overwritten(workdir, monkeypatch):
    monkeypatch.chdir(workdir)
    res = run_cli("render", "answers/cambodia-2006.yaml")
    assert res.exit_code == 0, res.stderr
    out = workdir / "out" / "cambodia-2006.txt"
    assert res.stdout.strip() == ("wrote out/cambodia-2006.txt (cable text, 37 questions, "
                                  "41 abbreviations in the glossary)")
    assert out.read_text() == _cable()
    out.write_text("officer's edits\n")
    res = run_cli("render", "answers/cambodia-2006.yaml")
    assert res.exit_code == 2
    assert res.stderr.strip() == ("tipreport: out/cambodia-2006.txt: already exists; "
                                  "pass --force to overwrite it")
    assert out.read_text() == "officer's edits\n"
    res = run_cli("render", "answers/cambodia-2006.yaml", "--force")
    assert res.exit_code == 0 and out.read_text() == _cable()


def test_stdout_and_json(tmp_path):
    res = run_cli("render", ANSWERS_2006, "-o", "-")
    assert res.exit_code == 0 and res.stdout == _cable()
    res = run_cli("render", ANSWERS_2006, "-o", tmp_path / "c.txt", "--width", "50", "--json")
    data = json.loads(res.stdout)
    assert (data["format"], data["width"], data["questions"], data["written"]) == ("cable", 50, 37, True)
    assert data["unanswered"] == [] and data["blockers"] == [] and data["refused"] is False
    assert max(len(ln) for ln in (tmp_path / "c.txt").read_text().splitlines()) <= 50


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "pdf"], "--format must be one of cable, docx, not 'pdf'"),
    (["--width", "10"], "--width must be between 30 and 200, not 10"),
    (["--format", "docx", "--template", "x.j2"], "--template applies to --format cable only"),
    (["--reference-docx", "x.docx"], "--reference-docx applies to --format docx only"),
    (["--format", "docx", "-o", "-"], "Word output cannot go to stdout; give -o FILE.docx"),
    (["-o", "-", "--json"], "--json and -o - both want stdout; write the cable to a file"),
])
def test_usage_errors(args, message):
    res = run_cli("render", ANSWERS_2006, *args)
    assert res.exit_code == 2
    assert res.stderr.strip() == f"tipreport: {message}"


def test_bad_answers_file(tmp_path):
    bad = tmp_path / "a.yaml"
    bad.write_text("meta: [1, 2]\n")
    res = run_cli("render", bad, "-o", tmp_path / "c.txt")
    assert res.exit_code == 2
    assert res.stderr.strip() == f"tipreport: {bad}:1: answers file.meta: expected a mapping, got a list"
    assert not (tmp_path / "c.txt").exists()
