"""The extraction stages on real news sentences: figures, time scope, entities, claims."""
from pathlib import Path

from pipeline.ingest.read import read_article
from pipeline.extract import extract_articles

SEED = Path(__file__).resolve().parent.parent / "corpus" / "articles" / "putin-xi-unholy-alliance.txt"


def figure(extraction, text):
    return next(f for f in extraction.figures if f.text == text)


def test_time_scope_from_clause_sentence_and_paragraph(extract):
    ex = extract("In 2023, it grew to $240 billion, surpassing the $200 billion mark in November, a goal "
                 "they intended to reach in 2025. China has imported energy worth $129 billion.\n\n"
                 "Exports were $5 billion.")
    assert (figure(ex, "$240 billion").time.value, figure(ex, "$240 billion").time.source) == ("2023", "clause")
    assert figure(ex, "$200 billion").time.value == "2023-11"
    assert (figure(ex, "$129 billion").time.value, figure(ex, "$129 billion").time.source) == ("2023", "context")
    assert figure(ex, "$5 billion").time is None, "the frame does not cross a paragraph break"


def test_linked_figures_take_the_time_that_follows_them(extract):
    ex = extract("Russia annexed nothing. Russia's annexation of Crimea in 2014 changed trade. The share of "
                 "trade jumped from ten percent before the annexation of Crimea to 18 percent before the "
                 "invasion in 2022.")
    ten, eighteen = figure(ex, "ten percent"), figure(ex, "18 percent")
    assert (ten.time.value, ten.time.source, ten.time.text) == ("2014", "event", "before the annexation of Crimea")
    assert eighteen.time.value == "2022"
    assert ten.role == eighteen.role == "share"


def test_relative_dates_chain_through_the_narrative(extract):
    ex = extract("They met on February 4, 2022. Troops crossed just 20 days later. Sales jumped by 54 percent "
                 "in 2023 compared with the previous year.")
    values = {d.text: (d.value, d.relative) for d in ex.dates}
    assert values["20 days later"] == ("2022-02-24", True)
    assert values["the previous year"] == ("2022", True)
    assert figure(ex, "54 percent").time.value == "2023"


def test_no_publication_date_leaves_relative_dates_open(extract):
    ex = extract("Two years ago, exports fell by 5 percent.", published=None)
    date = next(d for d in ex.dates if d.text == "Two years ago")
    assert date.value == "" and date.relative


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


def test_a_reporting_date_is_the_last_resort_for_time_scope(extract):
    alone = extract("Employers added 128,000 jobs, the department said on Friday.")
    assert (figure(alone, "128,000 jobs").time.value, figure(alone, "128,000 jobs").time.source) == ("2024-04-05", "statement")
    framed = extract("U.S. employers added 128,000 jobs in October, the department said on Friday. "
                     "The unemployment rate rose to 3.6%.")
    assert figure(framed, "3.6%").time.value == "2023-10"


def test_a_comparison_base_is_not_the_period(extract):
    ex = extract("Turnout was 66.7 percent, the highest since 1900. Sales rose 8% from a year earlier.")
    assert figure(ex, "66.7 percent").time is None
    assert figure(ex, "8%").time is None


def test_a_clause_describing_a_noun_frames_nothing_else(extract):
    ex = extract("The company, founded in 1885, employs 4,000 people.")
    assert figure(ex, "4,000 people").time is None


def test_a_repeated_sentence_gives_distinct_claim_ids(extract):
    line = "In 2022, bilateral trade grew by 36 percent to $190 billion.\n\n"
    ex = extract(line * 3)
    assert len(ex.claims) == 6 and len({c.claim_id for c in ex.claims}) == 6
