"""The eval job: gold files find their articles, counts are summed over articles, the baseline meets the same gold."""
from __future__ import annotations

import gzip
import json
import re
import shutil
from dataclasses import replace

from pipeline.evaluate.corpus import evaluate, evaluate_baseline, gold_article_path, load_corpus
from pipeline.evaluate.gold import load_gold
from pipeline.ingest.read import read_article
from pipeline.records import DateMention, Extraction, Figure, Quote, TimeScope
from tests.evaluate.seed_fixture import ARTICLE, ARTICLE_ID, PERCENT_36, ROOT, TEXT, extraction, figure, span

CORPUS = ROOT / "corpus"


def test_counts_are_summed_over_articles():
    other = replace(ARTICLE, id="other")
    pairs = [(extraction([figure("36 percent", "percent", 36)]), [PERCENT_36]),
             (Extraction(article=other), [PERCENT_36])]
    report = evaluate(pairs)
    assert (report.detection["percent"].tp, report.detection["percent"].fn) == (1, 1)
    assert [m.article_id for m in report.misses] == ["other"]


def test_committed_gold_scores_perfectly_against_itself():
    items = load_gold(ROOT / "corpus" / "gold" / f"{ARTICLE_ID}.jsonl")
    figures = [Figure(start=g.start, end=g.end, text=g.text, kind=g.kind, value=g.value, sentence_index=0,
                      unit=g.unit or "", qualifier=g.qualifier or "exact", role=g.role or "level",
                      time=TimeScope(g.time, g.time, "gold") if g.time else None)
               for g in items if g.kind not in ("date", "quote")]
    dates = [DateMention(start=g.start, end=g.end, text=g.text, value=g.value, sentence_index=0)
             for g in items if g.kind == "date"]
    quotes = [Quote(start=g.start, end=g.end, text=g.text, sentence_index=0, speaker=g.speaker,
                    time=TimeScope(g.time, g.time, "gold")) for g in items if g.kind == "quote"]
    report = evaluate([(replace(extraction(figures, dates), quotes=tuple(quotes)), items)])
    assert report.detection["all"].f1 == 1.0
    assert report.detection["all"].exact == len(items)
    assert report.errors == ()


def test_a_gold_file_scores_a_web_page_or_gzipped_article_of_the_same_id(tmp_path):
    articles, gold_dir = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir(), gold_dir.mkdir()
    page = ROOT / "tests" / "fixtures" / "html" / "wire-gas-prices.html"
    shutil.copy(page, articles / "gas.html")
    with gzip.open(articles / "seed.txt.gz", "wb") as packed:
        packed.write(TEXT.encode("utf-8"))
    text = read_article(articles / "gas.html").text
    year = re.search(r"\b20\d\d\b", text)
    seed_start = span("2,615-mile")[0]
    items = {"gas": {"start": year.start(), "end": year.end(), "text": year.group(), "kind": "date", "value": year.group()},
             "seed": {"start": seed_start, "end": seed_start + 10, "text": "2,615-mile", "kind": "quantity",
                      "value": 2615, "unit": "mile"}}
    for article_id, item in items.items():
        (gold_dir / f"{article_id}.jsonl").write_text(json.dumps(item) + "\n", encoding="utf-8")
    assert gold_article_path(articles, "gas").name == "gas.html"
    assert gold_article_path(articles, "seed").name == "seed.txt.gz"
    assert gold_article_path(articles, "missing").name == "missing.txt"
    problems: list[str] = []
    loaded = load_corpus(tmp_path, problems.append)
    assert problems == [] and [article.id for article, _, _ in loaded] == ["gas", "seed"]


def test_baseline_runs_on_a_dev_article_with_the_same_gold():
    article_id = "dev-energy-opec-output"
    gold = load_gold(CORPUS / "gold" / f"{article_id}.jsonl")
    report = evaluate_baseline(load_corpus(CORPUS, lambda line: None, ids={article_id}))
    required_dates = sum(g.kind == "date" and g.required for g in gold)
    assert (report.detection["date"].tp, report.detection["date"].fn) == (0, required_dates)  # no dates at all
    assert report.detection["percent"].tp > 0
    assert "qualifier" not in report.normalization["percent"]  # a field it cannot give is not scored


def test_a_folder_mixing_offset_and_occurrence_gold_is_scored_as_it_is(tmp_path):
    articles, gold_dir = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir(), gold_dir.mkdir()
    (articles / "offsets.txt").write_text("Exports rose 36 percent.", encoding="utf-8")
    (articles / "named.txt").write_text("Sales hit $5 billion, then $5 billion again.", encoding="utf-8")
    (gold_dir / "offsets.jsonl").write_text(json.dumps(
        {"start": 13, "end": 23, "text": "36 percent", "kind": "percent", "value": 36}) + "\n", encoding="utf-8")
    (gold_dir / "named.jsonl").write_text("".join(json.dumps(
        {"text": "$5 billion", "occurrence": n, "kind": "money", "value": 5e9}) + "\n" for n in (2, 3)),
        encoding="utf-8")
    problems: list[str] = []
    loaded = {article.id: (article, gold) for article, gold, _ in load_corpus(tmp_path, problems.append)}
    assert set(loaded) == {"offsets", "named"}
    assert problems == [f"[E020] {gold_dir / 'named.jsonl'}:2: occurrence 3 of '$5 billion' not found "
                        "(the article has 2)"]
    article, [item] = loaded["named"]
    assert item.start == article.text.rindex("$5 billion")
    assert [g.text for g in loaded["offsets"][1]] == ["36 percent"]
