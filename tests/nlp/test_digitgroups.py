"""Numbers grouped by spaces join into one token only when every later group has three digits."""
import pytest

from pipeline.figures.numbers import parse_digits


def _tokens(resources, text):
    return [t.text for t in resources.nlp(text)]


@pytest.mark.parametrize("text, number", [
    ("The plant cost 1 000 000 euros.", "1 000 000"),
    ("The repair cost 2\u2009500 euros.", "2\u2009500"),
    ("The repair cost 2\u00a0500 euros.", "2\u00a0500"),
    ("In 2019 100 000 people moved.", "100 000"),
    ("The fund holds 3 456 789.25 euros.", "3 456 789.25"),
    ("About 2 500 people came.", "2 500"),
])
def test_a_number_grouped_by_spaces_is_one_token_that_reads_as_a_number(resources, text, number):
    token = next(t for t in resources.nlp(text) if t.text == number)
    assert token.like_num
    assert parse_digits(number) == float("".join(c for c in number if c.isdigit() or c == "."))


@pytest.mark.parametrize("text, kept", [
    ("She won 3 100-metre races.", ["3", "100"]),
    ("The score was 3 14 at the end.", ["3", "14"]),
    ("Tickets cost 10 25 000 here.", ["10", "25", "000"]),
    ("Its value 1 234.5 678 was printed.", ["1 234.5", "678"]),
    ("The Boeing 737 800 jet landed.", ["737", "800"]),
    ("On March 3 200 protesters gathered.", ["3", "200"]),
])
def test_groups_of_other_lengths_or_tied_to_a_word_stay_apart(resources, text, kept):
    tokens = _tokens(resources, text)
    assert all(word in tokens for word in kept)


@pytest.mark.parametrize("text, kept", [
    ("Norvik ordered 52 787 jets and hired 1,200 pilots.", ["52", "787"]),
    ("Of its 4,500 staff, 12 300 work abroad.", ["12", "300"]),
])
def test_a_text_that_groups_thousands_with_commas_never_groups_them_with_spaces(resources, text, kept):
    tokens = _tokens(resources, text)
    assert all(word in tokens for word in kept)
