"""The user's article against its hand-made gold: every required item right, no false figures.

Only the seed article is held to this line; the development articles beside it in corpus/ are
there to measure progress, not to pass.
"""
import shutil
from pathlib import Path

import pytest

from pipeline.evaluate.corpus import evaluate_corpus

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SEED_ID = "putin-xi-unholy-alliance"


@pytest.fixture(scope="module")
def result(resources, tmp_path_factory):
    corpus = tmp_path_factory.mktemp("seed-corpus")
    for folder, names in (("articles", (".txt", ".meta.json")), ("gold", (".jsonl", ".negatives.txt"))):
        (corpus / folder).mkdir()
        for suffix in names:
            shutil.copy(CORPUS / folder / f"{SEED_ID}{suffix}", corpus / folder)
    return evaluate_corpus(corpus, resources, lambda line: None)


def test_every_required_gold_item_is_found(result):
    report, _ = result
    assert [m.text for m in report.misses] == []


def test_no_false_figures_or_dates(result):
    report, negatives = result
    assert [m.text for m in report.false_hits] == []
    assert [f.text for f in negatives] == []


def test_every_normalized_field_is_right(result):
    report, _ = result
    assert [(e.text, e.field, e.expected, e.got) for e in report.errors] == []


@pytest.mark.parametrize("kind", ["money", "percent", "quantity", "date"])
def test_detection_holds_the_line(result, kind):
    detection = result[0].detection[kind]
    assert detection.precision == 1.0 and detection.recall == 1.0


def test_quotes_are_found_and_every_speaker_is_right(result):
    report, _ = result
    quotes = report.detection["quote"]
    assert quotes.precision == 1.0 and quotes.recall == 1.0
    description = report.sections["description"]
    assert [(e.text, e.expected, e.got) for e in description.errors if e.field == "speaker"] == []
    assert description.speaker_items == 34
