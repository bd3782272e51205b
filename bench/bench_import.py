"""Import speed: the 2006 cable parsed in-process, median of repeated runs.

Run: python bench/bench_import.py   (target: under 150 ms)
"""

from __future__ import annotations

from pathlib import Path

from timing import median_ms  # bench/ is on sys.path when a script runs

ROOT = Path(__file__).resolve().parent.parent
CABLES = {
    "2006 whole (1,625 lines)": ROOT / "tests/fixtures/cable-2006-phnompenh-501-tip-report.txt",
    "2007 partial (607 lines)": ROOT / "tests/fixtures/cable-2007-phnompenh-351-tip-report-partial.txt",
}



def main() -> None:
    from tipreport import answers, importer, yamlio

    for name, path in CABLES.items():
        text = path.read_text(encoding="utf-8")
        parse = median_ms(lambda t=text: importer.parse(t))

        def parse_and_dump(t=text):
            r = importer.parse(t)
            yamlio.dumps(answers.new_document(r.meta, r.answers, r.glossary))

        full = median_ms(parse_and_dump, 10)
        print(f"import {name}: parse {parse:.1f} ms, parse + YAML dump {full:.1f} ms (median)")


if __name__ == "__main__":
    main()
