"""What each figure is about, said by whom, on the articles whose gold gives subject, entities
and speaker: the seed and four development articles (UK inflation, a housing speech, dengue in
Brazil, a transfer record).

The floors are the measured scores rounded down to two decimals; raise them when the pipeline
improves, never lower them.
"""
from pathlib import Path

import pytest

from pipeline.evaluate.corpus import evaluate_corpus

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
DESCRIBED_IDS = {"putin-xi-unholy-alliance", "dev-macro-uk-inflation", "dev-time-housing-speech",
                 "dev-health-dengue-brazil", "dev-sport-transfer-record"}

SUBJECT_TOKEN_F1_FLOOR = 0.67
ENTITIES_EXACT_FLOOR = 0.54
ENTITIES_PRECISION_FLOOR = 0.68
ENTITIES_RECALL_FLOOR = 0.64
SPEAKER_FLOOR = 0.915


@pytest.fixture(scope="module")
def description(resources):
    report, _ = evaluate_corpus(CORPUS, resources, lambda line: None, ids=DESCRIBED_IDS)
    return report.sections["description"]


def test_every_described_article_is_scored(description):
    assert description.subject_items >= 150 and description.speaker_items >= 220


def test_subject_holds_the_line(description):
    assert description.subject_f1 >= SUBJECT_TOKEN_F1_FLOOR


def test_entities_hold_the_line(description):
    assert description.entity_accuracy >= ENTITIES_EXACT_FLOOR
    assert description.entity_precision >= ENTITIES_PRECISION_FLOOR
    assert description.entity_recall >= ENTITIES_RECALL_FLOOR


def test_speaker_holds_the_line(description):
    assert description.speaker_accuracy >= SPEAKER_FLOOR
