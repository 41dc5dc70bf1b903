"""Quantities in a second set of news sentences (tests/fixtures/news_quantities_heldout.jsonl, own
words), written and annotated before the pipeline was run on them and never tuned on: the floors
hold what it measured there, a fairer guess of its score on unseen news than the first set's."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate.news_quantities import load_sentences, score_pipeline
from tests.evaluate.test_news_quantities import assert_beats_quantulum, assert_every_quantity_located, assert_scores_hold

SENTENCES = Path(__file__).resolve().parents[1] / "fixtures" / "news_quantities_heldout.jsonl"

VALUE_F1_FLOOR = 0.97
VALUE_UNIT_F1_FLOOR = 0.93
"""The pipeline's F1 on the set when it was first scored (0.978 and 0.930), rounded down."""


@pytest.fixture(scope="module")
def sentences():
    return load_sentences(SENTENCES)


@pytest.fixture(scope="module")
def pipeline_score(sentences, resources):
    return score_pipeline(sentences, resources)


def test_every_quantity_is_located_in_its_sentence(sentences) -> None:
    assert len(sentences) >= 120
    assert_every_quantity_located(sentences)


def test_pipeline_holds_its_value_and_unit_scores_on_unseen_sentences(pipeline_score) -> None:
    assert_scores_hold(pipeline_score, VALUE_F1_FLOOR, VALUE_UNIT_F1_FLOOR)


def test_pipeline_reads_more_quantities_right_than_quantulum3(sentences, pipeline_score) -> None:
    assert_beats_quantulum(sentences, pipeline_score)
