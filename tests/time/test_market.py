"""The closes and daily moves of a market report take its trading day (published Tuesday 2024-04-09)."""
import pytest

MARKET = [  # text, figure, expected scope value and source
    # the day that dated the session dates the closes listed after it (the lead's month does not)
    ("Factory output fell 0.8% in March.\n\nEuropean shares closed lower on Monday.\n\nThe CAC 40 index fell "
     "2.1%, or 160 points, to end the day at 7,450.", "160 points", "2024-04-08", "market"),
    ("Factory output fell 0.8% in March.\n\nEuropean shares closed lower on Monday.\n\nThe CAC 40 index fell "
     "2.1%, or 160 points, to end the day at 7,450.", "7,450", "2024-04-08", "market"),
    # the last session named before the figure, and a close beside a move
    ("Investors sold technology stocks.\n\nOn Friday, the index closed at 5,100 points, down 1%.\n\nThe Nasdaq "
     "also lost 2.3%, closing at 16,200.",
     "2.3%", "2024-04-05", "market"),
    # a period carried from the paragraph is no session's date: the article's day
    ("WASHINGTON (AP) _ Retail sales rose 0.4% in March. Stocks rose, pushing the main index up 35 points, to "
     "7,912.", "35 points", "2024-04-09", "market"),
    ("WASHINGTON (AP) _ Retail sales rose 0.4% in March. In the bond market, prices slipped, pushing the yield "
     "on the 10-year note up to 4.42 percent.", "4.42 percent", "2024-04-09", "market"),
    # a close "in composite trading" is the session before the morning paper (Monday for Tuesday's)
    ("Acme Corp. said first-quarter profit fell 12% to $40 million. In composite trading on the New York "
     "Stock Exchange, Acme shares rose 75 cents to $31.25.", "$31.25", "2024-04-08", "market"),
    # also with the exchange's name inside the phrase
    ("Kestrel Bancorp reported a loss after the close. Its shares closed at $7.25 in composite American Stock "
     "Exchange trading, down 40 cents.", "$7.25", "2024-04-08", "market"),
    # a morning paper's copy (it says "yesterday", never "today"): a close that names no day is the session before
    ("Brandt Mills said yesterday it would sell its paper unit for $90 million. On the Toronto Stock Exchange, "
     "Brandt shares closed at C$18.50, up 25 cents.", "C$18.50", "2024-04-08", "market"),
    # ... and a newspaper's own copy, with no dateline at all, on news told as done
    ("Halden Mills agreed to sell its dye unit to a rival.\n\nInvestors cheered the plan. Halden shares rose 12 "
     "pence to 340 pence.", "340 pence", "2024-04-08", "market"),
    # counter-examples: copy written on the day ("today") keeps the article's day
    ("Brandt Mills said today it would sell its paper unit for $90 million. On the Toronto Stock Exchange, "
     "Brandt shares closed at C$18.50, up 25 cents.", "C$18.50", "2024-04-09", "published"),
    # ... and so do wire copy with its dateline and a broadcast that opens on the present
    ("LONDON (AP) _ Halden Mills agreed to sell its dye unit to a rival.\n\nInvestors cheered the plan. Halden "
     "shares rose 12 pence to 340 pence.", "340 pence", "2024-04-09", "published"),
    ("It is turning out to be a bad week for Asian markets.\n\nIn Seoul, stocks hit a seven-year low. Halden "
     "shares fell 12 pence to 340 pence.", "340 pence", "2024-04-09", "published"),
    # ... a sentence on its own, and a close in the lead paragraph itself
    ("Halden shares rose 12 pence to 340 pence.", "340 pence", "2024-04-09", "published"),
    ("Halden Mills agreed to sell its dye unit to a rival, and its shares rose 12 pence to 340 pence.\n\n"
     "The deal needs approval.", "340 pence", "2024-04-09", "published"),
    # results keep the lead's quarter, a dated close its date, a year its year
    ("Acme Corp. said first-quarter profit fell 12% to $40 million. Revenue dropped to $310 million.",
     "$310 million", "2024-01/2024-03", "context"),
    ("The index rose 3% on Tuesday.", "3%", "2024-04-09", "clause"),
    ("European shares closed lower on Monday. Bank shares have plunged 40% this year.", "40%", "2024", "clause"),
    # a report that names its session only further on ("yesterday" in a clause on "the stocks that ...")
    ("Weak earnings hit stocks.\n\nThe Dow Jones average fell 12.4 points, to 2,140.2, in heavy trading.\n\n"
     "The stocks that fell in price yesterday numbered 1,200.", "12.4 points", "2024-04-08", "market"),
    # a subject in a market setting; the day of a close news came after is no session
    ("Weak earnings hit stocks.\n\nThe Dow Jones average fell 12.4 points yesterday. Orlon slid after posting "
     "a loss after the market "
     "closed Friday.\n\nVolume on the exchange totaled 312 million shares.", "312 million shares", "2024-04-08",
     "market"),
    # a clause of "if" supposes: no past close
    ("Acme shares closed Friday at $48.20, up 35 cents.\n\nThe analyst said he would not be surprised if "
     "Borel's market share increased to 30%.", "30%", "2024-04-09", "published"),
    # a day that is a comparison base dates no session: the wire copy's day stays
    ("LONDON (Reuters) - The index stayed above its low of March 5.\n\nThe Nasdaq lost 1.2%, closing at 16,110.",
     "1.2%", "2024-04-09", "published"),
    # a company's own price move, named by the company alone, is a move of the session (also in a
    # relative clause on the company, and by the company the clause opens with when the parse gives no subject)
    ("Tech stocks slid.\n\nThe Nasdaq index fell 1.2% on Friday.\n\nOrlon Systems surged 4 5/8 to 52 3/8 after "
     "it agreed to a merger.", "52 3/8", "2024-04-05", "market"),
    ("Tech stocks slid.\n\nThe Nasdaq index fell 1.2% on Friday.\n\nVexa Corp., which dropped 2 1/2 to 37 3/4, "
     "has bid for Orlon.", "37 3/4", "2024-04-05", "market"),
    # a day earlier than the session named before dates that sentence only
    ("Tech stocks slid.\n\nThe Nasdaq index fell 1.2% on Friday.\n\nOrlon eased 1/8 to 31 7/8. The stock fell "
     "7/8 Thursday on worries about its chips.\n\nVexa Corp. rose 3 1/4 to 20 1/2.", "20 1/2", "2024-04-05", "market"),
    # counter-examples: a company that moves no price (an object of its own, a level in millions)
    ("Tech stocks slid.\n\nThe Nasdaq index fell 1.2% on Friday.\n\nOrlon Systems cut its payroll 10% to 900 workers.",
     "900 workers", "2024-04-09", "published"),
    ("Tech stocks slid.\n\nThe Nasdaq index fell 1.2% on Friday.\n\nOrlon Systems grew 10% to $2 billion.",
     "$2 billion", "2024-04-09", "published"),
]


@pytest.mark.parametrize("text,figure,value,source", MARKET)
def test_a_market_report_is_dated_by_its_session(extract, text, figure, value, source):
    found = next(f for f in extract(text).figures if f.text == figure)
    assert (found.time.value, found.time.source) == (value, source)
