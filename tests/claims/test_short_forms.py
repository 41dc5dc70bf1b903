"""Short forms of an article's longer names (pipeline/claims/short_forms.py), on names written for
these tests."""
from __future__ import annotations

from pipeline.claims.short_forms import Mention, places_named_as_firms, untagged_leading_words


def _labels(texts_and_labels: list[tuple[str, str]]) -> list[str]:
    mentions = [Mention(i * 10, i * 10 + len(text), text, label, False) for i, (text, label) in enumerate(texts_and_labels)]
    found = places_named_as_firms(mentions, lambda word: word in ("Leeds", "Kenyan"),
                                  lambda name: name.removesuffix(" Corp.").removesuffix(" S.A."))
    return [m.label for m in found]


def test_a_firm_s_word_the_model_once_reads_as_a_place_is_the_firm():
    # "Tarrow Mills Corp. ... Tarrow said ... Tarrow earned $4 million", the last read as a place
    assert _labels([("Tarrow Mills Corp.", "ORG"), ("Tarrow", "ORG"), ("Tarrow", "GPE")]) == ["ORG", "ORG", "ORG"]


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
