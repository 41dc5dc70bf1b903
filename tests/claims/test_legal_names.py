"""Organisations known by their legal form (pipeline/claims/legal_names.py), on names written for
these tests."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from pipeline.claims.legal_names import joined_after, legal_name_spans, without_legal_form

FORMS = {"Co.", "Inc.", "Corp."}


@pytest.mark.parametrize("name, bare", [
    # the ampersand that joins the legal form to the name goes with it
    ("Marlow, Brandt & Co.", "Marlow, Brandt"),
    ("Marlow and Co.", "Marlow"),
    # one inside the name stays
    ("Harbor Bank & Trust Co.", "Harbor Bank & Trust"),
    ("Pell amp Barrow Inc.", "Pell & Barrow"),
])
def test_a_name_as_people_say_it(name, bare):
    assert without_legal_form(name, FORMS) == bare


def test_a_name_ending_in_an_ampersand_and_its_form_is_one_name_whatever_the_model_tags(resources):
    doc = resources.nlp("Hollis Kravitz Dunmore & Co. offered $90 a share.")
    doc.ents = [Span(doc, 0, 5, "PERSON")]
    assert [doc.text[s:e] for s, e in legal_name_spans(doc, FORMS, {"the"})] == ["Hollis Kravitz Dunmore & Co."]


@pytest.mark.parametrize("text, start, end, name", [
    # the model ends the name at the ampersand, or before it
    ("Investors switched into Brisbane Trading amp Transport shares.", 3, 6, "Brisbane Trading amp Transport"),
    ("Mark Hale, an analyst at Kerr Pollard & Drew in London, said so.", 6, 8, "Kerr Pollard & Drew"),
    # lower-case words after it are no part of the name
    ("Kerr Pollard & sons of the town agreed.", 0, 2, "Kerr Pollard"),
])
def test_an_ampersand_joins_the_capitalised_words_after_it_to_the_name(resources, text, start, end, name):
    doc = resources.nlp(text)
    tokens = joined_after(list(doc[start:end]))
    assert doc[tokens[0].i: tokens[-1].i + 1].text == name
