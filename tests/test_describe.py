"""What a figure measures: subject noun phrases read from the parse."""
from __future__ import annotations

import pytest

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
    # a count measures the noun it counts, with what defines it and without its time
    ("About 1.6 million households whose fixed deals expire next year face higher payments.",
     {"1.6 million households": "households whose fixed deals expire next year"}),
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
