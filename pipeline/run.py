"""The jobs behind the CLI as plain functions: run over files, extract over JSONL, evaluate a corpus.

Problems with one input are reported (one line each, through ``report``) and the rest still runs.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from pipeline.baseline_dates import baseline_dates
from pipeline.baseline_quantulum import BASELINE_FIELDS, BASELINE_NAME, quantulum_figures
from pipeline.errors import E_DUPLICATE_ID, E_INPUT_JSON, PipelineError
from pipeline.evaluate import (GoldItem, Prediction, Report, SideBySide, build_report, evaluate, load_gold,
                               load_negatives, negative_hits, score_predictions)
from pipeline.extract import extract_articles
from pipeline.ingest import (SINGLE_ARTICLE_SUFFIXES, article_from_json, base_stem, base_suffix, iter_articles,
                             read_article)
from pipeline.records import Article, Extraction, Figure
from pipeline.resources import Resources
from pipeline.review import ReviewedFile
from pipeline.temporal import pipeline_dates, temporal_report
from pipeline.write import WriteReport, write_claims, write_failures, write_jsonl

Reporter = Callable[[str], None]


@dataclass
class RunSummary:
    articles: int = 0
    claims: int = 0
    failures: list[str] = field(default_factory=list)
    errors: list[PipelineError] = field(default_factory=list)

    def fail(self, error: PipelineError, report: Reporter) -> None:
        """Count a problem and report its one line; the run goes on."""
        self.failures.append(str(error))
        self.errors.append(error)
        report(str(error))


def run_paths(paths: list[Path], out_dir: Path, res: Resources, report: Reporter,
              reviewed: Sequence[ReviewedFile] = (), **meta) -> RunSummary:
    """Extract every article under ``paths`` and write ``<id>.claims.csv`` per article, plus
    ``claims.csv`` and ``claims.jsonl`` for the whole run, merging reviewer work already there
    and in the ``reviewed`` copies."""
    summary = RunSummary()
    articles: dict[str, Article] = {}
    for item in iter_articles(paths, **meta):
        if isinstance(item, Article) and item.id in articles:
            item = PipelineError(E_DUPLICATE_ID, item.path,
                                 f"article id {item.id!r} is already used by {articles[item.id].path}; skipped")
        if isinstance(item, PipelineError):
            summary.fail(item, report)
        else:
            articles[item.id] = item
    extractions = []
    for extraction in extract_articles(articles.values(), res):
        article = extraction.article
        try:
            ids = {claim.claim_id for claim in extraction.claims}
            written = write_claims(out_dir / f"{article.id}.claims.csv", extraction.claims,
                                   reviewed=[copy.for_claims(article.id, ids) for copy in reviewed])
        except PipelineError as err:
            summary.fail(err, report)
            continue
        report_problems(written, report)
        extractions.append(extraction)
        summary.articles += 1
        summary.claims += len(extraction.claims)
        report(f"{article.id}: {len(extraction.figures)} figures, {len(extraction.dates)} dates, "
               f"{len(extraction.claims)} claims -> {written.path}"
               + (f" ({written.carried} reviewed rows carried, {written.stale} stale)" if written.carried or written.stale else ""))
    if extractions:
        try:
            combined = write_claims(out_dir / "claims.csv", [c for e in extractions for c in e.claims],
                                    articles={e.article.id for e in extractions}, reviewed=reviewed)
            report_problems(combined, report)
            write_jsonl(out_dir / "claims.jsonl", _merged_records(out_dir / "claims.jsonl", extractions))
            report(f"all: {combined.rows} rows -> {combined.path}")
        except PipelineError as err:
            summary.fail(err, report)
    _write_failures(out_dir, summary, report)
    return summary


def _write_failures(out_dir: Path, summary: RunSummary, report: Reporter) -> None:
    """``failures.csv`` lists this run's failed inputs (empty but present when none failed, so
    that an old list is never mistaken for this run's)."""
    try:
        write_failures(out_dir / "failures.csv", summary.errors)
    except PipelineError as err:
        summary.failures.append(str(err))
        report(str(err))


def report_problems(written: WriteReport, report: Reporter) -> None:
    """Reviewer cells that need a person's attention; they are kept as typed, so the run goes on."""
    for problem in written.problems:
        report(problem)


def _merged_records(path: Path, extractions: list[Extraction]) -> list[dict]:
    """This run's records plus the earlier records of articles this run did not cover."""
    ran = {e.article.id for e in extractions}
    kept = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(record, dict) and record.get("id") not in ran:
                kept.append(record)
    return kept + [extraction_record(e) for e in extractions]


def extraction_record(extraction: Extraction) -> dict:
    """The JSON form of one article's results (the ``extract`` interface)."""
    return {
        "id": extraction.article.id,
        "article": article_record(extraction.article),
        "figures": [figure_record(f) for f in extraction.figures],
        "dates": [{"start": d.start, "end": d.end, "text": d.text, "value": d.value, "relative": d.relative,
                   "anchor": d.anchor, "modifier": d.modifier, "rules": list(d.rules)} for d in extraction.dates],
        "entities": list(extraction.entities),
        "quotes": [asdict(q) for q in extraction.quotes],
        "claims": [asdict(c) for c in extraction.claims],
    }


def article_record(article: Article) -> dict:
    """The article as the pipeline read it: its metadata and the cleaned text all offsets index."""
    record = asdict(article)
    record["published"] = article.published.isoformat() if article.published else None
    return record


def figure_record(figure: Figure) -> dict:
    record = asdict(figure)
    record.pop("sentence_index")
    record["rules"] = list(figure.rules)
    return record


def extract_stream(lines: Iterable[str], res: Resources, report: Reporter) -> Iterator[dict]:
    """One output record per input line: the extraction, or ``{"id", "error"}`` for a bad line."""
    numbered = list(enumerate(lines, start=1))
    articles: list[tuple[int, Article | PipelineError]] = []
    for lineno, line in numbered:
        if not line.strip():
            continue
        where = f"<stdin>:{lineno}"
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise PipelineError(E_INPUT_JSON, where, "expected a JSON object")
            articles.append((lineno, article_from_json(obj, where)))
        except json.JSONDecodeError as err:
            articles.append((lineno, PipelineError(E_INPUT_JSON, where, f"invalid JSON: {err.msg}")))
        except RecursionError:
            articles.append((lineno, PipelineError(E_INPUT_JSON, where, "JSON nested too deeply")))
        except PipelineError as err:
            articles.append((lineno, err))
    good = iter(extract_articles([a for _, a in articles if isinstance(a, Article)], res))
    for lineno, item in articles:
        if isinstance(item, PipelineError):
            report(str(item))
            yield {"id": None, "line": lineno, "error": str(item)}
        else:
            yield extraction_record(next(good))


GoldArticle = tuple[Article, list[GoldItem], Path]
"""An article, its gold items and the path of its never-a-figure list."""


def load_corpus(corpus: Path, report: Reporter, ids: Collection[str] | None = None) -> list[GoldArticle]:
    """Every article that has a gold file (or only those in ``ids``), with its gold and the path of
    its never-a-figure list; an article or gold file that cannot be read is reported and skipped."""
    gold_dir = corpus / "gold"
    loaded = []
    for gold_file in sorted(gold_dir.glob("*.jsonl")):
        article_id = gold_file.stem
        if ids is not None and article_id not in ids:
            continue
        path = gold_article_path(corpus / "articles", article_id)
        try:
            loaded.append((read_article(path), load_gold(gold_file), gold_dir / f"{article_id}.negatives.txt"))
        except PipelineError as err:
            report(str(err))
    return loaded


def gold_article_path(articles: Path, article_id: str) -> Path:
    """The file a gold file scores: text, Markdown or a web page, maybe gzipped. A missing one is
    named as ``<id>.txt`` so that reading it reports the file the user most likely forgot."""
    found = sorted(path for path in articles.glob(f"{article_id}.*")
                   if base_stem(path) == article_id and base_suffix(path) in SINGLE_ARTICLE_SUFFIXES)
    return found[0] if found else articles / f"{article_id}.txt"


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
