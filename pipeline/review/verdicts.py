"""A verdict typed into the review desk, saved into the claims tables of the output folder: the row's
reviewer cells as the page edited them, merged with what the files hold now, never overwriting a
cell someone else changed since the page loaded it.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pipeline.errors import E_REVIEW_CONFLICT, E_REVIEW_STATUS, PipelineError
from pipeline.records import CLAIM_COLUMNS
from pipeline.output.reviewer import allowed_status, current_claim_id, status_message
from pipeline.output.atomic import file_state, replace_unless_changed
from pipeline.output.write import Row, read_claims, rows_writer

EDITABLE = ("review_status", "review_note", "evidence_url", "reviewer")
"""The cells the desk edits; ``reviewed_at`` is set to the day a status is given."""


@dataclass(frozen=True)
class Edit:
    """What a page sends for one row: the cells as the reviewer left them, and as the page loaded
    them (``base``), which tells a change of the reviewer's from one made in the file meanwhile."""

    article_id: str
    claim_id: str
    cells: Mapping[str, str]
    base: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of_json(cls, body: object) -> Edit:
        """An edit from the page's JSON; ValueError for anything else (a field not editable, a
        value that is not text)."""
        if not isinstance(body, dict):
            raise ValueError("an edit is a JSON object")
        cells, base = body.get("cells"), body.get("base", {})
        texts = [body.get("article_id"), body.get("claim_id"), *_values(cells), *_values(base)]
        if not all(isinstance(text, str) for text in texts):
            raise ValueError("article_id, claim_id, cells and base hold text only")
        unknown = set(cells) - set(EDITABLE)
        if unknown or not cells:
            raise ValueError(f"only {', '.join(EDITABLE)} can be edited (got {', '.join(sorted(unknown)) or 'none'})")
        return cls(body["article_id"], body["claim_id"], dict(cells), dict(base))


def _values(cells: object) -> list[object]:
    if not isinstance(cells, dict):
        return [None]
    return [*cells, *cells.values()]


def tables_of(out_dir: Path, article_id: str) -> list[Path]:
    """The tables that hold an article's rows: its own ``<id>.claims.csv`` and ``claims.csv``
    (``report`` reads the first, ``export`` the second), those that exist."""
    article_table = out_dir / f"{article_id}.claims.csv"
    if not article_table.resolve().is_relative_to(out_dir.resolve()):
        raise PipelineError(E_REVIEW_CONFLICT, str(out_dir), f"article id {article_id!r} is outside this folder")
    return [path for path in (article_table, out_dir / "claims.csv") if path.is_file()]


def save_edit(out_dir: Path, edit: Edit, today: date | None = None) -> Row:
    """Write ``edit`` into every table of its article and return the row's reviewer cells as saved.
    The caller holds the folder's lock. A cell changed in a file since the page loaded it, to
    something else than the page holds, is a conflict (E032): nothing is written, in any table."""
    status = edit.cells.get("review_status", "")
    if not allowed_status(status):
        raise PipelineError(E_REVIEW_STATUS, edit.article_id, status_message({**edit.cells, "claim_id": edit.claim_id}))
    tables = tables_of(out_dir, edit.article_id)
    if not tables:
        raise PipelineError(E_REVIEW_CONFLICT, str(out_dir), f"no claims table for article {edit.article_id!r}")
    today = today or date.today()
    states = [file_state(path) for path in tables]  # taken before the reads: a save after them is seen
    updated = [updated_table(path, edit, today) for path in tables]  # a conflict stops before any write
    for path, state, (rows, extras, _) in zip(tables, states, updated):
        replace_unless_changed(path, lambda path=path: rows_writer(*updated_table(path, edit, today)[:2]),
                               merged=(state, rows_writer(rows, extras)))
    saved = updated[0][2]
    return {column: saved.get(column, "") for column in (*EDITABLE, "reviewed_at")}


def updated_table(path: Path, edit: Edit, today: date) -> tuple[list[Row], list[str], Row]:
    """The rows of one table with the edit merged into its row, the table's extra columns, and
    the row as merged."""
    frame = read_claims(path)
    extras = [column for column in frame.columns if column not in CLAIM_COLUMNS]
    rows = frame.to_dict("records")
    claim_id = current_claim_id(edit.claim_id)
    index = next((i for i, row in enumerate(rows) if row["claim_id"] == claim_id), None)
    if index is None:
        raise PipelineError(E_REVIEW_CONFLICT, str(path), f"claim {claim_id} is not in this table (a run removed "
                            "it?); reload the page (nothing saved)")
    rows[index] = merged_row(rows[index], edit, str(path), today)
    return rows, extras, rows[index]


def merged_row(row: Row, edit: Edit, where: str, today: date) -> Row:
    """``row`` with the edit's cells. A cell the file holds as the page loaded it, or already as
    the page has it, takes the page's value; a cell someone changed in the file meanwhile to a
    third value is refused: ``review_note: 'x' in the file since the page loaded '' ...``."""
    merged = dict(row)
    for column, value in edit.cells.items():
        now, loaded = row.get(column, ""), edit.base.get(column, "")
        if now == value:
            continue
        if now != loaded:
            raise PipelineError(
                E_REVIEW_CONFLICT, where,
                f"claim {row['claim_id']} {column}: {now!r} in the file, changed since the page loaded {loaded!r}, "
                f"but {value!r} in the page; reload the page and settle it (nothing saved)")
        merged[column] = value
    if merged.get("review_status", "") != row.get("review_status", ""):
        decided = merged.get("review_status", "") not in ("", "unreviewed")
        merged["reviewed_at"] = today.isoformat() if decided else ""
    return merged
