"""TimeBank 1.2 + AQUAINT from ../shared/dev-data: every file is read, and the TempEval-3 score runs on it."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate.baseline_dates import baseline_dates
from pipeline.evaluate.timeml import read_timeml_corpus
from pipeline.evaluate.timex_scores import SCORED_TYPE, score_timeml
from pipeline.extract import extract_articles

TIMEBANK = Path(__file__).resolve().parents[2] / ".." / "shared" / "dev-data" / "timebank"


@pytest.fixture(scope="module")
def documents():
    if not TIMEBANK.is_dir():
        pytest.skip("needs ../shared/dev-data/timebank: not in this clone")
    problems = []
    read = read_timeml_corpus(TIMEBANK, problems.append)
    assert problems == []
    return read


def test_every_document_and_date_is_read_with_offsets_into_its_text(documents):
    assert len(documents) == 256
    assert sum(t.type == SCORED_TYPE for d in documents for t in d.timexes) == 1505
    assert all(d.article.published is not None for d in documents)
    assert all(d.article.text[t.start:t.end] == t.text and t.text.strip() for d in documents for t in d.timexes)


def test_the_score_runs_for_the_pipeline_and_the_baseline(documents, resources):
    sample = documents[:4]
    found = [extraction.dates for extraction in extract_articles([d.article for d in sample], resources)]
    report = score_timeml(sample, {"pipeline": found, "dateparser": [baseline_dates(d.article) for d in sample]})
    gold = sum(t.type == SCORED_TYPE for d in sample for t in d.timexes)
    for result in report.systems.values():
        overall = result.scores["all"]
        assert overall.gold == gold == overall.relaxed.tp + overall.relaxed.fn
        assert overall.strict.tp <= overall.relaxed.tp and 0.0 <= overall.value.f1 <= 1.0
    assert report.systems["pipeline"].scores["all"].relaxed.tp > 0
