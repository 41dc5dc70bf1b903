"""Overlapping candidate spans: exclusions drop the figures they touch, then the longest span wins,
then the rule's priority, then the label order, then the order the candidates came in."""
from __future__ import annotations

from pipeline.matching.candidates import Candidate, overlaps, resolve_overlaps
from pipeline.rules import Rule


def candidate(start: int, end: int, label: str = "money", priority: int = 0, rule_id: str = "") -> Candidate:
    rule = Rule(id=rule_id or f"{label}-{start}-{end}", label=label, file="test.yml", priority=priority)
    return Candidate(start, end, label, rule)


def test_the_longest_of_overlapping_spans_wins_and_the_rest_are_kept_in_text_order() -> None:
    short, long, apart = candidate(2, 3), candidate(1, 4, "quantity"), candidate(6, 7, "count")
    assert resolve_overlaps([apart, short, long]) == [long, apart]


def test_between_equally_long_spans_priority_then_label_then_order_decide() -> None:
    plain, preferred = candidate(0, 2, "count"), candidate(1, 3, "count", priority=1)
    assert resolve_overlaps([plain, preferred]) == [preferred]
    money, count = candidate(0, 2, "money"), candidate(0, 2, "count")
    assert resolve_overlaps([count, money]) == [money]
    first, second = candidate(0, 2, rule_id="first"), candidate(0, 2, rule_id="second")
    assert resolve_overlaps([first, second]) == [first]
    assert resolve_overlaps([second, first]) == [second]


def test_an_exclusion_drops_the_figures_it_touches_but_not_dates() -> None:
    exclusion, figure, date = candidate(0, 2, "exclude"), candidate(1, 3, "money"), candidate(1, 3, "date")
    assert resolve_overlaps([exclusion, figure]) == []
    assert resolve_overlaps([exclusion, date]) == [date]


def test_a_candidate_that_is_not_usable_counts_as_absent() -> None:
    long, short, exclusion = candidate(0, 4), candidate(1, 2, "count"), candidate(1, 2, "exclude")
    assert resolve_overlaps([long, short], usable=lambda c: c is not long) == [short]
    asked: list[Candidate] = []
    assert resolve_overlaps([exclusion, short], usable=lambda c: asked.append(c) or c is not exclusion) == [short]
    assert asked == [exclusion, short]


def test_context_rules_are_no_candidates_to_keep() -> None:
    assert resolve_overlaps([candidate(0, 2, "qualifier")]) == []


def test_overlaps_of_token_ranges() -> None:
    assert overlaps(candidate(0, 2), candidate(1, 3))
    assert not overlaps(candidate(0, 2), candidate(2, 3))  # touching is not overlapping


def test_a_number_in_words_cut_at_and_or_a_hyphen_is_joined_whole(resources) -> None:
    """"one hundred and sixteen" matched as "one hundred" is widened to the whole number; so is
    "fifty people" after "two hundred and", "one trillion" after "twenty-", "million people" after
    "a quarter"; a small number with a noun of its own stays apart."""
    from pipeline.matching.candidates import joined_number
    lexicons = resources.rules.lexicons
    words, scales, fractions = lexicons["number_words"], frozenset(lexicons["and_scales"]), frozenset(lexicons["fractions"])

    def widened(text: str, first: str, last: str) -> str:
        doc = resources.nlp(text)
        start = next(t.i for t in doc if t.text == first)
        end = next(t.i for t in doc if t.text == last and t.i >= start) + 1
        new_start, new_end = joined_number(doc, start, end, words, scales, fractions)
        return doc[new_start:new_end].text

    assert widened("They counted one hundred and sixteen.", "one", "hundred") == "one hundred and sixteen"
    assert widened("Two hundred and fifty people died.", "fifty", "people") == "Two hundred and fifty people"
    assert widened("Debt hit twenty-one trillion.", "one", "trillion") == "twenty-one trillion"
    assert widened("A quarter million people marched.", "million", "people") == "A quarter million people"
    assert widened("It cost $2 million and ten jobs.", "2", "million") == "2 million"
    assert widened("It fell to minus 15 degrees.", "15", "degrees") == "minus 15 degrees"
    assert widened("A margin of 40 percent, plus or minus 30 basis points.", "30", "points") == "30 basis points"
    assert widened("It cost four and a half billion euros.", "half", "euros") == "four and a half billion euros"
    assert widened("The town has 7 million and a half.", "7", "million") == "7 million and a half"
    assert widened("Sales hit $8 million and a half million came from abroad.", "8", "million") == "8 million"
    assert widened("They counted three thousand nine hundred.", "three", "thousand") == "three thousand nine hundred"
    assert widened("They counted one thousand and five hundred.", "one", "thousand") == "one thousand and five hundred"
    assert widened("They counted four hundred  and  twelve.", "four", "hundred") == "four hundred  and  twelve"
    assert widened("It raised 5 million two hundred ways.", "5", "million") == "5 million"
    assert widened("The town has 7 million and a quarter.", "7", "million") == "7 million and a quarter"


def test_a_number_that_starts_a_hyphenated_word_is_cut_from_the_figure_before_it(resources) -> None:
    from pipeline.matching.candidates import without_compound_number
    doc = resources.nlp("It took a $31 million one-time charge and sold twenty-one bonds.")
    assert doc[without_compound_number(doc, 3, 7) - 1].text == "million"  # "$31 million one"
    assert without_compound_number(doc, 10, 13) == 13  # "twenty-one" is one number
