"""Writing the claims CSV and JSONL outputs: atomically, safe to open in a spreadsheet, and
without ever losing what a reviewer typed into an earlier version of the file.
"""
from __future__ import annotations

import csv
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import pandas as pd

from pipeline.errors import E_OUTPUT, PipelineError
from pipeline.records import CLAIM_COLUMNS, REFERENCE_RESULT_COLUMNS, REVIEW_COLUMNS, Claim, claim_cells
from pipeline.output.atomic import replace_unless_changed
from pipeline.output.reviewer import ReviewedFile, current_layout, overlay, status_problems

NUMERIC_COLUMNS = ("value", "value_low", "value_high", "start", "end", "sentence_index")
"""Columns holding numbers (or EDTF dates); they are never prefixed, so "-5" stays "-5"."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Leading characters that make a spreadsheet treat a cell as a formula."""

CSV_NEWLINE = "\r\n"
r"""RFC 4180 line ends; with them the csv writer also quotes a lone ``\r`` in a cell, which it
would leave bare (and so split the row on reading) if rows ended in ``\n``."""

STALE_FLAG = "stale"
CHANGED_FLAG = "changed:old_value="

Row = dict[str, str]


@dataclass(frozen=True)
class WriteReport:
    """What ``write_claims`` did: rows written, rows with reviewer data carried, stale rows kept,
    and problems found in the reviewer cells (kept as typed)."""

    path: Path
    rows: int
    carried: int
    stale: int
    problems: tuple[str, ...] = ()
    reviewed: tuple[Row, ...] = field(default=(), compare=False, repr=False)
    """The written rows that hold reviewer work, for the other table of the folder to take."""


def claim_row(claim: Claim) -> Row:
    """One claim as CSV cells, with empty reviewer cells."""
    cells = [str(value) for value in claim_cells(claim)] + [""] * len(REVIEW_COLUMNS)
    return dict(zip(CLAIM_COLUMNS, cells))


def row_key(row: Row) -> tuple[str, int, int, str, str]:
    """Sort by article, position, kind; claim_id last so that the order is total."""
    offsets = as_int(row.get("start", "")), as_int(row.get("end", ""))
    return (row.get("article_id", ""), *offsets, row.get("kind", ""), row["claim_id"])


def as_int(cell: str) -> int:
    """An offset cell as a number; a non-numeric cell (a hand-edited row) sorts first."""
    try:
        return int(cell)
    except ValueError:
        return -1


def write_claims(path: Path, claims: Iterable[Claim], articles: Collection[str] | None = None,
                 reviewed: Iterable[ReviewedFile] = ()) -> WriteReport:
    """Write the claims CSV, merging in the reviewer cells and extra columns of an existing one
    and of any ``reviewed`` copies kept elsewhere.

    ``articles`` names the articles this run covers; rows of other articles in an existing file
    (a combined table re-run on part of a corpus) are kept exactly as they are.
    """
    new_rows = [claim_row(claim) for claim in claims]
    check_unique(new_rows, f"{path} (this run)")

    def merged() -> tuple[list[Row], list[str], WriteReport]:
        old = read_claims(path) if path.exists() else None  # no table yet: nothing to carry
        extras = [column for column in old.columns if column not in CLAIM_COLUMNS] if old is not None else []
        old_rows = old.to_dict("records") if old is not None else []
        problems = status_problems(path, old_rows)
        for copy in reviewed:
            extras += [column for column in copy.extra_columns() if column not in extras]
            old_rows = overlay(old_rows, str(path), copy, [*REVIEW_COLUMNS, *extras])
        rerun, untouched = old_rows, []
        if articles is not None:  # a row of this run's claims is one of its articles', named or not
            new_ids = {row["claim_id"] for row in new_rows}
            rerun = [r for r in old_rows if r.get("article_id", "") in articles or r["claim_id"] in new_ids]
            untouched = [r for r in old_rows if not (r.get("article_id", "") in articles or r["claim_id"] in new_ids)]
        rows, carried, stale = merge_rows(new_rows, rerun, extras)
        rows += untouched
        kept = [*REVIEW_COLUMNS, *extras]
        return rows, extras, WriteReport(path=path, rows=len(rows), carried=carried, stale=stale,
                                         problems=tuple(problems),
                                         reviewed=tuple(row for row in rows if has_reviewer_data(row, kept)))

    return _replace_rows(path, merged)


def rewrite_claims(path: Path, update: Callable[[list[Row]], list[Row]]) -> WriteReport:
    """Rewrite an existing claims CSV with pipeline columns recomputed by ``update`` (which gets
    and returns every row). Reviewer cells and extra columns are put back from the file as read,
    whatever ``update`` did, and the write is atomic like every other."""
    def updated() -> tuple[list[Row], list[str], WriteReport]:
        old = read_claims(path)
        extras = [column for column in old.columns if column not in CLAIM_COLUMNS]
        old_rows = old.to_dict("records")
        kept = [*REVIEW_COLUMNS, *extras]
        new_rows = update([dict(row) for row in old_rows])
        check_unique(new_rows, str(path))
        if {row["claim_id"] for row in new_rows} != {row["claim_id"] for row in old_rows}:
            raise ValueError("an update must keep every row")
        old_by_id = {row["claim_id"]: row for row in old_rows}
        rows = [{**row, **{column: old_by_id[row["claim_id"]].get(column, "") for column in kept}}
                for row in new_rows]
        return rows, extras, WriteReport(path=path, rows=len(rows), carried=0, stale=0,
                                         problems=tuple(status_problems(path, old_rows)))

    return _replace_rows(path, updated)


def _replace_rows(path: Path, merged: Callable[[], tuple[list[Row], list[str], WriteReport]]) -> WriteReport:
    """Write the rows ``merged`` makes from the file as it is now, merged again from the file if a
    reviewer saved it in the meantime (see ``replace_unless_changed``)."""
    result: list[WriteReport] = []

    def merge() -> Callable[[TextIO], None]:
        rows, extras, report = merged()
        result[:] = [report]
        return rows_writer(rows, extras)

    replace_unless_changed(path, merge)
    return result[0]


def rows_writer(rows: list[Row], extras: list[str]) -> Callable[[TextIO], None]:
    """What writes rows sorted, in CLAIM_COLUMNS order plus ``extras``, neutralized, to a handle."""
    ordered = sorted(rows, key=row_key)
    return lambda handle: write_rows(handle, ordered, [*CLAIM_COLUMNS, *extras])


def write_rows(handle: TextIO, rows: Iterable[Row], columns: list[str], header: bool = True) -> int:
    """Write ``rows`` as CSV lines of ``columns`` (a cell a row lacks is empty), text cells
    neutralized, with RFC 4180 line ends; return how many. The bytes a pandas table of strings
    writes, without building one per article (which took more processor time than writing)."""
    texts = set(text_columns(columns))
    writer = csv.writer(handle, lineterminator=CSV_NEWLINE)
    if header:
        writer.writerow(columns)
    written = 0
    for written, row in enumerate(rows, start=1):
        cells = ((column, as_cell(row.get(column, ""))) for column in columns)
        writer.writerow([neutralize(cell) if column in texts else cell for column, cell in cells])
    return written


def as_cell(value: object) -> str:
    """A row's value as its cell's text: a cell missing from a short hand-edited line (read as
    NA) is empty, as pandas writes it."""
    if isinstance(value, str):
        return value
    return "" if pd.isna(value) else str(value)


def read_reviewed(path: Path) -> tuple[ReviewedFile, list[str]]:
    """A reviewed claims CSV to merge, with the problems found in its review statuses."""
    rows = read_claims(path).to_dict("records")
    return ReviewedFile(path, tuple(rows)), status_problems(path, rows)


def read_claims(path: Path) -> pd.DataFrame:
    """An existing claims CSV as strings with spreadsheet neutralization undone."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        message = " ".join(str(error).split())
        raise PipelineError(
            E_OUTPUT, str(path), f"not a readable claims CSV, left as is ({message})"
        ) from None
    if "claim_id" not in frame.columns:
        raise PipelineError(
            E_OUTPUT, str(path), "no claim_id column: not a claims CSV, left as is"
        )
    frame = current_layout(without_blank_rows(frame))
    check_unique(frame.to_dict("records"), str(path))
    return map_text_columns(frame, unneutralize)


def reviewer_rows(path: Path) -> ReviewedFile:
    """The rows of a claims table that hold reviewer work (a reviewer cell or an extra column),
    read in chunks: what a run carries from ``claims.csv`` into the article tables. Few rows are
    reviewed whatever the table's size, so they are held in memory. A table that cannot be read
    gives none here; the run reports it when it merges the table."""
    rows: list[Row] = []
    try:
        for chunk in pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8", chunksize=10_000):
            if "claim_id" not in chunk.columns:
                return ReviewedFile(path, ())
            kept = [*REVIEW_COLUMNS, *(column for column in chunk.columns if column not in CLAIM_COLUMNS)]
            chunk = map_text_columns(without_blank_rows(chunk), unneutralize)
            rows += (row for row in chunk.to_dict("records") if has_reviewer_data(row, kept))
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError):
        return ReviewedFile(path, ())
    return ReviewedFile(path, tuple(rows))


def without_blank_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows with something in them: a spreadsheet saves empty rows below a table as bare
    commas (``,,,,``), which are no claims and would repeat the empty claim_id."""
    return frame[frame.apply(lambda column: column.fillna("").str.strip() != "").any(axis=1)]


def check_unique(rows: list[Row], where: str) -> None:
    """Rows are matched by claim_id, so a repeated id would make the merge ambiguous."""
    seen: set[str] = set()
    for row in rows:
        if row["claim_id"] in seen:
            raise PipelineError(
                E_OUTPUT, where, f"claim_id {row['claim_id']!r} appears more than once"
            )
        seen.add(row["claim_id"])


def merge_rows(
    new_rows: list[Row], old_rows: list[Row], extras: list[str]
) -> tuple[list[Row], int, int]:
    """New rows with the reviewer data of their old selves, plus reviewed rows that disappeared
    (flagged stale, their reference results emptied as a run empties every row's)."""
    kept_columns = [*REVIEW_COLUMNS, *extras]
    old_by_id = {row["claim_id"]: row for row in old_rows}
    new_ids = {row["claim_id"] for row in new_rows}
    merged, carried = [], 0
    for row in new_rows:
        old = old_by_id.get(row["claim_id"])
        if old is not None and has_reviewer_data(old, kept_columns):
            row = carry(row, old, kept_columns)
            carried += 1
        merged.append(row)
    stale = [
        {**old, **dict.fromkeys(REFERENCE_RESULT_COLUMNS, ""), "flags": add_flag(old.get("flags", ""), STALE_FLAG)}
        for old in old_rows
        if old["claim_id"] not in new_ids and has_reviewer_data(old, kept_columns)
    ]
    return merged + stale, carried, len(stale)


def has_reviewer_data(row: Row, kept_columns: list[str]) -> bool:
    """Whether a row holds anything a person typed: a reviewer cell or an extra-column cell."""
    return any(row.get(column, "") for column in kept_columns)


def carry(new: Row, old: Row, kept_columns: list[str]) -> Row:
    """The new row with the old row's reviewer cells, flagged if a reviewed value has changed."""
    row = {**new, **{column: old.get(column, "") for column in kept_columns}}
    if old.get("review_status", "") and "value" in old:
        reviewed_value = changed_from(old.get("flags", ""))
        if reviewed_value is None:
            reviewed_value = old.get("value", "")
        if reviewed_value != new["value"]:
            row["flags"] = add_flag(row["flags"], CHANGED_FLAG + reviewed_value)
    return row


def changed_from(flags: str) -> str | None:
    """The value a reviewer saw, if an earlier run already flagged the value as changed."""
    changed = [flag for flag in split_flags(flags) if flag.startswith(CHANGED_FLAG)]
    return changed[0].removeprefix(CHANGED_FLAG) if changed else None


def split_flags(flags: str) -> list[str]:
    """The items of a ``;``-separated flags cell ("relative;stale" -> ["relative", "stale"]); none
    for an empty cell."""
    return [flag for flag in flags.split(";") if flag]


def add_flag(flags: str, flag: str) -> str:
    """Append ``flag`` to a flags cell unless it is already there."""
    items = split_flags(flags)
    return ";".join(items if flag in items else [*items, flag])


def text_columns(columns: Iterable[str]) -> list[str]:
    """The columns that may hold free text, which is what needs neutralizing."""
    return [column for column in columns if column not in NUMERIC_COLUMNS]


def neutralize(cell: str) -> str:
    """Prefix a quote to a cell a spreadsheet would run as a formula ("=SUM(A1)", "-5%"), and to
    one that already reads as such a prefixed cell ("'@home"), so that reading it back is exact."""
    return "'" + cell if cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def unneutralize(cell: str) -> str:
    """Undo ``neutralize``: drop the one quote it added, so that rewriting a file never stacks quotes."""
    return cell[1:] if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def map_text_columns(frame: pd.DataFrame, function: Callable[[str], str]) -> pd.DataFrame:
    """A copy of ``frame`` with ``function`` applied to every cell of its text columns."""
    mapped = frame.copy()
    for column in text_columns(frame.columns):
        mapped[column] = frame[column].map(function)
    return mapped
