"""``claims verify``: claims against reference facts on the seed article, unit and scale
conversion, tolerances and qualifiers, the metric lexicon's examples, and reviewer cells kept."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.checks.figures import figures_of
from pipeline.errors import E_REFERENCE, PipelineError
from pipeline.records import CLAIM_COLUMNS, Claim
from pipeline.checks.verify import load_lexicon, metric_of, read_facts, split_subject, verify_claims
from pipeline.output.write import write_claims

REPO = Path(__file__).resolve().parents[2]
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


def test_no_reference_says_which_periods_exist_or_that_references_disagree(tmp_path: Path) -> None:
    reference = facts(tmp_path, "border_length,China-Russia,2006,4209,km,atlas,\n"
                                "border_length,China-Russia,2008,4209,km,atlas,\n"
                                "border_length,China-Russia,2008,4300,km,survey,\n")
    outcomes = verify_claims([claim("late", "4,209 km", "4209", "kilometre", subject="border", time_value="2010"),
                              claim("two", "4,209 km", "4209", "kilometre", subject="border", time_value="2008",
                                    start=20)], reference, LEXICON)
    assert (outcomes["late"].status, outcomes["late"].source) == ("no_reference", "no reference for 2010 (references for 2006, 2008)")
    assert outcomes["two"].status == "no_reference"
    assert outcomes["two"].source == "references for 2008 disagree: 4209 km (atlas), 4300 km (survey)"


def test_entities_from_the_sentences_before_when_the_claims_own_name_none(tmp_path: Path) -> None:
    reference = facts(tmp_path, "border_length,China-Russia,2006,4209,km,atlas,\n")
    context = claim("ctx", "2005", "2005", "", kind="date", sentence_index=3, entities="Russia; China")
    near = claim("near", "4,209 km", "4209", "kilometre", subject="border", sentence_index=5, entities="")
    far = claim("far", "4,209 km", "4209", "kilometre", subject="border", sentence_index=9, entities="")
    outcomes = verify_claims([context, near, far], reference, LEXICON)
    assert (outcomes["near"].status, outcomes["far"].status) == ("supported", "no_reference")


@pytest.mark.parametrize("subject,names", [("China-Russia", {"china", "russia"}), ("China->Russia", {"china", "russia"}),
                                           ("Senegal/Guinea-Bissau", {"senegal", "guinea-bissau"}), ("China", {"china"})])
def test_reference_subjects_name_one_or_two_entities(subject: str, names: set[str]) -> None:
    assert split_subject(subject) == names


def test_a_sentence_naming_more_parties_still_meets_a_fact_it_names(tmp_path: Path) -> None:
    reference = facts(tmp_path, "bilateral_trade,China-Russia,2023,240.11e9,USD,customs,\n")
    both = claim("both", "$240 billion", "240000000000", "USD", kind="money", subject="bilateral trade",
                 time_value="2023", entities="China; Russia; India")
    outcome = verify_claims([both], reference, LEXICON, frozenset({"china", "russia", "india"}))["both"]
    assert outcome.status == "supported"


def test_a_sentence_naming_other_parties_takes_no_entities_from_before(tmp_path: Path) -> None:
    reference = facts(tmp_path, "bilateral_trade,China-Russia,2023,240.11e9,USD,customs,\n")
    context = claim("ctx", "2022", "2022", "", kind="date", sentence_index=3, entities="Russia; China")
    leaders = claim("leaders", "$240 billion", "240000000000", "USD", kind="money", subject="bilateral trade",
                    time_value="2023", sentence_index=4, entities="Xi Jinping; Vladimir Putin")
    others = claim("others", "$798 billion", "798000000000", "USD", kind="money", subject="bilateral trade",
                   time_value="2023", sentence_index=5, entities="United States; Mexico")
    parties = frozenset({"china", "russia", "united states", "mexico"})
    outcomes = verify_claims([context, leaders, others], reference, LEXICON, parties)
    assert (outcomes["leaders"].status, outcomes["others"].status) == ("supported", "no_reference")
    assert verify_claims([context, leaders, others], reference, LEXICON)["others"].status == "contradicted"


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


def test_a_broken_table_is_reported_and_the_others_are_verified(seed_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(seed_out, out)
    broken = out / "other.claims.csv"
    broken.write_bytes(b"id,text\n1,x\n")

    result = invoke("verify", "--reference", REFERENCE, "--out", out)

    assert result.exit_code == 1
    assert "[E030]" in result.stderr and "other.claims.csv" in result.stderr
    assert broken.read_bytes() == b"id,text\n1,x\n"
    assert "contradicted" in set(read_csv(out / "claims.csv")["reference_status"])
