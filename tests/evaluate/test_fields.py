"""Each normalized field is scored only where the gold gives it, numbers with a tolerance, value+unit as one."""
from __future__ import annotations

from pipeline.evaluate.corpus import evaluate
from tests.evaluate.seed_fixture import DATE_2025, MONEY_190, PERCENT_36, date, extraction, figure, gold


def test_value_uses_relative_tolerance():
    found = figure("$190 billion", "money", 1.9 * 1e11 * (1 + 1e-12), unit="USD")
    assert evaluate([(extraction([found]), [MONEY_190])]).normalization["money"]["value"].correct == 1


def test_qualifier_is_scored_only_where_gold_gives_it():
    approx = gold("23 percent", "percent", 23, qualifier="approx")
    found = [figure("23 percent", "percent", 23), figure("36 percent", "percent", 36, qualifier="approx")]
    report = evaluate([(extraction(found), [approx, PERCENT_36])])
    assert report.normalization["percent"]["qualifier"].total == 1
    assert [(e.text, e.expected, e.got) for e in report.errors if e.field == "qualifier"] == [
        ("23 percent", "approx", "exact")]


def test_date_value_is_compared_as_edtf_string():
    gold_dates = [DATE_2025, gold("the 1950s", "date", "195X")]
    report = evaluate([(extraction(dates=[date("2025", "2025"), date("the 1950s", "1950")]), gold_dates)])
    assert report.detection["date"].tp == 2
    assert report.normalization["date"]["value"].correct == 1
    assert [(e.text, e.expected, e.got) for e in report.errors] == [("the 1950s", "195X", "1950")]


def test_range_ends_and_direction_are_scored_where_gold_gives_them():
    ranged = gold("$190 billion", "money", None, value_low=1.8e11, value_high=1.9e11, direction="up")
    found = figure("$190 billion", "money", None, value_low=1.8e11, value_high=2e11, direction="up")
    fields = evaluate([(extraction([found]), [ranged])]).normalization["money"]
    assert fields["value_low"].correct == 1 and fields["value_high"].correct == 0
    assert fields["direction"].correct == 1 and "value" not in fields


def test_value_unit_counts_only_when_both_are_right():
    right = figure("36 percent", "percent", 36, unit="percent")
    wrong_unit = figure("$190 billion", "money", 190e9, unit="EUR")
    report = evaluate([(extraction([right, wrong_unit]), [PERCENT_36, MONEY_190])])
    assert report.normalization["money"]["value"].accuracy == 1.0
    assert report.normalization["money"]["value+unit"].accuracy == 0.0
    assert report.normalization["percent"]["value+unit"].f1 == 1.0
    assert "value+unit" not in {e.field for e in report.errors}  # the combined field adds no error lines


def test_value_unit_compares_range_ends():
    gold_range = gold("2.5 percent", "percent", None, unit="percent", value_low=2.0, value_high=3.0)
    found = figure("2.5 percent", "percent", None, unit="percent", value_low=2.0, value_high=3.5)
    report = evaluate([(extraction([found]), [gold_range])])
    assert report.normalization["percent"]["value+unit"].accuracy == 0.0
