"""Precision, recall and F1 off the counts: end to end for fields, zero (not an error) when nothing was counted."""
from __future__ import annotations

import pytest

from pipeline.evaluate.corpus import evaluate
from pipeline.evaluate.counts import Detection, FieldScore
from tests.evaluate.seed_fixture import PERCENT_36, extraction, figure, gold


def test_normalization_precision_and_recall_count_false_hits_and_misses():
    right = figure("36 percent", "percent", 36, unit="percent")
    wrong = figure("18 percent", "percent", 1.8, unit="percent")
    stray = figure("2.5 percent", "percent", 2.5, unit="percent")
    golds = [PERCENT_36, gold("18 percent", "percent", 18), gold("38 percent", "percent", 38)]
    value = evaluate([(extraction([right, wrong, stray]), golds)]).normalization["percent"]["value"]
    assert (value.correct, value.total, value.false_hits, value.misses) == (1, 2, 1, 1)
    assert value.accuracy == 0.5
    assert value.precision == pytest.approx(1 / 3) and value.recall == pytest.approx(1 / 3)


def test_nothing_counted_scores_zero():
    assert (Detection().precision, Detection().recall, Detection().f1) == (0.0, 0.0, 0.0)
    assert (FieldScore().accuracy, FieldScore().precision, FieldScore().recall, FieldScore().f1) == (0.0, 0.0, 0.0, 0.0)
