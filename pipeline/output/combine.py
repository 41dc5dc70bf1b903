"""The combined outputs of a run (``claims.csv`` and ``claims.jsonl``), built by streaming.

A run keeps one record per finished article in its journal (see ``pipeline.output.journal``). At the
end, the journal's claims and the rows of the existing ``claims.csv`` are spilled into a
temporary SQLite file keyed by article, and the combined table is written article by article in
sorted order, each article's rows merged with the reviewer work of their earlier selves by
``write.merge_rows``, exactly as ``write_claims`` merges a whole table. Memory stays flat
however many articles the run and the table hold.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import TextIO

import pandas as pd

from pipeline.errors import E_OUTPUT, PipelineError
from pipeline.records import CLAIM_COLUMNS, REVIEW_COLUMNS, Claim
from pipeline.output.reviewer import ReviewedFile, allowed_status, current_layout, overlay, problems_at
from pipeline.output.runfile import RUN_FILE, readable_records, record_claims, write_records
from pipeline.output.atomic import replace_unless_changed
from pipeline.output.write import (Row, WriteReport, claim_row, map_text_columns, merge_rows, row_key, unneutralize,
                                   without_blank_rows, write_claims, write_rows)

CHUNK_ROWS = 10_000
"""Rows read from the old table, or written to the new one, at a time."""


def write_combined(out_dir: Path, journal: Path, spill: Path, reviewed: Sequence[ReviewedFile] = (),
                   article_work: Mapping[str, ReviewedFile] = MappingProxyType({})) -> WriteReport:
    """Write ``claims.csv`` and ``claims.jsonl`` in ``out_dir`` from the run's ``journal``,
    keeping reviewer cells, extra columns and the articles this run did not cover, and taking
    the reviewer work of the article tables just written (``article_work``, by article id).
    Reviewed copies (``--merge``) are held in memory anyway, so with them the table is merged in
    memory by ``write_claims``."""
    if reviewed:
        ran = {record["id"] for record in journal_records(journal)}
        report = write_claims(out_dir / "claims.csv", journal_claims(journal), articles=ran,
                              reviewed=[*article_work.values(), *reviewed])
        write_records(out_dir / RUN_FILE, _run_records(out_dir / RUN_FILE, journal, ran))
        return report
    spill.unlink(missing_ok=True)
    db = sqlite3.connect(spill)
    try:
        db.executescript("CREATE TABLE ran (article_id TEXT PRIMARY KEY);"
                         "CREATE TABLE new (article_id TEXT, claim_id TEXT, row TEXT);"
                         "CREATE TABLE old (article_id TEXT, claim_id TEXT, status TEXT, row TEXT);")
        path = out_dir / "claims.csv"
        _spill_journal(db, journal)
        _check_unique(db, "new", f"{path} (this run)")
        db.execute("CREATE INDEX new_by_article ON new (article_id)")
        counts = [0, 0, 0]
        problems: list[str] = []

        def merge() -> Callable[[TextIO], None]:
            db.executescript("DROP INDEX IF EXISTS old_by_article; DELETE FROM old;")
            extras = _spill_old_table(db, path) if path.exists() else []
            _check_unique(db, "old", str(path))
            problems[:] = _status_problems(db, path)
            db.execute("CREATE INDEX old_by_article ON old (article_id)")
            extras = list(dict.fromkeys([*extras, *(column for work in article_work.values()
                                                    for column in work.extra_columns())]))
            _overlay_article_work(db, path, article_work, [*REVIEW_COLUMNS, *extras])

            def write(handle: TextIO) -> None:
                counts[:] = _write_table(db, handle, [*CLAIM_COLUMNS, *extras])
            return write

        replace_unless_changed(path, merge)
        ran = {article_id for (article_id,) in db.execute("SELECT article_id FROM ran")}
        write_records(out_dir / RUN_FILE, _run_records(out_dir / RUN_FILE, journal, ran))
        return WriteReport(path=path, rows=counts[0], carried=counts[1], stale=counts[2], problems=tuple(problems))
    finally:
        db.close()
        spill.unlink(missing_ok=True)


def journal_records(journal: Path) -> Iterator[dict]:
    """The records of the finished articles, in the order they finished."""
    with journal.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def journal_claims(journal: Path) -> Iterator[Claim]:
    """The claims of the finished articles, rebuilt from their records, one article at a time."""
    for record in journal_records(journal):
        yield from record_claims(record)


def _status_problems(db: sqlite3.Connection, path: Path) -> list[str]:
    """Review statuses that are not allowed in the old table, named by file and line."""
    bad = [(rowid - 1, json.loads(row)) for rowid, status, row
           in db.execute("SELECT rowid, status, row FROM old ORDER BY rowid") if not allowed_status(status)]
    return problems_at(path, bad)


def _spill_journal(db: sqlite3.Connection, journal: Path) -> None:
    for record in journal_records(journal):
        db.execute("INSERT INTO ran VALUES (?)", (record["id"],))
        db.executemany("INSERT INTO new VALUES (?, ?, ?)",
                       [(row["article_id"], row["claim_id"], json.dumps(row))
                        for row in (claim_row(claim) for claim in record_claims(record))])


def _spill_old_table(db: sqlite3.Connection, path: Path) -> list[str]:
    """Spill an existing claims CSV (spreadsheet neutralization undone); return its extra columns."""
    try:
        chunks = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8", chunksize=CHUNK_ROWS)
        columns: list[str] | None = None
        for chunk in chunks:
            if "claim_id" not in chunk.columns:
                raise PipelineError(E_OUTPUT, str(path), "no claim_id column: not a claims CSV, left as is")
            columns = list(chunk.columns)
            rows = map_text_columns(current_layout(without_blank_rows(chunk)), unneutralize).to_dict("records")
            db.executemany("INSERT INTO old VALUES (?, ?, ?, ?)",
                           [(row.get("article_id", ""), row["claim_id"], row.get("review_status", ""), json.dumps(row))
                            for row in rows])
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        message = " ".join(str(error).split())
        raise PipelineError(E_OUTPUT, str(path), f"not a readable claims CSV, left as is ({message})") from None
    if columns is None:  # a header and no rows
        columns = list(pd.read_csv(path, dtype=str, nrows=0, encoding="utf-8").columns)
        if "claim_id" not in columns:
            raise PipelineError(E_OUTPUT, str(path), "no claim_id column: not a claims CSV, left as is")
    return [column for column in columns if column not in CLAIM_COLUMNS]


def _overlay_article_work(db: sqlite3.Connection, path: Path, article_work: Mapping[str, ReviewedFile],
                          kept: list[str]) -> None:
    """Lay the reviewer work of each article's table over that article's rows of the old table
    (E032 when one cell holds two different values), so that the run carries it."""
    for article_id, work in article_work.items():
        rows = overlay(_rows(db, "old", article_id), str(path), work, kept)
        db.execute("DELETE FROM old WHERE article_id = ?", (article_id,))
        db.executemany("INSERT INTO old VALUES (?, ?, ?, ?)",
                       [(article_id, row["claim_id"], row.get("review_status", ""), json.dumps(row)) for row in rows])


def _check_unique(db: sqlite3.Connection, table: str, where: str) -> None:
    """Rows are matched by claim_id, so a repeated id would make the merge ambiguous."""
    repeated = db.execute(f"SELECT claim_id FROM {table} GROUP BY claim_id HAVING COUNT(*) > 1 "
                          "ORDER BY MIN(rowid) LIMIT 1").fetchone()
    if repeated:
        raise PipelineError(E_OUTPUT, where, f"claim_id {repeated[0]!r} appears more than once")


def _write_table(db: sqlite3.Connection, handle: TextIO, columns: list[str]) -> tuple[int, int, int]:
    """Write every article's rows in ``row_key`` order; return rows, carried and stale counts."""
    extras = columns[len(CLAIM_COLUMNS):]
    ran = {article_id for (article_id,) in db.execute("SELECT article_id FROM ran")}
    articles = sorted({a for (a,) in db.execute("SELECT article_id FROM ran UNION SELECT article_id FROM old")})
    written = carried = stale = 0
    pending: list[Row] = []
    header = True
    for article_id in articles:
        old = _rows(db, "old", article_id)
        if article_id in ran:
            rows, article_carried, article_stale = merge_rows(_rows(db, "new", article_id), old, extras)
            carried, stale = carried + article_carried, stale + article_stale
        else:
            rows = old
        pending += sorted(rows, key=row_key)
        if len(pending) >= CHUNK_ROWS:
            written += write_rows(handle, pending, columns, header)
            pending, header = [], False
    if pending or header:
        written += write_rows(handle, pending, columns, header)
    return written, carried, stale


def _rows(db: sqlite3.Connection, table: str, article_id: str) -> list[Row]:
    return [json.loads(row) for (row,) in
            db.execute(f"SELECT row FROM {table} WHERE article_id = ? ORDER BY rowid", (article_id,))]


def _run_records(path: Path, journal: Path, ran: set[str]) -> Iterator[dict]:
    """The earlier records of articles this run did not cover (a line that is not a record is not
    carried), then this run's records."""
    yield from (record for record in readable_records(path) if record.get("id") not in ran)
    yield from journal_records(journal)
