"""How the tests read and edit a claims CSV the way a reviewer's tool (pandas) would."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from pipeline.output.write import claim_row, row_key
from pipeline.records import CLAIM_COLUMNS, Claim


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """The claims as ``read_raw`` should read them back: strings in CLAIM_COLUMNS order, sorted as
    the writer sorts, reviewer columns empty."""
    rows = sorted((claim_row(claim) for claim in claims), key=row_key)
    return pd.DataFrame([[row[column] for column in CLAIM_COLUMNS] for row in rows], columns=CLAIM_COLUMNS, dtype=str)


def read_raw(path: Path) -> pd.DataFrame:
    """Every cell as the string in the file, empty cells as ""."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def review(path: Path, edits: dict[str, dict[str, str]]) -> None:
    """Set cells by claim id, adding columns as needed, and save with CRLF line ends (which also
    quotes a lone \\r in a cell), as a spreadsheet user would."""
    frame = read_raw(path)
    for claim_id, cells in edits.items():
        for column, value in cells.items():
            if column not in frame.columns:
                frame[column] = ""
            frame.loc[frame["claim_id"] == claim_id, column] = value
    frame.to_csv(path, index=False, lineterminator="\r\n")
