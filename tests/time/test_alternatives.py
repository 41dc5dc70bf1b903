"""A figure said another way ("$4 million, or 9 cents a share") is of the period of the figure it restates."""
import pytest

ALTERNATIVES = [  # text (published 1991-05-08), figure, expected period
    # a date right after the pair is both figures'
    ("Harbor Mills posted a first-quarter loss of $3.1 million. The mill had net income of $410,000, or "
     "six cents a share, a year earlier.", "$410,000", "1990-01/1990-03"),
    ("Harbor Mills posted a first-quarter loss of $3.1 million. The mill had net income of $410,000, or "
     "six cents a share, a year earlier.", "six cents a share", "1990-01/1990-03"),
    # else the restating figure takes the first one's period, not a look back that follows later
    ("Harbor Mills reported a first-quarter loss of $3.1 million, or 44 cents a share.", "44 cents a share",
     "1991-01/1991-03"),
    ("Net for the six months ended March 31 was $12 million, or 80 cents a share, up 9% from $11 million, or "
     "73 cents a share, a year earlier.", "80 cents a share", "1990-10/1991-03"),
    ("Its first-quarter profit fell 40% below the year-earlier $2.2 million, or 31 cents a share.",
     "31 cents a share", "1990-01/1990-03"),
]


@pytest.mark.parametrize("text,figure_text,value", ALTERNATIVES)
def test_a_restating_figure_shares_the_period_of_what_it_restates(extract, text, figure_text, value):
    found = next(f for f in extract(text, published="1991-05-08").figures if f.text == figure_text)
    assert found.time is not None and found.time.value == value
