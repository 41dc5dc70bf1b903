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
