"""The extraction stages on real news sentences: figures, entities, claims."""
from pathlib import Path

import pytest

import pipeline.extract
from pipeline.errors import E_INTERNAL, InternalError
from pipeline.extract import extract_articles, extract_doc, extract_guarded
from pipeline.ingest.read import read_article
from pipeline.records import Article, Extraction

SEED = Path(__file__).resolve().parent.parent / "corpus" / "articles" / "putin-xi-unholy-alliance.txt"


def test_designations_and_referring_numbers_are_not_figures(extract):
    ex = extract("Russia sold S-400 missiles and Su-35 jets to the two neighbors, as Xi and the G-20 watched.")
    assert ex.figures == ()


def test_offsets_point_into_the_text(resources):
    article = read_article(SEED)
    ex = next(extract_articles([article], resources))
    for item in ex.figures + ex.dates:
        assert article.text[item.start:item.end] == item.text
    for claim in ex.claims:
        assert article.text[claim.start:claim.end] == claim.text


def test_headline_is_its_own_sentence(extract):
    ex = extract("Trade Soars\n\nIn 2022, trade grew by 36 percent to $190 billion.")
    assert all(c.sentence.startswith("In 2022") for c in ex.claims)


def test_claim_ids_survive_edits_elsewhere(extract):
    body = "In 2022, bilateral trade grew by 36 percent to $190 billion."
    before = extract(f"Intro one.\n\n{body}", article_id="a")
    after = extract(f"A rewritten and longer introduction paragraph.\n\n{body}", article_id="a")
    assert [c.claim_id for c in before.claims] == [c.claim_id for c in after.claims]
    assert len({c.claim_id for c in before.claims}) == len(before.claims)


def test_claim_rows_carry_subject_entities_and_rules(extract):
    ex = extract("China has exported to Russia goods worth $111 billion, dominated by industrial equipment "
                 "(around 23 percent of exports), cars (20 percent), and consumer electronics (15 percent).")
    rows = {c.text: c for c in ex.claims}
    assert rows["20 percent"].subject == "cars" and rows["20 percent"].role == "share"
    assert rows["23 percent"].qualifier == "approx"
    assert "China" in rows["$111 billion"].entities and "Russia" in rows["$111 billion"].entities
    assert rows["$111 billion"].rules == "money-symbol-number"
    assert rows["$111 billion"].speaker == "author"


def test_dates_that_scope_a_figure_are_not_rows_of_their_own(extract):
    ex = extract("In 2022, trade grew by 36 percent. A joint statement was issued on February 4, 2022.")
    kinds = [(c.kind, c.text) for c in ex.claims]
    assert ("date", "2022") not in kinds
    assert ("date", "February 4, 2022") in kinds


def test_a_repeated_sentence_gives_distinct_claim_ids(extract):
    line = "In 2022, bilateral trade grew by 36 percent to $190 billion.\n\n"
    ex = extract(line * 3)
    assert len(ex.claims) == 6 and len({c.claim_id for c in ex.claims}) == 6


def _stories(count: int) -> list[Article]:
    return [Article(id=f"a{i}", text=f"Exports rose {i + 2} percent in 2023.", path=f"a{i}.txt") for i in range(count)]


def _told(outcome: Extraction | InternalError) -> str:
    return outcome.code if isinstance(outcome, InternalError) else outcome.article.id


def test_an_article_that_breaks_the_parser_fails_alone_and_its_batch_goes_on(resources):
    # spaCy cannot hash a lone surrogate (ingest never lets one through): nlp.pipe raises for the
    # whole batch, whose other articles are parsed again one by one.
    articles = _stories(5)
    articles.insert(2, Article(id="bad", text="bad \ud800 5 percent", path="bad.txt"))
    outcomes = list(extract_guarded(articles, resources, batch_size=4))
    assert [_told(o) for o in outcomes] == ["a0", "a1", E_INTERNAL, "a2", "a3", "a4"]
    error = outcomes[2]
    assert str(error).startswith("[E090] bad.txt: internal error in nlp.parse: UnicodeEncodeError: ")
    assert "Traceback (most recent call last)" in error.trace
    assert outcomes[3] == next(extract_articles([articles[3]], resources))


def test_an_article_that_breaks_a_stage_fails_alone(resources, monkeypatch):
    def broken(doc, article, res):
        if article.id == "a1":
            raise ValueError("a stage\nfailed")
        return extract_doc(doc, article, res)

    monkeypatch.setattr(pipeline.extract, "extract_doc", broken)
    outcomes = list(extract_guarded(_stories(3), resources))
    assert [_told(o) for o in outcomes] == ["a0", E_INTERNAL, "a2"]
    assert str(outcomes[1]) == "[E090] a1.txt: internal error in extract: ValueError: a stage failed"


def test_a_failure_to_read_the_input_is_raised_not_taken_for_an_article(resources):
    def articles():
        yield from _stories(2)
        raise OSError("disk gone")

    with pytest.raises(OSError, match="disk gone"):
        list(extract_guarded(articles(), resources))


def test_a_bare_dollar_sign_takes_the_article_s_own_dollar(extract):
    figures = extract("BHP said profit rose to AU$1.2 billion. It will spend $40 million on a mine.").figures
    assert [f.unit for f in figures if f.kind == "money"] == ["AUD", "AUD"]
    figures = extract("The Canadian miner raised C$500 million ($370 million) in May.").figures
    assert [f.unit for f in figures if f.kind == "money"] == ["CAD", "USD"]
    figures = extract("Brazil released 1.5 billion reais (roughly $300m) and will spend R$200 million more.").figures
    assert [f.unit for f in figures if f.kind == "money"] == ["BRL", "USD", "BRL"]
    figures = extract("Apple paid $3 billion for Beats.").figures
    assert [f.unit for f in figures if f.kind == "money"] == ["USD"]


def test_a_currency_name_alone_takes_the_land_the_article_names(extract):
    figures = extract("In 1996 the Dutch brewer sold its Leiden plant for 85 million guilders.").figures
    assert [f.unit for f in figures if f.kind == "money"] == ["NLG"]
    figures = extract("A Finnish mill cost 420 million markkaa to build.").figures
    assert [f.unit for f in figures if f.kind == "money"] == ["FIM"]
    figures = extract("The financial group in Basel booked 60 million francs.").figures
    assert [f.unit for f in figures if f.kind == "money"] == ["CHF"]  # "financial" in lower case names no land
    figures = extract("The Dutch insurer earned 310 million guilders, or 5.20 guilders a share.").figures
    assert [f.unit for f in figures if f.kind == "money"] == ["NLG", "NLG/share"]  # the name, not "share", says which


def test_a_share_price_quoted_bare_is_money_in_the_article_s_currency(extract):
    figures = extract("Harlan Mills offered $48 a share. Its stock rose 1 1/4 to 52 3/8 in heavy trading.").figures
    assert [(f.value, f.unit, f.role) for f in figures if f.kind == "money"][1:] == [(1.25, "USD", "change"),
                                                                                   (52.375, "USD", "level")]
    text = ("Ostrander paid £4.20 a share for Kestrel, worth £310 million. "
            "On the exchange, Kestrel shares rose 12 to 432 on heavy trading.")
    figures = extract(text).figures
    assert [(f.value, f.unit) for f in figures if f.kind == "money"][2:] == [(0.12, "GBP"), (4.32, "GBP")]  # pence
    assert not [f for f in extract("The death toll rose 3 to 20 on Sunday.").figures if f.kind == "money"]


def test_units_and_currencies_news_writes_glued_or_apart(extract):
    figures = extract("The 3.2GHz phone with 256GB costs HK $4,500, and the 510bhp car reached 75 mph.").figures
    assert [(f.text, f.unit) for f in figures] == [("3.2GHz", "gigahertz"), ("256GB", "gigabyte"),
                                                   ("HK $4,500", "HKD"), ("510bhp", "horsepower"),
                                                   ("75 mph", "mile per hour")]
