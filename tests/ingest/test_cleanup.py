"""Text clean-up: what it changes, what it keeps, and that offsets index the text reported."""
from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given

from tests.ingest.ingest_inputs import FUZZ, assert_error, texts
from pipeline.errors import E_EMPTY
from pipeline.ingest.cleanup import clean_text
from pipeline.jobs.run import run_paths

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("a\r\nb\rc\u2028d\fe", "a\nb\nc\nd\ne"),
        ("Cafe\u0301", "Caf\u00e9"),  # NFC
        ("mil\u00adlion and 12\u200b000", "million and 12000"),
        ("4\u202f209\u00a0km", "4209 km"),
        ("1\u00a0000\u00a0000 people", "1000000 people"),
        ("12\u2009500,75", "12500,75"),
        ("1,5\u00a0%", "1,5 %"),
        ("in 2023\u00a0420 people", "in 2023 420 people"),  # a year is not a digit group
        ("down \u22125%", "down -5%"),
        ("a\u2212b", "a\u2212b"),
        ("cars........", "cars..."),
        ("Chapter 2 . . . . page 11", "Chapter 2 ... page 11"),
        ("wait...", "wait..."),
        ("bell\x07ring", "bell ring"),
        ("\u201cQuoted\u201d \u2018it\u2019s\u2019 2022\u201323 \u2014 dash", "\u201cQuoted\u201d \u2018it\u2019s\u2019 2022\u201323 \u2014 dash"),
        ("Story text.\n\n\u00a9 Foreign Affairs", "Story text."),
        ("Story text.\n\nCopyright \u00a9 2024 Mapping the Market\n", "Story text.\n"),
        ("Copyright law changed in 2019.", "Copyright law changed in 2019."),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_clean_text_is_idempotent_and_nfc() -> None:
    raw = (FIXTURES / "text" / "typography.txt").read_text(encoding="utf-8")
    once = clean_text(raw)
    assert clean_text(once) == once
    assert unicodedata.is_normalized("NFC", once)


def test_offsets_index_the_reported_text(tmp_path: Path, resources) -> None:
    """Every claim of the typographic fixtures indexes the text `run` reports for its article."""
    inputs = [FIXTURES / "text" / "typography.txt", FIXTURES / "html" / "blog-rents-wages.htm"]
    summary = run_paths(inputs, tmp_path, resources, lambda line: None, published=date(2024, 4, 9))
    assert summary.failures == [] and summary.articles == 2
    records = [json.loads(line) for line in (tmp_path / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    texts = {record["id"]: record["article"]["text"] for record in records}
    claims = [claim for record in records for claim in record["claims"]]
    assert len(claims) >= 10
    for claim in claims:
        assert texts[claim["article_id"]][claim["start"]:claim["end"]] == claim["text"], claim
    table = pd.read_csv(tmp_path / "claims.csv", dtype=str, keep_default_na=False)
    for row in table.to_dict("records"):
        assert texts[row["article_id"]][int(row["start"]):int(row["end"])] == row["text"].removeprefix("'")
    found = {(row["article_id"], row["text"].removeprefix("'"), row["value"]) for row in table.to_dict("records")}
    assert ("typography", "4209 km", "4209") in found
    assert ("typography", "2300 workers", "2300") in found
    assert ("typography", "-3.5 %", "-3.5") in found
    assert ("blog-rents-wages", "12400 rental homes", "12400") in found
    assert set(table["published"]) == {"2024-04-09"} and set(table["published_origin"]) == {"cli"}


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n", "\ufeff \n".encode("utf-8")])
def test_empty_or_whitespace(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert_error(path, E_EMPTY)


@FUZZ
@given(texts)
def test_clean_text_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
    assert "\r" not in once and "\u00ad" not in once and "\u00a0" not in once
