"""The temporal scorer (strict against relaxed spans, value accuracy per expression type) and the
dateparser baseline it is compared with."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.evaluate.baseline_dates import baseline_dates, edtf_at_granularity
from pipeline.evaluate.gold import GoldItem
from pipeline.records import Article, DateMention
from pipeline.evaluate.temporal import expression_type, score_dates

TEXT = "In 2023, exports fell. Last year they rose, as in the 1950s and from 1960 to 1989."


def at(surface: str) -> tuple[int, int]:
    start = TEXT.index(surface)
    return start, start + len(surface)


def gold(surface: str, value: str, **fields) -> GoldItem:
    return GoldItem(*at(surface), text=surface, kind="date", value=value, **fields)


def found(surface: str, value: str, relative: bool = False) -> DateMention:
    return DateMention(*at(surface), text=surface, value=value, sentence_index=0, relative=relative)


GOLD = [gold("2023", "2023"), gold("Last year", "2022", relative=True), gold("the 1950s", "195X"),
        gold("from 1960 to 1989", "1960/1989")]


@pytest.mark.parametrize("value, relative, expected", [
    ("2022-02-04", None, "absolute"), ("2023-04/2023-06", None, "absolute"), ("1932-12/1933-02", None, "absolute"),
    ("2022", True, "relative"), ("", True, "relative"), ("195X", None, "decade_century"), ("18XX", None, "decade_century"),
    ("1960/1989", None, "interval"), ("2014/..", None, "interval"), ("2025-01/2025-06", None, "interval"),
    ("199X/..", None, "interval"),
])
def test_expression_type_comes_from_value_and_flag(value, relative, expected):
    assert expression_type(value, relative) == expected


def test_exact_spans_count_in_both_strict_and_relaxed():
    scores = score_dates([([found("2023", "2023"), found("the 1950s", "195X")], GOLD)])
    assert (scores["absolute"].strict.tp, scores["absolute"].relaxed.tp) == (1, 1)
    assert (scores["decade_century"].strict.tp, scores["decade_century"].relaxed.tp) == (1, 1)
    assert scores["all"].relaxed.fn == scores["all"].strict.fn == 2
    assert scores["all"].value.accuracy == 1.0


def test_a_boundary_slip_is_relaxed_hit_but_strict_miss_and_false_hit():
    slipped = DateMention(0, 7, "In 2023", "2023", 0)
    absolute = score_dates([([slipped], GOLD)])["absolute"]
    assert (absolute.relaxed.tp, absolute.relaxed.fp, absolute.relaxed.fn) == (1, 0, 0)
    assert (absolute.strict.tp, absolute.strict.fp, absolute.strict.fn) == (0, 1, 1)
    assert absolute.relaxed.exact == 0 and absolute.value.correct == 1


def test_wrong_value_is_found_but_not_right_and_counts_under_the_gold_type():
    interval = score_dates([([found("1960 to 1989", "1960", relative=False)], GOLD)])["interval"]
    assert interval.relaxed.tp == 1 and interval.strict.tp == 0
    assert (interval.value.correct, interval.value.total) == (0, 1)


def test_false_hits_count_under_the_predicted_type_and_optional_gold_is_no_miss():
    optional = gold("Last year", "2022", relative=True, required=False)
    stray = DateMention(*at("exports"), text="exports", value="2023-05", sentence_index=0, relative=True)
    scores = score_dates([([stray], [optional])])
    assert scores["relative"].relaxed.fp == 1 and scores["relative"].strict.fp == 1
    assert scores["relative"].relaxed.fn == 0 and scores["relative"].gold == 0


def test_an_article_whose_gold_annotates_no_dates_is_not_scored_for_dates():
    figure_gold = GoldItem(*at("exports"), text="exports", kind="count", value=1)
    scores = score_dates([([found("2023", "2023")], [figure_gold]), ([found("2023", "2023")], GOLD)])
    assert (scores["all"].relaxed.tp, scores["all"].relaxed.fp, scores["all"].strict.fp) == (1, 0, 0)


@pytest.mark.parametrize("text, expected", [
    ("4 Feb. 2022", "2022-02-04"), ("yesterday", "2022-02-04"), ("on Tuesday", "2022-02-04"),
    ("March 2019", "2022-02"), ("this month", "2022-02"), ("2014", "2022"), ("last year", "2022"),
])
def test_baseline_values_follow_the_granularity_of_the_matched_string(text, expected):
    assert edtf_at_granularity(text, date(2022, 2, 4)) == expected


BASELINE_TEXT = ("An appeals court on Tuesday upheld the fine imposed on 4 Feb. 2022, and the case dates to "
                 "September 12, 2017.")


def test_baseline_finds_dates_in_real_text_with_offsets_into_it():
    mentions = baseline_dates(Article(id="t", text=BASELINE_TEXT, published=date(2023, 6, 15)))
    assert all(BASELINE_TEXT[m.start:m.end] == m.text for m in mentions)
    values = {m.text: m.value for m in mentions}
    assert values["Tuesday"] == "2023-06-13"
    assert values["September 12, 2017"] == "2017-09-12"


def test_baseline_leaves_relative_dates_empty_without_a_publication_date():
    mentions = baseline_dates(Article(id="t", text=BASELINE_TEXT, published=None))
    values = {m.text: m.value for m in mentions}
    assert values["Tuesday"] == ""
    assert values["September 12, 2017"] == "2017-09-12"
