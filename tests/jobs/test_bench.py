"""The generated benchmark corpus: reproducible, varied, and readable back as articles."""
from __future__ import annotations

import json
from pathlib import Path

from pipeline.jobs.bench import generate_corpus, write_corpus
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
