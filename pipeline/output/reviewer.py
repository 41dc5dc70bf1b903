"""What reviewers type into a claims table: the allowed review statuses, where a bad one is (file
and line, so it can be fixed in place), and how a reviewed copy kept elsewhere is folded into the
rows of the file being rewritten without ever dropping a cell.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from pipeline.errors import E_REVIEW_CONFLICT, E_REVIEW_STATUS, PipelineError
from pipeline.figures.numbers import format_number
from pipeline.records import CLAIM_COLUMNS, CLAIM_ID_PREFIX

Row = dict[str, str]

REVIEW_STATUSES = ("unreviewed", "verified", "false", "misleading", "unverifiable", "not_a_claim")
"""The values ``review_status`` may hold; an empty cell means the same as ``unreviewed``."""

VERDICTS = ("verified", "false", "misleading", "unverifiable")
"""Statuses that are a final verdict on a claim (what ``claims export --claimreview`` publishes)."""


LEGACY_CLAIM_ID = re.compile(r"[0-9a-f]{12}|[0-9]{1,11}")
"""A claim id as tables written before ids had a letter held it: 12 hex digits, or an all-digit
one that a spreadsheet saved as a number without its leading zeros."""


def current_claim_id(cell: str) -> str:
    """The claim id a table of an earlier version means, as the pipeline writes it now:
    ``708768622395`` -> ``c708768622395``, ``8768622395`` (leading zeros lost) ->
    ``c008768622395``; a current id or a reviewer's own text as it is."""
    return CLAIM_ID_PREFIX + cell.zfill(12) if LEGACY_CLAIM_ID.fullmatch(cell) else cell


def current_layout(frame: pd.DataFrame) -> pd.DataFrame:
    """A claims table read from disk in today's layout, so that reviewed tables written by earlier
    versions keep their rows: claim ids (also in ``linked_to``) as ``current_claim_id`` makes
    them, figure values without float noise (``17100000000.000002`` is ``17100000000``, so a
    reviewed value does not read as changed), and a date row's EDTF value in ``time_value`` only,
    its ``value`` empty."""
    frame = frame.copy()
    frame["claim_id"] = frame["claim_id"].map(current_claim_id)
    if "linked_to" in frame.columns:
        frame["linked_to"] = frame["linked_to"].map(
            lambda cell: "; ".join(current_claim_id(part) for part in cell.split("; ")) if cell else cell)
    for column in ("value", "value_low", "value_high"):
        if column in frame.columns:
            frame[column] = frame[column].map(without_noise)
    if {"kind", "value", "time_value"} <= set(frame.columns):
        dated = (frame["kind"] == "date") & (frame["value"] != "")
        frame.loc[dated & (frame["time_value"] == ""), "time_value"] = frame.loc[dated, "value"]
        frame.loc[dated, "value"] = ""
    return frame


def without_noise(cell: str) -> str:
    """A number cell as a run writes it now (``17100000000.000002`` -> ``17100000000``); any other
    cell (an EDTF date, a reviewer's text) as it is."""
    try:
        return format_number(float(cell)) if cell.strip() else cell
    except (ValueError, OverflowError):
        return cell


@dataclass(frozen=True)
class ReviewedFile:
    """A reviewed claims CSV given with ``--merge``: its rows as read, and where they came from."""

    path: Path
    rows: tuple[Row, ...]

    def extra_columns(self) -> list[str]:
        """Columns the reviewer added, in the order they first appear."""
        seen: dict[str, None] = {}
        for row in self.rows:
            seen.update(dict.fromkeys(c for c in row if c not in CLAIM_COLUMNS))
        return list(seen)

    def for_claims(self, article_id: str, claim_ids: set[str]) -> ReviewedFile:
        """The rows that belong to one article's table: its article id, or one of its claim ids
        (looked up, not scanned: a run asks once per article)."""
        picked = {*self._by_article.get(article_id, ()), *(self._by_claim[c] for c in claim_ids if c in self._by_claim)}
        return ReviewedFile(self.path, tuple(self.rows[index] for index in sorted(picked)))

    @cached_property
    def _by_article(self) -> dict[str, list[int]]:
        index: dict[str, list[int]] = {}
        for position, row in enumerate(self.rows):
            index.setdefault(row.get("article_id", ""), []).append(position)
        return index

    @cached_property
    def _by_claim(self) -> dict[str, int]:
        return {row["claim_id"]: position for position, row in enumerate(self.rows)}


def record_lines(path: Path) -> list[int]:
    """The line each data record of a CSV starts on (1-based; the header is line 1), counting
    line breaks inside quoted cells the way the csv reader and pandas do. Blank lines, which
    pandas skips, are skipped too."""
    starts = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        previous = 0
        for record in reader:
            if record:
                starts.append(previous + 1)
            previous = reader.line_num
    return starts[1:]


def status_problems(path: Path, rows: list[Row]) -> list[str]:
    """One coded line, naming file and line, per row whose ``review_status`` is not allowed. The
    value is kept as typed: a typo must be fixed by a person, never silently dropped."""
    return problems_at(path, [(i, row) for i, row in enumerate(rows) if not allowed_status(row.get("review_status", ""))])


def problems_at(path: Path, bad: list[tuple[int, Row]]) -> list[str]:
    """The lines of ``status_problems`` for rows already found bad, given with their index in the file."""
    if not bad:
        return []
    lines = record_lines(path)
    return [str(PipelineError(E_REVIEW_STATUS, f"{path}:{lines[i] if i < len(lines) else '?'}",
                              status_message(row))) for i, row in bad]


def allowed_status(status: str) -> bool:
    """Whether a ``review_status`` cell may stand: empty or one of REVIEW_STATUSES as spelled
    there ("Verified" may not)."""
    return status == "" or status in REVIEW_STATUSES


def status_message(row: Row) -> str:
    """Why a row's status is refused, with the status meant when only case, spaces or hyphens
    differ: "Not a claim" -> did you mean 'not_a_claim'?"""
    status = row["review_status"]
    hint = status.strip().lower().replace(" ", "_").replace("-", "_")
    suggestion = f" (did you mean {hint!r}?)" if hint in REVIEW_STATUSES else ""
    return (f"claim {row['claim_id']}: review_status {status!r} is not one of "
            f"{', '.join(REVIEW_STATUSES)}{suggestion}; kept as typed")


def overlay(rows: list[Row], where: str, reviewed: ReviewedFile, kept_columns: Iterable[str]) -> list[Row]:
    """``rows`` (an existing table read from ``where``) with the reviewed file laid over them by
    claim_id: a non-empty reviewed cell fills the row; a reviewed row with no counterpart is
    added. Two different non-empty values for one reviewer cell are a conflict that a person
    must settle, so nothing is written rather than one of them lost."""
    kept = list(kept_columns)
    by_id = {row["claim_id"]: index for index, row in enumerate(rows)}
    result = list(rows)
    for other in reviewed.rows:
        index = by_id.get(other["claim_id"])
        if index is None:
            by_id[other["claim_id"]] = len(result)
            result.append(dict(other))
            continue
        base = result[index]
        for column in kept:
            mine, theirs = base.get(column, ""), other.get(column, "")
            if mine and theirs and mine != theirs:
                raise PipelineError(
                    E_REVIEW_CONFLICT, where,
                    f"claim {other['claim_id']} {column}: {mine!r} here but {theirs!r} in {reviewed.path}; "
                    "settle it in one file and run again (nothing written)")
        result[index] = {**base, **{column: value for column, value in other.items() if value}}
    return result

