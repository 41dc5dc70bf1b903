"""The currency vocabulary drawn from babel's CLDR data, with rules/currencies.yml winning."""
from pipeline.rules import RULES_DIR
from pipeline.rules.lexicons import code_dollar_signs, read_lexicons, symbol_heads

LEXICONS = read_lexicons(RULES_DIR)[0]


def test_codes_names_and_symbols_come_from_cldr():
    assert LEXICONS["currency_codes"]["SEK"] == "SEK" and LEXICONS["currency_codes"]["usd"] == "USD"
    assert LEXICONS["currency_words"]["zlotys"] == "PLN" and LEXICONS["currency_words"]["markka"] == "FIM"
    assert LEXICONS["currency_symbols"]["CA$"] == "CAD" and LEXICONS["currency_symbols"]["₦"] == "NGN"
    assert LEXICONS["currency_nationalities"]["swedish"]["kronor"] == "SEK"


def test_the_news_forms_win_and_words_are_left_alone():
    assert LEXICONS["currency_symbols"]["C$"] == "CAD"  # CLDR: the Nicaraguan córdoba
    assert LEXICONS["currency_nationalities"]["swedish"]["crowns"] == "SEK"
    assert "COP" not in LEXICONS["currency_codes"] and "all" not in LEXICONS["currency_codes"]
    assert "real" not in LEXICONS["currency_words"] and "won" not in LEXICONS["currency_words"]
    assert "DA" not in LEXICONS["currency_symbols"]  # a symbol of letters alone enters only from the file


def test_the_letters_of_a_dollar_sign_written_apart_are_read_but_never_an_article():
    heads = symbol_heads({"HK$": "HKD", "A$": "AUD", "C$": "CAD", "$": "USD"})
    assert heads == {"C": "CAD", "HK": "HKD", "c": "CAD", "hk": "HKD"}


def test_a_dollar_s_code_glued_to_its_sign_is_a_symbol_in_either_case_but_no_other_code_is():
    signs = code_dollar_signs({"NZ$": "NZD", "€": "EUR"}, {"NZD": "NZD", "nzd": "NZD", "EUR": "EUR", "Rs": "INR"})
    assert signs == {"NZD$": "NZD", "nzd$": "NZD"}
    assert LEXICONS["currency_symbols"]["usd$"] == "USD" and LEXICONS["currency_symbols"]["AUD$"] == "AUD"
    assert LEXICONS["currency_symbols"]["cad$"] == "CAD"  # "cad" alone is a word; glued to "$" it is no word
