"""Whose a figure of a deal is (pipeline/claims/deal_parties.py): both sides of the deal, however
the figure's clause names them, on sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.claims.claims_fixture import claims_by_text


@pytest.mark.parametrize("text, figure, entities", [
    # the price of a tender offer is the bidder's and the target's
    ("Pardo Chemicals S.p.A., through its Pardo Holdings N.V. unit, started its $31-a-share tender offer for "
     "all the common shares outstanding of Lintor N.V., a paint maker.", "$31-a-share", {"Pardo Chemicals", "Lintor"}),
    # shares bought, and their price, are the buyer's and the company's the shares are of
    ("Brixton Corp. lifted its stake in Calder Systems Corp. to 7.5%. In a filing, Brixton said it now holds "
     "900,000 Calder common shares, including 50,000 shares bought from June 2 to July 9 for $12.10 to $13.25 "
     "a share.", "$12.10 to $13.25 a share", {"Brixton", "Calder Systems"}),
    ("Brixton Corp. lifted its stake in Calder Systems Corp. to 7.5%. In a filing, Brixton said it now holds "
     "900,000 Calder common shares, including 50,000 shares bought from June 2 to July 9 for $12.10 to $13.25 "
     "a share.", "50,000 shares", {"Brixton", "Calder Systems"}),
    # an option to buy a percentage that names no company is on the company in view
    ("Brixton Corp. lifted its stake in Calder Systems Corp. to 7.5%. Brixton also obtained a three-year "
     "option to buy an extra 10%.", "10%", {"Brixton", "Calder Systems"}),
    # the price a company is sold at names the seller and the buyer "to"
    ("Dunmore Corp. agreed to sell three snack businesses to Kestrel Foods for $215 million.", "$215 million",
     {"Dunmore", "Kestrel Foods"}),
    ("Oriel Audio agreed to sell a 40% stake to Halvard Group for $95 million.", "40%",
     {"Oriel Audio", "Halvard Group"}),
    # money raised to buy a company is the deal's
    ("Kestrel Holdings borrowed $75 million to acquire Dunmore Paper Co.", "$75 million",
     {"Kestrel Holdings", "Dunmore Paper"}),
    # a percentage bought of a named company is that company's, not the one in view
    ("Tallis Media owns 12% of Orla Films. Last April, Gerda Voss planned to acquire up to 28% of Pellam Studios "
     "for C$14 a share.", "28%", {"Gerda Voss", "Pellam Studios"}),
    # a deal noun that names neither side is the deal told before it
    ("Harbor Trust Corp. signed a letter of intent to purchase Pacifica Bancorp, agreeing to pay $12 of its own "
     "stock for each Pacifica share. That gives the transaction a value of $88 million.", "$88 million",
     {"Harbor Trust", "Pacifica Bancorp"}),
    ("Earlier this year, Tessin Partners made a $12-a-share offer for Vexa Corp., which the Vexa board said it "
     "turned down because the $310 million offer lacked financing.", "$310 million", {"Tessin Partners", "Vexa"}),
])
def test_a_deal_figure_names_both_sides(resources, text, figure, entities):
    assert set(claims_by_text(resources, text)[figure].entities.split("; ")) == entities


@pytest.mark.parametrize("text, figure, entities", [
    # a figure beside a deal that is not of it keeps its own parties
    ("Orla Foods Inc., which bought Vexa Corp. last year, posted sales of $2 billion.", "$2 billion", {"Orla Foods"}),
    # shares a company buys back are its own
    ("Pellam Corp. said it would buy back 5 million shares for about $40 million.", "$40 million", {"Pellam"}),
    # buying things, not a company, adds no one
    ("Tessin Shipping bought two tankers for $90 million last month.", "$90 million", {"Tessin Shipping"}),
])
def test_a_figure_beside_no_deal_keeps_its_parties(resources, text, figure, entities):
    assert set(claims_by_text(resources, text)[figure].entities.split("; ")) == entities
