"""Number reading and writing, without spaCy."""
import pytest

from pipeline.numbers import format_number, parse_digits, parse_number
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
])
def test_parse_number(words, value):
    assert parse_number(words, WORDS, SCALES) == (None if value is None else pytest.approx(value))


@pytest.mark.parametrize("words", [["percent"], [], ["S-400"], ["1,23"], ["two", "neighbors"]])
def test_not_numbers(words):
    assert parse_number(words, WORDS, SCALES) is None


def test_parse_digits_rejects_malformed_separators():
    assert parse_digits("12,34") is None and parse_digits("1,234") == 1234


@pytest.mark.parametrize("value,text", [(190e9, "190000000000"), (2.5, "2.5"), (None, ""), (-5.0, "-5"), (0.1, "0.1")])
def test_format_number_is_plain(value, text):
    assert format_number(value) == text
