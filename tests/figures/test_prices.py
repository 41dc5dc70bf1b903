"""Money figures whose per-unit the words after them give: "each" of shares, rate adverbs."""
import pytest


def _units(extract, text: str) -> dict[str, str]:
    return {f.text: f.unit for f in extract(text).figures}


@pytest.mark.parametrize("text,figure,unit", [
    ("Brenner will redeem 3 million preferred shares next month at C$26.40 each.", "C$26.40", "CAD/share"),
    ("Talvik agreed to buy the remaining public shares of Ostrander for $38 each.", "$38", "USD/share"),
    ("Kestrel sold the new stock to the public last spring at $11 apiece.", "$11", "USD/share"),
])
def test_a_price_said_each_of_shares_is_per_share(extract, text: str, figure: str, unit: str) -> None:
    assert _units(extract, text)[figure] == unit


def test_a_sum_each_of_other_things_keeps_its_currency(extract) -> None:
    assert _units(extract, "The two winners of the contest got $5,000 each.")["$5,000"] == "USD"


@pytest.mark.parametrize("text,figure,unit", [
    ("The merger will save Harlow C$4.3 million annually.", "C$4.3 million", "CAD/year"),
    ("The bonds pay 3 million euros per annum.", "3 million euros per annum", "EUR/year"),
    ("The bonds pay 3 million euros a year.", "3 million euros a year", "EUR/year"),
])
def test_an_amount_per_a_time_is_read_alike_however_written(extract, text: str, figure: str, unit: str) -> None:
    assert _units(extract, text)[figure] == unit


def test_a_rate_word_before_its_noun_describes_the_noun(extract) -> None:
    assert _units(extract, "Tenants owe $2 million monthly payments in all.")["$2 million"] == "USD"


def test_cents_that_move_a_price_are_in_its_currency(extract) -> None:
    text = "Harlow sold US$90 million of notes. Harlow shares closed at C$41, up 20 cents."
    assert _units(extract, text)["20 cents"] == "CAD"


def test_a_share_price_the_market_moves_stays_a_price(extract) -> None:
    assert _units(extract, "Harlow shares rose 50 cents to $38.25 apiece yesterday.")["$38.25"] == "USD"


@pytest.mark.parametrize("text,figure", [
    ("Talvik agreed to pay $38 in cash for each Ostrander share.", "$38"),
    ("Brenner will pay $12 of its own stock for each share of Kestrel.", "$12"),
    ("Talvik will pay $8 and one-fifth Talvik share for each of Ostrander's 9 million shares.", "$8"),
])
def test_an_amount_given_for_each_share_is_per_share(extract, text: str, figure: str) -> None:
    assert _units(extract, text)[figure] == "USD/share"


def test_an_amount_for_each_of_other_things_is_no_price_of_a_share(extract) -> None:
    assert _units(extract, "Talvik paid $40 million for each of the two plants.")["$40 million"] == "USD"


def test_a_range_of_prices_a_share_is_per_share_at_both_ends(extract) -> None:
    figure = next(f for f in extract("The fund bought 90,000 shares at $31.20 to $33.80 a share.").figures
                  if f.kind == "money")
    assert (figure.value_low, figure.value_high, figure.unit) == (31.2, 33.8, "USD/share")


@pytest.mark.parametrize("text,figure,unit", [
    ("The average price of a gallon of diesel hit $3.41 on Tuesday.", "$3.41", "USD/gallon"),
    ("The price for a barrel of Brent stood at $88 in London.", "$88", "USD/barrel"),
    ("Pump prices broke $3.20 for a gallon of regular this week.", "$3.20", "USD/gallon"),
])
def test_the_price_of_one_of_a_measure_is_per_that_measure(extract, text: str, figure: str, unit: str) -> None:
    assert _units(extract, text)[figure] == unit


@pytest.mark.parametrize("text,figure", [
    ("The average price of a gallon of diesel hit $3.41, up 5 cents from Monday.", "5 cents"),
    ("The cost of a ticket rose to $12 this year.", "$12"),
])
def test_a_move_of_such_a_price_or_the_price_of_no_measure_keeps_its_currency(extract, text: str, figure: str) -> None:
    assert _units(extract, text)[figure] == "USD"


def test_the_whole_price_beside_a_price_for_each_share_is_no_price_of_a_share(extract) -> None:
    units = _units(extract, "The offer is $43 for each of the 5 million shares it does not own, or $215 million.")
    assert (units["$43"], units["$215 million"]) == ("USD/share", "USD")


@pytest.mark.parametrize("text,units", [
    ("Vellmar will buy 30% of Talvik for 1,015 French francs ($162) a share.", {"1,015 French francs": "FRF/share", "$162": "USD/share"}),
    ("Talvik sells its crude at C$80 (US$68) a barrel.", {"C$80": "CAD/barrel", "US$68": "USD/barrel"}),
    ("Brisco paid 500 million francs ($80 million) in cash.", {"500 million francs": "CHF", "$80 million": "USD"}),
    ("It made a 470 pence ($7.43) a share offer.", {"470 pence": "GBP", "$7.43": "USD"}),
])
def test_an_amount_restated_in_brackets_is_per_what_follows_the_brackets(extract, text: str, units: dict) -> None:
    assert {f.text: f.unit for f in extract(text).figures if f.kind == "money"} == units
