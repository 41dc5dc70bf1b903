"""Real news annotated by others (../shared/dev-data/realnews, gold given as text + occurrence) is
scored by ``claims eval`` as it is: every article, every item located, no date counted against gold
that annotates none."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate.corpus import evaluate_corpus, load_corpus
from pipeline.records import FIGURE_KINDS

REALNEWS = Path(__file__).resolve().parents[3] / "shared" / "dev-data" / "realnews"
ARTICLES = 30


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


def test_the_eval_scores_all_articles(realnews, resources):
    problems: list[str] = []
    report, _ = evaluate_corpus(realnews, resources, problems.append)
    gold = [item for _, items, _ in load_corpus(realnews, problems.append) for item in items]
    assert problems == []
    figures = report.detection["all"]  # every required item of every article is found or missed
    assert sum(item.required for item in gold) <= figures.tp + figures.fn <= len(gold)
    assert report.detection["date"].fp == 0  # this gold annotates figures only
    assert set(report.sections["description"].periods) == set(FIGURE_KINDS) | {"all"}
