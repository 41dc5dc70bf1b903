"""Figures reviewed as one: a body figure and the headline or lead figures that restate it (the
``restates`` column). The review pages show each group together, its main row (the body figure)
first; on the review desk the main row's reviewer cells go to the rows that restate it, unless a
reviewer gave one of those rows cells of its own.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.output.write import read_claims
from pipeline.review.report import Row
from pipeline.review.verdicts import EDITABLE, Edit, save_edit, tables_of


def grouped_order(rows: Sequence[Row]) -> list[Row]:
    """``rows`` in their order, with the rows that restate a figure moved right after it: the
    headline's "$17bn" under the body's "$17.1 billion". A row whose main row is not in ``rows``
    stays where it is."""
    ids = {row.get("claim_id", "") for row in rows}
    followers: dict[str, list[Row]] = {}
    for row in rows:
        if row.get("restates", "") in ids:
            followers.setdefault(row["restates"], []).append(row)
    ordered = []
    for row in rows:
        if row.get("restates", "") not in ids:
            ordered += [row, *followers.get(row.get("claim_id", ""), [])]
    return ordered


def restating(rows: Iterable[Row], claim_id: str) -> list[Row]:
    """The rows that restate the figure ``claim_id``."""
    return [row for row in rows if claim_id and row.get("restates", "") == claim_id]


def reviewer_cells(row: Row) -> tuple[str, ...]:
    """A row's reviewer cells as the desk edits them, an ``unreviewed`` status as none."""
    return tuple("" if column == "review_status" and row.get(column, "") == "unreviewed" else row.get(column, "")
                 for column in EDITABLE)


def follows(row: Row, main: Row) -> bool:
    """Whether a restating row takes its main row's verdict: it holds a copy of the main row's
    reviewer cells (none, before the first verdict). A row a reviewer gave a status, note, link or
    name of its own that differs from the main row's is the reviewer's and is never changed."""
    return reviewer_cells(row) == reviewer_cells(main)


def article_rows(out_dir: Path, article_id: str) -> list[Row]:
    """The rows of one article as its own table holds them (``claims.csv`` without one)."""
    tables = tables_of(out_dir, article_id)
    if not tables:
        return []
    rows = read_claims(tables[0]).to_dict("records")
    return [row for row in rows if row.get("article_id", "") == article_id]


def followers_before(out_dir: Path, edit: Edit) -> list[Row]:
    """The rows that restate the edited row and follow it, read before the edit is saved (under
    the folder's lock)."""
    rows = article_rows(out_dir, edit.article_id)
    main = next((row for row in rows if row["claim_id"] == edit.claim_id), None)
    return [row for row in restating(rows, edit.claim_id) if follows(row, main)] if main else []


def give_to_followers(out_dir: Path, edit: Edit, followers: Sequence[Row], saved: Row,
                      today: date | None = None) -> tuple[dict[str, Row], list[str]]:
    """Save the main row's cells as saved into each follower: the cells saved per claim id, and
    the refusals (a follower changed in a file since it was read, which the lock makes rare)."""
    given, refused = {}, []
    for row in followers:
        follower = Edit(edit.article_id, row["claim_id"], {column: saved.get(column, "") for column in EDITABLE},
                        {column: row.get(column, "") for column in EDITABLE})
        try:
            given[row["claim_id"]] = save_edit(out_dir, follower, today)
        except PipelineError as error:
            refused.append(str(error))
    return given, refused
