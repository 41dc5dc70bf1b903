"""Gold files are read strictly: a bad line stops the run naming file and line, and offsets must point at the text."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.errors import E_GOLD, PipelineError
from pipeline.evaluate.corpus import evaluate
from pipeline.evaluate.gold import GoldItem, load_gold, load_negatives
from tests.evaluate.seed_fixture import ARTICLE_ID, MONEY_190, ROOT, TEXT, extraction


def test_gold_that_does_not_point_at_its_text_is_refused():
    shifted = replace(MONEY_190, start=MONEY_190.start + 1, end=MONEY_190.end + 1)
    with pytest.raises(PipelineError) as err:
        evaluate([(extraction(), [shifted])])
    assert err.value.code == E_GOLD


def test_load_gold_accepts_a_range_and_a_vague_relative_date(tmp_path):
    ranged = '{"start": 0, "end": 4, "text": "2014", "kind": "count", "value": null, "value_low": 1, "value_high": 2}'
    vague = '{"start": 0, "end": 4, "text": "2014", "kind": "date", "value": "", "relative": true}'
    items = load_gold(write_lines(tmp_path, ranged, vague))
    assert (items[0].value, items[0].value_low, items[0].value_high) == (None, 1, 2)
    assert (items[1].value, items[1].relative) == ("", True)


def write_lines(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = '{"start": 0, "end": 4, "text": "2014", "kind": "date", "value": "2014"}'


def test_load_gold_defaults(tmp_path):
    [item] = load_gold(write_lines(tmp_path, GOOD))
    assert item == GoldItem(start=0, end=4, text="2014", kind="date", value="2014")
    assert item.required is True and item.unit is None and item.entities is None


@pytest.mark.parametrize(("bad", "message"), [
    ("{not json", "not valid JSON"),
    ('["a list"]', "expected a JSON object"),
    ('{"start": 0, "end": 4, "text": "2014", "kind": "date"}', "missing key(s): value"),
    ('{"start": 0, "end": 4, "text": "2014", "kind": "year", "value": "2014"}', "kind 'year'"),
    ('{"start": 0, "end": 5, "text": "2014", "kind": "date", "value": "2014"}', "does not span"),
    ('{"start": 4, "end": 0, "text": "2014", "kind": "date", "value": "2014"}', "start/end"),
    ('{"start": 0, "end": 4, "text": "2014", "kind": "count", "value": "4"}', "must be a number"),
    ('{"start": 0, "end": 4, "text": "2014", "kind": "date", "value": "2014", "colour": "red"}', "unknown key"),
    ('{"start": 0, "end": 4, "text": "2014", "kind": "date", "value": "2014", "required": "yes"}', "true or false"),
    ('{"start": 0, "end": 4, "text": "2014", "kind": "count", "value": null}', "must be a number"),
    ('{"start": 0, "end": 4, "text": "2014", "kind": "count", "value": null, "value_low": 1, "value_high": "2"}',
     "must be a number"),
    ('{"start": 0, "end": 4, "text": "2014", "kind": "date", "value": ""}', "empty only for a relative date"),
])
def test_load_gold_names_file_and_line(tmp_path, bad, message):
    path = write_lines(tmp_path, GOOD, "", bad)
    with pytest.raises(PipelineError) as err:
        load_gold(path)
    assert err.value.code == E_GOLD
    assert err.value.where == f"{path}:3"
    assert message in err.value.message


def test_committed_gold_points_at_the_article_text():
    items = load_gold(ROOT / "corpus" / "gold" / f"{ARTICLE_ID}.jsonl")
    assert len(items) == 44
    for item in items:
        assert TEXT[item.start:item.end] == item.text, item
    assert sum(not item.required for item in items) == 4  # "now" (present reference) is optional
    money = next(item for item in items if item.text == "$190 billion")
    assert (money.kind, money.value, money.unit, money.time, money.role) == (
        "money", 190_000_000_000, "USD", "2022", "level")


def test_committed_negatives_load():
    assert load_negatives(ROOT / "corpus" / "gold" / f"{ARTICLE_ID}.negatives.txt") == ["S-400", "Su-35", "Xi"]


OCCURRENCE_TEXT = "In 2022 and again in 2022, trade hit $5 billion."


def test_load_gold_locates_items_given_by_occurrence_beside_items_given_by_offsets(tmp_path):
    by_occurrence = '{"text": "2022", "occurrence": 2, "kind": "date", "value": "2022"}'
    by_offsets = '{"start": 3, "end": 7, "text": "2022", "kind": "date", "value": "2022"}'
    second, first = load_gold(write_lines(tmp_path, by_occurrence, by_offsets), OCCURRENCE_TEXT)
    assert (first.start, second.start) == (3, OCCURRENCE_TEXT.index("2022", 4))
    assert second == replace(first, start=second.start, end=second.start + 4)


def test_an_item_the_article_does_not_hold_is_one_line_and_the_rest_is_kept(tmp_path):
    lost = '{"text": "$5 billion", "occurrence": 2, "kind": "money", "value": 5000000000}'
    kept = '{"text": "$5 billion", "occurrence": 1, "kind": "money", "value": 5000000000, "unit": "USD"}'
    path = write_lines(tmp_path, lost, kept)
    problems: list[str] = []
    [item] = load_gold(path, OCCURRENCE_TEXT, problems.append)
    assert (item.text, item.unit) == ("$5 billion", "USD")
    assert problems == [f"[{E_GOLD}] {path}:1: occurrence 2 of '$5 billion' not found (the article has 1)"]
    with pytest.raises(PipelineError) as err:  # with nobody to tell, it stops the run
        load_gold(path, OCCURRENCE_TEXT)
    assert err.value.where == f"{path}:1"


def test_an_item_given_by_occurrence_needs_its_article(tmp_path):
    with pytest.raises(PipelineError) as err:
        load_gold(write_lines(tmp_path, '{"text": "2022", "occurrence": 1, "kind": "date", "value": "2022"}'))
    assert err.value.code == E_GOLD and "needs its article" in err.value.message
