"""A bare "$" in the article's own dollar, where the article says which; cents in its one other currency;
a share price quoted with no sign in the article's own currency."""
from pipeline.figures.dollars import bare_price_currency, exchange_rate, local_cents, local_dollars, named_currency

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


OWN_SUBUNITS = {"GBP", "INR", "RUB"}


def test_cents_are_in_the_one_other_currency_of_the_article():
    assert local_cents(["ZAR/liter", "USD"], [False, True], OWN_SUBUNITS) == ["ZAR/liter", "ZAR"]
    assert local_cents(["EUR", "USD/share"], [False, True], OWN_SUBUNITS) == ["EUR", "EUR/share"]


def test_cents_stay_us_cents_beside_dollars_pounds_or_several_currencies():
    assert local_cents(["USD/gallon", "USD"], [False, True], OWN_SUBUNITS) == ["USD/gallon", "USD"]
    assert local_cents(["GBP", "USD"], [False, True], OWN_SUBUNITS) == ["GBP", "USD"]  # pounds have pence
    assert local_cents(["EUR", "ZAR", "USD"], [False, False, True], OWN_SUBUNITS) == ["EUR", "ZAR", "USD"]
    assert local_cents(["USD"], [True], OWN_SUBUNITS) == ["USD"]


def test_cents_are_in_the_currency_of_the_amount_they_move():
    codes, cents = ["USD", "CAD", "USD"], [False, False, True]  # "US$90 million ... closed at C$41, up 20 cents"
    assert local_cents(codes, cents, OWN_SUBUNITS, [None, None, 1]) == ["USD", "CAD", "CAD"]
    assert local_cents(["EUR", "GBP", "USD"], [False, False, True], OWN_SUBUNITS, [None, None, 1]) == ["EUR", "GBP", "USD"]


NAMES = {"yen": "JPY", "dollar": "USD", "euro": "EUR", "zloty": "PLN", "value": "ECV"}


def test_an_exchange_rate_is_in_the_currency_its_sentence_names_per_the_one_after_it():
    assert exchange_rate("dollar", "the yen eased to".split(), [], NAMES) == "JPY/USD"
    assert exchange_rate("euro", "at".split(), ", the zloty held".split(), NAMES) == "PLN/EUR"
    assert exchange_rate("greenback", "japan 's yen sank to".split(), [], NAMES) == "JPY/USD"


def test_an_exchange_rate_names_no_currency_its_sentence_does_not_name_as_a_thing():
    assert exchange_rate("dollar", "it lost half its value , trading at".split(), [], NAMES) == ""
    assert exchange_rate("dollar", "the dollar bought".split(), [], NAMES) == ""
