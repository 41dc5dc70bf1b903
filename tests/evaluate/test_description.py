"""Subject, entities and speaker of found items against the gold that gives them."""
from __future__ import annotations

from dataclasses import replace

import pytest

from pipeline.evaluate.description import describe_results, name_key, token_f1
from pipeline.evaluate.matching import score_article
from tests.evaluate.seed_fixture import MONEY_190, PERCENT_36, TOP_10, claim_for, extraction, figure


def test_token_f1():
    assert token_f1("bilateral trade", "bilateral trade") == 1.0
    assert token_f1("goods", "goods exported by China") == pytest.approx(0.4)
    assert token_f1("", "trade") == 0.0
    assert token_f1("", "") == 1.0


def test_subject_entities_and_speaker_are_scored_on_found_items():
    money = figure("$190 billion", "money", 190_000_000_000)
    percent = figure("36 percent", "percent", 36)
    claims = (claim_for(money, subject="trade", entities="China; Russia", speaker="author"),
              claim_for(percent, subject="bilateral trade", entities="China", speaker="IMF"))
    items = [replace(MONEY_190, subject="bilateral trade", entities=("Russia", "China"), speaker="author"),
             replace(PERCENT_36, subject="bilateral trade", entities=("China", "Russia"), speaker="author")]
    result = score_article(replace(extraction([money, percent]), claims=claims), items)
    description = describe_results([result])
    assert description.subject_items == 2 and description.subject_exact == 1
    assert description.subject_f1 == pytest.approx((2 / 3 + 1) / 2)
    assert (description.entity_exact, description.entity_tp, description.entity_fp, description.entity_fn) == (1, 3, 0, 1)
    assert (description.speaker_correct, description.speaker_items) == (1, 2)
    assert {e.field for e in description.errors} == {"subject", "entities", "speaker"}


def test_speakers_compare_as_sets_of_names():
    money = figure("$190 billion", "money", 190_000_000_000)
    claims = (claim_for(money, speaker="Xi Jinping; Vladimir Putin"),)
    item = replace(MONEY_190, speaker="Vladimir Putin; Xi Jinping")
    result = score_article(replace(extraction([money]), claims=claims), [item])
    assert describe_results([result]).speaker_accuracy == 1.0


@pytest.mark.parametrize("written,gold,same", [
    ("Du Pont", "DuPont", True),
    ("Hanmi Lease & Finance Co.", "Hanmi Lease and Finance Co", True),
    ("E.ON", "EON", True),
    ("Russel 2000", "Russell 2000", False),
    ("Bank of China", "China", False),
])
def test_names_compare_whatever_their_spacing_case_and_punctuation(written, gold, same):
    assert (name_key(written) == name_key(gold)) is same


def test_found_figures_with_a_gold_period_are_scored_per_kind_on_period_entities_and_speaker():
    money = figure("$190 billion", "money", 190_000_000_000)
    percent = figure("36 percent", "percent", 36)
    top = figure("top 10", "count", 10)
    claims = (claim_for(money, time_value="2022-03", entities="China; Russia", speaker="author"),
              claim_for(percent, time_value="", entities="China", speaker="IMF"),
              claim_for(top, time_value="2022", entities="China", speaker="author"))
    items = [replace(MONEY_190, entities=("Russia", "China"), speaker="author"),
             replace(PERCENT_36, entities=("China", "Russia"), speaker="author"),
             TOP_10]  # no period in the gold: not counted
    result = score_article(replace(extraction([money, percent, top]), claims=claims), items)
    periods = describe_results([result]).periods
    assert list(periods) == ["money", "percent", "all"]
    assert (periods["money"].period_exact, periods["money"].period_compatible, periods["money"].period_none) == (0, 1, 0)
    assert (periods["percent"].period_compatible, periods["percent"].period_none) == (0, 1)
    every = periods["all"]
    assert (every.items, every.entity_items, every.entity_exact) == (2, 2, 1)
    assert (every.entity_tp, every.entity_fp, every.entity_fn) == (3, 0, 1)
    assert (every.speaker_correct, every.speaker_items) == (1, 2)
    assert every.to_dict()["period"]["compatible_share"] == 0.5
