"""The tokens as the rules see them: currency codes split from the numbers they are glued to."""
import pytest


@pytest.mark.parametrize("text, tokens", [
    ("115USD", ["115", "USD"]),
    ("115.5EUR", ["115.5", "EUR"]),
    ("nzd$15", ["nzd$", "15"]),
    ("USD115", ["USD", "115"]),
])
def test_a_currency_code_glued_to_a_number_is_its_own_token(resources, text, tokens):
    assert [t.text for t in resources.nlp.make_doc(text)] == tokens


@pytest.mark.parametrize("text", ["A380", "B737", "COVID19", "USB3", "MUSIC", "MUSDX", "4x4"])
def test_model_names_and_words_that_only_hold_a_code_stay_whole(resources, text):
    assert [t.text for t in resources.nlp.make_doc(text)] == [text]


@pytest.mark.parametrize("text, tokens", [
    ("Losses hit 30 MUSD.", ["Losses", "hit", "30", "M", "USD", "."]),
    ("It raised twenty MEUR.", ["It", "raised", "twenty", "M", "EUR", "."]),
    ("MARS ROVER LANDS", ["MARS", "ROVER", "LANDS"]),
    ("The MUSD index fell.", ["The", "MUSD", "index", "fell", "."]),
    ("Sales were MSEK 500.", ["Sales", "were", "M", "SEK", "500", "."]),
])
def test_an_m_for_million_parts_from_its_code_only_next_to_a_number(resources, text, tokens):
    assert [t.text for t in resources.nlp(text)] == tokens


@pytest.mark.parametrize("text, tokens", [
    ("at 900 km/h.", ["at", "900", "km/h", "."]),
    ("hit 12 million b/d.", ["hit", "12", "million", "b/d", "."]),
    ("charges at 250kW.", ["charges", "at", "250", "kW", "."]),
    ("or 10km/hr", ["or", "10", "km", "/", "hr"]),
    ("born in the U.S.", ["born", "in", "the", "U.S."]),
])
def test_a_rate_s_unit_stays_whole_and_a_glued_unit_parts_from_the_slash_and_the_full_stop(resources, text, tokens):
    assert [t.text for t in resources.nlp.make_doc(text)] == tokens
