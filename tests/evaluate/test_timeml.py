"""Reading TimeML files and scoring dates against them as TempEval-3 task A, on a hand-written file."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.evaluate.timeml import read_timeml, read_timeml_corpus
from pipeline.evaluate.timex_scores import score_timeml, surface_form, value_kind
from pipeline.records import DateMention

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>harbour-note</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2001-03-14" temporalFunction="false" functionInDocument="CREATION_TIME">March 14, 2001</TIMEX3></DCT>
<TITLE>Harbour fees</TITLE>
<TEXT>
The harbour board <EVENT eid="e1" class="OCCURRENCE">raised</EVENT> its fees on <TIMEX3 tid="t1" type="DATE" value="2001-03-12" temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0">Monday</TIMEX3> for <TIMEX3 tid="t2" type="DURATION" value="P2Y" temporalFunction="false" functionInDocument="NONE">two years</TIMEX3>.
Ship owners said fees are high <TIMEX3 tid="t3" type="DATE" value="PRESENT_REF" temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0">now</TIMEX3> &amp; were lower in <TIMEX3 tid="t4" type="DATE" value="2000-Q3" mod="END" temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0">the third quarter of 2000</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def document(tmp_path):
    path = tmp_path / "harbour-note.tml"
    path.write_text(TML, encoding="utf-8")
    return read_timeml(path)


def test_the_text_is_the_content_of_TEXT_without_tags_and_offsets_point_into_it(document):
    text = document.article.text
    assert text.startswith("\nThe harbour board raised its fees on Monday for two years.")
    assert "now & were lower" in text and "<" not in text
    assert [(t.text, t.type, t.value, t.mod) for t in document.timexes] == [
        ("Monday", "DATE", "2001-03-12", ""), ("two years", "DURATION", "P2Y", ""),
        ("now", "DATE", "PRESENT_REF", ""), ("the third quarter of 2000", "DATE", "2000-Q3", "END")]
    assert all(text[t.start:t.end] == t.text for t in document.timexes)


def test_the_creation_time_is_the_publication_date_and_the_file_name_the_id(document):
    assert document.article.published == date(2001, 3, 14)
    assert document.article.id == "harbour-note"


def test_a_file_that_cannot_be_read_is_one_coded_line_and_the_others_are_read(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.tml").write_text(TML, encoding="utf-8")
    (tmp_path / "entity.tml").write_text(TML.replace("&amp;", "&nbsp;"), encoding="utf-8")
    (tmp_path / "no-text.tml").write_text("<TimeML><DOCID>x</DOCID></TimeML>", encoding="utf-8")
    problems = []
    documents = read_timeml_corpus(tmp_path, problems.append)
    assert [d.article.id for d in documents] == ["good"]
    assert len(problems) == 2 and all(p.startswith("[E020] ") and "\n" not in p for p in problems)
    assert any("entity.tml" in p and "undefined entity" in p for p in problems)
    assert any("no-text.tml" in p and "no <TEXT>" in p for p in problems)


def found(document, surface: str, value: str) -> DateMention:
    start = document.article.text.index(surface)
    return DateMention(start, start + len(surface), surface, value, sentence_index=0)


def test_strict_relaxed_and_value_scores_as_tempeval3(document):
    dates = [found(document, "on Monday", "2001-03-12"),        # relaxed hit, value right
             found(document, "two years", "2001/2002"),         # on a DURATION timex: set aside
             found(document, "the third quarter of 2000", "2000-07/2000-09"),  # strict hit, mapped value right
             found(document, "Ship owners", "2001")]            # false hit
    result = score_timeml([document], {"pipeline": [dates]}).systems["pipeline"]
    overall = result.scores["all"]
    assert overall.gold == 3 and result.set_aside == 1
    assert (overall.strict.tp, overall.strict.fp, overall.strict.fn) == (1, 2, 2)
    assert (overall.relaxed.tp, overall.relaxed.fp, overall.relaxed.fn) == (2, 1, 1)
    assert (overall.value.correct, overall.value.precision, overall.value.recall) == (2, 2 / 3, 2 / 3)
    assert result.scores["ref"].relaxed.fn == 1 and result.scores["quarter"].strict.tp == 1
    assert result.scores["year"].relaxed.fp == 1
    assert result.error_groups()["missed"] == {"ref": {"now": 1}}
    assert result.error_groups()["false_hits"] == {"ship owners": 1}


def test_a_wrong_value_is_grouped_by_the_kinds_of_the_two_values(document):
    result = score_timeml([document], {"s": [[found(document, "Monday", "2001")]]}).systems["s"]
    assert result.scores["day"].value.correct == 0 and result.scores["day"].relaxed.tp == 1
    assert result.error_groups()["wrong_values"] == {"day -> year": {"monday": 1}}


@pytest.mark.parametrize("value, kind", [
    ("1998", "year"), ("1998-08", "month"), ("1998-08-14", "day"), ("1998-Q3", "quarter"), ("1998-SU", "season"),
    ("1998-W33", "week"), ("198", "decade_century"), ("19", "decade_century"), ("PAST_REF", "ref"),
    ("XXXX-WI", "other"), ("P1W", "other"), ("1998-H1", "other"), ("1998-08-14TEV", "other"), ("", "other"),
])
def test_value_kind(value, kind):
    assert value_kind(value) == kind


def test_surface_forms_group_numbers_and_case():
    assert surface_form("March  1990") == surface_form("march 1989") == "march ####"
