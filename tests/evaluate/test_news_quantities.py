"""Quantities in news sentences across domains (tests/fixtures/news_quantities.jsonl, own words):
value and value+unit F1 of the pipeline held at what it measured, and above quantulum3's."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.evaluate.baseline_quantulum import quantulum_figures
from pipeline.evaluate.news_quantities import load_sentences, score_sentences
from pipeline.extract import extract_articles
from pipeline.records import Article

SENTENCES = Path(__file__).resolve().parents[1] / "fixtures" / "news_quantities.jsonl"

VALUE_F1_FLOOR = 0.98
VALUE_UNIT_F1_FLOOR = 0.97
"""The pipeline's F1 on the set, rounded down."""


@pytest.fixture(scope="module")
def sentences():
    return load_sentences(SENTENCES)


@pytest.fixture(scope="module")
def pipeline_score(sentences, resources):
    articles = [Article(id=f"s{i}", text=s.text, published=date(2024, 4, 9)) for i, s in enumerate(sentences)]
    return score_sentences(sentences, [e.figures for e in extract_articles(articles, resources)])


def test_every_quantity_is_located_in_its_sentence(sentences) -> None:
    assert len(sentences) >= 200
    for sentence in sentences:
        for quantity in sentence.quantities:
            assert sentence.text[quantity.start:quantity.end] == quantity.text


def test_pipeline_holds_its_value_and_unit_scores(pipeline_score) -> None:
    wrong = "\n".join(" | ".join(w) for w in pipeline_score.wrong)
    assert pipeline_score.value.f1 >= VALUE_F1_FLOOR, wrong
    assert pipeline_score.value_unit.f1 >= VALUE_UNIT_F1_FLOOR, wrong


def test_pipeline_reads_more_quantities_right_than_quantulum3(sentences, pipeline_score) -> None:
    baseline = score_sentences(sentences, [quantulum_figures(s.text) for s in sentences])
    assert pipeline_score.value.f1 > baseline.value.f1
    assert pipeline_score.value_unit.f1 > baseline.value_unit.f1


def test_a_unit_is_scored_only_with_a_right_value(sentences) -> None:
    """A figure whose unit is right but value wrong counts against both scores."""
    sentence = next(s for s in sentences if "6.1-inch" in s.text)
    inch = next(q for q in sentence.quantities if q.text == "6.1-inch")
    wrong = type("Found", (), {"start": inch.start, "end": inch.end, "text": inch.text, "value": 6.0, "unit": "inch"})
    score = score_sentences([sentence], [[wrong]])
    assert (score.value.correct, score.value_unit.correct, score.value.misses) == (0, 0, 1)
