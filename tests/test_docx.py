"""Word output, read back with python-docx (styles, table, header/footer), converted to PDF
with LibreOffice headless where it is installed."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Inches, Pt
from docx.table import Table
from golden import assert_golden

from conftest import ANSWERS_2006, ANSWERS_2007, run_cli
from tipreport import answers, questionnaire
from tipreport.docx_render import QUESTION_STYLE

BANNER = "UNCLASSIFIED//FOR OFFICIAL USE ONLY"


def _render(tmp_path: Path, src: Path = ANSWERS_2006, *extra) -> Path:
    out = tmp_path / "out.docx"
    res = run_cli("render", src, "--format", "docx", "-o", out, *extra)
    assert res.exit_code == 0, res.stderr
    return out


@pytest.fixture(scope="module")
def doc2006(tmp_path_factory):
    return docx.Document(str(_render(tmp_path_factory.mktemp("docx"))))


def _paras(doc, style: str) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == style]


def test_headings_follow_the_questionnaire(doc2006):
    q = questionnaire.load(ANSWERS_2006.parent.parent / "questionnaires" / "2006.yaml")
    assert _paras(doc2006, "Title") == ["2006 Trafficking in Persons Report for Cambodia"]
    assert _paras(doc2006, "Heading 1") == [s.title for s in q.sections] + [
        "Staff Hours and Point of Contact", "Abbreviations"]
    assert _paras(doc2006, "Heading 2") == [x.topic for x in q.questions]
    questions = _paras(doc2006, QUESTION_STYLE)
    assert [t.split(".", 1)[0] for t in questions] == q.ids()
    assert all(t.startswith(f"{x.id}.  {x.text[:40]}") for t, x in zip(questions, q.questions, strict=True))


def test_question_label_is_bold_and_answers_are_normal(doc2006):
    af = answers.load(ANSWERS_2006)
    paras = doc2006.paragraphs
    for i, p in enumerate(paras):
        if p.style.name != QUESTION_STYLE:
            continue
        qid = p.text.split(".", 1)[0]
        assert p.runs[0].bold and p.runs[0].text == f"{qid}.  "
        following = []
        for nxt in paras[i + 1:]:
            if nxt.style.name != "Normal":
                break
            following.append(nxt.text)
        assert following == af.answers[qid].paragraphs, qid


def test_glossary_is_a_two_column_table(doc2006):
    assert len(doc2006.tables) == 1
    table = doc2006.tables[0]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Abbreviation", "Expansion"]
    assert all(len(r) == 2 for r in rows)
    abbrs = [r[0] for r in rows[1:]]
    assert abbrs == sorted(abbrs, key=str.upper)
    assert ["LEASEC", "Ministry of Interior Law Enforcement Against Sexual Exploitation of "
            "Children Project"] in rows
    assert ["TIP", "Trafficking in Persons"] in rows
    assert "WMC" not in abbrs  # listed by the 2006 cable, never used in its text
    assert table.style.name == "Table Grid"
    assert table.rows[0]._tr.trPr.xpath("./w:tblHeader")  # header repeats on every page


def test_banner_in_header_and_footer(doc2006):
    for section in doc2006.sections:
        assert [p.text for p in section.header.paragraphs] == [BANNER]
        assert section.footer.paragraphs[0].text == BANNER
        assert section.footer._element.xpath(".//w:fldSimple[@w:instr='PAGE']")


def test_staff_hours_note_and_signer(doc2006):
    paras = [p.text for p in doc2006.paragraphs]
    i = paras.index("Staff Hours and Point of Contact")
    assert "required 30 hours of staff time, including 10 hours of a local FSN political " \
           "assistant." in paras[i + 1]
    assert paras[i + 1].startswith("(U)  Political Officers Margaret McKean and Kurt Stoppkotte")
    assert paras[-1] == "MUSSOMELI"


def test_core_properties_name_the_post_not_the_machine(doc2006):
    props = doc2006.core_properties
    assert props.author == props.last_modified_by == "Embassy Phnom Penh"
    assert props.title == "2006 Trafficking in Persons Report for Cambodia"
    assert props.category == BANNER


def test_golden_outline(doc2006):
    """Style and the start of every paragraph, header and footer, and the table: a reviewable
    picture of the document that does not depend on zip bytes."""
    out = [f"header: {' | '.join(p.text for p in doc2006.sections[0].header.paragraphs)}",
           f"footer: {' | '.join(p.text for p in doc2006.sections[0].footer.paragraphs)}"]
    for block in doc2006.iter_inner_content():  # body order: paragraphs and the table
        if isinstance(block, Table):
            out += [f"table: {r.cells[0].text} | {r.cells[1].text}" for r in block.rows]
        else:
            out.append(f"{block.style.name}: {block.text[:70]}")
    assert_golden("cambodia-2006.docx-outline.txt", "\n".join(out) + "\n")


def test_unanswered_marker_is_highlighted(workdir):
    path = workdir / "answers" / "cambodia-2007.yaml"
    af = answers.load(path)
    af.set_answer_text("3B", "")
    af.save(overwrite=True)
    doc = docx.Document(str(_render(workdir, path)))
    marker = [p for p in doc.paragraphs if p.text == "[TODO: NO ANSWER YET]"]
    assert len(marker) == 1
    run = marker[0].runs[0]
    assert run.bold and run.font.highlight_color == WD_COLOR_INDEX.YELLOW
    texts = [p.text for p in doc.paragraphs]
    assert texts[texts.index(marker[0].text) - 1].startswith("3B.  ")


def test_control_characters_are_made_safe_for_word(workdir):
    """Word's soft break (U+000B) pasted into an answer, or a stray \\x01, anywhere a string
    reaches the document: XML cannot hold them, so they become spaces or are dropped."""
    qpath = workdir / "questionnaires" / "2006.yaml"
    qtext = qpath.read_text(encoding="utf-8")
    line = next(ln for ln in qtext.splitlines() if ln.startswith("    text: Is the country a country"))
    assert '"' not in line and "\\" not in line
    qtext = qtext.replace(line, '    text: "' + line[10:].replace("Specify", "Specify\\v") + '"')
    qpath.write_text(qtext.replace("topic: Overview of the Country's Activities, Statistics",
                                   'topic: "Overview of the\\x01 Country\'s Activities, Statistics"'),
                     encoding="utf-8")
    path = workdir / "answers" / "cambodia-2006.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in [
        ("  signer: MUSSOMELI", '  signer: "MUSSO\\x01MELI"'),
        ("  subject: 2006 TRAFFICKING", '  subject: "2006\\x02 TRAFFICKING'),
        ("REPORT FOR CAMBODIA\n", 'REPORT FOR CAMBODIA"\n'),
        ("  IOM: International Organization for Migration\n",
         '  IOM: "International\\vOrganization\\x01 for Migration"\n'),
        ("    text: |\n      Cambodia is a source,",
         '    text: "Soft\\vbreak, page\\fbreak and a \\x01stray character."\n'
         "    note: |\n      Cambodia is a source,"),
    ]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    assert answers.load(path).answers["1A"].text == "Soft break, page break and a stray character."
    doc = docx.Document(str(_render(workdir, path)))
    texts = [p.text for p in doc.paragraphs]
    assert "Soft break, page break and a stray character." in texts
    assert "Overview of the Country's Activities, Statistics" in texts
    assert any(t.startswith("1A.  Is the country") and "Specify numbers for each group." in t
               for t in texts)
    assert texts[-1] == "MUSSOMELI"
    assert "Subject: 2006 TRAFFICKING IN PERSONS REPORT FOR CAMBODIA" in texts
    rows = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert ["IOM", "International Organization for Migration"] in rows
    assert doc.core_properties.subject == "2006 TRAFFICKING IN PERSONS REPORT FOR CAMBODIA"


def _reference(path: Path) -> Path:
    """A post's own document: its fonts, margins, a first-page header, and letterhead text."""
    ref = docx.Document()
    h1 = ref.styles["Heading 1"]
    h1.font.name, h1.font.size = "Courier New", Pt(20)
    from docx.enum.style import WD_STYLE_TYPE

    qstyle = ref.styles.add_style(QUESTION_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    qstyle.font.size = Pt(9)
    section = ref.sections[0]
    section.left_margin = Inches(0.5)
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "OLD FIRST-PAGE HEADER"
    section.header.paragraphs[0].text = "OLD HEADER"
    ref.add_paragraph("POST LETTERHEAD DRAFT")
    ref.add_table(rows=1, cols=1).cell(0, 0).text = "old table"
    ref.save(str(path))
    return path


def test_reference_docx_styles_are_used(tmp_path):
    ref = _reference(tmp_path / "post.docx")
    doc = docx.Document(str(_render(tmp_path, ANSWERS_2006, "--reference-docx", ref)))
    assert doc.styles["Heading 1"].font.name == "Courier New"
    assert doc.styles["Heading 1"].font.size == Pt(20)
    assert doc.styles[QUESTION_STYLE].font.size == Pt(9)  # the post's Question style, not ours
    texts = [p.text for p in doc.paragraphs]
    assert "POST LETTERHEAD DRAFT" not in texts
    assert all("old table" not in c.text for t in doc.tables for r in t.rows for c in r.cells)
    section = doc.sections[0]
    assert section.left_margin == Inches(0.5)
    assert [p.text for p in section.header.paragraphs] == [BANNER]
    assert [p.text for p in section.first_page_header.paragraphs] == [BANNER]
    assert section.first_page_footer.paragraphs[0].text == BANNER
    assert len(_paras(doc, "Heading 2")) == 37


def test_reference_that_is_not_a_docx(tmp_path):
    bad = tmp_path / "post.docx"
    bad.write_text("not a zip")
    out = tmp_path / "out.docx"
    res = run_cli("render", ANSWERS_2006, "--format", "docx", "-o", out, "--reference-docx", bad)
    assert res.exit_code == 2
    assert res.stderr.strip() == (f"tipreport: {bad}: not a Word .docx document (PackageNotFoundError); "
                                  "save the post's template as .docx and pass that")
    assert not out.exists()


def test_docx_json_summary(tmp_path):
    out = tmp_path / "r.docx"
    res = run_cli("render", ANSWERS_2007, "--format", "docx", "-o", out, "--json")
    data = json.loads(res.stdout)
    assert res.exit_code == 0 and data["format"] == "docx" and data["written"]
    assert data["questions"] == 14 and out.stat().st_size > 10_000


def test_converts_to_pdf_with_libreoffice(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    src = _render(tmp_path)
    profile = (tmp_path / "lo-profile").as_uri()  # own profile: safe beside a running LibreOffice
    proc = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                          capture_output=True, text=True, timeout=300)
    pdf = tmp_path / "out.pdf"
    assert proc.returncode == 0 and pdf.exists(), proc.stderr[-500:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]
    pages = [int(n) for n in re.findall(rb"/Type\s*/Pages\b.*?/Count\s+(\d+)", data, re.DOTALL)]
    assert pages and max(pages) >= 15  # 37 questions with their answers: a long document
