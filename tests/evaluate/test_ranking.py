"""The check-worthiness ranking is scored by how many of each article's top rows are required gold figures."""
from __future__ import annotations

from dataclasses import replace

from pipeline.evaluate.matching import score_article
from pipeline.evaluate.ranking import rank_results
from tests.evaluate.seed_fixture import MONEY_190, PERCENT_36, TOP_10, claim_for, extraction, figure


def test_top_k_precision_counts_required_gold_figures_among_the_most_checkworthy_rows():
    money = figure("$190 billion", "money", 190_000_000_000)
    percent = figure("36 percent", "percent", 36)
    top = figure("top 10", "count", 10)
    claims = (claim_for(money, "0.9"), claim_for(top, "0.8"), claim_for(percent, "0.1"))
    result = score_article(replace(extraction([money, percent, top]), claims=claims), [MONEY_190, PERCENT_36, TOP_10])
    assert rank_results([result], k=2).to_dict() == {"k": 2, "hits": 1, "rows": 2, "precision": 0.5}
    assert rank_results([result], k=3).hits == 2
