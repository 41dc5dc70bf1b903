"""A claims table the tools reviewers use cannot break: ids that never read as numbers (and the ids of
tables written before still merge), values with the text's precision that pandas types as numbers,
and numbers typed as numbers in the JSON."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from pipeline.figures.numbers import format_number
from pipeline.output.reviewer import current_claim_id
from pipeline.output.write import read_reviewed, write_claims
from pipeline.records import Claim
from tests.report_fixture import invoke
from tests.reviewer_edits import read_raw

TEXT = ("Acme's revenue rose to $17.1bn in 2023, up 12 percent, the company said on 4 March 2024.\n\n"
        "The merger was agreed in the 1990s.\n")


def claim(claim_id: str, start: int = 0, **fields: object) -> Claim:
    cells: dict = dict(article_id="a", sentence_index=0, end=start + 3, kind="money", text="$5m", value="5000000")
    return Claim(claim_id=claim_id, start=start, **{**cells, **fields})


def test_float_noise_never_reaches_a_cell() -> None:
    assert format_number(17.1 * 1e9) == "17100000000"
    assert format_number(0.1 + 0.2) == "0.3"
    assert format_number(2.76019609) == "2.76019609"


def test_ids_of_earlier_tables_are_read_as_todays() -> None:
    assert current_claim_id("708768622395") == "c708768622395"
    assert current_claim_id("08768622395") == "c008768622395"  # a spreadsheet dropped the leading zero
    assert current_claim_id("74a203c5c72f") == "c74a203c5c72f"
    assert current_claim_id("c74a203c5c72f") == "c74a203c5c72f"
    assert current_claim_id("my-own-row") == "my-own-row"


def test_a_table_reviewed_with_the_old_ids_keeps_its_verdicts(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    old = pd.DataFrame({"claim_id": ["708768622395", "74a203c5c72f", "0000000a1b2c"], "article_id": ["a"] * 3,
                        "start": ["0", "10", "20"], "kind": ["money", "money", "date"],
                        "value": ["5000000", "17100000000.000002", "2023"],
                        "time_value": ["", "", ""], "review_status": ["verified", "false", "verified"]})
    old.to_csv(path, index=False)
    desk = tmp_path / "desk.csv"
    pd.DataFrame({"claim_id": ["8768622395"], "reviewer": ["ana"]}).to_csv(desk, index=False)  # saved as a number

    claims = [claim("c708768622395"), claim("c74a203c5c72f", 10, value="17100000000"),
              claim("c0000000a1b2c", 20, kind="date", value="", text="2023", time_value="2023")]
    claims.append(claim("c008768622395", 30))
    report = write_claims(path, claims, reviewed=[read_reviewed(desk)[0]])

    table = read_raw(path).set_index("claim_id")
    assert report.stale == 0 and len(table) == 4
    assert table.loc["c708768622395", "review_status"] == "verified"
    assert table.loc["c74a203c5c72f", "review_status"] == "false"
    assert table.loc["c74a203c5c72f", "flags"] == ""  # the float noise of old tables is no change of value
    assert table.loc["c0000000a1b2c", "review_status"] == "verified"
    assert table.loc["c0000000a1b2c", "flags"] == ""  # the date moved to time_value: not a changed value
    assert table.loc["c008768622395", "reviewer"] == "ana"


def test_pandas_types_a_figure_value_as_a_number_and_dates_have_their_own_column(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "acme.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    assert invoke("run", articles, "--out", out, "--published", "2024-03-05").exit_code == 0

    for table in (out / "claims.csv", out / "acme.claims.csv"):
        typed = pd.read_csv(table)
        assert typed["value"].dtype == "float64"
        assert typed["checkworthiness"].dtype == "float64"
        raw = read_raw(table)
        assert all(re.fullmatch(r"c[0-9a-f]{12}", claim_id) for claim_id in raw["claim_id"])
        assert raw.query("text == '$17.1bn'")["value"].tolist() == ["17100000000"]
        dates = raw.query("kind == 'date'")
        assert set(dates["value"]) == {""}
        assert "199X" in set(dates["time_value"])


def test_extract_json_gives_numbers_as_numbers() -> None:
    line = json.dumps({"id": "acme", "text": TEXT, "published": "2024-03-05"})
    result = invoke_extract(line)
    money = next(c for c in result["claims"] if c["text"] == "$17.1bn")
    assert money["value"] == 17100000000 and isinstance(money["checkworthiness"], float)
    assert money["value_low"] is None and money["reference_value"] is None
    assert next(f for f in result["figures"] if f["text"] == "$17.1bn")["value"] == 17100000000
    date = next(c for c in result["claims"] if c["kind"] == "date")
    assert date["value"] is None and date["time_value"]


def invoke_extract(line: str) -> dict:
    from typer.testing import CliRunner

    from pipeline.cli import app
    result = CliRunner().invoke(app, ["extract", "--format", "jsonl"], input=line + "\n", catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout.splitlines()[0])
