"""Units carried from a neighbouring figure: looked up among the figures of a sentence, so that an
article of thousands of figures costs as many look-ups, not their square."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.figures.carried_units import carry_units


@dataclass
class Sentence:
    start: int


class CountingSpan:
    """A figure's span as carry_units reads a money figure's: only its sentence, counted."""

    reads = 0

    def __init__(self, sentence: int) -> None:
        self._sentence = Sentence(sentence)

    @property
    def sent(self) -> Sentence:
        CountingSpan.reads += 1
        return self._sentence


def test_a_bare_price_takes_the_per_unit_of_a_price_in_its_own_sentence_only() -> None:
    spans = [CountingSpan(0), CountingSpan(0), CountingSpan(5)]
    units = carry_units(spans, ["money"] * 3, ["USD/barrel", "USD", "USD"], [77.85, 76.9, 75.0], [False] * 3)
    assert units == ["USD/barrel", "USD/barrel", "USD"]


def test_carrying_units_reads_each_figure_a_bounded_number_of_times() -> None:
    figures = 5_000  # two prices in each sentence, none per unit: nothing to carry
    spans = [CountingSpan(i // 2) for i in range(figures)]
    CountingSpan.reads = 0
    units = carry_units(spans, ["money"] * figures, ["USD"] * figures, [10.0] * figures, [False] * figures)
    assert units == ["USD"] * figures
    assert CountingSpan.reads <= 3 * figures


def test_a_bare_rate_counts_the_class_its_clause_acts_on(extract) -> None:
    figures = extract("No yard has launched a cargo ship at the rate of 4 per month.").figures
    assert [(f.text, f.unit) for f in figures] == [("4 per month", "ship per month")]


def test_a_rate_takes_the_counted_noun_of_the_last_rate_per_the_same_base_in_its_sentence() -> None:
    spans = [CountingSpan(0), CountingSpan(0), CountingSpan(0)]
    units = carry_units(spans, ["quantity"] * 3, ["case per 100,000 people", "death per 100,000 people", "per 100,000 people"],
                        [1237.0, 12.0, 300.0], [False] * 3)
    assert units == ["case per 100,000 people", "death per 100,000 people", "death per 100,000 people"]


def test_carrying_rate_units_reads_each_figure_a_bounded_number_of_times() -> None:
    figures = 5_000  # in each sentence a rate in full, then one per the same base
    spans = [CountingSpan(i // 2) for i in range(figures)]
    CountingSpan.reads = 0
    units = carry_units(spans, ["quantity"] * figures, ["case per 100,000 people", "per 100,000 people"] * (figures // 2),
                        [10.0] * figures, [False] * figures)
    assert units == ["case per 100,000 people"] * figures
    assert CountingSpan.reads <= 3 * figures


def test_times_count_the_events_their_verb_names_when_those_are_counted(extract) -> None:
    figures = extract("The courier was attacked four times. The team lost just five times.").figures
    assert [(f.text, f.unit) for f in figures] == [("four times", "attack"), ("five times", "time")]


def test_a_bare_count_in_a_clause_about_a_number_counts_what_the_number_is_of(extract) -> None:
    figures = extract("The number of new building permits in Ardenia climbed by 4,000 in May.").figures
    assert [(f.text, f.unit) for f in figures] == [("4,000", "permit")]
    figures = extract("Lenders approved 61,000 mortgages in March. That number had fallen to 19,000 by June.").figures
    assert [(f.text, f.unit) for f in figures] == [("61,000 mortgages", "mortgage"), ("19,000", "mortgage")]
