"""Runs on a Dask cluster and merged shards write the same bytes as one local run."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.jobs.bench import generate_corpus, write_corpus
from pipeline.cli import app
from pipeline.jobs.run import merge_shards, run_paths

REPO = Path(__file__).resolve().parents[2]
SOURCES = [REPO / "corpus" / "articles"]


def invoke(*args: object):
    return CliRunner().invoke(app, [str(arg) for arg in args], catch_exceptions=False)


def output_files(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out.iterdir()) if path.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus") / "articles"
    write_corpus(generate_corpus(SOURCES, 6, 2, seed=5), folder)
    return folder


def test_dask_engine_writes_the_local_engines_bytes(tmp_path: Path, corpus: Path) -> None:
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert invoke("run", corpus, "--out", local).exit_code == 0
    result = invoke("run", corpus, "--out", dask, "--engine", "dask")  # a 2-worker LocalCluster on loopback
    assert result.exit_code == 0, result.stderr
    assert "6 article(s)" in result.stderr

    assert output_files(dask) == output_files(local)
    assert len(output_files(local)) == 9  # 6 per-article tables, claims.csv, claims.jsonl, failures.csv
    records = [json.loads(line) for line in (dask / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [f"bench-{n:06d}" for n in range(6)]  # input order
    assert sum(len(r["claims"]) for r in records) > 6


def test_merged_shards_are_one_runs_output(tmp_path: Path, corpus: Path, resources) -> None:
    def run(out: Path, **globs) -> None:
        assert not run_paths([corpus], out, resources, lambda line: None, **globs).failures

    whole, first, second, merged = (tmp_path / name for name in ("whole", "first", "second", "merged"))
    run(whole)
    run(first, include=["bench-00000[0-2].*"])
    run(second, exclude=["bench-00000[0-2].*"])
    assert len(output_files(first)) == len(output_files(second)) == 6

    problems: list[str] = []
    summary = merge_shards([first, second], merged, problems.append)
    assert not summary.failures and summary.articles == 6
    assert output_files(merged) == output_files(whole)

    # A shard given twice, a folder that is no run's output, a damaged record and one whose id is
    # a path: each reported once, the rest still merged.
    with (second / "claims.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"id": "broken"}\n{"id": "../escape", "figures": [], "dates": [], "claims": []}\n')
    repeated = tmp_path / "repeated"
    summary = merge_shards([first, second, first, tmp_path / "nowhere"], repeated, problems.append)
    assert summary.articles == 6
    codes = sorted(line[1:5] for line in summary.failures)
    assert codes == ["E008", "E008", "E008", "E061", "E061", "E061"]
    assert f"[E061] {second / 'claims.jsonl'}:4: not an article record of claims run" in summary.failures
    assert not (tmp_path / "escape.claims.csv").exists()
    assert (repeated / "claims.csv").read_bytes() == (whole / "claims.csv").read_bytes()


def test_merge_command(tmp_path: Path, corpus: Path, resources) -> None:
    shard = tmp_path / "shard"
    run_paths([corpus], shard, resources, lambda line: None)
    result = invoke("merge", shard, "--out", tmp_path / "merged")
    assert result.exit_code == 0, result.stderr
    assert "6 article(s)" in result.stderr
    assert output_files(tmp_path / "merged") == output_files(shard)


def test_dask_engine_without_dask_names_the_extra(tmp_path: Path, corpus: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    monkeypatch.delitem(sys.modules, "pipeline.jobs.cluster", raising=False)
    result = invoke("run", corpus, "--out", tmp_path / "out", "--engine", "dask")
    assert result.exit_code == 2
    assert result.stderr.strip() == ("--engine dask needs Dask, which is not installed: "
                                     "pip install 'claims-pipeline[dask]'")
    assert not (tmp_path / "out").exists()
