"""tipreport batch: many cables in one call, one bad cable does not stop the rest."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import CABLE_2006, CABLE_2007, NARRATIVE_2004, run_cli
from tipreport import answers, importer


def test_batch_imports_checks_and_renders_each(tmp_path: Path):
    cables = tmp_path / "in"
    cables.mkdir()
    for src in (CABLE_2006, CABLE_2007, NARRATIVE_2004):
        shutil.copy(src, cables / src.name)
    # two cables with the same name in different folders must not overwrite each other
    (cables / "again").mkdir()
    shutil.copy(CABLE_2007, cables / "again" / CABLE_2007.name)
    listed = [cables / CABLE_2006.name, cables / CABLE_2007.name, cables / NARRATIVE_2004.name,
              cables / "again" / CABLE_2007.name]
    out = tmp_path / "out"
    result = run_cli("batch", *listed, "--outdir", out, "--format", "cable", "--format", "docx", "--json")
    assert result.exit_code == 2  # the 2004 narrative is not a submission
    rows = json.loads(result.stdout)
    assert [Path(r["cable"]).name for r in rows] == [p.name for p in listed]
    assert "not a TIP report submission: neither the subject nor the body is about trafficking" \
        in rows[2]["failed"]
    ok = [r for r in rows if not r["failed"]]
    assert [r["questions"] for r in ok] == [37, 14, 14]
    assert len({r["answers"] for r in ok}) == 3
    for r in ok:
        af = answers.load(r["answers"])
        assert len(af.answers) == r["questions"]
        cable_txt, docx = r["rendered"]
        # the rendered cable reads back to the same answers
        back = importer.parse(Path(cable_txt).read_text(encoding="utf-8"))
        assert [a.text.split() for a in back.answers] == [a.text.split() for a in af.answers.values()]
        assert Path(docx).read_bytes()[:2] == b"PK"


def test_batch_refuses_to_overwrite_without_force(tmp_path: Path):
    out = tmp_path / "out"
    assert run_cli("batch", CABLE_2007, "--outdir", out).exit_code in (0, 1)
    before = (out / f"{CABLE_2007.stem}.yaml").read_bytes()
    again = run_cli("batch", CABLE_2007, "--outdir", out)
    assert again.exit_code == 2
    assert "already exists; pass --force" in again.stderr
    assert (out / f"{CABLE_2007.stem}.yaml").read_bytes() == before
    assert run_cli("batch", CABLE_2007, "--outdir", out, "--force").exit_code in (0, 1)


def test_batch_bad_format_and_outdir_is_a_file(tmp_path: Path):
    r = run_cli("batch", CABLE_2007, "--outdir", tmp_path / "o", "--format", "pdf")
    assert r.exit_code == 2 and "--format pdf: choose from cable, docx" in r.stderr
    f = tmp_path / "file"
    f.write_text("x")
    r = run_cli("batch", CABLE_2007, "--outdir", f)
    assert r.exit_code == 2 and "is a file; --outdir needs a folder" in r.stderr


def test_repeated_format_renders_once(tmp_path: Path):
    r = run_cli("batch", CABLE_2007, "--outdir", tmp_path / "o", "-f", "cable", "-f", "cable", "--json")
    assert r.exit_code in (0, 1), r.stderr
    row = json.loads(r.stdout)[0]
    assert row["failed"] is None and len(row["rendered"]) == 1
