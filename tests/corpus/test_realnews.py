"""Real news annotated by others (../shared/dev-data/realnews, gold given as text + occurrence) is
scored by ``claims eval`` as it is: every article, every item located, no date counted against gold
that annotates none; and the scores measured on it stay above their floors (the measured values
rounded down; raise them when the extraction improves, never lower them to make a change pass)."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate.corpus import evaluate_corpus, load_corpus
from pipeline.evaluate.counts import FieldScore
from pipeline.records import FIGURE_KINDS

REALNEWS = Path(__file__).resolve().parents[3] / "shared" / "dev-data" / "realnews"
ARTICLES = 30
DETECTION_F1_FLOOR = {"money": 0.99, "percent": 0.99, "quantity": 0.98, "count": 0.99, "all": 0.99}
"""Measured: 0.994, 1.000, 0.980, 0.992, 0.992."""
VALUE_UNIT_F1_FLOOR = {"money": 0.89, "percent": 0.99, "quantity": 0.97, "count": 0.96, "all": 0.94}
"""End to end (found, and value and unit right); measured 0.892, 0.992, 0.972, 0.962, 0.949. Most of
the money misses are per-share amounts the gold gives as USD where the table says USD/share."""
PERIOD_FLOOR = {"exact": 0.95, "compatible": 0.98}
"""Of the found figures whose gold gives a period; measured 0.952 and 0.983."""
PARTY_FLOOR = {"entities exact": 0.88, "names P": 0.93, "names R": 0.89, "speaker": 0.98}
"""Of the found figures whose gold gives a period, names compared whatever their case and spacing;
measured 0.883, 0.936, 0.894, 0.981."""


@pytest.fixture(scope="module")
def realnews() -> Path:
    if not (REALNEWS / "gold").is_dir():
        pytest.skip("needs ../shared/dev-data/realnews: not in this clone")
    return REALNEWS


def test_every_article_and_every_gold_item_is_loaded(realnews):
    problems: list[str] = []
    loaded = load_corpus(realnews, problems.append)
    assert problems == []
    assert len(loaded) == ARTICLES
    for (_, gold, _), gold_file in zip(loaded, sorted((realnews / "gold").glob("*.jsonl"))):
        assert len(gold) == sum(bool(line.strip()) for line in gold_file.read_text(encoding="utf-8").splitlines())


@pytest.fixture(scope="module")
def scored(realnews, resources):
    problems: list[str] = []
    report, _ = evaluate_corpus(realnews, resources, problems.append)
    return report, problems


def test_the_eval_scores_all_articles(realnews, scored):
    report, problems = scored
    gold = [item for _, items, _ in load_corpus(realnews, problems.append) for item in items]
    assert problems == []
    figures = report.detection["all"]  # every required item of every article is found or missed
    assert sum(item.required for item in gold) <= figures.tp + figures.fn <= len(gold)
    assert report.detection["date"].fp == 0  # this gold annotates figures only
    assert set(report.sections["description"].periods) == set(FIGURE_KINDS) | {"all"}


@pytest.mark.parametrize("kind", DETECTION_F1_FLOOR)
def test_figures_are_found_above_their_floor(scored, kind):
    f1 = scored[0].detection[kind].f1
    assert f1 >= DETECTION_F1_FLOOR[kind], f"{kind}: detection F1 {f1:.3f}"


def test_values_and_units_are_right_above_their_floor(scored):
    scores = {kind: scored[0].normalization[kind]["value+unit"] for kind in FIGURE_KINDS}
    scores["all"] = FieldScore(*(sum(getattr(s, part) for s in scores.values())
                                 for part in ("correct", "total", "false_hits", "misses")))
    assert {kind: round(scores[kind].f1, 3) for kind in VALUE_UNIT_F1_FLOOR
            if scores[kind].f1 < VALUE_UNIT_F1_FLOOR[kind]} == {}


def test_periods_parties_and_speakers_stay_above_their_floors(scored):
    found = scored[0].sections["description"].periods["all"]
    measured = {"exact": found.period_exact / found.items, "compatible": found.period_compatible / found.items,
                "entities exact": found.entity_accuracy, "names P": found.entity_precision,
                "names R": found.entity_recall, "speaker": found.speaker_accuracy}
    floors = PERIOD_FLOOR | PARTY_FLOOR
    assert {name: round(measured[name], 3) for name in floors if measured[name] < floors[name]} == {}
