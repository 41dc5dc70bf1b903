"""The report sums matches and field checks into per-kind scores and lists every error; its counting is pinned here."""
from __future__ import annotations

import json

import pytest

from pipeline.evaluate.corpus import evaluate
from pipeline.evaluate.metrics import write_metrics
from pipeline.records import TimeScope
from tests.evaluate.seed_fixture import ARTICLE_ID, DATE_2025, MONEY_190, PERCENT_36, date, extraction, figure, gold


def test_exact_match_is_a_true_positive_with_exact_boundaries():
    found = figure("$190 billion", "money", 190e9, unit="USD", time=TimeScope("In 2022", "2022", "sentence"))
    report = evaluate([(extraction([found]), [MONEY_190])])
    money = report.detection["money"]
    assert (money.tp, money.fp, money.fn, money.exact) == (1, 0, 0, 1)
    assert money.precision == money.recall == money.f1 == 1.0
    assert {name: s.accuracy for name, s in report.normalization["money"].items()} == {
        "value": 1.0, "unit": 1.0, "value+unit": 1.0, "time": 1.0, "role": 1.0}
    assert report.errors == ()


def test_wrong_value_is_a_normalization_error_not_a_miss():
    found = figure("$190 billion", "money", 190e6, unit="USD")
    report = evaluate([(extraction([found]), [MONEY_190])])
    assert report.detection["money"].tp == 1
    assert report.normalization["money"]["value"].accuracy == 0.0
    assert report.normalization["money"]["unit"].accuracy == 1.0
    errors = {(e.field, e.expected, e.got) for e in report.errors}
    assert ("value", 190_000_000_000, 190e6) in errors
    assert ("time", "2022", None) in errors  # a figure without a time scope is wrong where gold has one
    assert ("role", "level", "level") not in errors


def test_false_hit_and_miss():
    stray = figure("S-400", "count", 400)
    report = evaluate([(extraction([stray]), [MONEY_190])])
    assert [(m.article_id, m.text, m.kind, m.value) for m in report.false_hits] == [(ARTICLE_ID, "S-400", "count", 400)]
    assert [(m.text, m.kind, m.value) for m in report.misses] == [("$190 billion", "money", 190_000_000_000)]
    assert report.detection["all"].precision == 0.0
    assert report.detection["all"].recall == 0.0


def test_per_kind_and_overall_counts():
    gold_items = [MONEY_190, PERCENT_36, DATE_2025, gold("$240 billion", "money", 240e9)]
    predicted = extraction(
        figures=[figure("$190 billion", "money", 190e9), figure("36 percent", "percent", 36),
                 figure("2,615-mile", "quantity", 2615, unit="mile")],
        dates=[date("2025", "2025"), date("2006", "2006")],
    )
    report = evaluate([(predicted, gold_items)])
    counts = {kind: (d.tp, d.fp, d.fn) for kind, d in report.detection.items()}
    assert counts == {"money": (1, 0, 1), "percent": (1, 0, 0), "quantity": (0, 1, 0), "count": (0, 0, 0),
                      "date": (1, 1, 0), "all": (3, 2, 1)}
    assert report.detection["money"].recall == 0.5
    assert report.detection["date"].precision == 0.5
    assert report.detection["all"].f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35)


def test_report_serializes_and_formats(tmp_path):
    found = figure("$190 billion", "money", 190e6)
    report = evaluate([(extraction([found, figure("S-400", "count", 400)]), [MONEY_190, DATE_2025])])
    out = tmp_path / "metrics" / "eval.json"
    write_metrics(report, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert list(data) == ["detection", "normalization", "misses", "false_hits", "errors", "description", "ranking"]
    assert list(data["detection"]) == ["money", "percent", "quantity", "count", "date", "all"]
    assert data["detection"]["money"]["tp"] == 1
    text = report.format_text()
    assert 'expected=190000000000  got=190000000' in text
    assert '"S-400"  count  value=400' in text
    assert '"2025"  date  expected=2025' in text
