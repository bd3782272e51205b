"""Diff speed: the seed pair against the `redlines` package, and a 2 MB synthetic pair.

Run: python bench/bench_diff.py
Targets (issue 6): the whole 2006-vs-2007 diff in-process at least 10x faster
than `redlines` on the same texts; a 2 MB synthetic pair under 2 s.

`redlines` is measured here only (pip install redlines); it is not a
dependency of tipreport. It is measured two ways: on the two years' whole
answer texts (what a user of redlines would feed it), and on exactly the
per-question text pairs our report compares (the stricter comparison).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from timing import median_s  # bench/ is on sys.path when a script runs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OLD = ROOT / "answers" / "cambodia-2006.yaml"
NEW = ROOT / "answers" / "cambodia-2007.yaml"



def seed_pair() -> None:
    from tipreport import align, answers, diff

    old_af, old_q = answers.load_with_questionnaire(OLD)
    new_af, new_q = answers.load_with_questionnaire(NEW)
    report = diff.diff_answers(old_af, old_q, new_af, new_q)
    pairs = [(q.diff, "\n\n".join(diff.apply(q.diff, "old")), "\n\n".join(diff.apply(q.diff, "new")))
             for q in report.questions if q.status == diff.PAIRED]
    whole_old = "\n\n".join(a.text.strip() for a in old_af.answers.values())
    whole_new = "\n\n".join(a.text.strip() for a in new_af.answers.values())

    def full() -> None:  # what `tipreport diff` computes and prints, files already loaded
        from tipreport.cli.cmd_diff import render_terminal

        align._stem.cache_clear()  # a CLI run starts with no word stems cached
        render_terminal(diff.diff_answers(old_af, old_q, new_af, new_q))

    pairing = diff.pair_questions(old_af, old_q, new_af, new_q)

    def given() -> None:  # the same, with the alignment already made
        from tipreport.cli.cmd_diff import render_terminal

        align._stem.cache_clear()
        render_terminal(diff.diff_answers(old_af, old_q, new_af, new_q, pairing=pairing))

    t_full = median_s(full, 30)
    t_align = median_s(lambda: align.align(old_q, new_q, old_af.answers, new_af.answers), 30)
    t_given = median_s(given, 30)
    t_engine = median_s(lambda: [diff.diff_text(o, n) for _, o, n in pairs], 50)
    chars = sum(len(o) + len(n) for _, o, n in pairs)
    print(f"seed pair 2006 -> 2007: {len(pairs)} paired questions, {chars:,} characters compared")
    print(f"  tipreport, whole diff + terminal report (align + 38 questions): {t_full * 1000:7.2f} ms")
    print(f"    align.align alone (the carry's alignment):                  {t_align * 1000:7.2f} ms")
    print(f"    the same with the alignment given:                          {t_given * 1000:7.2f} ms")
    print(f"  tipreport word engine on the {len(pairs)} paired texts:             {t_engine * 1000:7.2f} ms")
    try:
        from redlines import Redlines
    except ImportError:
        print("  redlines: not installed (pip install redlines) - comparison skipped")
        return

    def per_question() -> None:
        for _, o, n in pairs:
            Redlines(o, n).output_markdown  # noqa: B018 - the property does the work

    t_red_q = median_s(per_question, 10)
    t_red_whole = median_s(lambda: Redlines(whole_old, whole_new).output_markdown, 5)
    print(f"  redlines on the same {len(pairs)} text pairs:                       {t_red_q * 1000:7.2f} ms "
          f"-> engine {t_red_q / t_engine:.1f}x faster, whole diff {t_red_q / t_full:.1f}x")
    print(f"  redlines on the two years' whole answer texts:                {t_red_whole * 1000:7.2f} ms "
          f"-> whole diff {t_red_whole / t_full:.1f}x faster (target >= 10x), "
          f"{t_red_whole / t_given:.1f}x with the alignment given")


def synthetic_pair(folder: Path, target_bytes: int) -> tuple[Path, Path, int]:
    """The seed pair with every answer repeated k times, k chosen so both files total the target."""
    from tipreport import answers, yamlio

    def build(src: Path, k: int, dest: Path) -> int:
        af = answers.load(src)
        for qid, ans in af.answers.items():
            if ans.text:
                af.set_answer_text(qid, "\n\n".join([ans.text.strip()] * k))
        text = af.dumps()
        yamlio.atomic_write_text(dest, text, overwrite=True)
        return len(text.encode("utf-8"))

    (folder / "questionnaires").mkdir(exist_ok=True)
    for year in ("2006", "2007"):
        (folder / "questionnaires" / f"{year}.yaml").write_bytes(
            (ROOT / "questionnaires" / f"{year}.yaml").read_bytes())
    one = OLD.stat().st_size + NEW.stat().st_size
    k = max(1, round(target_bytes / one))
    old, new = folder / "old.yaml", folder / "new.yaml"
    size = build(OLD, k, old) + build(NEW, k, new)
    return old, new, size


def big_pair(target_bytes: int, label: str) -> None:
    from tipreport import answers, diff
    from tipreport.cli.cmd_diff import render_terminal

    with tempfile.TemporaryDirectory() as tmp:
        old, new, size = synthetic_pair(Path(tmp), target_bytes)
        t0 = time.perf_counter()
        old_af, old_q = answers.load_with_questionnaire(old)
        new_af, new_q = answers.load_with_questionnaire(new)
        load = time.perf_counter() - t0
        compute = median_s(lambda: diff.diff_answers(old_af, old_q, new_af, new_q), 3)
        report = diff.diff_answers(old_af, old_q, new_af, new_q)
        t0 = time.perf_counter()
        text = render_terminal(report)
        show = time.perf_counter() - t0
        print(f"{label}: {size / 1e6:.2f} MB of YAML (old {old.stat().st_size / 1e6:.2f} MB, "
              f"new {new.stat().st_size / 1e6:.2f} MB)")
        pairing = median_s(lambda: diff.pair_questions(old_af, old_q, new_af, new_q), 3)
        pairs = diff.pair_questions(old_af, old_q, new_af, new_q)
        engine = median_s(lambda: diff.diff_answers(old_af, old_q, new_af, new_q, pairing=pairs), 3)
        print(f"  diff_answers: {compute:.2f} s (median of 3; target < 2 s)")
        print(f"    pairing alone (align.align with both years' answers): {pairing:.2f} s")
        print(f"    the diff alone, pairing given: {engine:.2f} s")
        print(f"  terminal report ({len(text) / 1e6:.1f} MB of text): {show:.2f} s")
        print(f"  loading both files (ruamel round-trip + validation): {load:.2f} s")
        print(f"  end to end (load + diff + report): {load + compute + show:.2f} s")


def main() -> None:
    seed_pair()
    big_pair(2_000_000, "synthetic pair, 2 MB in all")
    big_pair(4_000_000, "synthetic pair, 2 MB each side (about)")


if __name__ == "__main__":
    main()
