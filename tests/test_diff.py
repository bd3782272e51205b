"""tipreport diff: questions paired as the carry pairs them, word diffs, changed figures,
and the terminal, JSON, HTML and Word (tracked changes) outputs, on the real seed pair."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ANSWERS_2006, ANSWERS_2007, run_cli
from tipreport import answers, diff, diff_docx, diff_html
from tipreport.cli.cmd_diff import render_terminal

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# What the officers did between the two cables, read off them by hand: 2007's
# question -> the 2006 question it continues (2006's 2F became 2007's 2E, ...;
# 2006's 3B was split into 2007's 3B and 3C).
SEED_PAIRS = {
    "2D": ("2D",), "2E": ("2F",), "2F": ("2G",), "2G": ("2H",), "2H": ("2J",),
    "3A": ("3A",), "3B": ("3B",), "3C": ("3B",), "3D": ("3C",), "3E": ("3D",),
    "3F": ("3E",), "3G": ("3F",), "3H": ("3G",), "3I": ("3H",),
}


@pytest.fixture(scope="module")
def seed() -> diff.DiffReport:
    return diff.diff_files(ANSWERS_2006, ANSWERS_2007)


def _q(report: diff.DiffReport, new_id: str) -> diff.QuestionDiff:
    return next(q for q in report.questions if q.new_id == new_id)


def _norm_paras(text: str) -> list[str]:
    return [" ".join(p.split()) for p in answers.paragraphs(text)]


# ---------------------------------------------------------------- pairing on the seed pair

def test_all_14_questions_of_2007_are_paired_with_their_2006_predecessors(seed):
    paired = {q.new_id: q.old_ids for q in seed.questions if q.status == diff.PAIRED}
    assert paired == SEED_PAIRS
    assert seed.method == "align"
    assert not [q for q in seed.questions if q.status == diff.NEW]


def test_2006_questions_outside_the_partial_2007_cable_are_listed_as_retired(seed):
    retired = [q.old_ids[0] for q in seed.questions if q.status == diff.RETIRED]
    used = {o for olds in SEED_PAIRS.values() for o in olds}
    q2006 = [qid for qid in answers.load(ANSWERS_2006).answers if qid not in used]
    assert retired == q2006
    assert "partial" in " ".join(seed.notes)
    assert all(q.diff.words_removed > 0 and q.diff.words_added == 0
               for q in seed.questions if q.status == diff.RETIRED)


def test_police_officers_trained_4655_to_5737_is_a_changed_figure(seed):
    q = _q(seed, "3I")
    assert q.old_ids == ("3H",)
    changed = [f for f in q.diff.figures if f.kind == "changed"]
    assert [(f.old, f.new) for f in changed] == [("4,655", "5,737")]
    assert changed[0].after.startswith("police officers")
    assert changed[0].label() == "So far, 4,655 -> 5,737 police officers have attended"


def test_3i_word_diff_shows_exactly_what_the_post_changed(seed):
    q = _q(seed, "3I")
    edits = [(s.op, s.text) for p in q.diff.paragraphs for s in p.segments if s.op != diff.EQUAL]
    assert (diff.DELETE, "a total 4,655") in edits
    assert (diff.INSERT, "5,737") in edits
    assert q.diff.words_removed == 24 and q.diff.words_added == 2
    assert 85 < q.diff.similarity < 95


def test_split_question_is_compared_with_the_paragraphs_the_carry_gives_it(seed):
    three_b, three_c = _q(seed, "3B"), _q(seed, "3C")
    assert three_b.kind == three_c.kind == "split"
    assert "paragraph 2 of 2 carried here" in three_c.note
    # 2007 3B kept 2006 3B's first paragraph word for word
    assert not three_b.diff.changed and three_b.diff.similarity == 100.0
    old_3b = answers.load(ANSWERS_2006).answers["3B"].text
    assert [" ".join(p.split()) for p in diff.apply(three_c.diff, "old")] == _norm_paras(old_3b)[1:]


def test_every_paired_diff_rebuilds_both_years_texts(seed):
    af07 = answers.load(ANSWERS_2007)
    for q in seed.questions:
        if q.status == diff.PAIRED:
            rebuilt = [" ".join(p.split()) for p in diff.apply(q.diff, "new")]
            assert rebuilt == _norm_paras(af07.answers[q.new_id].text), q.new_id


def test_same_questionnaire_pairs_by_id_and_finds_only_the_edit(tmp_path):
    af = answers.load(ANSWERS_2007)
    text = af.answers["3F"].text.replace("reported 49 cases", "reported 52 cases")
    af.set_answer_text("3F", text)
    (tmp_path / "questionnaires").mkdir()
    shutil.copy(ANSWERS_2007.parent.parent / "questionnaires" / "2007.yaml", tmp_path / "questionnaires")
    edited = tmp_path / "draft.yaml"
    af.save(edited, overwrite=False)
    report = diff.diff_files(ANSWERS_2007, edited)
    assert report.method == "id"
    assert [q.new_id for q in report.questions if q.diff.changed] == ["3F"]
    figs = [(f.old, f.new, f.kind) for f in _q(report, "3F").diff.figures]
    assert figs == [("49", "52", "changed")]


# ---------------------------------------------------------------- the word engine

def test_rewrapping_and_double_spaces_are_not_changes():
    old = "The law passed in 2005.  It is enforced.\n\nSecond paragraph here."
    new = "The law passed\nin 2005. It   is enforced.\n\nSecond paragraph\nhere."
    d = diff.diff_text(old, new)
    assert not d.changed and d.similarity == 100.0 and not d.figures


def test_an_inserted_paragraph_leaves_the_others_equal():
    paras = _norm_paras(answers.load(ANSWERS_2007).answers["3H"].text)
    new = paras[:1] + ["Police opened 12 new cases in 2007."] + paras[1:]
    d = diff.diff_paragraphs(paras, new)
    assert [p.op for p in d.paragraphs] == ["equal", "insert"] + ["equal"] * (len(paras) - 1)
    assert [(f.old, f.new) for f in d.figures] == [("", "12"), ("", "2007")]


def test_a_rewritten_sentence_is_one_replacement_not_confetti():
    keep = "Police trained 300 officers in 2006 on victim identification and case management."
    d = diff.diff_text(f"{keep} The cat sat on the mat by the door. {keep}",
                       f"{keep} A dog lay under the table near the window. {keep}")
    segs = [(s.op, s.text) for s in d.paragraphs[0].segments]
    assert segs[1:3] == [(diff.DELETE, "The cat sat on the mat by the door."),
                         (diff.INSERT, "A dog lay under the table near the window.")]
    assert [op for op, _ in segs] == [diff.EQUAL, diff.DELETE, diff.INSERT, diff.EQUAL]


def test_numbers_in_a_rewritten_passage_are_dropped_and_added_not_paired():
    old = "Police arrested 117 perpetrators in 2005 and 15 foreigners were convicted."
    new = "Courts heard 51 cases and 37 trials ended with convictions of 53 people last year."
    kinds = {f.kind for f in diff.diff_text(old, new).figures}
    assert kinds == {"removed", "added"}


def test_year_pairs_with_year_and_count_with_count():
    d = diff.diff_text("In 2005 police trained 300 officers.", "In 2006 police trained 410 officers.")
    assert sorted((f.old, f.new) for f in d.figures) == [("2005", "2006"), ("300", "410")]


def test_figures_inside_words_are_not_figures():
    pieces = diff.number_pieces("G7 ministers met on 10th May; 2005-2006 saw 4,655 (20%) trained.")
    assert [p for p, is_num in pieces if is_num] == ["4,655", "20%"]


_WORDS = st.sampled_from(
    "the government police trained 4,655 5,737 officers in 2006 2007 NGOs , . law courts "
    "convicted 49 cases trafficking victims Cambodia".split())
_PARA = st.lists(_WORDS, min_size=1, max_size=30).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PARA, min_size=0, max_size=5), st.lists(_PARA, min_size=0, max_size=5))
def test_accepting_or_rejecting_every_change_gives_back_each_side(old, new):
    d = diff.diff_paragraphs(old, new)
    assert [" ".join(p.split()) for p in diff.apply(d, "old")] == [" ".join(p.split()) for p in old]
    assert [" ".join(p.split()) for p in diff.apply(d, "new")] == [" ".join(p.split()) for p in new]
    assert 0.0 <= d.similarity <= 100.0
    assert (old == new) == (not d.changed)


# ---------------------------------------------------------------- terminal and JSON

def test_piped_output_uses_plain_word_diff_markers():
    result = run_cli("diff", ANSWERS_2006, ANSWERS_2007)
    assert result.exit_code == 1  # differences found, as with diff(1)
    out = result.stdout
    assert "So far, [-a total 4,655-] {+5,737+} police officers" in out
    assert "figure: So far, 4,655 -> 5,737 police officers have attended" in out
    assert "\x1b[" not in out
    assert "14 paired (13 changed, 1 unchanged, 2 with changed figures), 0 new, 24 retired" in out


def test_terminal_colours_deletions_insertions_and_changed_figures(seed):
    text = render_terminal(seed, color=True)
    assert "\x1b[9;31ma total \x1b[1;4m4,655\x1b[0m\x1b[9;31m\x1b[0m" in text
    assert "\x1b[32m\x1b[1;4m5,737\x1b[0m\x1b[32m\x1b[0m" in text


def test_stat_prints_the_summary_only(seed):
    out = run_cli("diff", ANSWERS_2006, ANSWERS_2007, "--stat").stdout
    similarity = _q(seed, "3I").diff.similarity
    assert 85 < similarity < 95  # most of the answer kept, the figures and a sentence rewritten
    row = next(line for line in out.splitlines() if line.startswith("3I <- 3H"))
    assert f"{similarity:.1f}%" in row
    assert "[-" not in out and "p1:" not in out


def test_question_option_shows_one_question_even_a_retired_one():
    out = run_cli("diff", ANSWERS_2006, ANSWERS_2007, "--question", "3i").stdout
    assert "3I <- 3H" in out and "2E <- 2F" not in out
    retired = run_cli("diff", ANSWERS_2006, ANSWERS_2007, "--question", "1E").stdout
    assert "1E (retired)" in retired and "[-" in retired


def test_unknown_question_is_a_usage_error():
    result = run_cli("diff", ANSWERS_2006, ANSWERS_2007, "--question", "9Z")
    assert result.exit_code == 2
    assert result.stderr.strip() == ("tipreport: question 9Z is in neither the 2007 nor the 2006 "
                                     "questionnaire (2007: 2D-3I; 2006: 1A-4I)")


def test_identical_files_exit_0():
    result = run_cli("diff", ANSWERS_2007, ANSWERS_2007)
    assert result.exit_code == 0, result.stderr
    assert "14 paired (0 changed, 14 unchanged" in result.stdout


def test_json_report(tmp_path):
    result = run_cli("diff", ANSWERS_2006, ANSWERS_2007, "--json")
    data = json.loads(result.stdout)
    assert data["pairing"] == "align" and data["counts"]["paired"] == 14
    q = next(x for x in data["questions"] if x["new"] == "3I")
    assert q["old"] == ["3H"] and q["kind"] == "renumbered"
    assert {"old": "4,655", "new": "5,737", "kind": "changed", "before": "So far,",
            "after": "police officers have attended"} in q["figures"]
    segs = [s for p in q["paragraphs"] for s in p["segments"]]
    assert ["delete", "a total 4,655", True] in segs and ["insert", "5,737", True] in segs
    stat = json.loads(run_cli("diff", ANSWERS_2006, ANSWERS_2007, "--json", "--stat").stdout)
    assert all("paragraphs" not in x for x in stat["questions"])


def test_missing_file_is_one_line_exit_2(tmp_path):
    result = run_cli("diff", tmp_path / "nope.yaml", ANSWERS_2007)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"tipreport: {tmp_path / 'nope.yaml'}: no such file"


# ---------------------------------------------------------------- HTML

class _Collect(HTMLParser):
    """Tags, text inside <del>/<ins>, and anything that would fetch from outside."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.dels: list[str] = []
        self.inss: list[str] = []
        self.external: list[str] = []
        self.unclosed_at_end = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith("#"):
                self.external.append(value)
        if tag not in ("meta", "br", "link", "img"):
            self.stack.append(tag)
        if tag in ("link", "script", "img", "iframe"):
            self.external.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-3:])
        self.stack.pop()

    def handle_data(self, data):
        if "del" in self.stack:
            self.dels.append(data)
        if "ins" in self.stack:
            self.inss.append(data)


def test_html_is_one_self_contained_well_formed_page(seed, tmp_path):
    page = diff_html.render(seed)
    parser = _Collect()
    parser.feed(page)
    parser.close()
    assert parser.stack == [] and parser.external == []
    assert "@import" not in page and "url(" not in page
    assert "a total 4,655" in "".join(parser.dels)
    assert "5,737" in "".join(parser.inss)
    assert page.count("UNCLASSIFIED//FOR OFFICIAL USE ONLY") == 2
    out = tmp_path / "d.html"
    result = run_cli("diff", ANSWERS_2006, ANSWERS_2007, "--html", out, "--stat")
    assert result.exit_code == 1 and out.read_text(encoding="utf-8") == page
    assert "wrote" in result.stderr


def test_html_escapes_answer_text(tmp_path):
    af = answers.load(ANSWERS_2007)
    af.set_answer_text("3I", af.answers["3I"].text + "\n\n<script>alert('x')</script> & AT&T <b>")
    (tmp_path / "questionnaires").mkdir()
    shutil.copy(ANSWERS_2007.parent.parent / "questionnaires" / "2007.yaml", tmp_path / "questionnaires")
    af.save(tmp_path / "n.yaml", overwrite=False)
    page = diff_html.render(diff.diff_files(ANSWERS_2007, tmp_path / "n.yaml"))
    assert "<script>" not in page and "<b>" not in page.split("<body>", 1)[1].replace('<b class="fig">', "")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; AT&amp;T &lt;b&gt;" in page


# ---------------------------------------------------------------- Word with tracked changes

@pytest.fixture(scope="module")
def seed_docx(seed) -> bytes:
    return diff_docx.render(seed, author="J. Officer", date=datetime(2007, 3, 5, 12, 0, tzinfo=UTC))


def _body(data: bytes):
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def test_docx_opens_with_python_docx_and_has_the_summary(seed_docx):
    import docx

    doc = docx.Document(io.BytesIO(seed_docx))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert "3I <- 3H: Government-Sponsored Anti-Trafficking Training" in headings
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells][:3] == ["Question", "Topic", "Same"]
    assert len(table.rows) == 1 + len(diff.diff_files(ANSWERS_2006, ANSWERS_2007).questions)
    assert doc.sections[0].header.paragraphs[0].text == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"


def test_docx_changes_are_real_tracked_changes(seed_docx):
    body = _body(seed_docx)
    dels, inss = body.iter(f"{W}del"), body.iter(f"{W}ins")
    del_texts = ["".join(t.text for t in d.iter(f"{W}delText")) for d in dels]
    ins_texts = ["".join(t.text for t in i.iter(f"{W}t")) for i in inss]
    assert " a total 4,655" in del_texts and " 5,737" in ins_texts
    marks = list(body.iter(f"{W}del")) + list(body.iter(f"{W}ins"))
    assert all(m.get(f"{W}author") == "J. Officer" and m.get(f"{W}date") == "2007-03-05T12:00:00Z"
               for m in marks)
    ids = [m.get(f"{W}id") for m in marks]
    assert len(ids) == len(set(ids))
    # deleted words live in w:delText only, never in a w:t inside w:del
    assert not [t for d in body.iter(f"{W}del") for t in d.iter(f"{W}t")]


def _resolve(body, accept: bool) -> list[str]:
    """Paragraph texts after accepting (or rejecting) every tracked change, as Word does."""
    out, pending = [], ""
    for p in body.iter(f"{W}p"):
        text = ""
        for el in p.iter(f"{W}t", f"{W}delText"):
            inside_del = any(a.tag == f"{W}del" for a in el.iterancestors())
            inside_ins = any(a.tag == f"{W}ins" for a in el.iterancestors())
            if (accept and not inside_del) or (not accept and not inside_ins):
                if el.tag == f"{W}t" or not accept:
                    text += el.text or ""
        ppr = p.find(f"{W}pPr")
        mark = ppr.find(f"{W}rPr") if ppr is not None else None
        gone = mark is not None and mark.find(f"{W}{'del' if accept else 'ins'}") is not None
        if gone:
            pending += text
            continue
        out.append(" ".join((pending + text).split()))
        pending = ""
    return out


def test_accepting_all_gives_2007_and_rejecting_all_gives_2006(seed, seed_docx):
    body = _body(seed_docx)
    accepted, rejected = _resolve(body, True), _resolve(body, False)
    q = _q(seed, "3I")
    for para in diff.apply(q.diff, "new"):
        assert " ".join(para.split()) in accepted
    for para in diff.apply(q.diff, "old"):
        assert " ".join(para.split()) in rejected
    new_2e = _norm_paras(answers.load(ANSWERS_2007).answers["2E"].text)
    old_2f = _norm_paras(answers.load(ANSWERS_2006).answers["2F"].text)
    assert all(p in accepted for p in new_2e) and not any(p in accepted for p in old_2f[1:2])
    assert all(p in rejected for p in old_2f)


def test_docx_written_by_the_command_refuses_to_overwrite(tmp_path):
    out = tmp_path / "d.docx"
    out.write_bytes(b"officer's file")
    result = run_cli("diff", ANSWERS_2006, ANSWERS_2007, "--docx", out, "--html", tmp_path / "d.html")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"tipreport: {out}: already exists; pass --force to overwrite it"
    assert out.read_bytes() == b"officer's file" and not (tmp_path / "d.html").exists()
    forced = run_cli("diff", ANSWERS_2006, ANSWERS_2007, "--docx", out, "--force", "--author", "Desk")
    assert forced.exit_code == 1
    assert any(m.get(f"{W}author") == "Desk" for m in _body(out.read_bytes()).iter(f"{W}ins"))


def test_docx_with_control_characters_in_answers_and_author(tmp_path):
    """Word's soft break pasted into an answer, a stray \\x01, or one in --author: XML cannot
    hold them, so the document gets a space or nothing instead of the command crashing."""
    import docx

    (tmp_path / "questionnaires").mkdir()
    shutil.copy(ANSWERS_2007.parent.parent / "questionnaires" / "2007.yaml", tmp_path / "questionnaires")
    new = tmp_path / "draft.yaml"
    old_text = "    text: |\n      The government, in cooperation with national"
    text = ANSWERS_2007.read_text(encoding="utf-8")
    assert text.count(old_text) == 1
    new.write_text(text.replace(old_text, '    text: "Soft\\vbreak and a \\x01stray\\x0c one."\n'
                                "    note: |\n      The government, in cooperation with national"),
                   encoding="utf-8")
    out = tmp_path / "d.docx"
    res = run_cli("diff", ANSWERS_2007, new, "--docx", out, "--author", "J.\x01 Officer\v")
    assert res.exit_code == 1, res.output  # changes found, file written
    doc = docx.Document(str(out))
    body = _body(out.read_bytes())
    inserted = " ".join(t.text for i in body.iter(f"{W}ins") for t in i.iter(f"{W}t"))
    assert "Soft break and a stray one." in " ".join(inserted.split())
    assert {m.get(f"{W}author") for m in body.iter(f"{W}ins")} == {"J. Officer "}
    assert doc.core_properties.author == "J. Officer "


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(_soffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_docx_and_sees_the_tracked_changes(seed_docx, tmp_path):
    src = tmp_path / "diff.docx"
    src.write_bytes(seed_docx)
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    for fmt in ("pdf", "fodt"):
        subprocess.run([_soffice(), profile, "--headless", "--convert-to", fmt, "--outdir",
                        str(tmp_path), str(src)], check=True, capture_output=True, timeout=180)
    pdf = (tmp_path / "diff.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    flat = (tmp_path / "diff.fodt").read_text(encoding="utf-8")
    regions = re.findall(r'<text:changed-region[^>]*text:id="([^"]+)"[^>]*>\s*<text:(insertion|deletion)>'
                         r"\s*<office:change-info>\s*<dc:creator>([^<]*)</dc:creator>", flat)
    kinds = {rid: (kind, who) for rid, kind, who in regions}
    assert {who for _, who in kinds.values()} == {"J. Officer"}
    marked = dict(re.findall(r'<text:change-start text:change-id="([^"]+)"/>([^<]*)<text:change-end', flat))
    assert kinds[next(k for k, v in marked.items() if v == " a total 4,655")][0] == "deletion"
    assert kinds[next(k for k, v in marked.items() if v == " 5,737")][0] == "insertion"


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("a b c", "a X c", 80.0),    # kept "a", "c" and the two spaces both sides still have: 2*4/10
    ("a b", "a b c", 75.0),      # kept "a b": 2*3/8
    ("X a", "a", 50.0),          # the space after X is gone on the new side: 2*1/4
    ("one two", "one two", 100.0),
    ("one", "two", 0.0),
])
def test_similarity_counts_kept_characters(old, new, expected):
    assert diff.diff_text(old, new).similarity == expected


@given(st.lists(st.sampled_from("1 2 3 2006 4,655".split()), max_size=12),
       st.lists(st.sampled_from("1 2 3 2006 5,737".split()), max_size=12))
def test_shared_figures_cancel_first_come_first_served(old, new):
    """Each old figure cancels the first equal new figure still there; the rest keep their order."""
    from collections import Counter

    def found(values):
        return [(v, "src", k) for k, v in enumerate(values)]

    common = Counter(old) & Counter(new)

    def minus(values):
        left, out = Counter(common), []
        for k, v in enumerate(values):
            if left[v]:
                left[v] -= 1
            else:
                out.append((v, "src", k))
        return out

    assert diff._unshared(found(old), found(new)) == (minus(old), minus(new))


def test_answers_init_brought_back_from_retired_are_compared_with_that_text(draft, workdir):
    """2008 asks again what 2007's partial questionnaire retired; init carries those answers from
    the 2007 file's retired: section, and diff compares them with it (not as new questions)."""
    from conftest import full_2008

    out = workdir / "answers" / "draft-2008.yaml"
    assert run_cli("init", "--from", draft, "--questionnaire", full_2008(workdir), "-o", out).exit_code == 0
    af = answers.load(out)
    text = af.answers["1A"].text
    af.set_answer_text("1A", text.replace("Cambodia is a source", "Cambodia remains a source"))
    af.save(overwrite=True)
    report = diff.diff_files(draft, out)
    assert report.counts()["new"] == 0
    revived = [q for q in report.questions if q.kind == diff.FROM_RETIRED]
    assert [q.new_id for q in revived] == list(answers.load(draft).retired)
    assert all(q.old_ids == (q.new_id,) and q.status == diff.PAIRED for q in revived)
    one_a = _q(report, "1A")
    assert (one_a.diff.words_added, one_a.diff.words_removed, one_a.label) == (1, 1, "1A <- retired 1A")
    assert all(not q.diff.changed for q in revived if q.new_id != "1A")


def test_a_retired_answer_split_by_init_is_not_paired_with_the_whole(workdir):
    """2006 3B retired by a 2007 questionnaire without 3B/3C, then split again into 2008's 3B and 3C:
    each got a share, which the provenance does not record, so diff lists them as new rather than
    show the other share as deleted."""
    from tipreport import yamlio

    q7 = yamlio.load(workdir / "questionnaires" / "2007.yaml")
    q8 = yamlio.load(workdir / "questionnaires" / "2007.yaml")
    q7["questions"] = [x for x in q7["questions"] if x["id"] not in ("3B", "3C")]
    yamlio.save(workdir / "questionnaires" / "2007.yaml", q7, overwrite=True)
    q8["year"], q8["reporting_period"] = 2008, "April 2007 - March 2008"
    yamlio.save(workdir / "questionnaires" / "2008.yaml", q8, overwrite=False)
    a6, a7, a8 = (workdir / "answers" / f"{n}.yaml" for n in ("cambodia-2006", "d-2007", "d-2008"))
    assert run_cli("init", "--from", a6, "--questionnaire", workdir / "questionnaires" / "2007.yaml",
                   "-o", a7).exit_code == 0
    assert run_cli("init", "--from", a7, "--questionnaire", workdir / "questionnaires" / "2008.yaml",
                   "-o", a8).exit_code == 0
    assert answers.load(a8).answers["3C"].provenance.section == "retired"
    report = diff.diff_files(a7, a8)
    assert [(q.new_id, q.status) for q in report.questions if q.new_id in ("3B", "3C")] == \
        [("3B", diff.NEW), ("3C", diff.NEW)]
