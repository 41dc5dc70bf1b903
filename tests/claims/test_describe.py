"""What a figure measures: subject noun phrases read from the parse."""
from __future__ import annotations

import re

import pytest

from pipeline.claims.describe import CLAUSAL, claim_clause, clause_tokens

from tests.claims.claims_fixture import claims_by_text


CASES = [
    ("In 2022, bilateral trade grew by 36 percent to $190 billion. In 2023, it grew to $240 billion, "
     "surpassing the $200 billion mark in November.",
     {"36 percent": "bilateral trade", "$240 billion": "bilateral trade", "$200 billion": "bilateral trade"}),
    ("China has imported energy commodities worth $129 billion.",
     {"$129 billion": "energy commodities imported by China"}),
    ("China has exported goods dominated by industrial equipment (around 23 percent of exports), "
     "cars (20 percent), and consumer electronics (15 percent).",
     {"23 percent": "industrial equipment", "20 percent": "cars", "15 percent": "consumer electronics"}),
    ("Sales of Chinese industrial equipment jumped by 54 percent in 2023 compared with the previous year.",
     {"54 percent": "Sales of Chinese industrial equipment"}),
    ("By 2006, their 2,615-mile border had finally been fully delimited.", {"2,615-mile": "border"}),
    ("Unemployment fell to 3.9 percent in March. It had been 4.1 percent a month earlier.",
     {"4.1 percent": "Unemployment"}),
    # "it" under a clause with its own subject stands for that subject, not the sentence before's
    ("The levy bills will saddle Northwind with losses. Northwind said it trimmed stockpiles by another $65 million.",
     {"$65 million": "Northwind"}),
    # a count measures the noun it counts, with what defines it and without its time
    ("About 1.6 million households whose fixed deals expire next year face higher payments.",
     {"1.6 million households": "households whose fixed deals expire next year"}),
    ("Eleven of the country's 27 federal units have declared an emergency.",
     {"27 federal units": "country's federal units"}),
    ("The disease causes high fever and kills fewer than 1 percent of patients who receive timely treatment.",
     {"1 percent": "patients who receive timely treatment"}),
    ("She set a goal of 70,000 permits a year by the end of the decade.", {"70,000 permits": "permits"}),
    ("Argentina has registered about 180,000 cases this season, 62% of them in the north-east.",
     {"62%": "cases"}),
    # the amount of a noun: the noun, not the owner
    ("Manchester City had revenue of £712.8m in the year to June 30.", {"£712.8m": "revenue"}),
    # asides between commas, times and datelines are not part of the subject
    ("Regular pay growth, excluding bonuses, eased slightly to 7.8% a year.", {"7.8%": "Regular pay growth"}),
    ("Government borrowing in the first half of the financial year was £81.7bn.",
     {"£81.7bn": "Government borrowing"}),
    ("LONDON - Chelsea's spending rose to £900 million.", {"£900 million": "Chelsea's spending"}),
    ("The average two-year fixed mortgage rate stood at 6.43 percent this week, compared with 2.34 percent "
     "two years ago.", {"2.34 percent": "average two-year fixed mortgage rate"}),
    ("Inflation is still far above the Bank of England's 2% target.", {"2%": "Bank of England's target"}),
    # a sum spent, paid or earned is named by its verb's noun
    ("Premier League clubs have now spent more than £2 billion this summer.",
     {"£2 billion": "spending by Premier League clubs"}),
    ("The government spent R$200 million on insecticide last year.",
     {"R$200 million": "spending on insecticide"}),
    # a bare number set between commas beside a person is the person's age
    ("Dana Whitfield, 52, a welder from Ohio, lost her job in May.", {"52": "age"}),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_subject(text, expected, extract):
    rows = {c.text: c.subject for c in extract(text).claims}
    assert {k: rows[k] for k in expected} == expected


def test_a_pronoun_in_a_new_paragraph_has_no_antecedent(extract):
    rows = {c.text: c.subject for c in extract("Unemployment fell in March.\n\nIt was 4.1 percent in May.").claims}
    assert rows["4.1 percent"] == ""


def test_three_times_is_no_count_of_times(extract):
    rows = {c.text: c.subject for c in extract("Exports were three times as high as imports.").claims}
    assert rows.get("three times", "Exports") == "Exports"



def test_a_figure_naming_no_one_is_about_what_the_headline_names(resources):
    title = "UK inflation slows but Bank of England warns rates will stay high"
    rows = claims_by_text(resources, f"{title}\n\nFood prices climbed 12.2 percent in the year to September.", title)
    assert rows["12.2 percent"].entities == "United Kingdom"


def test_no_headline_no_topic(resources):
    rows = claims_by_text(resources, "Food prices climbed 12.2 percent in the year to September.")
    assert rows["12.2 percent"].entities == ""


def test_a_source_and_a_dateline_are_not_what_a_figure_is_about(resources):
    rows = claims_by_text(resources, "LONDON - Britain's inflation held at 6.7 per cent in September, "
                              "the Office for National Statistics said on Wednesday.")
    assert rows["6.7 per cent"].entities == "United Kingdom"
    assert rows["6.7 per cent"].speaker == "Office for National Statistics"


def test_people_and_organisations_named_before_do_not_carry_over(resources):
    rows = claims_by_text(resources, "The Bank of England raised rates in September. Food prices climbed 12.2 percent.")
    assert rows["12.2 percent"].entities == ""


def _walked_clause(span) -> set[int]:
    """A figure's clause found by walking it, as clause_tokens did before it kept each clause."""
    head = claim_clause(span.root)
    dropped: set[int] = set()
    for token in head.subtree:
        if token.i not in dropped and token.i != head.i and (
                token.dep_ in CLAUSAL or (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"))):
            subtree = {t.i for t in token.subtree}
            if not any(span.start <= i < span.end for i in subtree):
                dropped |= subtree
    return {t.i for t in head.subtree} - dropped


def test_a_clause_is_read_once_for_all_its_figures(resources):
    doc = resources.nlp("Harwick said sales rose 5% to $2 billion while costs, which the board cut, fell 3% "
                        "and orders climbed 12%, analysts who follow the firm said on Monday.")
    figures = [doc.char_span(m.start(), m.end(), alignment_mode="expand")
               for m in re.finditer(r"\$?\d[\d.,]*( billion|%)", doc.text)]
    assert len(figures) == 4
    for span in figures:
        assert clause_tokens(span) == _walked_clause(span)
    kept = doc.user_data["claims.clause_parts"]
    assert len(kept) <= len(figures)  # one entry per clause, not per figure
