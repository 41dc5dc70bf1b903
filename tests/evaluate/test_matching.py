"""Predictions pair with gold one to one, by kind and overlapping span; figures inside a negative string are caught."""
from __future__ import annotations

from pipeline.evaluate.corpus import evaluate
from pipeline.evaluate.matching import negative_hits
from pipeline.records import Article, Extraction, Figure
from tests.evaluate.seed_fixture import DATE_2025, MONEY_190, TOP_10, date, extraction, figure, span


def test_overlapping_span_matches_but_is_not_exact():
    start, end = span("$190 billion")
    found = Figure(start=start + 1, end=end, text="190 billion", kind="money", value=190e9, sentence_index=0)
    money = evaluate([(extraction([found]), [MONEY_190])]).detection["money"]
    assert (money.tp, money.fp, money.fn, money.exact) == (1, 0, 0, 0)


def test_largest_overlap_wins_and_the_other_prediction_is_a_false_hit():
    start, end = span("$190 billion")
    short = Figure(start=start, end=start + 4, text="$190", kind="money", value=190, sentence_index=0)
    long = Figure(start=start + 1, end=end, text="190 billion", kind="money", value=190e9, sentence_index=0)
    report = evaluate([(extraction([short, long]), [MONEY_190])])
    assert report.detection["money"].tp == 1
    assert [m.text for m in report.false_hits] == ["$190"]
    assert report.normalization["money"]["value"].correct == 1


def test_same_span_but_different_kind_does_not_match():
    wrong_kind = figure("$190 billion", "count", 190e9)
    report = evaluate([(extraction([wrong_kind]), [MONEY_190])])
    assert report.detection["count"].fp == 1
    assert report.detection["money"].fn == 1


def test_optional_gold_is_rewarded_when_found_and_not_missed_otherwise():
    not_found = evaluate([(extraction(), [TOP_10])])
    assert not_found.misses == ()
    assert not_found.detection["count"].fn == 0
    found = evaluate([(extraction([figure("top 10", "count", 10, role="rank")]), [TOP_10])])
    assert found.detection["count"].tp == 1


def test_dates_are_scored_only_where_the_gold_annotates_dates():
    money, year = figure("$190 billion", "money", 190e9), date("2025", "2025")
    figures_only = evaluate([(extraction([money], [year]), [MONEY_190])]).detection
    assert (figures_only["date"].tp, figures_only["date"].fp, figures_only["all"].fp) == (0, 0, 0)
    stray = date("2022", "2022")
    with_dates = evaluate([(extraction([money], [year, stray]), [MONEY_190, DATE_2025])]).detection
    assert (with_dates["date"].tp, with_dates["date"].fp) == (1, 1)


def test_negative_hits_by_text_and_by_span():
    start, end = span("S-400")
    inside = Figure(start=start + 2, end=end, text="400", kind="count", value=400, sentence_index=0)
    whole = figure("Su-35", "count", 35)
    clean = figure("$190 billion", "money", 190e9)
    hits = negative_hits(extraction([inside, whole, clean]), ["S-400", "Su-35", "Xi"])
    assert hits == [inside, whole]


def test_negative_hits_are_whole_word_only():
    text = "Xinhua 12 ships. Xi 3 times."
    over_xinhua = Figure(start=0, end=9, text="Xinhua 12", kind="count", value=12, sentence_index=0)
    after_xi = Figure(start=17, end=21, text="Xi 3", kind="count", value=3, sentence_index=0)
    twelve = Figure(start=7, end=9, text="12", kind="count", value=12, sentence_index=0)
    found = Extraction(article=Article(id="t", text=text), figures=(over_xinhua, after_xi, twelve))
    assert negative_hits(found, ["Xi"]) == [after_xi]
