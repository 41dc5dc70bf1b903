"""Claim text, claim type, check-worthiness and statement rows: rules/checkworthy.yml's examples."""
from __future__ import annotations

import pytest

from pipeline.rules import load_rules

TABLE = load_rules().tables["checkworthy"]


@pytest.mark.parametrize("example", TABLE["examples"] + TABLE["counter_examples"], ids=lambda e: e["text"][:40])
def test_checkworthy_example(example, extract):
    claims = extract(example["text"]).claims
    if "kind" in example:
        statements = [c for c in claims if c.kind == "statement"]
        assert [c.text for c in statements] == ([example["claim"]] if example["kind"] else [])
    if "claim" not in example:
        return
    row = next(c for c in claims if c.text == example["claim"])
    names = {f.split(" (")[0] for f in row.checkworthiness_features.split("; ")}
    assert set(example.get("features", ())) <= names, row.checkworthiness_features
    score = float(row.checkworthiness)
    assert example.get("above", 0.0) <= score < example.get("below", 1.01)


def test_claim_text_marks_the_figures_clause(extract):
    row = next(c for c in extract("China has imported energy commodities worth $129 billion that account for "
                                  "73 percent of Russian exports to China.").claims if c.text == "73 percent")
    assert row.claim_text == ("China has imported energy commodities worth $129 billion "
                              "⟦that account for 73 percent of Russian exports to China⟧.")
    assert row.claim_type == "statistical"


@pytest.mark.parametrize("text,figure,expected", [
    ("Inflation will be 3-4 percent next year.", "3-4 percent", "interval"),
    ("Russia is among its top 10 trading partners.", "top 10", "comparison"),
    ("The treaty was signed on February 4, 2022.", "February 4, 2022", "temporal"),
])
def test_claim_type(text, figure, expected, extract):
    row = next(c for c in extract(text).claims if c.text == figure)
    assert row.claim_type == expected


def test_checkworthiness_ranks_figures_above_opinions(extract):
    claims = extract("In 2023, exports to China rose 12 percent to $5 billion. "
                     "The West should be prepared for a long confrontation, I think.").claims
    assert all(c.kind != "statement" for c in claims)
    assert min(float(c.checkworthiness) for c in claims) >= 0.5
