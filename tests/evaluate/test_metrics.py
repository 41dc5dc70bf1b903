"""The evaluator decides what "better" means for every other stage, so its counting is pinned here."""
from __future__ import annotations

import gzip
import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.errors import E_GOLD, PipelineError
from pipeline.ingest.read import read_article
from pipeline.evaluate.corpus import gold_article_path, load_corpus
from pipeline.evaluate.metrics import (
    GoldItem,
    Prediction,
    build_report,
    describe_results,
    evaluate,
    format_side_by_side,
    rank_results,
    score_article,
    score_predictions,
    side_by_side,
    token_f1,
    load_gold,
    load_negatives,
    negative_hits,
    write_metrics,
)
from pipeline.records import Article, Claim, DateMention, Extraction, Figure, Quote, TimeScope

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_ID = "putin-xi-unholy-alliance"
TEXT = (ROOT / "corpus" / "articles" / f"{ARTICLE_ID}.txt").read_text(encoding="utf-8")
ARTICLE = Article(id=ARTICLE_ID, text=TEXT)


def span(surface: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = TEXT.find(surface, start + 1)
        assert start >= 0, surface
    return start, start + len(surface)


def figure(surface: str, kind: str, value: float | None, occurrence: int = 1, **fields) -> Figure:
    start, end = span(surface, occurrence)
    return Figure(start=start, end=end, text=surface, kind=kind, value=value, sentence_index=0, **fields)


def date(surface: str, value: str, occurrence: int = 1) -> DateMention:
    start, end = span(surface, occurrence)
    return DateMention(start=start, end=end, text=surface, value=value, sentence_index=0)


def gold(surface: str, kind: str, value: float | str, occurrence: int = 1, **fields) -> GoldItem:
    start, end = span(surface, occurrence)
    return GoldItem(start=start, end=end, text=surface, kind=kind, value=value, **fields)


def extraction(figures=(), dates=()) -> Extraction:
    return Extraction(article=ARTICLE, figures=tuple(figures), dates=tuple(dates))


MONEY_190 = gold("$190 billion", "money", 190_000_000_000, unit="USD", time="2022", role="level")
PERCENT_36 = gold("36 percent", "percent", 36, unit="percent", time="2022", role="change")
TOP_10 = gold("top 10", "count", 10, role="rank", required=False)
DATE_2025 = gold("2025", "date", "2025")


def test_exact_match_is_a_true_positive_with_exact_boundaries():
    found = figure("$190 billion", "money", 190e9, unit="USD", time=TimeScope("In 2022", "2022", "sentence"))
    report = evaluate([(extraction([found]), [MONEY_190])])
    money = report.detection["money"]
    assert (money.tp, money.fp, money.fn, money.exact) == (1, 0, 0, 1)
    assert money.precision == money.recall == money.f1 == 1.0
    assert {name: s.accuracy for name, s in report.normalization["money"].items()} == {
        "value": 1.0, "unit": 1.0, "value+unit": 1.0, "time": 1.0, "role": 1.0}
    assert report.errors == ()


def test_overlapping_span_matches_but_is_not_exact():
    start, end = span("$190 billion")
    found = Figure(start=start + 1, end=end, text="190 billion", kind="money", value=190e9, sentence_index=0)
    money = evaluate([(extraction([found]), [MONEY_190])]).detection["money"]
    assert (money.tp, money.fp, money.fn, money.exact) == (1, 0, 0, 0)


def test_largest_overlap_wins_and_the_other_prediction_is_a_false_hit():
    start, end = span("$190 billion")
    short = Figure(start=start, end=start + 4, text="$190", kind="money", value=190, sentence_index=0)
    long = Figure(start=start + 1, end=end, text="190 billion", kind="money", value=190e9, sentence_index=0)
    report = evaluate([(extraction([short, long]), [MONEY_190])])
    assert report.detection["money"].tp == 1
    assert [m.text for m in report.false_hits] == ["$190"]
    assert report.normalization["money"]["value"].correct == 1


def test_same_span_but_different_kind_does_not_match():
    wrong_kind = figure("$190 billion", "count", 190e9)
    report = evaluate([(extraction([wrong_kind]), [MONEY_190])])
    assert report.detection["count"].fp == 1
    assert report.detection["money"].fn == 1


def test_wrong_value_is_a_normalization_error_not_a_miss():
    found = figure("$190 billion", "money", 190e6, unit="USD")
    report = evaluate([(extraction([found]), [MONEY_190])])
    assert report.detection["money"].tp == 1
    assert report.normalization["money"]["value"].accuracy == 0.0
    assert report.normalization["money"]["unit"].accuracy == 1.0
    errors = {(e.field, e.expected, e.got) for e in report.errors}
    assert ("value", 190_000_000_000, 190e6) in errors
    assert ("time", "2022", None) in errors  # a figure without a time scope is wrong where gold has one
    assert ("role", "level", "level") not in errors


def test_normalization_precision_and_recall_count_false_hits_and_misses():
    right = figure("36 percent", "percent", 36, unit="percent")
    wrong = figure("18 percent", "percent", 1.8, unit="percent")
    stray = figure("2.5 percent", "percent", 2.5, unit="percent")
    golds = [PERCENT_36, gold("18 percent", "percent", 18), gold("38 percent", "percent", 38)]
    value = evaluate([(extraction([right, wrong, stray]), golds)]).normalization["percent"]["value"]
    assert (value.correct, value.total, value.false_hits, value.misses) == (1, 2, 1, 1)
    assert value.accuracy == 0.5
    assert value.precision == pytest.approx(1 / 3) and value.recall == pytest.approx(1 / 3)


def test_value_uses_relative_tolerance():
    found = figure("$190 billion", "money", 1.9 * 1e11 * (1 + 1e-12), unit="USD")
    assert evaluate([(extraction([found]), [MONEY_190])]).normalization["money"]["value"].correct == 1


def test_qualifier_is_scored_only_where_gold_gives_it():
    approx = gold("23 percent", "percent", 23, qualifier="approx")
    found = [figure("23 percent", "percent", 23), figure("36 percent", "percent", 36, qualifier="approx")]
    report = evaluate([(extraction(found), [approx, PERCENT_36])])
    assert report.normalization["percent"]["qualifier"].total == 1
    assert [(e.text, e.expected, e.got) for e in report.errors if e.field == "qualifier"] == [
        ("23 percent", "approx", "exact")]


def test_date_value_is_compared_as_edtf_string():
    gold_dates = [DATE_2025, gold("the 1950s", "date", "195X")]
    report = evaluate([(extraction(dates=[date("2025", "2025"), date("the 1950s", "1950")]), gold_dates)])
    assert report.detection["date"].tp == 2
    assert report.normalization["date"]["value"].correct == 1
    assert [(e.text, e.expected, e.got) for e in report.errors] == [("the 1950s", "195X", "1950")]


def test_false_hit_and_miss():
    stray = figure("S-400", "count", 400)
    report = evaluate([(extraction([stray]), [MONEY_190])])
    assert [(m.article_id, m.text, m.kind, m.value) for m in report.false_hits] == [(ARTICLE_ID, "S-400", "count", 400)]
    assert [(m.text, m.kind, m.value) for m in report.misses] == [("$190 billion", "money", 190_000_000_000)]
    assert report.detection["all"].precision == 0.0
    assert report.detection["all"].recall == 0.0


def test_optional_gold_is_rewarded_when_found_and_not_missed_otherwise():
    not_found = evaluate([(extraction(), [TOP_10])])
    assert not_found.misses == ()
    assert not_found.detection["count"].fn == 0
    found = evaluate([(extraction([figure("top 10", "count", 10, role="rank")]), [TOP_10])])
    assert found.detection["count"].tp == 1


def test_per_kind_and_overall_counts():
    gold_items = [MONEY_190, PERCENT_36, DATE_2025, gold("$240 billion", "money", 240e9)]
    predicted = extraction(
        figures=[figure("$190 billion", "money", 190e9), figure("36 percent", "percent", 36),
                 figure("2,615-mile", "quantity", 2615, unit="mile")],
        dates=[date("2025", "2025"), date("2006", "2006")],
    )
    report = evaluate([(predicted, gold_items)])
    counts = {kind: (d.tp, d.fp, d.fn) for kind, d in report.detection.items()}
    assert counts == {"money": (1, 0, 1), "percent": (1, 0, 0), "quantity": (0, 1, 0), "count": (0, 0, 0),
                      "date": (1, 1, 0), "all": (3, 2, 1)}
    assert report.detection["money"].recall == 0.5
    assert report.detection["date"].precision == 0.5
    assert report.detection["all"].f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35)


def test_counts_are_summed_over_articles():
    other = replace(ARTICLE, id="other")
    pairs = [(extraction([figure("36 percent", "percent", 36)]), [PERCENT_36]),
             (Extraction(article=other), [PERCENT_36])]
    report = evaluate(pairs)
    assert (report.detection["percent"].tp, report.detection["percent"].fn) == (1, 1)
    assert [m.article_id for m in report.misses] == ["other"]


def test_gold_that_does_not_point_at_its_text_is_refused():
    shifted = replace(MONEY_190, start=MONEY_190.start + 1, end=MONEY_190.end + 1)
    with pytest.raises(PipelineError) as err:
        evaluate([(extraction(), [shifted])])
    assert err.value.code == E_GOLD


def test_report_serializes_and_formats(tmp_path):
    found = figure("$190 billion", "money", 190e6)
    report = evaluate([(extraction([found, figure("S-400", "count", 400)]), [MONEY_190, DATE_2025])])
    out = tmp_path / "metrics" / "eval.json"
    write_metrics(report, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert list(data) == ["detection", "normalization", "misses", "false_hits", "errors", "description", "ranking"]
    assert list(data["detection"]) == ["money", "percent", "quantity", "count", "date", "all"]
    assert data["detection"]["money"]["tp"] == 1
    text = report.format_text()
    assert 'expected=190000000000  got=190000000' in text
    assert '"S-400"  count  value=400' in text
    assert '"2025"  date  expected=2025' in text


# --- gold files ---------------------------------------------------------------------------------


def test_range_ends_and_direction_are_scored_where_gold_gives_them():
    ranged = gold("$190 billion", "money", None, value_low=1.8e11, value_high=1.9e11, direction="up")
    found = figure("$190 billion", "money", None, value_low=1.8e11, value_high=2e11, direction="up")
    fields = evaluate([(extraction([found]), [ranged])]).normalization["money"]
    assert fields["value_low"].correct == 1 and fields["value_high"].correct == 0
    assert fields["direction"].correct == 1 and "value" not in fields


def test_load_gold_accepts_a_range_and_a_vague_relative_date(tmp_path):
    ranged = '{"start": 0, "end": 4, "text": "2014", "kind": "count", "value": null, "value_low": 1, "value_high": 2}'
    vague = '{"start": 0, "end": 4, "text": "2014", "kind": "date", "value": "", "relative": true}'
    items = load_gold(write_lines(tmp_path, ranged, vague))
    assert (items[0].value, items[0].value_low, items[0].value_high) == (None, 1, 2)
    assert (items[1].value, items[1].relative) == ("", True)


def write_lines(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = '{"start": 0, "end": 4, "text": "2014", "kind": "date", "value": "2014"}'


def test_load_gold_defaults(tmp_path):
    [item] = load_gold(write_lines(tmp_path, GOOD))
    assert item == GoldItem(start=0, end=4, text="2014", kind="date", value="2014")
    assert item.required is True and item.unit is None and item.entities is None


@pytest.mark.parametrize(("bad", "message"), [
    ("{not json", "not valid JSON"),
    ('["a list"]', "expected a JSON object"),
    ('{"start": 0, "end": 4, "text": "2014", "kind": "date"}', "missing key(s): value"),
    ('{"start": 0, "end": 4, "text": "2014", "kind": "year", "value": "2014"}', "kind 'year'"),
    ('{"start": 0, "end": 5, "text": "2014", "kind": "date", "value": "2014"}', "does not span"),
    ('{"start": 4, "end": 0, "text": "2014", "kind": "date", "value": "2014"}', "start/end"),
    ('{"start": 0, "end": 4, "text": "2014", "kind": "count", "value": "4"}', "must be a number"),
    ('{"start": 0, "end": 4, "text": "2014", "kind": "date", "value": "2014", "colour": "red"}', "unknown key"),
    ('{"start": 0, "end": 4, "text": "2014", "kind": "date", "value": "2014", "required": "yes"}', "true or false"),
    ('{"start": 0, "end": 4, "text": "2014", "kind": "count", "value": null}', "must be a number"),
    ('{"start": 0, "end": 4, "text": "2014", "kind": "count", "value": null, "value_low": 1, "value_high": "2"}',
     "must be a number"),
    ('{"start": 0, "end": 4, "text": "2014", "kind": "date", "value": ""}', "empty only for a relative date"),
])
def test_load_gold_names_file_and_line(tmp_path, bad, message):
    path = write_lines(tmp_path, GOOD, "", bad)
    with pytest.raises(PipelineError) as err:
        load_gold(path)
    assert err.value.code == E_GOLD
    assert err.value.where == f"{path}:3"
    assert message in err.value.message


def test_value_unit_counts_only_when_both_are_right():
    right = figure("36 percent", "percent", 36, unit="percent")
    wrong_unit = figure("$190 billion", "money", 190e9, unit="EUR")
    report = evaluate([(extraction([right, wrong_unit]), [PERCENT_36, MONEY_190])])
    assert report.normalization["money"]["value"].accuracy == 1.0
    assert report.normalization["money"]["value+unit"].accuracy == 0.0
    assert report.normalization["percent"]["value+unit"].f1 == 1.0
    assert "value+unit" not in {e.field for e in report.errors}  # the combined field adds no error lines


def test_value_unit_compares_range_ends():
    gold_range = gold("2.5 percent", "percent", None, unit="percent", value_low=2.0, value_high=3.0)
    found = figure("2.5 percent", "percent", None, unit="percent", value_low=2.0, value_high=3.5)
    report = evaluate([(extraction([found]), [gold_range])])
    assert report.normalization["percent"]["value+unit"].accuracy == 0.0


def test_any_extractor_is_scored_on_the_fields_it_gives():
    preds = [Prediction(*span("$190 billion"), "$190 billion", "money", figure("$190 billion", "money", 190e9, unit="USD"))]
    result = score_predictions(ARTICLE_ID, TEXT, preds, [MONEY_190])
    report = build_report([result], ("value", "unit", "value+unit"))
    assert set(report.normalization["money"]) == {"value", "unit", "value+unit"}
    table = side_by_side({"pipeline": report, "other": build_report([result], ("value",))})
    assert table["money"]["pipeline"]["value_unit_f1"] == 1.0
    assert table["money"]["other"]["value_unit_f1"] is None
    assert table["figures"]["other"]["f1"] == 1.0
    assert "money     other" in format_side_by_side(table)


def test_committed_gold_points_at_the_article_text():
    items = load_gold(ROOT / "corpus" / "gold" / f"{ARTICLE_ID}.jsonl")
    assert len(items) == 43
    for item in items:
        assert TEXT[item.start:item.end] == item.text, item
    assert sum(not item.required for item in items) == 3
    money = next(item for item in items if item.text == "$190 billion")
    assert (money.kind, money.value, money.unit, money.time, money.role) == (
        "money", 190_000_000_000, "USD", "2022", "level")


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


# --- negatives ----------------------------------------------------------------------------------


def test_committed_negatives_load():
    assert load_negatives(ROOT / "corpus" / "gold" / f"{ARTICLE_ID}.negatives.txt") == ["S-400", "Su-35", "Xi"]


def test_negative_hits_by_text_and_by_span():
    start, end = span("S-400")
    inside = Figure(start=start + 2, end=end, text="400", kind="count", value=400, sentence_index=0)
    whole = figure("Su-35", "count", 35)
    clean = figure("$190 billion", "money", 190e9)
    hits = negative_hits(extraction([inside, whole, clean]), ["S-400", "Su-35", "Xi"])
    assert hits == [inside, whole]


def test_negative_hits_are_whole_word_only():
    text = "Xinhua 12 ships. Xi 3 times."
    over_xinhua = Figure(start=0, end=9, text="Xinhua 12", kind="count", value=12, sentence_index=0)
    after_xi = Figure(start=17, end=21, text="Xi 3", kind="count", value=3, sentence_index=0)
    twelve = Figure(start=7, end=9, text="12", kind="count", value=12, sentence_index=0)
    found = Extraction(article=Article(id="t", text=text), figures=(over_xinhua, after_xi, twelve))
    assert negative_hits(found, ["Xi"]) == [after_xi]


# --- description and ranking --------------------------------------------------------------------


def claim_for(item: Figure, score: str = "0.5", **fields) -> Claim:
    return Claim(claim_id=item.text, article_id=ARTICLE_ID, sentence_index=0, start=item.start, end=item.end,
                 kind=item.kind, text=item.text, value="", checkworthiness=score, **fields)


def test_token_f1():
    assert token_f1("bilateral trade", "bilateral trade") == 1.0
    assert token_f1("goods", "goods exported by China") == pytest.approx(0.4)
    assert token_f1("", "trade") == 0.0
    assert token_f1("", "") == 1.0


def test_subject_entities_and_speaker_are_scored_on_found_items():
    money = figure("$190 billion", "money", 190_000_000_000)
    percent = figure("36 percent", "percent", 36)
    claims = (claim_for(money, subject="trade", entities="China; Russia", speaker="author"),
              claim_for(percent, subject="bilateral trade", entities="China", speaker="IMF"))
    items = [replace(MONEY_190, subject="bilateral trade", entities=("Russia", "China"), speaker="author"),
             replace(PERCENT_36, subject="bilateral trade", entities=("China", "Russia"), speaker="author")]
    result = score_article(replace(extraction([money, percent]), claims=claims), items)
    description = describe_results([result])
    assert description.subject_items == 2 and description.subject_exact == 1
    assert description.subject_f1 == pytest.approx((2 / 3 + 1) / 2)
    assert (description.entity_exact, description.entity_tp, description.entity_fp, description.entity_fn) == (1, 3, 0, 1)
    assert (description.speaker_correct, description.speaker_items) == (1, 2)
    assert {e.field for e in description.errors} == {"subject", "entities", "speaker"}


def test_speakers_compare_as_sets_of_names():
    money = figure("$190 billion", "money", 190_000_000_000)
    claims = (claim_for(money, speaker="Xi Jinping; Vladimir Putin"),)
    item = replace(MONEY_190, speaker="Vladimir Putin; Xi Jinping")
    result = score_article(replace(extraction([money]), claims=claims), [item])
    assert describe_results([result]).speaker_accuracy == 1.0


def test_top_k_precision_counts_required_gold_figures_among_the_most_checkworthy_rows():
    money = figure("$190 billion", "money", 190_000_000_000)
    percent = figure("36 percent", "percent", 36)
    top = figure("top 10", "count", 10)
    claims = (claim_for(money, "0.9"), claim_for(top, "0.8"), claim_for(percent, "0.1"))
    result = score_article(replace(extraction([money, percent, top]), claims=claims), [MONEY_190, PERCENT_36, TOP_10])
    assert rank_results([result], k=2).to_dict() == {"k": 2, "hits": 1, "rows": 2, "precision": 0.5}
    assert rank_results([result], k=3).hits == 2


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
