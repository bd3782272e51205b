"""The shipped questionnaires against the real cables."""

from __future__ import annotations

from cable_words import question_texts
from conftest import CABLE_2006, CABLE_2007, QUESTIONNAIRES
from tipreport import questionnaire

IDS_2006 = ("1A 1B 1C 1D 1E 2A 2B 2C 2D 2E 2F 2G 2H 2J 3A 3B 3C 3D 3E 3F 3G 3H 3I 3J 3K 3L 3M 3N "
            "4A 4B 4C 4D 4E 4F 4G 4H 4I").split()


def test_2006_has_37_questions_in_four_sections():
    q = questionnaire.load(QUESTIONNAIRES / "2006.yaml")
    assert q.ids() == IDS_2006
    assert [s.number for s in q.sections] == [1, 2, 3, 4]
    assert q.year == 2006 and q.reftel == "STATE 3836" and not q.partial
    assert q.reporting_period == "March 2005 - March 2006"


def test_2006_question_texts_match_the_cable_word_for_word():
    q = questionnaire.load(QUESTIONNAIRES / "2006.yaml")
    cable = question_texts(CABLE_2006)
    assert len(cable) == 37
    for question in q.questions:
        assert question.text.split() == cable[question.id].split(), question.id


def test_2006_topic_headings_as_printed():
    q = questionnaire.load(QUESTIONNAIRES / "2006.yaml")
    assert q.get("1E").topic == "Child Brides"
    assert q.get("2G").topic == "Government Border Monitoring"
    assert q.get("3G").topic == "Govrnment Investigations of Trafficking Cases"  # sic, as printed
    assert q.get("3B").topic == "Penalties for Sexual and Labor Exploitation"


def test_2007_is_partial_and_matches_its_cable():
    q = questionnaire.load(QUESTIONNAIRES / "2007.yaml")
    assert q.partial and q.year == 2007 and q.reftel == "STATE 202745"
    assert q.ids() == "2D 2E 2F 2G 2H 3A 3B 3C 3D 3E 3F 3G 3H 3I".split()
    cable = question_texts(CABLE_2007)
    for question in q.questions:
        assert question.text.split() == cable[question.id].split(), question.id
    assert q.get("3C").topic == "Punishment of labor trafficking offenses"
