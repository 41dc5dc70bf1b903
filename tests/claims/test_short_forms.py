"""Short forms of an article's longer names (pipeline/claims/short_forms.py), on names written for
these tests."""
from __future__ import annotations

from pipeline.claims.short_forms import (Mention, full_names_of_surnames, places_named_as_firms, tagged_leading_words,
                                         units_named_in_full, untagged_leading_words)


def _labels(texts_and_labels: list[tuple[str, str]], placed: bool = False) -> list[str]:
    mentions = [Mention(i * 10, i * 10 + len(text), text, label, False) for i, (text, label) in enumerate(texts_and_labels)]
    found = places_named_as_firms(mentions, lambda word: word in ("Leeds", "Kenyan"),
                                  lambda name: name.removesuffix(" Corp.").removesuffix(" S.A."), lambda m: placed)
    return [m.label for m in found]


def test_a_firm_s_word_the_model_once_reads_as_a_place_is_the_firm():
    # "Tarrow Mills Corp. ... Tarrow said ... Tarrow earned $4 million", the last read as a place
    assert _labels([("Tarrow Mills Corp.", "ORG"), ("Tarrow", "ORG"), ("Tarrow", "GPE")]) == ["ORG", "ORG", "ORG"]


def test_a_firm_s_leading_word_read_as_a_place_after_its_legal_name_is_the_firm():
    # "Vantra Hotel Corp. ... holds 11% of Vantra", the last read as a place
    assert _labels([("Vantra Hotel Corp.", "ORG"), ("Vantra", "GPE")]) == ["ORG", "ORG"]
    # not where a place stands ("its plant in Vantra"), nor before the name is given
    assert _labels([("Vantra Hotel Corp.", "ORG"), ("Vantra", "GPE")], placed=True) == ["ORG", "GPE"]
    assert _labels([("Vantra", "GPE"), ("Vantra Hotel Corp.", "ORG")]) == ["GPE", "ORG"]
    # nor after a name without a legal form ("Vantra Stock Exchange ... Vantra's richest family")
    assert _labels([("Vantra Stock Exchange", "ORG"), ("Vantra", "GPE")]) == ["ORG", "GPE"]


def _opening(texts_and_labels: list[tuple[str, str]], placed: bool = False) -> list[tuple[str, str]]:
    mentions = [Mention(i * 40, i * 40 + len(text), text, label, False) for i, (text, label) in enumerate(texts_and_labels)]
    found = tagged_leading_words(mentions, lambda name: name in ("New York",),
                                 lambda name: name.removesuffix(" Inc."), lambda m: placed)
    return [(m.text, m.expands) for m in found]


def test_leading_words_tagged_by_themselves_are_the_one_longer_name_given_before():
    # "Halvey Nutritional Services Inc. ... Halvey Nutritional has 10 million shares"
    assert _opening([("Halvey Nutritional Services Inc.", "ORG"), ("Halvey Nutritional", "ORG")]) == [
        ("Halvey Nutritional", "Halvey Nutritional Services Inc.")]
    # "... Costa Verde Bancorp ... each share of Costa Verde", the last read as a place
    assert _opening([("Costa Verde Bancorp", "ORG"), ("Costa Verde", "GPE")]) == [("Costa Verde", "Costa Verde Bancorp")]


def test_leading_words_that_name_a_firm_a_place_or_two_names_stay():
    # the parent "Kessel Grand Inc." beside its unit "Kessel Grand Air Inc."
    assert _opening([("Kessel Grand Inc.", "ORG"), ("Kessel Grand Air Inc.", "ORG"), ("Kessel Grand", "ORG")]) == []
    assert _opening([("New York Stock Exchange", "ORG"), ("New York", "GPE")]) == []
    assert _opening([("Costa Verde Bancorp", "ORG"), ("Costa Verde", "GPE")], placed=True) == []
    assert _opening([("Rowe Price Associates", "ORG"), ("Rowe Price Income Fund", "ORG"), ("Rowe Price", "ORG")]) == []
    assert _opening([("Costa Verde", "GPE"), ("Costa Verde Bancorp", "ORG")]) == []


def test_a_known_place_or_a_firm_s_whole_name_stays_as_the_model_reads_it():
    assert _labels([("Leeds", "ORG"), ("Leeds", "GPE")]) == ["ORG", "GPE"]
    assert _labels([("Nestor S.A.", "ORG"), ("Nestor", "ORG"), ("Nestor", "GPE")]) == ["ORG", "ORG", "GPE"]
    assert _labels([("Harlow Mills Corp.", "ORG"), ("Tarrow", "GPE")]) == ["ORG", "GPE"]


def _untagged(resources, text: str, name: str) -> list[tuple[str, str]]:
    doc = resources.nlp(text)
    doc.ents = []  # the model leaves the short form untagged
    mentions = [Mention(text.index(name), text.index(name) + len(name), name, "ORG", False)]
    return [(m.text, m.expands) for m in untagged_leading_words(doc, mentions)]


def test_untagged_leading_words_of_a_longer_name_given_before_are_that_name(resources):
    assert _untagged(resources, "Polk Harbor Industries Inc. said profit rose. Last month, Polk Harbor posted a "
                     "38% jump in pretax profit.", "Polk Harbor Industries Inc.") == [
        ("Polk Harbor", "Polk Harbor Industries Inc.")]


def test_a_longer_run_or_one_written_before_the_name_is_another_name(resources):
    assert _untagged(resources, "Polk Harbor Industries Inc. said profit rose. Polk Harbor Group posted a loss.",
                     "Polk Harbor Industries Inc.") == []
    assert _untagged(resources, "Polk Harbor posted a loss. Polk Harbor Industries Inc. said profit rose.",
                     "Polk Harbor Industries Inc.") == []


def _people(resources, text: str, full: str, label: str) -> list[tuple[str, str]]:
    """The mentions once the model tags only the surname after the courtesy title as a person, and
    the full name with ``label`` (none if empty)."""
    doc = resources.nlp(text)
    surname = full.split()[-1]
    at = text.index(surname, text.index(full) + len(full))
    ents = [doc.char_span(at, at + len(surname), label="PERSON")]
    mentions = [Mention(at, at + len(surname), surname, "PERSON", False)]
    if label:
        ents.insert(0, doc.char_span(text.index(full), text.index(full) + len(full), label=label))
        mentions.insert(0, Mention(text.index(full), text.index(full) + len(full), full, label, False))
    doc.ents = ents
    return [(m.text, m.label) for m in full_names_of_surnames(doc, mentions, frozenset({"mr.", "ms."}))]


def test_a_full_name_ending_in_a_surname_after_a_courtesy_title_is_that_person(resources):
    text = "Odile Brandvik, a consultant in Oslo, said demand grew. Ms. Brandvik said costs fell."
    assert _people(resources, text, "Odile Brandvik", "") == [("Odile Brandvik", "PERSON"), ("Brandvik", "PERSON")]
    assert _people(resources, text, "Odile Brandvik", "ORG") == [("Odile Brandvik", "PERSON"), ("Brandvik", "PERSON")]


def test_initials_or_a_word_written_elsewhere_is_no_first_name(resources):
    assert _people(resources, "Mr. Halvorsen said F.A.O. Halvorsen cut prices. Mr. Halvorsen left.",
                   "F.A.O. Halvorsen", "ORG") == [("F.A.O. Halvorsen", "ORG"), ("Halvorsen", "PERSON")]
    assert _people(resources, "Dow Jones rose. Dow fell later. Mr. Jones said so.", "Dow Jones", "ORG") == [
        ("Dow Jones", "ORG"), ("Jones", "PERSON")]


def _units(resources, text: str, cut: str) -> list[str]:
    """The mentions once the model tags only ``cut`` of each unit's name, as an organisation."""
    doc = resources.nlp(text)
    starts = [i for i in range(len(text)) if text.startswith(cut, i)]
    doc.ents = [doc.char_span(i, i + len(cut), label="ORG") for i in starts]
    return [m.text for m in units_named_in_full(doc, [Mention(i, i + len(cut), cut, "ORG", False) for i in starts],
                                                frozenset({"unit", "subsidiary"}))]


def test_a_unit_s_name_the_model_cut_runs_back_to_its_owner_s_possessive(resources):
    assert _units(resources, "Sales rose at Halden's Brisk Water unit. Halden and Brisk Water will grow, he said.",
                  "Water") == ["Brisk Water", "Brisk Water"]


def test_a_name_without_an_owner_or_a_company_noun_is_left_as_tagged(resources):
    assert _units(resources, "Sales rose at Halden's Brisk Water plant.", "Water") == ["Water"]
    assert _units(resources, "Sales rose at the Brisk Water unit.", "Water") == ["Water"]
