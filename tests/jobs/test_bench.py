"""The generated benchmark corpus: reproducible, varied, and readable back as articles."""
from __future__ import annotations

import json
from pathlib import Path

from pipeline.jobs.bench import Measurement, generate_corpus, generate_long_articles, size_lines, write_corpus
from pipeline.ingest.jsonl import article_from_json
from pipeline.ingest.read import iter_articles

SOURCES = [Path(__file__).resolve().parents[2] / "corpus" / "articles"]


def test_same_seed_same_corpus_and_numbers_vary():
    first = list(generate_corpus(SOURCES, 30, 3, seed=1))
    assert [a.text for a in first] == [a.text for a in generate_corpus(SOURCES, 30, 3, seed=1)]
    assert len({a.id for a in first}) == 30
    assert all(a.text.count("\n\n") == 2 for a in first)
    assert len({a.text for a in first}) == 30  # sampled paragraphs with varied numbers differ
    assert [a.text for a in first] != [a.text for a in generate_corpus(SOURCES, 30, 3, seed=2)]


def test_written_corpus_reads_back(tmp_path):
    articles = list(generate_corpus(SOURCES, 3, 2))
    write_corpus(articles, tmp_path / "folder")
    write_corpus(articles, tmp_path / "corpus.jsonl")
    from_folder = sorted(iter_articles([tmp_path / "folder"]), key=lambda a: a.id)
    lines = (tmp_path / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    from_jsonl = [article_from_json(json.loads(line), "corpus.jsonl") for line in lines]
    for read in (from_folder, from_jsonl):
        assert [(a.id, a.text, a.published) for a in read] == [(a.id, a.text, a.published) for a in articles]


def test_long_articles_have_the_sizes_asked_for_and_the_growth_per_doubling():
    articles = list(generate_long_articles(SOURCES, [0.01, 0.02]))
    assert [a.id for a in articles] == ["bench-0.01mb", "bench-0.02mb"]
    assert all(size * 1_000_000 <= len(a.text) < size * 1_000_000 + 3_000 for a, size in zip(articles, [0.01, 0.02]))
    measured = [Measurement("pipeline", 1, 100, seconds, seconds, rss) for seconds, rss in ((1.0, 100.0), (2.0, 150.0))]
    growth = size_lines(articles, measured)[-1].split()[-3:]
    assert abs(float(growth[0]) - 2.0) < 0.05 and abs(float(growth[2]) - 1.5) < 0.05  # sizes double, near enough
