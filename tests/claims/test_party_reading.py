"""The words resolving parties reads (pipeline/claims/party_reading.py) come from the rule set a run
loads, so a rules folder of one's own changes them, on sentences written for these tests."""
from __future__ import annotations

from dataclasses import replace

from pipeline.claims.describe import EntityIndex
from pipeline.claims.parties import Parties
from pipeline.claims.party_reading import party_words

SPEECH = {"reporting_verbs": ["say"], "attribution_verbs": ["according"], "spokespeople": ["spokesman"]}


def test_the_pronouns_and_prepositions_are_those_of_the_tables_given():
    entities = {"person_pronouns": ["she"], "thing_pronouns": ["its"], "group_pronouns": ["their"],
                "distributive_pronouns": ["each"], "owning_prepositions": ["of"], "partner_prepositions": ["to"],
                "locating_prepositions": ["in"], "where_prepositions": ["on"]}
    words = party_words(entities, SPEECH, {"priced_share_nouns": ["unit"]})
    assert (words.person_pronouns, words.thing_pronouns, words.group_pronouns, words.distributive_pronouns) == (
        {"she"}, {"its"}, {"their"}, {"each"})
    assert (words.owning_prepositions, words.partner_prepositions, words.locating_prepositions,
            words.where_prepositions, words.listed_things) == (("of",), ("to",), ("in",), ("on",), ("unit",))
    assert party_words({}, SPEECH).person_pronouns == frozenset()  # a folder without the list knows no pronoun


def test_a_pronoun_stands_for_a_party_only_if_the_rule_set_lists_it(resources):
    doc = resources.nlp("Marlow Freight Inc. said its revenue rose 4 percent.")
    index = EntityIndex(doc, resources.entities.canonical_entities(doc))
    its = next(t for t in doc if t.lower_ == "its")
    words = resources.speakers.party_words
    assert Parties(doc, index, words).resolve(its) == [("Marlow Freight", "ORG")]
    assert Parties(doc, index, replace(words, thing_pronouns=frozenset())).resolve(its) == []
