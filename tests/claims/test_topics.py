"""What a paragraph is about, for a figure whose clause names no one (pipeline/claims/topics.py),
on sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.claims.claims_fixture import claims_by_text


@pytest.mark.parametrize("text, figure, entities", [
    # a sentence on the company that names only its towns leaves the next figure to the company
    ("Kessel Energy Corp. said it would resume its dividend. The Akron, Ohio, utility stopped paying a dividend "
     "in 1984 because of troubles at its Dayton plant. In addition, Kessel reported third-quarter net of "
     "$68.2 million, or 83 cents a share, up from $66.8 million, or 81 cents a share, a year ago.",
     "$66.8 million", "Kessel Energy"),
    ("Marlow Airways Ltd. will cut its fares on Monday. It said two new flights would leave Leeds each week "
     "from March. This will add nearly 700 seats a week.", "700 seats", "Marlow Airways"),
    # a sentence on a town still names no one
    ("Storms hit the port of Tromso on Monday. Rescuers searched for two days.", "two days", ""),
    ("Chicago was the worst hit on Monday. Some 40 boats waited in the harbor.", "40 boats", ""),
])
def test_a_sentence_on_an_organisation_is_about_it_wherever_it_is(resources, text, figure, entities):
    assert claims_by_text(resources, text)[figure].entities == entities
