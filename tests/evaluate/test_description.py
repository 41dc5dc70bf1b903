"""Subject, entities and speaker of found items against the gold that gives them."""
from __future__ import annotations

from dataclasses import replace

import pytest

from pipeline.evaluate.description import describe_results, token_f1
from pipeline.evaluate.matching import score_article
from tests.evaluate.seed_fixture import MONEY_190, PERCENT_36, claim_for, extraction, figure


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
