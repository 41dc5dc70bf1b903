"""Every gold file in the corpus is usable: it loads, its offsets point at its text, its dates are
EDTF-style, and the occurrence-form files it was made from still convert to exactly it."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from pipeline.evaluate.gold import load_gold
from pipeline.ingest.read import read_article

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
GOLD_FILES = sorted((CORPUS / "gold").glob("*.jsonl"))
OCCURRENCE_FILES = sorted((CORPUS / "gold" / "occurrences").glob("*.jsonl"))
TIME_IDS = [p.stem for p in GOLD_FILES if p.stem.startswith("dev-time-")]

sys.path.insert(0, str(ROOT / "scripts"))
from import_gold import convert_file  # noqa: E402

_POINT = r"(\d{4}(-\d{2}(-\d{2})?)?|\d{3}X|\d{2}XX)"
EDTF = re.compile(rf"^({_POINT}|{_POINT}/({_POINT}|\.\.)|\.\./{_POINT})$")


def _article(article_id: str):
    return read_article(CORPUS / "articles" / f"{article_id}.txt")


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_loads_and_points_at_its_text(gold_file):
    article = _article(gold_file.stem)
    for item in load_gold(gold_file):
        assert article.text[item.start:item.end] == item.text


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem)
def test_date_values_are_edtf(gold_file):
    for item in load_gold(gold_file):
        if item.kind == "date" and item.value:
            assert EDTF.match(item.value), (item.text, item.value)


@pytest.mark.parametrize("source", OCCURRENCE_FILES, ids=lambda p: p.stem)
def test_occurrence_files_convert_to_the_committed_gold(source):
    committed = [json.loads(line) for line in (CORPUS / "gold" / source.name).read_text(encoding="utf-8").splitlines()]
    assert convert_file(source, CORPUS / "articles" / f"{source.stem}.txt") == committed


@pytest.mark.parametrize("article_id", TIME_IDS)
def test_time_articles_are_whole_news_articles(article_id):
    article = _article(article_id)
    assert 400 <= len(article.text.split()) <= 800
    assert "\n\n" in article.text
    assert article.published is None or 2018 <= article.published.year <= 2025


@pytest.mark.parametrize("article_id", TIME_IDS)
def test_time_gold_spans_do_not_overlap_or_cut_words(article_id):
    text = _article(article_id).text
    items = sorted((g for g in load_gold(CORPUS / "gold" / f"{article_id}.jsonl") if g.kind != "quote"),
                   key=lambda g: g.start)  # a quote holds the figures and dates it says
    for before, after in zip(items, items[1:]):
        assert before.end <= after.start, (before.text, after.text)
    for item in items:
        assert item.start == 0 or not text[item.start - 1].isalnum(), item.text
        assert item.end == len(text) or not text[item.end].isalnum(), item.text


@pytest.mark.parametrize("article_id", TIME_IDS)
def test_without_a_publication_date_relative_dates_stay_unresolved(article_id):
    if _article(article_id).published is not None:
        pytest.skip("has a publication date")
    for item in load_gold(CORPUS / "gold" / f"{article_id}.jsonl"):
        if item.kind == "date" and item.relative:
            assert item.value == "", item.text
