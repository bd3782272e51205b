"""How an answer's text is read: its paragraphs, and whether it is still blank."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ANSWERS_2006
from tipreport import answers


@pytest.mark.parametrize("text", ["", "  \n\t\n", "TODO", "TBD.", "\n\n  \n\nTODO\n",
                                  "[insert 2006 figures]\n\nTBD", "...", "to be drafted"])
def test_blank(text):
    assert answers.is_blank(text)


@pytest.mark.parametrize("text", ["TODO\n\nThe government prosecuted 12 cases.", "No.",
                                  "[insert figures] 12 cases were prosecuted", "TODO: ask the MOI"])
def test_not_blank(text):
    assert not answers.is_blank(text)


def test_every_real_answer_is_text():
    assert not any(a.blank for a in answers.load(ANSWERS_2006).answers.values())


_PIECES = st.sampled_from(["TODO", "TBD", "[insert figures]", "...", "x", "The MOI", " ", "\t", "\n", "\n\n",
                           "\n \n", ".", "-"])


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_is_blank_reads_like_the_paragraphs(text):
    """is_blank decides on the first paragraph when it can; that must agree with reading them all."""
    assert answers.is_blank(text) == answers.blank_paragraphs(answers.paragraphs(text))


def test_paragraphs_join_wrapped_lines_and_split_on_blank_lines():
    text = "  First line\n  wrapped here.\n\t\n\nSecond  paragraph.\n \n"
    assert answers.paragraphs(text) == ["First line wrapped here.", "Second  paragraph."]


@pytest.mark.parametrize(("raw", "clean"), [
    ("Soft\vbreak", "Soft break"), ("Specify\v numbers", "Specify numbers"), ("page\f \fbreak", "page break"),
    ("bell\x07 and \x1b[2Jescape", "bell and [2Jescape"), ("MUSSO\x00MELI", "MUSSOMELI"),
    ("csi\x9b2J", "csi2J"),
    ("line\r\nend\rold Mac", "line\nend\nold Mac"), ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
    ("café – naïve “quotes”", "café – naïve “quotes”"),
])
def test_visible_drops_what_no_reader_can_see(raw, clean):
    from tipreport.fields import visible

    assert visible(raw) == clean


def test_visible_on_long_runs_of_spaces():
    """A pasted line of a million spaces around breaks (a regex with spaces on both sides of the
    break would backtrack through the run at every position: minutes, not milliseconds)."""
    from tipreport.fields import visible

    run = " " * 1_000_000
    assert visible("a" + run + "\v" + run + "b\x07") == "a b"
    assert visible("a" + run + "\tb\n") == "a" + run + "\tb\n"


def test_a_long_run_of_punctuation_is_text_and_quick():
    assert not answers.is_blank("." * 16_000 + " The ministry replied.")
    assert answers.is_blank("[insert the 2006 figures for prosecutions, convictions and sentences]")
