"""``claims verify``: claims against reference facts on the seed article, unit and scale
conversion, tolerances and qualifiers, the metric lexicon's examples, and reviewer cells kept."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.consistency import figures_of
from pipeline.errors import E_REFERENCE, PipelineError
from pipeline.records import CLAIM_COLUMNS, Claim
from pipeline.verify import load_lexicon, metric_of, read_facts, verify_claims
from pipeline.write import write_claims

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "corpus" / "articles" / "putin-xi-unholy-alliance.txt"
REFERENCE = REPO / "corpus" / "reference" / "reference_facts.csv"
LEXICON = load_lexicon()


def invoke(*args: object):
    return CliRunner().invoke(app, [str(arg) for arg in args], catch_exceptions=False)


def read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    assert invoke("run", SEED, "--out", out).exit_code == 0
    return out


def test_verify_on_the_seed(seed_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(seed_out, out)

    result = invoke("verify", "--reference", REFERENCE, "--out", out)

    assert result.exit_code == 0, result.stderr
    assert f"{out / 'claims.csv'}: 5 supported, 1 contradicted, 11 no_reference" in result.stderr
    table = read_csv(out / "claims.csv")
    assert tuple(table.columns) == CLAIM_COLUMNS
    by_text = {row["text"]: row for row in table.to_dict("records")}
    trade = by_text["$240 billion"]
    assert (trade["reference_status"], trade["reference_value"]) == ("supported", "240110000000")
    assert trade["reference_source"] == "General Administration of Customs of China (annual release Jan 2024)"
    assert trade["reference_diff"] == "110e6 USD below (0.046%)"
    border = by_text["2,615-mile"]
    assert (border["reference_status"], border["reference_value"]) == ("supported", "2615.35")
    assert border["reference_source"].endswith("[4209 km]")
    growth = by_text["36 percent"]
    assert (growth["reference_status"], growth["reference_value"]) == ("contradicted", "29.3")
    assert growth["reference_diff"] == "6.7 points above; matches 2021 (35.8 percent)"
    assert {by_text[t]["reference_status"] for t in ("$190 billion", "$129 billion", "$111 billion")} == {"supported"}
    assert by_text["23 percent"]["reference_status"] == "no_reference"
    assert set(table.loc[table["kind"] == "date", "reference_status"]) == {""}
    assert read_csv(out / "putin-xi-unholy-alliance.claims.csv").equals(table)


def test_verify_keeps_reviewer_cells_and_extra_columns(seed_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(seed_out, out)
    table = read_csv(out / "claims.csv")
    growth = table["text"] == "36 percent"
    table.loc[growth, "review_status"] = "false"
    table.loc[growth, "review_note"] = "=29.3 per customs"
    table["desk"] = ""
    table.loc[table["text"] == "2,615-mile", "desk"] = "geo"
    table.to_csv(out / "claims.csv", index=False)

    assert invoke("verify", "--reference", REFERENCE, "--out", out).exit_code == 0
    assert invoke("verify", "--reference", REFERENCE, "--out", out).exit_code == 0

    after = read_csv(out / "claims.csv")
    assert list(after.columns) == [*CLAIM_COLUMNS, "desk"]
    row = after[after["text"] == "36 percent"].iloc[0]
    assert (row["review_status"], row["review_note"], row["reference_status"]) == ("false", "'=29.3 per customs", "contradicted")
    assert after.loc[after["text"] == "2,615-mile", "desk"].item() == "geo"
    assert len(after) == len(table)


def claim(claim_id: str, text: str, value: str, unit: str, **fields: object) -> Claim:
    base: dict = dict(article_id="a", sentence_index=0, start=0, end=len(text), kind="quantity", role="level",
                      qualifier="exact", time_value="2006", entities="China; Russia")
    return Claim(claim_id=claim_id, text=text, value=value, unit=unit, **{**base, **fields})


def facts(tmp_path: Path, rows: str):
    path = tmp_path / "facts.csv"
    path.write_text("metric,subject,period,value,unit,source,note\n" + rows, encoding="utf-8")
    return read_facts(path, LEXICON)


def test_units_and_scales_convert(tmp_path: Path) -> None:
    reference = facts(tmp_path, "border_length,China-Russia,2006,2615,miles,atlas,\n"
                                "bilateral_trade,Russia-China,2023,240.11,USD billion,customs,\n")
    claims = [claim("km", "4,209 km", "4209", "kilometre", subject="the border"),
              claim("usd", "$240 billion", "240000000000", "USD", kind="money", subject="bilateral trade",
                    time_value="2023")]
    outcomes = verify_claims(claims, reference, LEXICON)
    assert (outcomes["km"].status, outcomes["km"].value) == ("supported", "4208.43")
    assert outcomes["km"].source == "atlas [2615 miles]"
    assert (outcomes["usd"].status, outcomes["usd"].value) == ("supported", "240110000000")


@pytest.mark.parametrize("value,qualifier,status", [
    ("4209", "exact", "supported"), ("4290", "exact", "supported"), ("4350", "exact", "contradicted"),
    ("4400", "approx", "supported"), ("4500", "approx", "contradicted"),
    ("4000", "more_than", "supported"), ("4500", "more_than", "contradicted"),
    ("4500", "less_than", "supported"), ("4000", "less_than", "contradicted"),
])
def test_tolerances_and_qualifiers(tmp_path: Path, value: str, qualifier: str, status: str) -> None:
    reference = facts(tmp_path, "border_length,China-Russia,2006,4209,km,atlas,\n")
    outcome = verify_claims([claim("c", f"{value} km", value, "kilometre", subject="border",
                                   qualifier=qualifier)], reference, LEXICON)["c"]
    assert outcome.status == status


@pytest.mark.parametrize("fields", [
    dict(time_value="2007"), dict(entities="China; Mongolia"), dict(unit="troop"), dict(subject="the river"),
    dict(role="share"),
])
def test_no_reference_when_period_entities_unit_or_metric_differ(tmp_path: Path, fields: dict) -> None:
    reference = facts(tmp_path, "border_length,China-Russia,2006,4209,km,atlas,\n")
    base = dict(subject="their border")
    outcome = verify_claims([claim("c", "4,209 km", "4209", fields.pop("unit", "kilometre"), **{**base, **fields})],
                            reference, LEXICON)["c"]
    assert outcome.status == "no_reference"


def test_entities_from_the_sentences_before_when_the_claims_own_name_none(tmp_path: Path) -> None:
    reference = facts(tmp_path, "border_length,China-Russia,2006,4209,km,atlas,\n")
    context = claim("ctx", "2005", "2005", "", kind="date", sentence_index=3, entities="Russia; China")
    near = claim("near", "4,209 km", "4209", "kilometre", subject="border", sentence_index=5, entities="")
    far = claim("far", "4,209 km", "4209", "kilometre", subject="border", sentence_index=9, entities="")
    outcomes = verify_claims([context, near, far], reference, LEXICON)
    assert (outcomes["near"].status, outcomes["far"].status) == ("supported", "no_reference")


@pytest.mark.parametrize("example", LEXICON.examples, ids=lambda e: e["figure"])
def test_metric_lexicon_examples(example: dict, extract) -> None:
    extraction = extract(example["text"])
    fig = next(f for f in figures_of(extraction.claims) if f.claim.text == example["figure"])
    assert (metric_of(fig, LEXICON) or None) == example["metric"]


@pytest.mark.parametrize("content,message", [
    ("metric,subject,value\nx,y,1\n", "missing column(s) period, unit"),
    ("metric,subject,period,value,unit\nborder_length,China-Russia,2006,about 4000,km\n", ":2: value 'about 4000'"),
])
def test_a_bad_reference_file_is_a_coded_error_naming_it(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "facts.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PipelineError) as caught:
        read_facts(path, LEXICON)
    assert caught.value.code == E_REFERENCE and str(path) in str(caught.value) and message in str(caught.value)


def test_verify_without_tables_is_a_coded_error(tmp_path: Path) -> None:
    write_claims(tmp_path / "elsewhere.csv", [])
    with pytest.raises(PipelineError) as caught:
        invoke("verify", "--reference", REFERENCE, "--out", tmp_path)
    assert caught.value.code == E_REFERENCE
