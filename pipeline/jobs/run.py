"""The jobs behind the CLI as plain functions: run over files, merge runs, extract over JSONL.

Problems with one input are reported (one line each, through ``report``) and the rest still runs.
"""
from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from pipeline.output.combine import write_combined
from pipeline.errors import E_DUPLICATE_ID, E_INPUT_JSON, E_SHARD, InternalError, PipelineError, internal_error
from pipeline.extract import Outcome, extract_guarded
from pipeline.ingest.decode import reading
from pipeline.ingest.discover import discover, file_safe_id, is_jsonl
from pipeline.ingest.jsonl import article_from_json
from pipeline.ingest.read import iter_articles
from pipeline.output.failures import FailureList
from pipeline.output.journal import Journal
from pipeline.output.lock import hold_output_lock
from pipeline.records import Article, Claim, Extraction, Figure, record_dict
from pipeline.resources import Resources
from pipeline.output.reviewer import ReviewedFile
from pipeline.figures.numbers import without_float_noise
from pipeline.output.runfile import RUN_FILE, claim_record, read_records, record_claims
from pipeline.output.write import WriteReport, reviewer_rows, write_claims

Reporter = Callable[[str], None]


Extractor = Callable[[Iterable[Article]], Iterator[Outcome]]
"""Turns articles into extractions, in input order (one process, or several); an article whose
extraction failed is an InternalError in its place."""

FAILURES_FILE = "failures.csv"
"""In the output folder: the inputs this run could not use, one row each (``path,code,message``)."""

ERRORS_LOG = "errors.log"
"""In the output folder: the traceback of every internal error (E090) of the runs into it."""


@dataclass
class RunSummary:
    """What a run or a merge did, for the closing line of ``claims run`` and ``claims merge`` and
    their exit code (1 when ``failed``)."""

    articles: int = 0
    claims: int = 0
    resumed: int = 0
    """Articles an earlier, interrupted run had finished (counted in ``articles``)."""
    failures: list[str] = field(default_factory=list)
    """The reported lines of the problems that failed an input, an article's table or a combined
    file: each one up to ``MAX_REPEATS`` of one code in one file, then a line saying how many
    more ("... and 1,999,990 more E007 in feed.jsonl")."""
    failed: int = 0
    """Every problem, reported or only counted."""
    errors_log: Path | None = None
    """Where the tracebacks of internal errors are appended (the output folder's ``errors.log``)."""
    listed: FailureList = field(default_factory=lambda: FailureList(None))
    """``failures.csv``, written as failures come."""

    def fail(self, error: PipelineError, report: Reporter) -> None:
        """Count a problem and report its one line (past ``MAX_REPEATS`` of its code in its file,
        only count it); the run goes on. An internal error's traceback goes to ``errors_log``,
        for whoever fixes the pipeline."""
        self.failed += 1
        if not self.listed.add(error):
            return
        self.failures.append(str(error))
        report(str(error))
        if isinstance(error, InternalError) and self.errors_log is not None:
            _append_trace(self.errors_log, error, report)

    def problem(self, line: str, report: Reporter) -> None:
        """A failure that is no input's (the list of failures itself cannot be written)."""
        self.failed += 1
        self.failures.append(line)
        report(line)

    def close(self, report: Reporter) -> None:
        """Finish ``failures.csv`` and report the failures that were only counted."""
        for line in self.listed.close():
            self.failures.append(line)
            report(line)


def _summary(out_dir: Path, report: Reporter, **counts: int) -> RunSummary:
    """A run's summary, with its ``failures.csv`` started."""
    summary = RunSummary(errors_log=out_dir / ERRORS_LOG, **counts)
    summary.listed = FailureList(out_dir / FAILURES_FILE, lambda line: summary.problem(line, report))
    return summary


def run_paths(paths: list[Path], out_dir: Path, extract: Extractor | Resources, report: Reporter,
              reviewed: Sequence[ReviewedFile] = (), *, resume: bool = False, log: Reporter | None = None,
              done: Callable[[], None] = lambda: None, **meta) -> RunSummary:
    """Extract every article under ``paths`` and write ``<id>.claims.csv`` as each one finishes,
    then ``claims.csv`` and ``claims.jsonl`` for the whole run, merging reviewer work already
    there and in the ``reviewed`` copies. Articles stream through: memory does not grow with their number. ``resume`` skips the
    articles an interrupted run into ``out_dir`` finished. Problems go to ``report``, a line per
    finished article to ``log`` (``report`` if not given); ``done`` is called once per input
    handled (finished, failed or skipped). ``extract`` may be the resources of one process."""
    if isinstance(extract, Resources):
        extract = partial(extract_guarded, res=extract)
    with _holding(out_dir, "claims run", report):
        journal = _open_journal(out_dir, resume, report)
        summary = _summary(out_dir, report, articles=len(journal.done), claims=journal.claims,
                           resumed=len(journal.done))
        outcomes = extract(_articles_to_do(paths, journal.done, summary, report, done, meta))
        finished = _extracted(outcomes, summary, report, done)
        _write_results(finished, out_dir, journal, summary, reviewed, report, log or report, done)
    return summary


def merge_shards(shards: Sequence[Path], out_dir: Path, report: Reporter, *, log: Reporter | None = None,
                 done: Callable[[], None] = lambda: None) -> RunSummary:
    """Write into ``out_dir`` what one run over the articles of all ``shards`` would have written:
    each shard is the output folder of a run over part of a corpus, read through its
    ``claims.jsonl`` in the order given. Articles are written exactly as a run writes them, with
    the reviewer work already in ``out_dir`` kept; an article id found in an earlier shard is
    skipped (E008). ``done`` is called once per record handled."""
    with _holding(out_dir, "claims merge", report):
        journal = _open_journal(out_dir, False, report)
        summary = _summary(out_dir, report)
        _write_results(_shard_results(shards, summary, report, done), out_dir, journal, summary, (), report,
                       log or report, done)
    return summary


@contextmanager
def _holding(out_dir: Path, holder: str, report: Reporter) -> Iterator[None]:
    """The output folder's lock for the whole run (E033 if another run holds it); a lock a killed
    run left is taken over and said."""
    with hold_output_lock(out_dir, holder) as lock:
        if lock.taken_over is not None:
            report(f"{out_dir}: took over the lock of {lock.taken_over.names()}, which is no longer running")
        yield


Finished = tuple[dict, Sequence[Claim]]
"""One finished article: its extraction record (as in ``claims.jsonl``) and its claims."""


def _extracted(outcomes: Iterable[Outcome], summary: RunSummary, report: Reporter,
                done: Callable[[], None]) -> Iterator[Finished]:
    """The finished articles of an extraction; the failed ones are counted and reported."""
    for outcome in outcomes:
        if isinstance(outcome, InternalError):
            summary.fail(outcome, report)
            done()
        else:
            yield extraction_record(outcome), outcome.claims


def _append_trace(path: Path, error: InternalError, report: Reporter) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8", errors="backslashreplace") as log:
            log.write(f"{error}\n{error.trace}\n")
    except OSError as problem:
        report(f"{path}: cannot append the traceback of {error.where} ({problem.strerror})")


def _open_journal(out_dir: Path, resume: bool, report: Reporter) -> Journal:
    journal = Journal(out_dir, resume)
    if journal.discarded:
        report(f"{out_dir}: an unfinished earlier run was discarded (--resume continues one)")
    return journal


def _write_results(finished: Iterable[Finished], out_dir: Path, journal: Journal, summary: RunSummary,
                   reviewed: Sequence[ReviewedFile], report: Reporter, log: Reporter,
                   done: Callable[[], None]) -> None:
    """Write each article's table and journal line as it comes, then the combined files and
    ``failures.csv``: the one way results reach the output folder, whoever extracted them.

    The two tables a reviewer may edit are brought in step: the reviewer work of ``claims.csv``
    goes into each article's table as it is written, and the reviewer work of the article tables
    (as written) into ``claims.csv``; a cell with two different values is E032 for that table."""
    combined_work = reviewer_rows(out_dir / "claims.csv")
    article_work: dict[str, ReviewedFile] = {}
    for record, claims in finished:
        article_id = record["id"]
        try:
            ids = {claim.claim_id for claim in claims}
            written = write_claims(out_dir / f"{article_id}.claims.csv", claims,
                                   reviewed=[copy.for_claims(article_id, ids) for copy in (combined_work, *reviewed)])
            if written.reviewed:
                article_work[article_id] = ReviewedFile(written.path, written.reviewed)
        except PipelineError as err:
            summary.fail(err, report)
            done()
            continue
        except Exception as unexpected:
            summary.fail(internal_error(record.get("article", {}).get("path") or article_id, unexpected), report)
            done()
            continue
        report_problems(written, report)
        journal.add(record)
        summary.articles += 1
        summary.claims += len(claims)
        log(f"{article_id}: {len(record['figures'])} figures, {len(record['dates'])} dates, "
            f"{len(claims)} claims -> {written.path}"
            + (f" ({written.carried} reviewed rows carried, {written.stale} stale)" if written.carried or written.stale else ""))
        done()
    journal.close()
    if journal.done:
        try:
            combined = write_combined(out_dir, journal.path, journal.folder / "spill.sqlite", reviewed, article_work)
            report_problems(combined, report)
            report(f"all: {combined.rows} rows -> {combined.path}")
            journal.remove()
        except PipelineError as err:
            summary.fail(err, report)
    else:
        journal.remove()
    summary.close(report)


def _shard_results(shards: Sequence[Path], summary: RunSummary, report: Reporter,
                   done: Callable[[], None]) -> Iterator[Finished]:
    """The records of every shard's ``claims.jsonl`` in order; problems are reported on the way."""
    def fail(error: PipelineError) -> None:
        summary.fail(error, report)
        done()

    first_place: dict[str, str] = {}
    for shard in shards:
        path = shard / RUN_FILE
        if not path.is_file():
            fail(PipelineError(E_SHARD, str(shard), "no claims.jsonl: not the output folder of a run"))
            continue
        for where, (record, claims) in read_records(path, E_SHARD, fail, parse=_shard_record,
                                                    message=lambda error: "not an article record of claims run"):
            if record["id"] in first_place:
                fail(PipelineError(E_DUPLICATE_ID, where, f"article id {record['id']!r} is already "
                                   f"in {first_place[record['id']]}; skipped"))
                continue
            first_place[record["id"]] = where
            yield record, claims


def _shard_record(record: Any) -> Finished:
    """A record of a run's ``claims.jsonl`` with its claims rebuilt, if its id names a file in the
    output folder (never a path elsewhere, as ``../escape`` would); ValueError if not."""
    claims = record_claims(record)
    if file_safe_id(record["id"]) != record["id"]:
        raise ValueError(f"article id {record['id']!r} is not a file name")
    return record, claims


def _articles_to_do(paths: list[Path], finished: set[str], summary: RunSummary, report: Reporter,
                    done: Callable[[], None], meta: dict) -> Iterator[Article]:
    """The readable articles not finished yet, one at a time; problems are reported on the way."""
    first_path: dict[str, str] = {}
    for item in iter_articles(paths, warn=lambda warning: report(str(warning)), **meta):
        if isinstance(item, Article) and item.id in first_path:
            item = PipelineError(E_DUPLICATE_ID, item.path,
                                 f"article id {item.id!r} is already used by {first_path[item.id]}; skipped")
        if isinstance(item, PipelineError):
            summary.fail(item, report)
            done()
            continue
        first_path[item.id] = item.path
        if item.id in finished:
            done()
            continue
        yield item


def count_inputs(paths: list[Path], include: Iterable[str] = (), exclude: Iterable[str] = ()) -> int:
    """About how many inputs a run will handle (for a progress bar): the files, with the lines of
    JSONL dumps counted instead of the dump; nothing is parsed."""
    total = 0
    for path in discover(paths, include, exclude):
        if not is_jsonl(path):
            total += 1
            continue
        try:
            with reading(path) as handle:
                total += sum(1 for line in handle if line.strip())
        except PipelineError:
            total += 1  # reported when the run reads it
    return total


def report_problems(written: WriteReport, report: Reporter) -> None:
    """Reviewer cells that need a person's attention; they are kept as typed, so the run goes on."""
    for problem in written.problems:
        report(problem)


def extraction_record(extraction: Extraction) -> dict:
    """The JSON form of one article's results (the ``extract`` interface): also a line of
    ``claims.jsonl`` and of the run's journal, which resuming, merging and reports read back."""
    return {
        "id": extraction.article.id,
        "article": article_record(extraction.article),
        "figures": [figure_record(f) for f in extraction.figures],
        "dates": [{"start": d.start, "end": d.end, "text": d.text, "value": d.value, "relative": d.relative,
                   "anchor": d.anchor, "modifier": d.modifier, "reference": d.reference, "rules": list(d.rules)}
                  for d in extraction.dates],
        "entities": list(extraction.entities),
        "quotes": [record_dict(q) for q in extraction.quotes],
        "claims": [claim_record(c) for c in extraction.claims],
    }


def article_record(article: Article) -> dict:
    """The article as the pipeline read it: its metadata and the cleaned text all offsets index."""
    record = record_dict(article)
    record["published"] = article.published.isoformat() if article.published else None
    return record


def figure_record(figure: Figure) -> dict:
    """A figure as ``extraction_record`` lists it: its fields without ``sentence_index`` (the
    claims rows carry it), ``linked_to`` as offsets, numbers with the precision of the text
    ("$17.1bn" is 17100000000, never 17100000000.000002)."""
    record = record_dict(figure)
    record.pop("sentence_index")
    for name in ("value", "value_low", "value_high", "value_si"):
        if isinstance(record[name], float):
            record[name] = without_float_noise(record[name])
    record["rules"] = list(figure.rules)
    return record


def extract_stream(lines: Iterable[str], res: Resources, report: Reporter) -> Iterator[dict]:
    """One output record per input line, in order: the extraction, or ``{"id", "error"}`` for a bad
    line. Lines are read as ``nlp.pipe`` asks for them, so memory stays flat however many."""
    pending: deque[tuple[int, Article | PipelineError]] = deque()  # read, not yet answered

    def articles() -> Iterator[Article]:
        for lineno, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                item: Article | PipelineError = _stdin_article(line, f"<stdin>:{lineno}")
            except PipelineError as err:
                item = err
            except Exception as unexpected:
                item = internal_error(f"<stdin>:{lineno}", unexpected)
            pending.append((lineno, item))
            if isinstance(item, Article):
                yield item

    def errors_first() -> Iterator[dict]:
        while pending and isinstance(pending[0][1], PipelineError):
            lineno, error = pending.popleft()
            report(str(error))
            yield {"id": None, "line": lineno, "error": str(error)}

    for outcome in extract_guarded(articles(), res):
        yield from errors_first()
        lineno, article = pending.popleft()  # the article of this outcome
        if isinstance(outcome, InternalError):
            report(str(outcome))
            yield {"id": article.id, "line": lineno, "error": str(outcome)}  # type: ignore[union-attr]
        else:
            yield extraction_record(outcome)
    yield from errors_first()


def _stdin_article(line: str, where: str) -> Article:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise PipelineError(E_INPUT_JSON, where, f"invalid JSON: {err.msg}") from None
    except RecursionError:
        raise PipelineError(E_INPUT_JSON, where, "JSON nested too deeply") from None
    if not isinstance(obj, dict):
        raise PipelineError(E_INPUT_JSON, where, "expected a JSON object")
    return article_from_json(obj, where)
