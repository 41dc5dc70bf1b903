"""Any extractor is scored on the fields it can give, and the extractors are set side by side per figure kind."""
from __future__ import annotations

from pipeline.evaluate.matching import Prediction, score_predictions
from pipeline.evaluate.metrics import build_report
from pipeline.evaluate.side_by_side import format_side_by_side, side_by_side
from tests.evaluate.seed_fixture import ARTICLE_ID, MONEY_190, TEXT, figure, span


def test_any_extractor_is_scored_on_the_fields_it_gives():
    preds = [Prediction(*span("$190 billion"), "$190 billion", "money", figure("$190 billion", "money", 190e9, unit="USD"))]
    result = score_predictions(ARTICLE_ID, TEXT, preds, [MONEY_190])
    report = build_report([result], ("value", "unit", "value+unit"))
    assert set(report.normalization["money"]) == {"value", "unit", "value+unit"}
    table = side_by_side({"pipeline": report, "other": build_report([result], ("value",))})
    assert table["money"]["pipeline"]["value_unit_f1"] == 1.0
    assert table["money"]["other"]["value_unit_f1"] is None
    assert table["figures"]["other"]["f1"] == 1.0
    assert "money     other" in format_side_by_side(table)
