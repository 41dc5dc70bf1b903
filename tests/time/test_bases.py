"""A comparison base takes a period of its own: its own date, else the period before the figure's."""
import pytest

from pipeline.time.bases import period_before, previous_period, year_earlier

BASES = [  # text, figure, expected scope value and source (published 2024-04-09)
    # "a year earlier" belongs to the base, not to the first figure
    ("Net income fell 6% to $20.6 million in the first quarter from $22 million a year earlier.",
     "$20.6 million", "2024-01/2024-03", "clause"),
    ("Net income fell 6% to $20.6 million in the first quarter from $22 million a year earlier.",
     "$22 million", "2023-01/2023-03", "base"),
    # an undated base of a quarter, a year, a month, a day
    ("First-quarter revenue rose to $5 billion from $4.6 billion.", "$4.6 billion", "2023-01/2023-03", "base"),
    ("In 2023, sales were $3 billion, compared with $2.5 billion.", "$2.5 billion", "2022", "base"),
    ("Inflation rose to 3.2 percent in March from 3.1 percent.", "3.1 percent", "2024-02", "base"),
    ("The yield fell to 4.1 percent on Monday from 4.2 percent.", "4.2 percent", "2024-04-07", "base"),
    # a base told for another party is the same measure of something else over the same period; a period
    # after "for" still dates the base
    ("The Nasdaq fell 4.3% last week, compared with 3.3% for the S&P 500.", "3.3%", "2024-04-01/2024-04-07",
     "sentence"),
    ("Orvik's jobless rate rose to 12% in March, against 6.1% for the region.", "6.1%", "2024-03", "clause"),
    ("Net rose to $5 million in the first quarter from $3 million for the year-earlier quarter.", "$3 million",
     "2023-01/2023-03", "base"),
    # the object of "compared with", through the noun it is the amount of and a look back on it
    ("It lost $67 million in the first nine months of 2023, compared with earnings a year earlier of $38 million.",
     "$38 million", "2022-01/2022-09", "base"),
    # quarter on quarter: the period just before, not the same one a year earlier
    ("Sales rose 2% sequentially to $5 billion in the second quarter of 2023, from $4.9 billion.",
     "$4.9 billion", "2023-01/2023-03", "base"),
    ("Net rose to $5 million in the third quarter of 2023 from $4 million, quarter-on-quarter.",
     "$4 million", "2023-04/2023-06", "base"),
    ("The rate rose to 4.2% in the third quarter of 2023 from 3.1% in the previous quarter.", "3.1%",
     "2023-04/2023-06", "base"),
    # a look back that follows the base said two ways belongs to the base, even after a comma
    ("Acme posted its first-quarter results.\n\nProfit slid 12% to $8.8 million, or 21 cents a share, from "
     "$10 million, or 24 cents a share, in the year-ago period.", "$8.8 million", "2024-01/2024-03", "context"),
    ("Acme posted its first-quarter results.\n\nProfit slid 12% to $8.8 million, or 21 cents a share, from "
     "$10 million, or 24 cents a share, in the year-ago period.", "24 cents a share", "2023-01/2023-03", "base"),
    # ... and so does one after a base number that is no figure: the figure before it is current
    ("The chain said it now runs 31 bakeries in Ohio, up from nine a year ago.", "31 bakeries", "2024-04-09",
     "published"),
    # a figure that restates the base is one too
    ("Profit in the first quarter climbed to $36 million, or 29 cents a share, from $30 million, or 24 cents "
     "a share.", "24 cents a share", "2023-01/2023-03", "base"),
    # counter-examples: the start of "from ... to ...", a source after "from", a revised forecast,
    # a base of a figure stated as current (the text does not say when it was)
    ("Unemployment rose from 4 percent to 4.2 percent in the second quarter of 2023.", "4 percent",
     "2023-04/2023-06", "clause"),
    ("The maker brought its total to 412 orders from 38 customers in 2023.", "38 customers", "2023", "clause"),
    ("She lowered her forecast for next year to $4 a share from $5.", "$5", "2025", "clause"),
    ("The airline now has 412 orders, up from 380 orders.", "380 orders", None, None),
    # a figure after "from" that no figure before it is compared with keeps its scope
    ("The charge stems from $210 million of losses on the bank's $3 billion loan book, which includes $1 billion "
     "of farm loans.", "$210 million", "2024-04-09", "published"),
    # ... and a figure a verb of origin names is none, whatever follows it
    ("In the first quarter, the lender lost $40 million. The loss stems from $12 million of write-downs on "
     "its $2 billion loan book.", "$12 million", "2024-01/2024-03", "clause"),
    # ... told by the date's reference to the present, whatever its words
    ("At present the airline has 412 orders, up from 380 orders.", "380 orders", None, None),
    ("These days the mine employs 400 workers, up from 350 workers.", "350 workers", None, None),
    # a base's own date in the possessive, and a figure that describes the base
    ("Analysts expect earnings of $5 a share for this year, up from last year's $4.10 a share on sales of "
     "$900 million.", "$4.10 a share", "2023", "clause"),
    ("Analysts expect earnings of $5 a share for this year, up from last year's $4.10 a share on sales of "
     "$900 million.", "$900 million", "2023", "clause"),
]


@pytest.mark.parametrize("text,figure,value,source", BASES)
def test_a_comparison_base_takes_its_own_period(extract, text, figure, value, source):
    found = next(f for f in extract(text).figures if f.text == figure)
    assert ((found.time.value, found.time.source) if found.time else (None, None)) == (value, source)


@pytest.mark.parametrize("value,before", [
    ("1989-07/1989-09", "1988-07/1988-09"), ("1989-01/1989-09", "1988-01/1988-09"), ("1989", "1988"),
    ("2023/2024", "2022/2023"), ("1998-01", "1997-12"), ("1998-03", "1998-02"), ("1998-03-01", "1998-02-28"),
    ("195X", ""), ("2014/..", ""),
])
def test_the_period_before(value, before):
    assert period_before(value) == before


@pytest.mark.parametrize("value,before", [
    ("1989-07/1989-09", "1989-04/1989-06"), ("1989-01/1989-03", "1988-10/1988-12"), ("1989-01/1989-06", "1988-07/1988-12"),
    ("1998-01", "1997-12"), ("1989", "1988"), ("1998-03-01", "1998-02-28"), ("2014/..", ""),
])
def test_the_period_just_before(value, before):
    assert previous_period(value) == before


def test_a_year_earlier_keeps_the_granularity():
    assert year_earlier("2024-03") == "2023-03"
    assert year_earlier("2024-02-29") == "2023-02-28"
