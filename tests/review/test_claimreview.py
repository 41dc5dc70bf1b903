"""``claims export --claimreview``: reviewed rows as schema.org ClaimReview JSON-LD."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.records import Claim
from pipeline.output.write import write_claims


def invoke(*args: object):
    return CliRunner().invoke(app, [str(arg) for arg in args], catch_exceptions=False)


def reviewed_table(tmp_path: Path) -> Path:
    path = tmp_path / "out" / "claims.csv"
    sentence = "In 2022, bilateral trade grew by 36 percent to $190 billion."
    claims = [Claim(claim_id=f"c{i}", article_id="trade", sentence_index=0, start=i * 10, end=i * 10 + 5,
                    kind="percent", text=f"{i} percent", value=str(i), sentence=sentence, speaker=speaker)
              for i, speaker in enumerate(["author", "the ministry", "author", "author", "author", "author", "author"])]
    write_claims(path, claims)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    cells = {"c0": ["false", "Ana", "Customs give 29.3", "https://customs.example/2022", "2024-04-12"],
             "c1": ["verified", "Bo", "", "", ""],
             "c2": ["unverifiable", "", "", "", ""],
             "c3": ["not_a_claim", "Ana", "", "", ""],
             "c4": ["Verified", "", "", "", ""],
             "c5": ["misleading", "", "", "", ""],
             "c6": ["verified", "", "", "", ""]}
    for claim_id, values in cells.items():
        frame.loc[frame["claim_id"] == claim_id, ["review_status", "reviewer", "review_note", "evidence_url",
                                                   "reviewed_at"]] = values
    frame.loc[frame["claim_id"] == "c5", "flags"] = "changed:old_value=4"
    frame.loc[frame["claim_id"] == "c6", "flags"] = "relative;stale"
    frame.to_csv(path, index=False)
    meta = {"id": "trade", "title": "Trade at a record", "author": "A. Writer", "source": "The Paper",
            "published": "2024-04-09", "url": "https://paper.example/trade"}
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "trade.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


def test_export_writes_one_claimreview_per_verdict(tmp_path: Path) -> None:
    table = reviewed_table(tmp_path)
    out = tmp_path / "reviews.jsonld"

    result = invoke("export", "--claimreview", "--claims", table, "--articles", tmp_path / "articles", "--out", out)

    assert result.exit_code == 0, result.stderr
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert [r["identifier"] for r in reviews] == ["c0", "c1", "c2"]
    assert "[E031]" in result.stderr and "'Verified'" in result.stderr
    assert "c5 not exported: its value changed" in result.stderr and "3 ClaimReview(s)" in result.stderr
    assert "c6 not exported: its figure is no longer in the article" in result.stderr
    false, verified, unverifiable = reviews
    assert false == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": "c0",
        "claimReviewed": "In 2022, bilateral trade grew by 36 percent to $190 billion.",
        "datePublished": "2024-04-12",
        "author": {"@type": "Person", "name": "Ana"},
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "A. Writer"},
            "datePublished": "2024-04-09",
            "appearance": {"@type": "CreativeWork", "url": "https://paper.example/trade",
                           "headline": "Trade at a record", "datePublished": "2024-04-09",
                           "publisher": {"@type": "Organization", "name": "The Paper"}},
        },
        "reviewRating": {"@type": "Rating", "alternateName": "False", "ratingValue": 1, "bestRating": 5,
                         "worstRating": 1},
        "reviewBody": "Customs give 29.3",
        "citation": "https://customs.example/2022",
    }
    assert verified["itemReviewed"]["author"] == {"@type": "Person", "name": "the ministry"}
    assert verified["reviewRating"]["alternateName"] == "True" and verified["reviewRating"]["ratingValue"] == 5
    assert unverifiable["reviewRating"] == {"@type": "Rating", "alternateName": "Unverifiable"}
    assert "author" not in unverifiable


def test_export_to_stdout_without_article_metadata(tmp_path: Path) -> None:
    table = reviewed_table(tmp_path)

    result = invoke("export", "--claimreview", "--claims", table)

    assert result.exit_code == 0, result.stderr
    reviews = json.loads(result.stdout)
    assert len(reviews) == 3
    assert reviews[0]["itemReviewed"] == {"@type": "Claim"}


def test_article_metadata_comes_from_the_runs_claims_jsonl(tmp_path: Path) -> None:
    page = tmp_path / "in" / "trade.md"
    page.parent.mkdir()
    page.write_text("---\ntitle: Trade at a record\nauthor: A. Writer\nurl: https://paper.example/trade\n"
                    "date: 2024-04-09\n---\nIn 2023, exports grew by 12 percent to $5.2 billion.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert invoke("run", page, "--out", out).exit_code == 0
    table = pd.read_csv(out / "claims.csv", dtype=str, keep_default_na=False)
    table.loc[table["kind"] == "money", "review_status"] = "verified"
    table.to_csv(out / "claims.csv", index=False)

    result = invoke("export", "--claimreview", "--claims", out / "claims.csv")

    assert result.exit_code == 0, result.stderr
    (review,) = json.loads(result.stdout)
    assert review["itemReviewed"] == {
        "@type": "Claim", "author": {"@type": "Person", "name": "A. Writer"}, "datePublished": "2024-04-09",
        "appearance": {"@type": "CreativeWork", "url": "https://paper.example/trade", "headline": "Trade at a record",
                       "datePublished": "2024-04-09"}}


def test_export_needs_a_format(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--claims", str(reviewed_table(tmp_path))])
    assert result.exit_code != 0 and "--claimreview" in result.output


def test_export_is_safe_to_embed_in_a_script_block(tmp_path: Path) -> None:
    table = reviewed_table(tmp_path)
    frame = pd.read_csv(table, dtype=str, keep_default_na=False)
    first = frame["claim_id"] == "c0"
    frame.loc[first, "review_note"] = "Customs differ </script><script>alert(1)</script> & more"
    frame.loc[first, "evidence_url"] = "javascript:alert(1)"
    frame.loc[first, "claim_text"] = "In 2022, trade grew by ⟦36 percent⟧."
    frame.to_csv(table, index=False)
    out = tmp_path / "reviews.jsonld"

    result = invoke("export", "--claimreview", "--claims", table, "--articles", tmp_path / "articles", "--out", out)

    text = out.read_text(encoding="utf-8")
    assert not any(char in text for char in "<>&")
    review = json.loads(text)[0]
    assert review["reviewBody"] == "Customs differ </script><script>alert(1)</script> & more"
    assert "citation" not in review and "'javascript:alert(1)' is not an http(s) URL" in result.stderr
    assert review["claimReviewed"] == "In 2022, trade grew by 36 percent."
