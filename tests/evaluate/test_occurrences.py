"""Gold named by text + occurrence is located at the offsets of that match, and only there."""
from __future__ import annotations

import pytest

from pipeline.errors import E_GOLD, PipelineError
from pipeline.evaluate.occurrences import UnlocatedItem, count, is_occurrence_form, locate, with_offsets

TEXT = "In 2022 and again on February 4, 2022, trade hit $5 billion."


def test_every_match_counts_also_inside_a_longer_phrase():
    assert locate(TEXT, "2022", 1) == 3
    assert locate(TEXT, "2022", 2) == TEXT.index("2022, trade")
    assert locate(TEXT, "2022", 3) is None
    assert count(TEXT, "2022") == 2


def test_overlapping_matches_are_counted():
    assert count("aaa", "aa") == 2
    assert locate("aaa", "aa", 2) == 1


def test_a_record_gets_offsets_first_and_loses_its_occurrence():
    record = {"text": "2022", "occurrence": 2, "kind": "date", "value": "2022-02-04"}
    located = with_offsets(record, TEXT, "gold.jsonl:1")
    assert list(located) == ["start", "end", "text", "kind", "value"]
    assert TEXT[located["start"]:located["end"]] == "2022"
    assert located["start"] == TEXT.index("2022, trade")
    assert is_occurrence_form(record) and not is_occurrence_form(located)


def test_an_occurrence_the_article_does_not_hold_names_how_many_it_has():
    with pytest.raises(UnlocatedItem) as err:
        with_offsets({"text": "$5 billion", "occurrence": 2, "kind": "money", "value": 5e9}, TEXT, "g.jsonl:3")
    assert err.value.code == E_GOLD and err.value.where == "g.jsonl:3"
    assert "occurrence 2 of '$5 billion' not found (the article has 1)" in err.value.message


@pytest.mark.parametrize("record", [
    {"text": "", "occurrence": 1},
    {"text": "2022", "occurrence": 0},
    {"text": "2022", "occurrence": True},
    {"text": "2022", "occurrence": "1"},
    {"text": "2022", "occurrence": 1, "start": 3, "end": 7},
])
def test_a_malformed_occurrence_is_a_gold_error_not_a_missing_item(record):
    with pytest.raises(PipelineError) as err:
        with_offsets(record, TEXT, "g.jsonl:1")
    assert err.value.code == E_GOLD and not isinstance(err.value, UnlocatedItem)
