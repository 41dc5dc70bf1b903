"""``claims run --merge`` and ``claims diff`` end to end on a real article through the real model."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.review.diff import DIFF_COLUMNS

ARTICLE = (
    "Trade at a record\n"
    "\n"
    "In 2023, exports grew by 12 percent. "
    "Their value reached $5.2 billion, the ministry said. "
    "Two years ago, the company employed 4,000 workers. "
    "Its plant opened on March 4, 2021.\n"
)


def invoke(*args: object):
    return CliRunner().invoke(app, [str(arg) for arg in args], catch_exceptions=False)


def read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_run_merge_brings_a_reviewed_copy_into_a_new_output_folder(tmp_path: Path) -> None:
    article = tmp_path / "trade.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    first = invoke("run", article, "--out", tmp_path / "first", "--published", "2024-04-09")
    assert first.exit_code == 0, first.stderr
    reviewed = read_csv(tmp_path / "first" / "claims.csv")
    money = reviewed["kind"] == "money"
    reviewed.loc[money, "review_status"] = "verified"
    reviewed.loc[reviewed["kind"] == "count", "review_status"] = "checked"
    reviewed["desk"] = "economics"
    copy = tmp_path / "desk" / "reviewed.csv"
    copy.parent.mkdir()
    reviewed.to_csv(copy, index=False)
    count_line = 2 + reviewed.index[reviewed["kind"] == "count"][0]

    second = invoke("run", article, "--out", tmp_path / "second", "--published", "2024-04-09", "--merge", copy)

    assert second.exit_code == 0, second.stderr
    assert f"[E031] {copy}:{count_line}: claim" in second.stderr and "'checked'" in second.stderr
    for table in ("claims.csv", "trade.claims.csv"):
        merged = read_csv(tmp_path / "second" / table)
        assert list(merged.columns)[-1] == "desk"
        assert (merged["desk"] == "economics").all()
        assert merged.loc[merged["kind"] == "money", "review_status"].tolist() == ["verified"]
        assert merged.loc[merged["kind"] == "count", "review_status"].tolist() == ["checked"]


def test_diff_lists_new_removed_and_changed_claims_per_article(tmp_path: Path) -> None:
    article = tmp_path / "trade.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert invoke("run", article, "--out", tmp_path / "old", "--published", "2024-04-09").exit_code == 0
    article.write_text(ARTICLE.replace("12 percent", "14 percent").replace("4,000 workers", "4,500 workers")
                       .replace("Their value", "By then, their value"), encoding="utf-8")
    assert invoke("run", article, "--out", tmp_path / "new", "--published", "2024-04-09").exit_code == 0
    old, new = read_csv(tmp_path / "old" / "claims.csv"), read_csv(tmp_path / "new" / "claims.csv")
    old.loc[old["kind"] == "date", "review_note"] = "seen"
    old.to_csv(tmp_path / "old" / "claims.csv", index=False)

    result = invoke("diff", tmp_path / "old" / "claims.csv", tmp_path / "new" / "claims.csv",
                    "--csv", tmp_path / "diff.csv")

    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "trade: 2 new, 2 removed, 1 reworded, 1 changed"
    assert any(line.startswith("  + ") and "'14 percent'" in line and "= 14 percent" in line for line in lines)
    assert any(line.startswith("  - ") and "'12 percent'" in line for line in lines)
    money_old = old.loc[old["kind"] == "money", "claim_id"].item()
    money_new = new.loc[new["kind"] == "money", "claim_id"].item()
    assert f"  ~ {money_new}  money  '$5.2 billion'  = 5200000000 USD  (2023)" in lines
    assert f"      claim_id: '{money_old}' -> '{money_new}'" in lines
    assert "      review_note: 'seen' -> ''" in lines
    assert lines[-1] == "2 new, 2 removed, 1 reworded, 1 changed in 1 article(s)"
    table = read_csv(tmp_path / "diff.csv")
    assert tuple(table.columns) == DIFF_COLUMNS
    assert sorted(set(table["change"])) == ["changed", "new", "removed", "reworded"]
    assert {"claim_id", "sentence"} <= set(table.loc[table["change"] == "reworded", "column"])
    added = set(new["claim_id"]) - set(old["claim_id"])
    assert added == set(table.loc[table["change"].isin(["new", "reworded"]), "claim_id"])
