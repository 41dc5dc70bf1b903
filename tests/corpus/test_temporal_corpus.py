"""The pipeline's temporal scores on the time-expression corpus (the seed article and the
dev-time-* articles) must not fall below what was measured when the corpus was annotated.

The floors are the measured values rounded down to two decimals; raise them when the extraction
improves, never lower them to make a change pass.
"""
import shutil
from pathlib import Path

import pytest

from pipeline.evaluate.corpus import evaluate_corpus

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
ARTICLE_IDS = ["putin-xi-unholy-alliance"] + sorted(p.stem for p in (CORPUS / "gold").glob("dev-time-*.jsonl"))

FLOORS = {  # type: (strict F1, relaxed F1, value accuracy)
    "absolute": (0.96, 0.98, 1.00),
    "relative": (0.92, 0.98, 0.91),
    "decade_century": (0.94, 1.00, 1.00),
    "interval": (0.96, 1.00, 0.93),
    "all": (0.94, 0.99, 0.94),
}
TIME_SCOPE_ACCURACY_FLOOR = 0.91


@pytest.fixture(scope="module")
def temporal(resources, tmp_path_factory):
    corpus = tmp_path_factory.mktemp("time-corpus")
    for folder in ("articles", "gold"):
        (corpus / folder).mkdir()
    for article_id in ARTICLE_IDS:
        for path in list((CORPUS / "articles").glob(f"{article_id}.*")) + list((CORPUS / "gold").glob(f"{article_id}.*")):
            shutil.copy(path, corpus / path.parent.name)
    report, _ = evaluate_corpus(corpus, resources, lambda line: None)
    return report.sections["temporal"]


def test_the_corpus_has_enough_time_expressions(temporal):
    assert temporal.systems["pipeline"]["all"].gold >= 200


@pytest.mark.parametrize("kind", FLOORS)
def test_pipeline_temporal_scores_hold_the_line(temporal, kind):
    scores = temporal.systems["pipeline"][kind]
    strict, relaxed, value = FLOORS[kind]
    assert scores.strict.f1 >= strict
    assert scores.relaxed.f1 >= relaxed
    assert scores.value.accuracy >= value


def test_time_scope_of_figures_holds_the_line(temporal):
    assert temporal.time_scope["all"].accuracy >= TIME_SCOPE_ACCURACY_FLOOR


def test_the_baseline_is_scored_on_the_same_gold(temporal):
    pipeline, baseline = temporal.systems["pipeline"], temporal.systems["dateparser"]
    assert {kind: s.gold for kind, s in pipeline.items()} == {kind: s.gold for kind, s in baseline.items()}
