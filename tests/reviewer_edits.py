"""How the tests read and edit a claims CSV the way a reviewer's tool (pandas) would."""
from __future__ import annotations

from pathlib import Path

import pandas as pd


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
