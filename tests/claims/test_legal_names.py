"""Organisations known by their legal form (pipeline/claims/legal_names.py), on names written for
these tests."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from pipeline.claims.legal_names import legal_name_spans, without_legal_form

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
