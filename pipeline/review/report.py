"""What a review page shows, read back from a run's output folder.

The run's ``claims.jsonl`` holds each article's text and the spans found in it; the article's
``<id>.claims.csv`` holds the rows as the reviewer left them (review status, reference status,
added columns), so the rows come from there whenever it can be read. The folder is read one
article at a time, so a report over a large run needs no more memory than its largest article.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.review.claimreview import ArticleInfo
from pipeline.errors import E_REPORT, PipelineError
from pipeline.output.reviewer import VERDICTS
from pipeline.output.runfile import RUN_FILE, claim_of_record, read_records
from pipeline.output.write import claim_row, read_claims, split_flags

Row = dict[str, str]
Reporter = Callable[[str], None]


@dataclass(frozen=True)
class ArticleReport:
    """One article as its review page shows it."""

    article_id: str
    info: ArticleInfo
    text: str
    rows: tuple[Row, ...]
    entities: tuple[dict, ...]
    times: tuple[dict, ...]
    """Date mentions that are not rows themselves (the time scopes of figures)."""
    rows_source: str
    """The file the rows were read from."""


@dataclass(frozen=True)
class ArticleSummary:
    """One article's counts: a line of ``claims report`` and a row of the index page."""

    article_id: str
    info: ArticleInfo
    claims: int
    kinds: dict[str, int]
    mismatches: int
    """Rows with a flag that needs a look (``needs_a_look``): a failed check, a changed or stale
    reviewed row."""
    checks_ok: int
    """Rows whose consistency checks all held."""
    reviewed: int
    verdicts: dict[str, int]
    """Rows per final review status (VERDICTS), the statuses a ClaimReview export publishes."""
    references: dict[str, int]
    """Rows per ``reference_status``, once ``claims verify`` has filled it."""

    @classmethod
    def of(cls, report: ArticleReport) -> ArticleSummary:
        """The counts of one article's rows, the most common kind first; for ``claims report``
        and the index page alike."""
        rows = report.rows
        return cls(
            article_id=report.article_id,
            info=report.info,
            claims=len(rows),
            kinds=dict(Counter(row.get("kind", "") for row in rows).most_common()),
            mismatches=sum(1 for row in rows if any(map(needs_a_look, split_flags(row.get("flags", ""))))),
            checks_ok=sum(1 for row in rows if any(":ok" in flag for flag in split_flags(row.get("flags", "")))
                          and not any(map(needs_a_look, split_flags(row.get("flags", ""))))),
            reviewed=sum(1 for row in rows if is_reviewed(row)),
            verdicts=dict(Counter(row["review_status"] for row in rows if row.get("review_status") in VERDICTS)),
            references=dict(Counter(row["reference_status"] for row in rows if row.get("reference_status"))),
        )


def needs_a_look(flag: str) -> bool:
    """A flag that says something may be wrong: a check that failed, a reviewed value that changed,
    a reviewed claim gone from the article. ``ok`` checks and relative-date notes are not."""
    return ":mismatch" in flag or flag.startswith("changed") or flag == "stale"


def review_status(row: Row) -> str:
    """The row's review status, ``unreviewed`` for an empty cell."""
    return row.get("review_status") or "unreviewed"


def is_reviewed(row: Row) -> bool:
    """A reviewer has decided on the row."""
    return review_status(row) != "unreviewed"


def read_reports(out_dir: Path, report: Reporter) -> Iterator[ArticleReport]:
    """Each article of the run in ``out_dir``, in the order of its ``claims.jsonl``. A line that is
    not an article record, or an unreadable claims CSV, is reported in one line and skipped (the
    rows then come from the run's own record)."""
    path = out_dir / RUN_FILE
    if not path.is_file():
        raise PipelineError(E_REPORT, str(path), "no claims.jsonl here: run `claims run` into this folder first")
    for _, article in read_records(path, E_REPORT, lambda error: report(str(error)),
                                   parse=lambda record: article_report(record, out_dir, report)):
        yield article


def article_report(record: dict, out_dir: Path, report: Reporter) -> ArticleReport:
    """The page data of one ``claims.jsonl`` record, its rows from the article's claims CSV."""
    article_id = str(record["id"])
    csv_path = out_dir / f"{article_id}.claims.csv"
    rows, source = None, csv_path
    if csv_path.is_file():
        try:
            rows = tuple(read_claims(csv_path).to_dict("records"))
        except PipelineError as error:
            report(f"{error}; its rows are shown as the run found them")
    if rows is None:
        rows, source = tuple(claim_row(claim_of_record(claim)) for claim in record["claims"]), out_dir / RUN_FILE
    row_spans = {(row.get("start"), row.get("end")) for row in rows}
    times = tuple(mention for mention in record.get("dates", ())
                  if (str(mention["start"]), str(mention["end"])) not in row_spans)
    article = record["article"]
    return ArticleReport(article_id=article_id, info=ArticleInfo.of_record(article), text=str(article["text"]), rows=rows,
                         entities=tuple(record.get("entities", ())), times=times, rows_source=str(source))

