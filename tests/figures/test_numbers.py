"""Number reading and writing, without spaCy."""
import pytest

from pipeline.figures.numbers import format_number, parse_digits, parse_number
from pipeline.rules import load_rules

LEX = load_rules().lexicons
WORDS, SCALES = LEX["number_words"], LEX["scales"]


@pytest.mark.parametrize("words,value", [
    (["2,615"], 2615), (["1.5", "million"], 1_500_000), (["two", "billion"], 2e9), (["ten"], 10),
    (["twenty-five"], 25), (["a", "hundred"], 100), (["half", "a", "million"], 500_000),
    (["one", "and", "a", "half", "billion"], 1.5e9), (["two", "hundred", "thousand"], 200_000),
    (["5", "bn"], 5e9), (["40", "m"], 4e7), (["3", "crore"], 3e7), (["1,234,567.89"], 1234567.89),
    (["20", "lakh", "crore"], 2e13), (["a", "thousand", "billion"], 1e12), (["third"], None),
    (["1", "million", "a"], 1e6), (["half", "a", "million"], 5e5),
    (["4", "and", "a", "half"], 4.5), (["7", "million", "and", "a", "half"], 7.5e6), (["two", "dozen"], 24),
    (["half", "a", "dozen"], 6), (["a", "two", "hundred"], 200), (["a", "hundred", "and", "ten"], 110),
    (["two", "million", "four", "hundred", "thousand"], 2_400_000), (["1", "million", "200", "thousand"], 1_200_000),
])
def test_parse_number(words, value):
    assert parse_number(words, WORDS, SCALES) == (None if value is None else pytest.approx(value))


@pytest.mark.parametrize("words", [["percent"], [], ["S-400"], ["1,2345"], ["two", "neighbors"],
                                   ["8.3", "million", "three"]])  # "8.3 million three years ago": two numbers
def test_not_numbers(words):
    assert parse_number(words, WORDS, SCALES) is None


@pytest.mark.parametrize("word,value", [
    ("1,234", 1234), ("1,5", 1.5), ("12,34", 12.34), ("-0,5", -0.5), ("1.234,5", 1234.5), ("2.615", 2.615),
    ("1,23,456", 123456), ("12,34,56,789", 123456789), ("12,3456", None), ("1,23,45", None), ("1.234.5", None),
    ("1 234 567.5", 1234567.5), ("1\u202f234", 1234),
    ("0.5", 0.5), ("0", 0), ("0,5", 0.5), ("000", None), ("007", None), ("020", None),
    ("2\u00bd", 2.5), ("\u00be", 0.75), ("12\u2153", 12 + 1 / 3), ("\u00bd2", None),
])
def test_parse_digits_reads_thousands_separators_and_decimal_commas(word, value):
    assert parse_digits(word) == (None if value is None else pytest.approx(value))


@pytest.mark.parametrize("value,text", [(190e9, "190000000000"), (2.5, "2.5"), (None, ""), (-5.0, "-5"), (0.1, "0.1")])
def test_format_number_is_plain(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize("words,value", [
    (["1/2"], 0.5),
    (["10", "1/2"], 10.5),
    (["7", "3/4"], 7.75),
    (["10", "1/2", "million"], 10500000),
    (["9/11"], None),        # a name
    (["24/7"], None),
    (["1/2", "10"], None),   # two figures side by side
    (["million", "1/2"], None),
])
def test_fractions_in_digits(words, value):
    assert parse_number(words, {}, {"million": 1000000}) == (pytest.approx(value) if value else None)


@pytest.mark.parametrize("words,value", [
    ("three point two", 3.2), ("two hundred point zero three", 200.03), ("two hundred point seventy - one", 200.71),
    ("four point five million", 4.5e6), ("three point", None), ("2.5 point five", None),
])
def test_decimals_said_aloud_after_point(words, value):
    lexicons = load_rules().lexicons
    found = parse_number(words.split(), lexicons["number_words"], lexicons["scales"])
    assert found == (None if value is None else pytest.approx(value))
