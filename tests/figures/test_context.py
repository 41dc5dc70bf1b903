"""A figure's qualifier read from its surroundings: a bound before the noun a level names, and a
figure in parentheses that restates the one before it."""
from __future__ import annotations

from pipeline.figures.context import level_start


def test_a_bound_before_the_noun_a_level_figure_names_bounds_the_figure(resources) -> None:
    nouns = frozenset(resources.rules.lexicons["level_nouns"])
    doc = resources.nlp("The index sank below the psychological 6,000 mark while rents rose over the past 5 years.")
    mark, years = doc[6:7], doc[14:16]
    assert (mark.text, years.text) == ("6,000", "5 years")
    assert level_start(mark, nouns) == 4  # "the"
    assert level_start(years, nouns) == years.start
    forecast = resources.nlp("Hiring came in far above the 150,000 forecast.")[6:7]
    assert level_start(forecast, nouns) == forecast.start


def test_a_figure_in_parentheses_restates_the_bound_of_the_one_before(extract) -> None:
    figures = extract("The region will lend as much as £80 million ($101 million) and 3 million tonnes (of grain).").figures
    by_text = {f.text: f.qualifier for f in figures}
    assert by_text["£80 million"] == by_text["$101 million"] == "at_most"
    assert by_text["3 million tonnes"] == "exact"
