"""Compares two claims tables claim by claim: which claims are new, which were removed, and which
cells of a kept claim changed, grouped by article, for a terminal or as a CSV.

Claims are matched by claim_id. Offsets and sentence numbers are left out of the comparison: they
move whenever an earlier paragraph is edited, which does not change the claim. A claim whose
sentence was edited gets a new id; a removed and a new claim with the same figure are shown as
one ``reworded`` claim.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline.output.atomic import atomic_write
from pipeline.output.write import CSV_NEWLINE, map_text_columns, neutralize, read_claims

POSITION_COLUMNS = ("sentence_index", "start", "end")

DIFF_COLUMNS = ("article_id", "change", "claim_id", "kind", "text", "column", "old", "new")
"""The columns of ``claims diff --csv``: one row per new or removed claim (old/new hold its value)
and one row per changed cell of a kept or reworded claim (a reworded claim's cells include its
``claim_id`` and ``sentence``)."""

Row = dict[str, str]


@dataclass(frozen=True)
class CellChange:
    """One cell of a claim found in both tables (or reworded), as it was and as it is."""

    column: str
    old: str
    new: str


@dataclass(frozen=True)
class ClaimChange:
    """One claim that is new, removed or changed; ``cells`` lists a changed claim's cells."""

    change: str
    """new, removed, reworded (the sentence was edited, so the id changed) or changed."""
    row: Row
    """The claim's row in the new table; in the old one for a removed claim."""
    cells: tuple[CellChange, ...] = ()


def diff_tables(old: list[Row], new: list[Row]) -> dict[str, list[ClaimChange]]:
    """Changes per article, articles sorted, within each: removed, new, reworded, then changed,
    in text order."""
    old_by_id = {row["claim_id"]: row for row in old}
    new_by_id = {row["claim_id"]: row for row in new}
    removed = [row for row in old if row["claim_id"] not in new_by_id]
    added = [row for row in new if row["claim_id"] not in old_by_id]
    reworded = pair_reworded(removed, added)
    paired = {id(row) for pair in reworded for row in pair}
    changes: list[ClaimChange] = [ClaimChange("removed", row) for row in removed if id(row) not in paired]
    changes += [ClaimChange("new", row) for row in added if id(row) not in paired]
    changes += [ClaimChange("reworded", after, changed_cells(before, after)) for before, after in reworded]
    for row in new:
        before = old_by_id.get(row["claim_id"])
        if before is not None:
            cells = changed_cells(before, row)
            if cells:
                changes.append(ClaimChange("changed", row, cells))
    by_article: dict[str, list[ClaimChange]] = {}
    order = {"removed": 0, "new": 1, "reworded": 2, "changed": 3}
    for change in sorted(changes, key=lambda c: (c.row.get("article_id", ""), order[c.change], offset(c.row))):
        by_article.setdefault(change.row.get("article_id", ""), []).append(change)
    return by_article


def pair_reworded(removed: list[Row], added: list[Row]) -> list[tuple[Row, Row]]:
    """A removed and a new claim of one article with the same figure (kind, text, value, unit):
    the sentence around it was edited, which gives the claim a new id. Paired one to one in text
    order, so that a reviewer sees where a review now marked stale belongs."""
    def key(row: Row) -> tuple[str, ...]:
        return (*(row.get(c, "") for c in ("article_id", "kind", "text")), figure_value(row), row.get("unit", ""))

    waiting: dict[tuple[str, ...], list[Row]] = {}
    for row in sorted(added, key=offset):
        waiting.setdefault(key(row), []).append(row)
    pairs = []
    for row in sorted(removed, key=offset):
        candidates = waiting.get(key(row))
        if candidates:
            pairs.append((row, candidates.pop(0)))
    return pairs


def changed_cells(old: Row, new: Row) -> tuple[CellChange, ...]:
    """Cells that differ, over the columns of both rows except positions; a column only one of
    the two tables has counts as empty in the other."""
    columns = [c for c in dict.fromkeys([*new, *old]) if c not in POSITION_COLUMNS]
    return tuple(CellChange(c, old.get(c, ""), new.get(c, "")) for c in columns if old.get(c, "") != new.get(c, ""))


def offset(row: Row) -> int:
    """A row's start offset, to put changes in text order; -1 where a person broke the cell, so
    that such a row sorts first instead of failing the diff."""
    try:
        return int(row.get("start", ""))
    except ValueError:
        return -1


def read_rows(path: Path) -> list[Row]:
    """A claims CSV as rows of strings with spreadsheet quoting undone (``read_claims``), so that
    a table a reviewer saved compares cell for cell with the run's."""
    return read_claims(path).to_dict("records")


MARKS = {"new": "+", "removed": "-", "reworded": "~", "changed": "~"}


def format_text(diff: dict[str, list[ClaimChange]]) -> str:
    """A readable summary: one block per article, one line per claim, one indented line per cell."""
    lines = []
    for article, changes in diff.items():
        counts = {kind: sum(c.change == kind for c in changes) for kind in MARKS}
        lines.append(f"{article or '(no article id)'}: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()))
        for change in changes:
            lines.append(f"  {MARKS[change.change]} {describe(change.row)}")
            lines += [f"      {cell.column}: {cell.old!r} -> {cell.new!r}" for cell in change.cells]
    total = {kind: sum(c.change == kind for cs in diff.values() for c in cs) for kind in MARKS}
    lines.append(", ".join(f"{n} {kind}" for kind, n in total.items()) + f" in {len(diff)} article(s)")
    return "\n".join(lines)


def describe(row: Row) -> str:
    """A claim in one line: id, kind, the text as written, its value and unit, its period."""
    value = figure_value(row)
    parts = [row["claim_id"], row.get("kind", ""), f"{row.get('text', '')!r}", f"= {value} {row.get('unit', '')}".rstrip()]
    if row.get("time_value", "") and row.get("kind") != "date":
        parts.append(f"({row['time_value']})")
    if row.get("review_status", ""):
        parts.append(f"[{row['review_status']}]")
    return "  ".join(part for part in parts if part.strip())


def figure_value(row: Row) -> str:
    """The value a row states: a figure's number or range ("5-6"), a date row's EDTF value."""
    if row.get("kind") == "date":
        return row.get("time_value", "")
    return row.get("value", "") or "-".join(v for v in (row.get("value_low", ""), row.get("value_high", "")) if v)


def diff_rows(diff: dict[str, list[ClaimChange]]) -> Iterable[list[str]]:
    """The rows of ``claims diff --csv`` (DIFF_COLUMNS): one per changed cell, and one per new or
    removed claim with its value under ``new`` or ``old``."""
    for article, changes in diff.items():
        for change in changes:
            base = [article, change.change, change.row["claim_id"], change.row.get("kind", ""), change.row.get("text", "")]
            if change.cells:
                for cell in change.cells:
                    yield base + [cell.column, cell.old, cell.new]
            else:
                value = figure_value(change.row)
                yield base + ["value", value if change.change == "removed" else "", value if change.change == "new" else ""]


def write_diff_csv(path: Path, diff: dict[str, list[ClaimChange]]) -> int:
    """Write the diff as CSV (atomically, formula cells neutralized); returns the number of rows."""
    frame = pd.DataFrame(list(diff_rows(diff)), columns=list(DIFF_COLUMNS), dtype=str)
    frame = map_text_columns(frame, neutralize)
    atomic_write(path, lambda handle: frame.to_csv(handle, index=False, lineterminator=CSV_NEWLINE))
    return len(frame)
