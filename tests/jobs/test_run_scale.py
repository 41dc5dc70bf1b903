"""Runs at scale: the streamed combined table equals the in-memory merge, a killed run resumes
without redoing or duplicating anything, and the output does not depend on the number of workers."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from pipeline.jobs.bench import generate_corpus, write_corpus
from pipeline.cli import app
from pipeline.output.combine import write_combined
from pipeline.extract import extract_articles
from pipeline.output.journal import RUN_FOLDER
from pipeline.records import Article
from pipeline.jobs.run import extraction_record
from pipeline.output.write import write_claims

REPO = Path(__file__).resolve().parents[2]
SOURCES = [REPO / "corpus" / "articles"]

TRADE = ("In 2023, exports grew by 12 percent to $5.2 billion. "
         "Two years ago, the company employed 4,000 workers.\n\nImports fell 3 percent in March.\n")
FARM = "Farm output rose 8 percent to $40 million in 2022, the ministry said on May 2, 2023.\n"
PORT = "The port handled 1.2 million containers in 2021, up from 900,000 a year earlier.\n"


def invoke(*args: object):
    return CliRunner().invoke(app, [str(arg) for arg in args], catch_exceptions=False)


def output_files(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out.iterdir()) if path.is_file()}


def test_streamed_combined_table_is_the_in_memory_merge(tmp_path: Path, resources) -> None:
    def extract(*articles: Article) -> list:
        return list(extract_articles(articles, resources))

    earlier = extract(Article("trade", TRADE, published=date(2024, 4, 9)), Article("farm", FARM),
                      Article("port", PORT))
    # Re-run: trade dated differently (a reviewed relative date changes value) and with a figure
    # gone (its reviewed row goes stale); farm unchanged (reviewed row carried); port not re-run.
    rerun = extract(Article("trade", TRADE.replace(" to $5.2 billion", ""), published=date(2020, 1, 1)),
                    Article("farm", FARM))
    memory, streamed = tmp_path / "memory", tmp_path / "streamed"
    for out in (memory, streamed):
        out.mkdir()
        write_claims(out / "claims.csv", [c for e in earlier for c in e.claims])
        frame = pd.read_csv(out / "claims.csv", dtype=str, keep_default_na=False)
        frame["desk"] = ""
        for text in ("$5.2 billion", "Two years ago", "8 percent", "1.2 million containers"):
            frame.loc[frame["text"] == text, ["review_status", "review_note"]] = ["verified", "=checked"]
        frame.loc[frame["article_id"] == "port", "desk"] = "shipping"
        frame.to_csv(out / "claims.csv", index=False)

    expected = write_claims(memory / "claims.csv", [c for e in rerun for c in e.claims], articles={"trade", "farm"})
    journal = tmp_path / "journal.jsonl"
    journal.write_text("".join(json.dumps(extraction_record(e)) + "\n" for e in rerun), encoding="utf-8")
    report = write_combined(streamed, journal, tmp_path / "spill.sqlite")

    assert (streamed / "claims.csv").read_bytes() == (memory / "claims.csv").read_bytes()
    assert (report.rows, report.carried, report.stale) == (expected.rows, expected.carried, expected.stale)
    assert report.stale == 1 and report.carried >= 1
    assert not (tmp_path / "spill.sqlite").exists()


def test_jsonl_input_and_output_identical_with_one_or_two_workers(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(generate_corpus(SOURCES, 20, 2, seed=3), corpus)
    with corpus.open("a", encoding="utf-8") as handle:
        handle.write("not json\n")

    results = {}
    for workers in (1, 2):
        out = tmp_path / f"out{workers}"
        result = invoke("run", corpus, "--out", out, "--workers", workers)
        assert result.exit_code == 1, result.stderr  # the bad line fails, the rest runs
        assert f"[E007] {corpus}:21" in result.stderr
        assert "20 article(s)" in result.stderr and "article/s" not in result.stderr  # no bar off a terminal
        results[workers] = output_files(out)

    assert results[1] == results[2]
    assert len(results[1]) == 23  # 20 per-article tables, claims.csv, claims.jsonl, failures.csv
    records = [json.loads(line) for line in results[1]["claims.jsonl"].decode("utf-8").splitlines()]
    assert [r["id"] for r in records] == [f"bench-{n:06d}" for n in range(20)]  # input order


def test_killed_run_resumes_without_redoing_or_duplicating(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_corpus(generate_corpus(SOURCES, 60, 3, seed=4), folder)
    out = tmp_path / "out"
    journal = out / RUN_FOLDER / "journal.jsonl"

    process = subprocess.Popen([sys.executable, "-m", "pipeline", "run", folder, "--out", out],
                               cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    while not (journal.exists() and journal.read_bytes().count(b"\n") >= 3):
        assert process.poll() is None and time.monotonic() < deadline, "the run ended before it could be killed"
        time.sleep(0.05)
    process.kill()
    process.wait()

    finished = [json.loads(line)["id"] for line in journal.read_text(encoding="utf-8").splitlines()]
    assert 3 <= len(finished) < 60
    assert not (out / "claims.csv").exists()
    with journal.open("a", encoding="utf-8") as handle:  # as if killed in the middle of a write
        handle.write('{"id": "bench-0000')

    resumed = invoke("run", folder, "--out", out, "--resume")
    assert resumed.exit_code == 0, resumed.stderr
    redone = [line.split(":")[0] for line in resumed.stderr.splitlines() if "claims ->" in line]
    assert not set(redone) & set(finished)
    assert len(redone) == 60 - len(finished)
    assert f"60 article(s) ({len(finished)} from the interrupted run)" in resumed.stderr

    fresh = tmp_path / "fresh"
    assert invoke("run", folder, "--out", fresh).exit_code == 0
    assert output_files(out) == output_files(fresh)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in fresh.iterdir())  # no run folder, no temp files
