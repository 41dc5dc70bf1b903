"""A figure in a clause that describes a noun takes that noun's time (published 2024-04-09)."""
import pytest

LEAD = "The agency updated its list on Monday. "

RELATIVES = [  # text, figure, expected scope value and source
    # a past relative clause on a dated noun takes the noun's date
    (LEAD + "Two men were charged in the March 3, 1995, derailment of the night train that injured 41 passengers.",
     "41 passengers", "1995-03-03", "sentence"),
    (LEAD + "The 2011 flood that destroyed 900 homes is still remembered.", "900 homes", "2011", "clause"),
    (LEAD + "They recalled the blackout in 2003, which cut power to 50 million people.", "50 million people",
     "2003", "sentence"),
    # a past participle on the figure dates it, though it has a figure of its own
    (LEAD + "Halden holds 80,000 shares, including 52,000 bought on March 14 for $4.10 each.", "52,000",
     "2024-03-14", "clause"),
    (LEAD + "Halden holds 80,000 shares, including 52,000 bought on March 14 for $4.10 each.", "$4.10",
     "2024-03-14", "clause"),
    # a relative clause in the present set off from a name says what is so now
    ("Acme reported a loss in the third quarter. Borex, which owns 23% of Acme, said it would book a charge.",
     "23%", "2024-04-09", "published"),
    ("Northwind, which owns 40% of the mill, posted net income for the first quarter of $8 million.", "40%",
     "2024-04-09", "published"),
    ("Northwind, which owns 40% of the mill, posted net income for the first quarter of $8 million.",
     "$8 million", "2024-01/2024-03", "clause"),
    # ... and so does one in the present perfect: a total to date
    ("Officials met on Monday to weigh aid after the floods, which have displaced 9,000 people.",
     "9,000 people", "2024-04-09", "published"),
    # ... and so does a clause in the present joined to one in the past
    ("Dune Holdings began buying Orla shares in June, and holds 12%, according to a filing.", "12%",
     "2024-04-09", "published"),
    # ... while a restrictive clause on a common noun keeps the time of what it describes
    ("In 2023, it grew to $240 billion. China imported energy worth $129 billion that accounts for 73 percent "
     "of its imports.", "73 percent", "2023", "context"),
    # a survey's field dates date what it found
    (LEAD + "In a poll completed on Saturday, 62 percent of voters said they backed the plan.", "62 percent",
     "2024-04-06", "sentence"),
    (LEAD + "The survey, conducted on April 2, found that 45% of owners plan to sell.", "45%", "2024-04-02",
     "sentence"),
]


@pytest.mark.parametrize("text,figure,value,source", RELATIVES)
def test_a_relative_clause_takes_the_time_of_its_noun(extract, text, figure, value, source):
    found = next(f for f in extract(text).figures if f.text == figure)
    assert (found.time.value, found.time.source) == (value, source)


DESCRIBED = [  # a date in a clause that describes another noun does not date a figure
    ("Shares climbed on Tuesday, leaving the benchmark within 45 points of its peak reached on March 12.",
     "45 points", "2024-04-09"),
    ("The index stayed above its March 3, 2023 low of 2140.55.", "2140.55", "2023-03-03"),
]


@pytest.mark.parametrize("text,figure,value", DESCRIBED)
def test_a_date_belongs_to_the_noun_it_describes(extract, text, figure, value):
    found = next(f for f in extract("Shares fell. " + text).figures if f.text == figure)
    assert found.time.value == value
