"""A run for the review pages to show: the seed article, checked against the reference facts and
partly reviewed, next to an article full of markup that must never run in a reviewer's browser."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from tests.reviewer_edits import read_raw, review

REPO = Path(__file__).resolve().parent.parent
SEED_ID = "putin-xi-unholy-alliance"
SEED = REPO / "corpus" / "articles" / f"{SEED_ID}.txt"
REFERENCE = REPO / "corpus" / "reference" / "reference_facts.csv"
HOSTILE_ID = "hostile"

HOSTILE_TEXT = (
    "Roads <script>window.__pwned = 1</script> budget\n"
    "\n"
    'The council spent $4 million on <img src=x onerror="window.__pwned = 2"> roads in 2023, up 12 percent '
    "from 2022, the mayor said.\n"
    "\n"
    '"Costs rose <b onmouseover="window.__pwned = 3">sharply</b> to 9 percent," said Ana Ruiz of Springfield.\n'
)
HOSTILE_META = {"title": '<script>window.__pwned = 4</script>Roads & "bridges"', "url": "javascript:window.__pwned = 5",
                "source": "<i>Gazette</i>", "published": "2024-05-01"}
HOSTILE_NOTE = '"><script>window.__pwned = 6</script><img src=x onerror="window.__pwned = 7">'


def invoke(*args: object):
    return CliRunner().invoke(app, [str(arg) for arg in args], catch_exceptions=False)


def build_run(folder: Path) -> Path:
    """Run, verify and partly review the two articles into ``folder/out``; returns the out folder."""
    articles = folder / "articles"
    articles.mkdir(parents=True)
    shutil.copy(SEED, articles)
    shutil.copy(SEED.with_suffix(".meta.json"), articles)
    (articles / f"{HOSTILE_ID}.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (articles / f"{HOSTILE_ID}.meta.json").write_text(json.dumps(HOSTILE_META), encoding="utf-8")
    out = folder / "out"
    result = invoke("run", articles, "--out", out)
    assert result.exit_code == 0, result.stderr
    assert invoke("verify", "--reference", REFERENCE, "--out", out).exit_code == 0
    seed_csv = out / f"{SEED_ID}.claims.csv"
    money = read_raw(seed_csv).query("kind == 'money'")["claim_id"].tolist()
    review(seed_csv, {money[0]: {"review_status": "verified", "reviewer": "ana"},
                      money[1]: {"review_status": "false", "reviewer": "ana"}})
    hostile_csv = out / f"{HOSTILE_ID}.claims.csv"
    first = read_raw(hostile_csv)["claim_id"].iloc[0]
    review(hostile_csv, {first: {"review_status": "misleading", "review_note": HOSTILE_NOTE}})
    return out
