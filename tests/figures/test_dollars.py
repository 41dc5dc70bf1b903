"""A bare "$" in the article's own dollar, where the article says which; a share price quoted with no
sign in the article's own currency."""
from pipeline.figures.dollars import bare_price_currency, local_dollars, named_currency

DOLLARS = {"USD", "AUD", "CAD", "HKD"}


def decide(marks, codes, equivalents=None, restatements=None, named=frozenset()):
    equivalents = equivalents or [False] * len(marks)
    restatements = restatements or [False] * len(marks)
    return local_dollars(marks, codes, equivalents, restatements, DOLLARS, set(named))


def test_an_article_that_writes_one_other_dollar_means_it_by_a_bare_sign():
    assert decide(["A$", "$", ""], ["AUD", "USD", "EUR"]) == ["AUD", "AUD", "EUR"]


def test_a_bare_sign_stays_us_dollars_without_another_dollar_or_when_us_dollars_are_written_too():
    assert decide(["$", "$"], ["USD", "USD"]) == ["USD", "USD"]
    assert decide(["A$", "US$", "$"], ["AUD", "USD", "USD"]) == ["AUD", "USD", "USD"]
    assert decide(["A$", "HK$", "$"], ["AUD", "HKD", "USD"]) == ["AUD", "HKD", "USD"]


def test_an_amount_with_its_us_dollar_equivalent_after_it_is_in_the_local_dollar():
    assert decide(["A$", "$", "US$"], ["AUD", "USD", "USD"], equivalents=[False, True, False]) == ["AUD", "AUD", "USD"]
    assert decide(["$", "US$"], ["USD", "USD"], equivalents=[True, False], named={"CAD"}) == ["CAD", "USD"]
    assert decide(["$", "US$"], ["USD", "USD"], equivalents=[True, False]) == ["USD", "USD"]  # no way to tell


def test_a_bare_amount_restating_another_currency_in_parentheses_stays_us_dollars():
    assert decide(["C$", "$"], ["CAD", "USD"], restatements=[False, True]) == ["CAD", "USD"]


def test_a_currency_name_written_alone_takes_the_one_land_the_article_names_with_it():
    dutch, caribbean = {"guilder": "NLG", "guilders": "NLG"}, {"guilder": "XCG", "guilders": "XCG"}
    assert named_currency("guilders", False, [dutch], DOLLARS) == "NLG"
    assert named_currency("guilders", False, [dutch, caribbean], DOLLARS) == ""  # two lands: no telling
    assert named_currency("guilders", True, [dutch], DOLLARS) == ""  # its own nationality is written
    assert named_currency("dollars", False, [{"dollars": "AUD"}], DOLLARS) == ""  # dollars decide by their signs


def test_a_share_price_quoted_bare_is_in_the_currency_the_article_writes_most():
    hundredths = {"GBP": 0.01}
    assert bare_price_currency([], hundredths) == ("USD", 1.0)  # a stock table's sign left out: dollars
    assert bare_price_currency(["USD", "USD", "EUR"], hundredths) == ("USD", 1.0)
    assert bare_price_currency(["CAD", "CAD", "USD"], hundredths) == ("CAD", 1.0)
    assert bare_price_currency(["GBP", "USD"], hundredths) == ("USD", 1.0)  # a tie keeps dollars
    assert bare_price_currency(["GBP", "GBP", "USD"], hundredths) == ("GBP", 0.01)  # London quotes pence
