"""The figures dev corpus: ten news articles in different registers with hand-made gold.

The gold must be sound (offsets point at the text, every item valid, meta files dated), and the
pipeline must hold the scores measured on it. The floors are the measured scores rounded down to
two decimals; raise them when the pipeline improves, never lower them.
"""
import json
import math
from pathlib import Path

import pytest

from pipeline.evaluate.gold import load_gold, load_negatives
from pipeline.ingest.read import read_article
from pipeline.evaluate.corpus import evaluate_corpus
from pipeline.records import FIGURE_KINDS

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
DEV_IDS = ["dev-asia-india-budget", "dev-climate-warmest-year", "dev-defence-poland-budget",
           "dev-earnings-chipmaker-q4", "dev-elections-uk-landslide", "dev-energy-opec-output",
           "dev-health-dengue-brazil", "dev-macro-uk-inflation", "dev-sport-transfer-record",
           "dev-trade-china-exports"]

DETECTION_F1_FLOOR = {"money": 1.00, "percent": 1.00, "quantity": 0.98, "count": 0.96, "date": 0.99}
VALUE_UNIT_F1_FLOOR = {"money": 0.93, "percent": 0.99, "quantity": 0.95, "count": 0.88}


@pytest.fixture(scope="module")
def report(resources):
    return evaluate_corpus(CORPUS, resources, lambda line: None, ids=set(DEV_IDS))[0]


def test_dev_corpus_is_ten_articles_with_at_least_300_figures():
    figures = [item for article_id in DEV_IDS for item in load_gold(CORPUS / "gold" / f"{article_id}.jsonl")
               if item.kind != "date"]
    assert len(DEV_IDS) == 10
    assert len(figures) >= 300


@pytest.mark.parametrize("article_id", DEV_IDS)
def test_every_gold_item_points_at_its_article_text(article_id):
    article = read_article(CORPUS / "articles" / f"{article_id}.txt")
    meta = json.loads((CORPUS / "articles" / f"{article_id}.meta.json").read_text(encoding="utf-8"))
    assert meta["id"] == article_id and 2019 <= article.published.year <= 2025
    assert 500 <= len(article.text.split()) <= 900 and "\n\n" in article.text
    items = load_gold(CORPUS / "gold" / f"{article_id}.jsonl")  # validates every item
    for item in items:
        assert article.text[item.start:item.end] == item.text, item
        if item.value is None and item.kind in FIGURE_KINDS:
            assert item.value_low is not None and item.value_low < item.value_high, item
        if item.kind in ("money", "percent") and item.required:
            assert item.unit, item
    assert len({(item.start, item.end, item.kind) for item in items}) == len(items)


@pytest.mark.parametrize("article_id", DEV_IDS)
def test_negatives_are_in_the_text_and_never_gold_figures(article_id):
    text = read_article(CORPUS / "articles" / f"{article_id}.txt").text
    figures = [item.text for item in load_gold(CORPUS / "gold" / f"{article_id}.jsonl") if item.kind != "date"]
    for negative in load_negatives(CORPUS / "gold" / f"{article_id}.negatives.txt"):
        assert negative in text
        assert not any(negative in figure for figure in figures), negative


@pytest.mark.parametrize("kind", sorted(DETECTION_F1_FLOOR))
def test_detection_f1_holds_the_line(report, kind):
    assert report.detection[kind].f1 >= DETECTION_F1_FLOOR[kind]


@pytest.mark.parametrize("kind", sorted(VALUE_UNIT_F1_FLOOR))
def test_value_and_unit_f1_holds_the_line(report, kind):
    score = report.normalization[kind]["value+unit"]
    assert not math.isnan(score.f1) and score.f1 >= VALUE_UNIT_F1_FLOOR[kind]
