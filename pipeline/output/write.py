"""Writing the claims CSV and JSONL outputs: atomically, safe to open in a spreadsheet, and
without ever losing what a reviewer typed into an earlier version of the file.
"""
from __future__ import annotations

import csv
import os
import re
import stat
import uuid
from collections.abc import Callable, Collection, Iterable
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import TextIO

import pandas as pd

from pipeline.errors import E_OUTPUT, PipelineError
from pipeline.records import CLAIM_COLUMNS, REVIEW_COLUMNS, Claim
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


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """The claims as a table of strings in CLAIM_COLUMNS order, reviewer columns empty."""
    return rows_frame(sorted((claim_row(claim) for claim in claims), key=row_key), CLAIM_COLUMNS)


def claim_row(claim: Claim) -> Row:
    """One claim as CSV cells, with empty reviewer cells."""
    cells = [str(value) for value in astuple(claim)] + [""] * len(REVIEW_COLUMNS)
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


def rows_frame(rows: list[Row], columns: Iterable[str]) -> pd.DataFrame:
    """A string table with exactly ``columns``; cells missing from a row are empty."""
    columns = list(columns)
    cells = [[row.get(column, "") for column in columns] for row in rows]
    return pd.DataFrame(cells, columns=columns, dtype=str)


def write_claims(path: Path, claims: Iterable[Claim], articles: Collection[str] | None = None,
                 reviewed: Iterable[ReviewedFile] = ()) -> WriteReport:
    """Write the claims CSV, merging in the reviewer cells and extra columns of an existing one
    and of any ``reviewed`` copies kept elsewhere.

    ``articles`` names the articles this run covers; rows of other articles in an existing file
    (a combined table re-run on part of a corpus) are kept exactly as they are.
    """
    new_rows = [claim_row(claim) for claim in claims]
    check_unique(new_rows, f"{path} (this run)")
    old = read_claims(path) if path.exists() else claims_frame([])
    extras = [column for column in old.columns if column not in CLAIM_COLUMNS]
    old_rows = old.to_dict("records")
    problems = status_problems(path, old_rows)
    for copy in reviewed:
        extras += [column for column in copy.extra_columns() if column not in extras]
        old_rows = overlay(old_rows, str(path), copy, [*REVIEW_COLUMNS, *extras])
    untouched = [] if articles is None else [r for r in old_rows if r.get("article_id", "") not in articles]
    rerun = old_rows if articles is None else [r for r in old_rows if r.get("article_id", "") in articles]
    rows, carried, stale = merge_rows(new_rows, rerun, extras)
    rows += untouched
    written = write_rows(path, rows, extras)
    return WriteReport(path=path, rows=written, carried=carried, stale=stale, problems=tuple(problems))


def rewrite_claims(path: Path, update: Callable[[list[Row]], list[Row]]) -> WriteReport:
    """Rewrite an existing claims CSV with pipeline columns recomputed by ``update`` (which gets
    and returns every row). Reviewer cells and extra columns are put back from the file as read,
    whatever ``update`` did, and the write is atomic like every other."""
    old = read_claims(path)
    extras = [column for column in old.columns if column not in CLAIM_COLUMNS]
    old_rows = old.to_dict("records")
    kept = [*REVIEW_COLUMNS, *extras]
    updated = update([dict(row) for row in old_rows])
    check_unique(updated, str(path))
    if {row["claim_id"] for row in updated} != {row["claim_id"] for row in old_rows}:
        raise ValueError("an update must keep every row")
    old_by_id = {row["claim_id"]: row for row in old_rows}
    rows = [{**row, **{column: old_by_id[row["claim_id"]].get(column, "") for column in kept}} for row in updated]
    written = write_rows(path, rows, extras)
    return WriteReport(path=path, rows=written, carried=0, stale=0,
                       problems=tuple(status_problems(path, old_rows)))


def write_rows(path: Path, rows: list[Row], extras: list[str]) -> int:
    """Write rows sorted, in CLAIM_COLUMNS order plus ``extras``, neutralized, atomically."""
    frame = rows_frame(sorted(rows, key=row_key), [*CLAIM_COLUMNS, *extras])
    frame = map_text_columns(frame, neutralize)
    atomic_write(
        path, lambda handle: frame.to_csv(handle, index=False, lineterminator=CSV_NEWLINE)
    )
    return len(frame)


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
    """New rows with the reviewer data of their old selves, plus reviewed rows that disappeared."""
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
        {**old, "flags": add_flag(old.get("flags", ""), STALE_FLAG)}
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
    """Prefix a quote to a cell a spreadsheet would run as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def unneutralize(cell: str) -> str:
    """Undo ``neutralize``, so that rewriting a file never stacks quotes."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def map_text_columns(frame: pd.DataFrame, function: Callable[[str], str]) -> pd.DataFrame:
    """A copy of ``frame`` with ``function`` applied to every cell of its text columns."""
    mapped = frame.copy()
    for column in text_columns(frame.columns):
        mapped[column] = frame[column].map(function)
    return mapped


FAILURE_COLUMNS = ("path", "code", "message")


def write_failures(path: Path, errors: Iterable[PipelineError]) -> None:
    """The inputs a run could not use, one row each: where, error code, message."""
    def write(handle: TextIO) -> None:
        writer = csv.writer(handle, lineterminator=CSV_NEWLINE)
        writer.writerow(FAILURE_COLUMNS)
        writer.writerows((neutralize(e.where), e.code, neutralize(e.message)) for e in errors)

    atomic_write(path, write)


TEMP_NAME = re.compile(r"\..+\.[0-9a-f]{32}\.tmp")
"""How ``atomic_write`` names its temp files: ``.<file name>.<32 hex digits>.tmp``."""


def atomic_write(path: Path, write: Callable[[TextIO], None]) -> None:
    """Write via a temp file in the same folder: readers see the old or the new file, never half."""
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise PipelineError(E_OUTPUT, str(path), f"cannot write here ({error.strerror}: {error.filename})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            if path.exists():
                os.chmod(handle.fileno(), stat.S_IMODE(path.stat().st_mode))
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def remove_stale_temps(folder: Path) -> None:
    """Delete the temp files of ``atomic_write`` that a killed run left in ``folder`` (a write that
    finishes or fails removes its own; a killed process cannot)."""
    for path in folder.glob(".*.tmp"):
        if TEMP_NAME.fullmatch(path.name):
            path.unlink(missing_ok=True)


def fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; POSIX only, as other systems cannot open a folder."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
