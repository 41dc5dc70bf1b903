"""The tokens as the rules see them: currency codes, percent marks and minus signs split from the numbers
they are glued to, and numbers with a typeset fraction read as numbers; what is loaded is kept out of the garbage
collector's full passes."""
import gc

import pytest


@pytest.mark.parametrize("text, tokens", [
    ("115USD", ["115", "USD"]),
    ("115.5EUR", ["115.5", "EUR"]),
    ("nzd$15", ["nzd$", "15"]),
    ("USD115", ["USD", "115"]),
])
def test_a_currency_code_glued_to_a_number_is_its_own_token(resources, text, tokens):
    assert [t.text for t in resources.nlp.make_doc(text)] == tokens


@pytest.mark.parametrize("text, tokens", [
    ("R24.87", ["R", "24.87"]), ("R1,200", ["R", "1,200"]), ("R500", ["R", "500"]), ("R3bn", ["R", "3", "bn"]),
    ("R$20", ["R$", "20"]), ("RMB1", ["RMB", "1"]),  # other symbols that begin with the letter split as before
])
def test_a_currency_symbol_parts_from_an_amount(resources, text, tokens):
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


@pytest.mark.parametrize("text, tokens", [
    ("Margins up 3.5pc", ["Margins", "up", "3.5", "pc"]),
    ("spreads at 140bps.", ["spreads", "at", "140", "bps", "."]),
    ("a 25bp cut", ["a", "25", "bp", "cut"]),
    ("lows of \u22127C", ["lows", "of", "\u2212", "7", "C"]),
    ("glucose of 5.5 mmol/L.", ["glucose", "of", "5.5", "mmol", "/", "L", "."]),
    ("yields 4\u00be%", ["yields", "4\u00be", "%"]),
    ("the PC market", ["the", "PC", "market"]),
])
def test_percent_marks_minus_signs_and_a_slashed_unit_letter_part_from_their_number(resources, text, tokens):
    assert [t.text for t in resources.nlp.make_doc(text)] == tokens


def test_a_number_with_a_typeset_fraction_is_like_a_number(resources):
    assert [t.like_num for t in resources.nlp.make_doc("some 2\u00bd million")] == [False, True, True]


def test_what_is_loaded_is_out_of_the_collectors_full_passes(resources):
    walked = gc.get_objects()  # what the collector still walks
    assert gc.get_freeze_count() > 100_000
    assert not any(obj is resources.matcher or obj is resources.rules for obj in walked)


def test_every_word_after_a_line_break_opens_a_sentence(resources):
    doc = resources.nlp("HARBOUR NOTES\nFerry fares rose 3 percent \n in March, the port said.\n\n- Cargo fell\n  by 2 percent")
    after_break = [token.text for token in doc[1:] if "\n" in doc[token.i - 1].text_with_ws and not token.is_space]
    assert after_break == ["Ferry", "in", "-", "by"]
    assert all(doc[i].is_sent_start for i in range(1, len(doc)) if doc[i].text in after_break)
