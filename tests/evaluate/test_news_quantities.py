"""Quantities in news sentences across domains (tests/fixtures/news_quantities.jsonl, own words):
value and value+unit F1 of the pipeline held at what it measured, and above quantulum3's."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate.news_quantities import (NewsScore, Sentence, format_scores, load_sentences, score_pipeline,
                                               score_quantulum, score_sentences)

SENTENCES = Path(__file__).resolve().parents[1] / "fixtures" / "news_quantities.jsonl"

VALUE_F1_FLOOR = 0.98
VALUE_UNIT_F1_FLOOR = 0.97
"""The pipeline's F1 on the set, rounded down."""


@pytest.fixture(scope="module")
def sentences():
    return load_sentences(SENTENCES)


def assert_scores_hold(score: NewsScore, value_floor: float, value_unit_floor: float) -> None:
    """Both F1 at or above their floors; on failure, every quantity read wrong is shown."""
    wrong = "\n".join(" | ".join(w) for w in score.wrong)
    assert score.value.f1 >= value_floor, wrong
    assert score.value_unit.f1 >= value_unit_floor, wrong


def assert_beats_quantulum(sentences: list[Sentence], score: NewsScore) -> None:
    baseline = score_quantulum(sentences)
    assert score.value.f1 > baseline.value.f1
    assert score.value_unit.f1 > baseline.value_unit.f1


@pytest.fixture(scope="module")
def pipeline_score(sentences, resources):
    return score_pipeline(sentences, resources)


def assert_every_quantity_located(sentences: list[Sentence]) -> None:
    """A quantity's ``text`` is found where its sentence says it is, so its span is what the figures overlap."""
    for sentence in sentences:
        for quantity in sentence.quantities:
            assert sentence.text[quantity.start:quantity.end] == quantity.text


def test_every_quantity_is_located_in_its_sentence(sentences) -> None:
    assert len(sentences) >= 200
    assert_every_quantity_located(sentences)


def test_pipeline_holds_its_value_and_unit_scores(pipeline_score) -> None:
    assert_scores_hold(pipeline_score, VALUE_F1_FLOOR, VALUE_UNIT_F1_FLOOR)


def test_pipeline_reads_more_quantities_right_than_quantulum3(sentences, pipeline_score) -> None:
    assert_beats_quantulum(sentences, pipeline_score)


def test_a_unit_is_scored_only_with_a_right_value(sentences) -> None:
    """A figure whose unit is right but value wrong counts against both scores."""
    sentence = next(s for s in sentences if "6.1-inch" in s.text)
    inch = next(q for q in sentence.quantities if q.text == "6.1-inch")
    wrong = type("Found", (), {"start": inch.start, "end": inch.end, "text": inch.text, "value": 6.0, "unit": "inch"})
    score = score_sentences([sentence], [[wrong]])
    assert (score.value.correct, score.value_unit.correct, score.value.misses) == (0, 0, 1)


def test_the_printed_table_gives_each_extractor_and_what_went_wrong(sentences) -> None:
    sentence = next(s for s in sentences if "6.1-inch" in s.text)
    inch = next(q for q in sentence.quantities if q.text == "6.1-inch")
    right = type("Found", (), {"start": inch.start, "end": inch.end, "text": inch.text, "value": 6.1, "unit": "inch"})
    text = format_scores({"pipeline": score_sentences([sentence], [[right]]), "quantulum3": score_sentences([sentence], [[]])},
                         "pipeline")
    rows = text.splitlines()
    assert rows[1].startswith("pipeline") and rows[2].startswith("quantulum3")
    assert f"| {inch.text} |" not in text  # found right, so not listed as wrong
