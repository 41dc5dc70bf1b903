"""Figure normalization without spaCy: tables of span words -> value, range and unit, and the
range faults that must never come back (a year as the low end, two figures summed into one)."""
import pytest

from pipeline.figures import FigureNormalizer
from pipeline.rules import load_rules

NORMALIZER = FigureNormalizer(load_rules().lexicons)


def normalize(kind: str, text: str):
    words = text.split()
    return NORMALIZER.normalize(kind, words, words, {})


@pytest.mark.parametrize("kind,text,low,high", [
    ("money", "$ 5 - 6 billion", 5e9, 6e9),
    ("money", "between $ 3 and $ 4 billion", 3e9, 4e9),
    ("percent", "3 % - 4 %", 3, 4),
    ("percent", "between 3 and 4 percent", 3, 4),
    ("count", "four to five thousand troops", 4000, 5000),
    ("count", "1,000 - 2,000 people", 1000, 2000),
])
def test_ranges(kind, text, low, high):
    amount = normalize(kind, text)
    assert (amount.value, amount.value_low, amount.value_high) == (None, pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("kind,text", [
    ("percent", "2021 to 5.5 percent"),   # a year is never the low end of a range
    ("percent", "ten percent and 4 pct"),  # two figures, not a range and never their sum
    ("count", "3 - 2 win"),                # a score: the ends do not rise
    ("count", "2021 5.5 people"),
])
def test_unreadable_spans_have_no_value(kind, text):
    assert not normalize(kind, text).readable


def test_written_compounds_are_one_number():
    assert normalize("count", "twenty - five people").value == 25


def test_a_year_between_linked_figures_stays_a_date(extract):
    ex = extract("Inflation went up from 3 percent in 2021 to 5.5 percent in 2023.")
    assert [(f.text, f.value) for f in ex.figures] == [("3 percent", 3), ("5.5 percent", 5.5)]
    assert [d.value for d in ex.dates] == ["2021", "2023"]
