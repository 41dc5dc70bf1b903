"""Whose a figure about a deal or a stake is (pipeline/claims/stake_parties.py): the buyer or holder
and the company bought or held, however the clause names that company, on sentences written for
these tests."""
from __future__ import annotations

import pytest

from tests.claims.claims_fixture import claims_by_text


@pytest.mark.parametrize("text, figure, entities", [
    # a price for some of a company's shares is the buyer's and the company's
    ("Corran Textiles Inc. said Brightwater Capital agreed to buy all of the outstanding shares of Corran for $14 "
     "each.", "$14", {"Brightwater Capital", "Corran Textiles"}),
    # "the company" an offer is for is not the bidder, the subject it would otherwise stand for
    ("Tarvik Mining Corp. said that Opal Capital LLC has lifted its bid for the company to $6.20 a share in cash.",
     "$6.20 a share", {"Opal Capital", "Tarvik Mining"}),
    # a holder's percentage of no company named is of the company in view
    ("Tarvik Mining Corp. plans a rights issue. Tarvik said that Opal Capital LLC, which currently holds about 55% "
     "of the ordinary shares, will take up its rights.", "55%", {"Opal Capital", "Tarvik Mining"}),
    ("Renfield Motors Inc. signed a partnership with Ostrava Industries AG on Monday. Ostrava Industries was given "
     "an initial stake of 25 percent.", "25 percent", {"Ostrava Industries", "Renfield Motors"}),
    ("Renfield Motors Inc. signed a partnership with Ostrava Industries AG on Monday. Ostrava Industries could "
     "eventually own 40 percent after the loans are repaid.", "40 percent", {"Ostrava Industries", "Renfield Motors"}),
    # shares "in" a company are that company's
    ("Halvorsen Shipping ASA said it bought 4.1 million shares in Maritex Holdings Ltd. last week.",
     "4.1 million shares", {"Halvorsen Shipping", "Maritex Holdings"}),
    # a company's shares named by its short name are the company's, not the exchange's
    ("Tallis Foods Inc. posted a loss. Tallis shares closed at $17.40 on the New York Stock Exchange, down 30 "
     "cents.", "$17.40", {"Tallis Foods"}),
    # what a deal noun buys is the price's party, wherever the parse hangs the price
    ("Harlow Bank Corp. has closed its purchase of Wexford Savings Inc. for roughly $180 million.",
     "$180 million", {"Harlow Bank", "Wexford Savings"}),
    ("Shares of Kestrel Savings Bank rose after regulators cleared Halvard Trust's $19-a-share purchase of the "
     "bank.", "$19-a-share", {"Halvard Trust", "Kestrel Savings Bank"}),
    # the agent of a passive deal verb is a party beside its subject
    ("Orla Group will be bought by Tessin Partners for $9 a share.", "$9 a share",
     {"Orla Group", "Tessin Partners"}),
    # a holding that is its clause's subject is the held company's as well
    ("Orla Industries said its equity in Tessin Steel's earnings fell to $4.1 million.", "$4.1 million",
     {"Orla Industries", "Tessin Steel"}),
])
def test_a_deal_or_a_stake_names_the_company_bought_or_held(resources, text, figure, entities):
    assert set(claims_by_text(resources, text)[figure].entities.split("; ")) == entities


@pytest.mark.parametrize("text, figure, entities", [
    # a share of something else than a company adds no company
    ("Jane Roe runs Contoso Securities. She said Contoso holds 23 percent of the market.", "23 percent",
     {"Contoso Securities"}),
    # a stake in a named company names that one alone
    ("Tarvik Mining Corp. said Opal Capital LLC holds a 12% stake in Brenner Optics Inc.", "12%",
     {"Opal Capital", "Brenner Optics"}),
])
def test_a_share_of_something_named_adds_no_company_in_view(resources, text, figure, entities):
    assert set(claims_by_text(resources, text)[figure].entities.split("; ")) == entities
