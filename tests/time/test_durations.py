"""A figure counted over a span that ends at publication takes that span (published 2024-04-09)."""
from datetime import date

import pytest

from pipeline.time.durations import back_from

SPANS = [  # text, figure, expected scope value and source
    ("The shares have lost 18 percent in the past three weeks.", "18 percent", "2024-03-20/2024-04-09", "span"),
    ("Over the last two decades, the charity has planted 40,000 trees.", "40,000 trees", "2004/2024", "span"),
    ("In the past year, the fund has lost nearly half of its value.", "half", "2023-04/2024-04", "span"),
    ("The family has been farming the valley for 12 years.", "12 years", "2012/2024", "span"),
    ("The ferry, which has carried 90,000 passengers over its 30-year history, is to be sold.",
     "90,000 passengers", "1994/2024", "span"),
    # counter-examples: told in the simple past, a span that ends at no known time; a dated figure keeps its date
    ("The strike lasted 13 years.", "13 years", "2024-04-09", "published"),
    ("Exports rose 5% in 2023 after falling for two years.", "5%", "2023", "clause"),
]


@pytest.mark.parametrize("text,figure,value,source", SPANS)
def test_a_count_over_a_span_back_from_publication_takes_the_span(extract, text, figure, value, source):
    found = next(f for f in extract(text).figures if f.text == figure)
    assert (found.time.value, found.time.source) == (value, source)


def test_the_span_back_from_a_day():
    assert back_from(date(2008, 10, 9), "day", 9) == "2008-10-01/2008-10-09"
    assert back_from(date(1998, 2, 6), "decade", 2) == "1978/1998"
    assert back_from(date(2009, 4, 3), "month", 3) == "2009-01/2009-04"
    assert back_from(date(2008, 10, 27), "year", 1, bare=True) == "2007-10/2008-10"
