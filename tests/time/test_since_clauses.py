"""A present-perfect figure with a clause of "since" that names a date spans from that date to
publication (published Tuesday 2024-04-09)."""
import pytest

SINCE = [  # text, figure, expected scope value and source
    ("About 75 million copies of the rifle have been built since it entered production in February 1947.",
     "75 million copies", "1947-02/2024-04", "clause"),
    ("The envoy has met the minister at least three times since he arrived in Lisbon on April 2.",
     "three times", "2024-04-02/2024-04-09", "clause"),
    # the verb an infinitive hangs from; a figure inside the clause of "since" keeps its own date
    ("Since Vexa bought Orlon in February for $25 million, it has agreed to sell $5 million of Orlon assets.",
     "$5 million", "2024-02/2024-04", "clause"),
    ("Since Vexa bought Orlon in February for $25 million, it has agreed to sell $5 million of Orlon assets.",
     "$25 million", "2024-02", "clause"),
    # counter-examples: a superlative or a first time measures against the point, a negated clause
    # tells of the last time, and a past clause reads "since" as "because"
    ("The club has scored 80 goals, the most since it joined the league in 1998.", "80 goals", "2024-04-09",
     "published"),
    ("Orlon has made a profit of $3 million, its first since it listed in 2019.", "$3 million", "2024-04-09",
     "published"),
    ("The index has not closed above 6,500 since it fell in February.", "6,500", "2024-04-09", "published"),
    ("Since Acme lost money in March, it cut 300 jobs.", "300 jobs", "2024-04-09", "published"),
    # a total to date is checked as it stands at the time of writing
    ("So far, Altair has received five orders for the jet since it was launched in May 2019.", "five orders",
     "2024-04-09", "published"),
]


@pytest.mark.parametrize("text,figure,value,source", SINCE)
def test_a_clause_of_since_starts_the_span(extract, text, figure, value, source):
    found = next(f for f in extract(text).figures if f.text == figure)
    assert (found.time.value, found.time.source) == (value, source)
