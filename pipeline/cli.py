"""The ``claims`` command: thin wrappers that parse options, call one function of a job or stage package, print.

Results go to files (``run``, ``eval``) or stdout (``extract``); progress and problems go to
stderr, one line each. The exit code is 1 when any input failed. A command that only some users
run (eval, diff, verify, export, report, review) imports its package when it runs, so that ``run``
and ``extract`` start without loading evaluation baselines (quantulum3 and its inflect, dateparser's
search) or the review pages.
"""
from __future__ import annotations

import json
import sys
import time
import webbrowser
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Optional

import typer
from tqdm import tqdm

from pipeline.jobs.bench import (SIDES, generate_corpus, generate_long_articles, run_bench, run_size_bench, size_lines,
                                 summary_lines, write_corpus)
from pipeline.errors import E_REPORT, PipelineError
from pipeline.ingest.jsonl import DEFAULT_FIELDS, JsonFields
from pipeline.jobs.engines import EngineUnavailable, choose_extractor
from pipeline.resources import Resources, build_resources
from pipeline.rules import RULES_DIR, check_all
from pipeline.jobs.run import Extractor, RunSummary, count_inputs, extract_stream, merge_shards, run_paths
from pipeline.output.atomic import atomic_write
from pipeline.output.write import read_reviewed

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn the checkable figures of news articles into a claims table.")
rules_app = typer.Typer(no_args_is_help=True, help="Work with the rule files.")
app.add_typer(rules_app, name="rules")


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _published(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a YYYY-MM-DD date") from None


def _json_fields(**given: list[str]) -> JsonFields:
    """The JSONL keys to read: the options given replace the defaults of their field."""
    return replace(DEFAULT_FIELDS, **{name: tuple(keys) for name, keys in given.items() if keys})


@app.command("run")
def run_cli(
    paths: list[Path] = typer.Argument(..., help="Article files (.txt, .md, .html, .htm, .jsonl, and .gz of "
                                                 "any of these) or folders of them."),
    out: Path = typer.Option(Path("out"), "--out", help="Folder for the claims tables."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD (overrides .meta.json)."),
    title: Optional[str] = typer.Option(None, help="Article title (overrides .meta.json)."),
    source: Optional[str] = typer.Option(None, help="Publisher (overrides .meta.json)."),
    merge: list[Path] = typer.Option([], "--merge", help="A reviewed claims CSV from anywhere whose reviewer "
                                     "cells and extra columns go into the new tables (repeatable)."),
    model: Optional[str] = typer.Option(None, help="spaCy model to load instead of the default."),
    include: list[str] = typer.Option([], "--include", help="Glob of files to read in folders (repeatable; "
                                      "default: every supported format)."),
    exclude: list[str] = typer.Option([], "--exclude", help="Glob of files to skip in folders (repeatable)."),
    follow_symlinks: bool = typer.Option(False, "--follow-symlinks", help="Read the files that symbolic links in "
                                         "folders point to (default: name each link and skip it, E047)."),
    text_field: list[str] = typer.Option([], "--text-field", help="JSONL key of the text (repeatable, tried in "
                                         "order; default: text, body, content)."),
    date_field: list[str] = typer.Option([], "--date-field", help="JSONL key of the publication date "
                                         "(default: published, date, pubDate, publishedAt, datePublished)."),
    title_field: list[str] = typer.Option([], "--title-field", help="JSONL key of the title (default: title, headline)."),
    id_field: list[str] = typer.Option([], "--id-field", help="JSONL key of the article id (default: id, url)."),
    workers: int = typer.Option(1, "--workers", min=1, help="Processes extracting in parallel."),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted run into --out, "
                                "skipping the articles it finished."),
    engine: str = typer.Option("local", "--engine", help="Where extraction runs: local (this machine, "
                               "--workers processes) or dask (a Dask cluster)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of the Dask scheduler "
                                            "(tcp://HOST:8786); default: a local cluster of 2 worker processes."),
) -> None:
    """Extract claims from articles and write out/<id>.claims.csv, out/claims.csv and out/failures.csv."""
    publication = _published(published)
    fields = _json_fields(text=text_field, published=date_field, title=title_field, id=id_field)
    reviewed = []
    for path in merge:
        copy, problems = read_reviewed(path)
        for problem in problems:
            _say(problem)
        reviewed.append(copy)
    started = time.perf_counter()
    with (_extractor(engine, model, workers, scheduler) as extract,
          progress_bar(count_inputs(paths, include, exclude) if sys.stderr.isatty() else None) as progress):
        summary = run_paths(paths, out, extract, progress.report, reviewed, log=progress.log, done=progress.done,
                            resume=resume, published=publication, title=title, source=source,
                            include=include, exclude=exclude, follow_symlinks=follow_symlinks, fields=fields)
    _finish(summary, started)


def _extractor(engine: str, model: Optional[str], workers: int,
               scheduler: Optional[str]) -> AbstractContextManager[Extractor | Resources]:
    try:
        return choose_extractor(engine, model, workers, scheduler)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    except EngineUnavailable as error:
        _say(str(error))
        raise typer.Exit(2) from None


def _finish(summary: RunSummary, started: float) -> None:
    """The closing summary line; exit code 1 if any input failed."""
    seconds = time.perf_counter() - started
    _say(f"{summary.articles} article(s)" + (f" ({summary.resumed} from the interrupted run)" if summary.resumed else "")
         + f", {summary.claims} claim(s), {summary.failed:,} failure(s) in {seconds:.1f} s")
    raise typer.Exit(1 if summary.failed else 0)


@app.command("merge")
def merge_cli(
    shards: list[Path] = typer.Argument(..., help="Output folders of runs over parts of a corpus, in input order."),
    out: Path = typer.Option(..., "--out", help="Folder for the combined claims tables."),
) -> None:
    """Combine the outputs of several runs into one folder, as a single run over all their articles writes it."""
    started = time.perf_counter()
    with progress_bar(None) as progress:
        summary = merge_shards(shards, out, progress.report, log=progress.log, done=progress.done)
    _finish(summary, started)


@dataclass(frozen=True)
class Progress:
    """The three callbacks ``run_paths`` and ``merge_shards`` talk through, pointed at stderr or
    at a progress bar (``progress_bar``)."""

    report: Callable[[str], None]
    """Problems and results: always shown."""
    log: Callable[[str], None]
    """A line per finished article."""
    done: Callable[[], None]
    """One more input handled."""


@contextmanager
def progress_bar(total: int | None) -> Iterator[Progress]:
    """With a ``total`` (stderr is a terminal): a progress bar (articles/s, ETA) with problems
    printed above it, in place of the line per article. Without (logs, pipes): no bar, every line
    as it comes."""
    if total is None:
        yield Progress(report=_say, log=_say, done=lambda: None)
        return
    with tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True) as bar:
        yield Progress(report=lambda line: bar.write(line, file=sys.stderr), log=lambda line: None,
                       done=lambda: bar.update(1))


@app.command("extract")
def extract_cli(
    format: str = typer.Option("jsonl", "--format", help="Input and output format; only jsonl."),
    model: Optional[str] = typer.Option(None, help="spaCy model to load instead of the default."),
) -> None:
    """Read JSON documents from stdin, one per line; write one JSON result per line to stdout."""
    if format != "jsonl":
        raise typer.BadParameter("only --format jsonl is supported")
    res = build_resources(model)
    failed = False
    for record in extract_stream(sys.stdin, res, _say):
        failed = failed or "error" in record
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    raise typer.Exit(1 if failed else 0)


@app.command("eval")
def eval_cli(
    corpus: Path = typer.Argument(Path("corpus"), help="Corpus folder with articles/ and gold/."),
    out: Path = typer.Option(Path("out"), "--out", help="Folder for metrics.json."),
    model: Optional[str] = typer.Option(None, help="spaCy model to load instead of the default."),
    recognizers: Optional[Path] = typer.Option(None, "--recognizers", help="Instead of the corpus, score the "
                                               "Recognizers-Text specs in this folder (tests/fixtures/recognizers_text)."),
    timeml: Optional[Path] = typer.Option(None, "--timeml", help="Also score dates against the TimeML (.tml) "
                                          "files of this folder, as TempEval-3 task A."),
    news: Optional[Path] = typer.Option(None, "--news", help="Instead of the corpus, score value and value+unit "
                                        "on this JSON-lines file of news sentences (tests/fixtures/news_quantities*.jsonl)."),
) -> None:
    """Compare the pipeline's output with the gold corpus; print P/R/F1 per kind and field."""
    from pipeline.evaluate.corpus import evaluate_corpus
    from pipeline.evaluate.metrics import write_metrics
    from pipeline.evaluate.recognizers import run_suite, write_suite_metrics
    from pipeline.evaluate.timex_scores import evaluate_timeml

    res = build_resources(model)
    if recognizers is not None:
        suite = run_suite(recognizers, res)
        print(suite.format_text())
        write_suite_metrics(suite, out / "metrics.json")
        _say(f"recognizers -> {out / 'metrics.json'}")
        return
    if news is not None:
        from pipeline.evaluate.news_quantities import format_scores, load_sentences, score_pipeline, score_quantulum

        sentences = load_sentences(news)
        print(format_scores({"pipeline": score_pipeline(sentences, res), "quantulum3": score_quantulum(sentences)},
                            "pipeline"))
        return
    report, negatives = evaluate_corpus(corpus, res, _say)
    if timeml is not None:
        report = replace(report, sections={**report.sections, "timeml": evaluate_timeml(timeml, res, _say)})
    print(report.format_text())
    for figure in negatives:
        print(f"never-a-figure hit: {figure.text!r} ({figure.kind}) at {figure.start}")
    write_metrics(report, out / "metrics.json")
    _say(f"metrics -> {out / 'metrics.json'}")


@app.command("diff")
def diff_cli(
    old: Path = typer.Argument(..., help="The earlier claims CSV."),
    new: Path = typer.Argument(..., help="The later claims CSV."),
    csv: Optional[Path] = typer.Option(None, "--csv", help="Also write the changes to this CSV."),
) -> None:
    """Show new, removed and changed claims per article between two claims tables."""
    from pipeline.review.diff import diff_tables, format_text, read_rows, write_diff_csv

    diff = diff_tables(read_rows(old), read_rows(new))
    print(format_text(diff))
    if csv is not None:
        _say(f"{write_diff_csv(csv, diff)} row(s) -> {csv}")


@app.command("verify")
def verify_cli(
    reference: Path = typer.Option(..., "--reference", help="CSV of reference facts: metric, subject, period, "
                                   "value, unit, source, note."),
    out: Path = typer.Option(Path("out"), "--out", help="Folder of the claims tables to check."),
) -> None:
    """Compare the claims with reference facts; fill reference_status, _value, _source, _diff."""
    from pipeline.jobs.verify import verify_folder

    raise typer.Exit(1 if verify_folder(out, reference, _say) else 0)


@app.command("export")
def export_cli(
    claimreview: bool = typer.Option(False, "--claimreview", help="Export reviewed claims as ClaimReview JSON-LD."),
    claims: Path = typer.Option(Path("out/claims.csv"), "--claims", help="The claims table to export from."),
    articles: Optional[Path] = typer.Option(None, "--articles", help="Folder of <id>.meta.json files (title, "
                                            "url, author, source, published); they win over the run's claims.jsonl."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write to this file instead of stdout."),
) -> None:
    """Export reviewed claims (rows with a final review_status) in a publishing format."""
    from pipeline.review.claimreview import export_claimreviews, read_articles, read_run_articles, to_json

    if not claimreview:
        raise typer.BadParameter("choose a format: --claimreview")
    infos = {**read_run_articles(claims.parent / "claims.jsonl"), **(read_articles(articles, _say) if articles else {})}
    reviews = export_claimreviews(claims, infos, _say)
    if out is None:
        sys.stdout.write(to_json(reviews))
    else:
        atomic_write(out, lambda handle: handle.write(to_json(reviews)))
    _say(f"{len(reviews)} ClaimReview(s)" + (f" -> {out}" if out else ""))


@app.command("report")
def report_cli(
    out: Path = typer.Argument(Path("out"), help="Output folder of a run (with claims.jsonl)."),
    html: bool = typer.Option(False, "--html", help="Write the HTML review pages to OUT/report/."),
) -> None:
    """Review progress of a run: one line per article, or with --html a page per article and an index.
    Exit code 1 if any part of the folder could not be read."""
    from pipeline.review.pages import write_pages
    from pipeline.review.report import ArticleSummary, read_reports

    problems = []

    def problem(line: str) -> None:
        problems.append(line)
        _say(line)

    try:
        if html:
            pages = write_pages(out, problem)
            _say(f"{pages} article page(s) -> {out / 'report' / 'index.html'}")
        else:
            for article in read_reports(out, problem):
                summary = ArticleSummary.of(article)
                print(f"{article.article_id}: {summary.claims} claims, {summary.reviewed} reviewed, "
                      f"{summary.mismatches} to look at, {summary.checks_ok} checks ok" + "".join(f", {count} {status}" for status, count in
                                                             {**summary.verdicts, **summary.references}.items()))
    except PipelineError as error:
        problem(str(error))
    raise typer.Exit(1 if problems else 0)


@app.command("review")
def review_cli(
    out: Path = typer.Argument(Path("out"), help="Output folder of a run (with claims.jsonl)."),
    port: int = typer.Option(0, "--port", min=0, max=65535, help="Port on 127.0.0.1 (default: any free one)."),
    open_browser: bool = typer.Option(True, "--open/--no-open", help="Open the desk in the default browser."),
) -> None:
    """Serve the review pages on 127.0.0.1, where verdicts, notes, evidence links and reviewer are
    saved into OUT's claims tables as they are given. Ctrl+C stops it."""
    from pipeline.review.desk import Desk

    if not (out / "claims.jsonl").is_file():
        _say(str(PipelineError(E_REPORT, str(out / "claims.jsonl"), "no claims.jsonl here: run `claims run` into this folder first")))
        raise typer.Exit(1)
    desk = Desk(out, port, _say)
    _say(f"review desk for {out}: {desk.url}  (Ctrl+C to stop)")
    if open_browser:
        webbrowser.open(desk.url)
    try:
        desk.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        desk.server_close()


@app.command("bench")
def bench_cli(
    articles: int = typer.Option(200, "--articles", min=1, help="Articles in the generated corpus."),
    paragraphs: int = typer.Option(8, "--paragraphs", min=1, help="Paragraphs per generated article."),
    corpus: Path = typer.Option(Path("corpus/articles"), "--corpus", help="Articles whose paragraphs are sampled."),
    sides: str = typer.Option(",".join(SIDES), "--sides", help="Comma-separated: " + ", ".join(SIDES) + "."),
    rounds: int = typer.Option(2, "--rounds", min=1, help="Times each side runs, taking turns."),
    seed: int = typer.Option(0, "--seed", help="Seed of the generated corpus."),
    save_corpus: Optional[Path] = typer.Option(None, "--save-corpus",
                                               help="Write the generated corpus here (a folder, or a .jsonl file) and stop."),
    model: Optional[str] = typer.Option(None, help="spaCy model to load instead of the default."),
    article_sizes: Optional[str] = typer.Option(
        None, "--article-sizes", help="Comma-separated sizes in millions of characters (0.5,1,2,4): time the pipeline "
        "on one article of each size instead, and how time and memory grow per doubling."),
) -> None:
    """Measure documents/s, tokens/s and peak memory of bare spaCy, the pipeline, quantulum3 and dateparser."""
    if article_sizes is not None:
        try:
            sizes = [float(size) for size in article_sizes.split(",") if size.strip()]
        except ValueError:
            raise typer.BadParameter(f"{article_sizes!r} is not a list of sizes such as 0.5,1,2,4") from None
        long_articles = list(generate_long_articles([corpus], sorted(sizes), seed))
        if save_corpus is not None:
            _say(f"{write_corpus(long_articles, save_corpus)} article(s) -> {save_corpus}")
            return
        for line in size_lines(long_articles, run_size_bench(long_articles, rounds, model, _say)):
            print(line)
        return
    generated = generate_corpus([corpus], articles, paragraphs, seed)
    if save_corpus is not None:
        _say(f"{write_corpus(generated, save_corpus)} article(s) -> {save_corpus}")
        return
    chosen = [side.strip() for side in sides.split(",") if side.strip()]
    unknown = [side for side in chosen if side not in SIDES]
    if unknown:
        raise typer.BadParameter(f"unknown side(s) {', '.join(unknown)}; choose from {', '.join(SIDES)}")
    measurements = run_bench(list(generated), chosen, rounds, model, _say)
    for line in summary_lines(measurements):
        print(line)


@rules_app.command("check")
def rules_check_cli(
    rules_dir: Path = typer.Argument(RULES_DIR, help="Folder of rule files."),
) -> None:
    """Validate every rule file and report every problem at once."""
    files, problems = check_all(rules_dir)
    for problem in problems:
        print(problem)
    print(f"{len(files.ruleset.rules)} rules and {len(files.consistency['checks'])} consistency checks loaded, "
          f"{len(problems)} problem(s)")
    raise typer.Exit(1 if problems else 0)


def main() -> None:
    """The ``claims`` command (pyproject's script, ``python -m pipeline``): a PipelineError that
    escapes a command prints its one coded line and exits 1, without a traceback."""
    try:
        app()
    except PipelineError as err:
        _say(str(err))
        sys.exit(1)
