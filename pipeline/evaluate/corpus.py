"""The ``eval`` job: read a corpus's gold, run the pipeline and the baselines on its articles, score them."""
from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.evaluate.baseline_dates import baseline_dates
from pipeline.evaluate.baseline_quantulum import BASELINE_FIELDS, BASELINE_NAME, quantulum_figures
from pipeline.evaluate.description import describe_results
from pipeline.evaluate.gold import GoldItem, load_gold, load_negatives
from pipeline.evaluate.matching import Prediction, negative_hits, score_article, score_predictions
from pipeline.evaluate.metrics import Report, build_report
from pipeline.evaluate.ranking import rank_results
from pipeline.evaluate.side_by_side import SideBySide
from pipeline.evaluate.temporal import pipeline_dates, temporal_report
from pipeline.extract import extract_articles
from pipeline.ingest.discover import SINGLE_ARTICLE_SUFFIXES, base_stem, base_suffix
from pipeline.ingest.read import read_article
from pipeline.records import Article, Extraction, Figure
from pipeline.resources import Resources

Reporter = Callable[[str], None]

GoldArticle = tuple[Article, list[GoldItem], Path]
"""An article, its gold items and the path of its never-a-figure list."""


def load_corpus(corpus: Path, report: Reporter, ids: Collection[str] | None = None) -> list[GoldArticle]:
    """Every article that has a gold file (or only those in ``ids``), with its gold and the path of
    its never-a-figure list; an article or gold file that cannot be read is reported and skipped,
    a gold item given by an occurrence the article does not hold is reported and left out."""
    gold_dir = corpus / "gold"
    loaded = []
    for gold_file in sorted(gold_dir.glob("*.jsonl")):
        article_id = gold_file.stem
        if ids is not None and article_id not in ids:
            continue
        path = gold_article_path(corpus / "articles", article_id)
        try:
            article = read_article(path)
            loaded.append((article, load_gold(gold_file, article.text, report), gold_dir / f"{article_id}.negatives.txt"))
        except PipelineError as err:
            report(str(err))
    return loaded


def gold_article_path(articles: Path, article_id: str) -> Path:
    """The file a gold file scores: text, Markdown or a web page, maybe gzipped. A missing one is
    named as ``<id>.txt`` so that reading it reports the file the user most likely forgot."""
    found = sorted(path for path in articles.glob(f"{article_id}.*")
                   if base_stem(path) == article_id and base_suffix(path) in SINGLE_ARTICLE_SUFFIXES)
    return found[0] if found else articles / f"{article_id}.txt"


def evaluate(pairs: Iterable[tuple[Extraction, list[GoldItem]]]) -> Report:
    """Score many articles at once; counts are summed over articles, never averaged. The
    description of found items and the check-worthiness ranking come as sections."""
    results = [score_article(extraction, gold) for extraction, gold in pairs]
    report = build_report(results)
    return replace(report, sections={"description": describe_results(results), "ranking": rank_results(results)})


def evaluate_corpus(corpus: Path, res: Resources, report: Reporter,
                    ids: Collection[str] | None = None) -> tuple[Report, list[Figure]]:
    """Run every article that has a gold file (or only those in ``ids``) and compare; also check the
    never-a-figure lists. The temporal scores and the figures side by side with quantulum3 alone
    come with the report as sections."""
    articles = load_corpus(corpus, report, ids)
    pairs, negatives_found = [], []
    extractions = extract_articles([a for a, _, _ in articles], res)
    for (article, gold, negatives_file), extraction in zip(articles, extractions):
        pairs.append((extraction, gold))
        if negatives_file.exists():
            negatives_found += negative_hits(extraction, load_negatives(negatives_file))
    scores = evaluate(pairs)
    systems = {"pipeline": pipeline_dates, "dateparser": lambda extraction: baseline_dates(extraction.article)}
    sections = {**scores.sections, "temporal": temporal_report(pairs, scores, systems),
                "side_by_side": SideBySide({"pipeline": scores, BASELINE_NAME: evaluate_baseline(articles)})}
    return replace(scores, sections=sections), negatives_found


def evaluate_baseline(articles: Sequence[GoldArticle]) -> Report:
    """Score quantulum3 alone on the same gold with the same matcher, on the fields it can give."""
    results = []
    for article, gold, _ in articles:
        preds = [Prediction(f.start, f.end, f.text, f.kind, f) for f in quantulum_figures(article.text)]
        results.append(score_predictions(article.id, article.text, preds, gold))
    return build_report(results, BASELINE_FIELDS)
