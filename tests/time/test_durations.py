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
    # a look back in the figure's own clause, not the day of another clause; the nearest of two
    ("After allowing for a revision Friday to the March data, the economy has added 250,000 jobs a month over the last four months and "
     "270,000 over the last three months.", "270,000", "2024-01/2024-03", "span"),
    # a participle the parse tags as a past tense; "has" with its verb left out
    ("For close to sixty years, the port authority has insisted it would never sell the docks.", "sixty years",
     "1964/2024", "span"),
    ("The islanders pick their own judges, as they have for nearly a hundred years, said Ms. Ortega, a 19th "
     "century scholar.", "hundred years", "1924/2024", "span"),
    # "now" says the span runs to the time of writing
    ("The dispute has divided the village for almost seven months now.", "seven months", "2023-09/2024-03", "span"),
    # "the past" before a bare unit other than a year: one of it
    ("Rail freight has grown 4% over the past decade.", "4%", "2014/2024", "span"),
    ("Ticket sales have doubled in the past week.", "doubled", "2024-04-03/2024-04-09", "span"),
    # a tenure up to now ("a 12-year veteran"), and the past perfect of a clause nothing dates
    ("Ms. Okafor, 47 years old and a 12-year veteran of the agency, had been its treasurer for only eight "
     "months.", "12-year", "2012/2024", "span"),
    ("Ms. Okafor, 47 years old and a 12-year veteran of the agency, had been its treasurer for only eight "
     "months.", "eight months", "2023-08/2024-03", "span"),
    ("Ms. Okafor, 47 years old and a 12-year veteran of the agency, had been its treasurer for only eight "
     "months.", "47 years", "2024-04-09", "published"),
    # a look back in a clause dated by the day of its statement ends that day
    ("On Sunday, a motoring group said that diesel prices had surged 12 cents over the past three weeks.",
     "12 cents", "2024-03-18/2024-04-07", "span"),
    # counter-examples: told in the simple past, a span that ends at no known time; a dated figure keeps its date
    ("The strike lasted 13 years.", "13 years", "2024-04-09", "published"),
    ("If the talks fail, the junta will have dragged the country into a fruitless six-year war.", "six-year",
     "2024-04-09", "published"),
    ("Exports rose 5% in 2023 after falling for two years.", "5%", "2023", "clause"),
    ("The bank offered him a 30-year loan.", "30-year", "2024-04-09", "published"),
    ("He had run the mill for 20 years when it shut in 2009.", "20 years", "2009", "sentence"),
]


@pytest.mark.parametrize("text,figure,value,source", SPANS)
def test_a_count_over_a_span_back_from_publication_takes_the_span(extract, text, figure, value, source):
    found = next(f for f in extract(text).figures if f.text == figure)
    assert (found.time.value, found.time.source) == (value, source)


RUNS = [  # a duration that measures a run is that run, ending when its sentence dates it (published 2024-04-09)
    ("Shares fell. The index posted gains on Friday, marking a four-week winning streak.", "four-week",
     "2024-03-11/2024-04-05"),
    ("Shares fell. The dollar rose after six straight days of losses.", "six straight days", "2024-04-04/2024-04-09"),
    ("Shares fell. After eight years of growth, the builders are cutting jobs.", "eight years", "2016/2024"),
    ("Shares fell. The jobless rate fell to 3.9 percent in March, the lowest level for almost three decades.",
     "three decades", "1994/2024"),
    ("Shares fell. It marked the end of a two-year boom in the industry.", "two-year", "2022/2024"),
    ("Shares fell. Ending 140 years of family rule, shareholders voted on Tuesday to sell the brewery.",
     "140 years", "1884/2024"),
    # the span an ordinal count reaches back over, and what a verb of ending ends, to the day told
    ("Shares fell. Her fourth column in three weeks appeared in the Herald on Monday.", "three weeks",
     "2024-03-19/2024-04-08"),
    ("Shares fell. In the fourth quarter of 2023, the carmaker posted its fifth loss in seven quarters.",
     "seven quarters", "2022-04/2023-12"),
    ("Shares fell. Lindqvist, wrapping up a three-day visit, said the talks went well.", "three-day",
     "2024-04-07/2024-04-09"),
    # what went on "after" a duration, up to its clause's time
    ("Shares fell. Police said on Monday that the driver had admitted nothing after two days of questioning.",
     "two days", "2024-04-07/2024-04-08"),
    ("Shares fell. \"After 14 months there is still no word of him,\" his sister said.", "14 months", "2023-02/2024-03"),
    ("Shares fell. Moldova joined the customs pact after a seven-year process led by Romania.", "seven-year",
     "2017/2024"),
    # counter-examples: a duration of something else, a time still to come, a level of one day
    ("Shares fell. After two years, the fee will rise to $40.", "two years", "2024-04-09"),
    ("Shares fell. Arlo agreed to pay $10 a share if, after five years, the stock is below $40.", "five years",
     "2024-04-09"),
    ("Shares fell. Lindqvist will begin a three-day visit on Friday.", "three-day", "2024-04-12"),
    ("Shares fell. The state will start a 10-year program.", "10-year", "2024-04-09"),
    ("Shares fell. The index hit a five-year low on Monday.", "five-year", "2024-04-08"),
    ("Shares fell. The firm offers a bonus equal to nine months of base pay.", "nine months", "2024-04-09"),
    # a state that lasts until lifted, up to the time told
    ("Shares fell. Dockers marched against a three-decade trade embargo.", "three-decade", "1994/2024"),
    ("Shares fell. After 25 years of sanctions, the port reopened in 2019.", "25 years", "1994/2019"),
    # counter-examples: a duration set in advance, an old war
    ("Shares fell. The regulator imposed a five-year ban on the broker.", "five-year", "2024-04-09"),
]


TO_DATE = [  # the current year or month run to the time of writing (published 2024-04-09)
    ("Shares fell. Bank shares have plunged 38% so far this year.", "38%", "2024-01-01/2024-04-09"),
    ("Shares fell. Bank shares have plunged 38% this year-to-date.", "38%", "2024-01-01/2024-04-09"),
    ("Shares fell. The index is down 12% year to date.", "12%", "2024-01-01/2024-04-09"),
    ("Shares fell. Sales are up 4% so far this month.", "4%", "2024-04-01/2024-04-09"),
    # counter-examples: a year not said to run to now, a year gone by
    ("Shares fell. Sales rose 4% this year.", "4%", "2024"),
    ("Shares fell. So far, sales rose 4% in 2022.", "4%", "2022"),
]


@pytest.mark.parametrize("text,figure,value", RUNS + TO_DATE)
def test_a_run_or_the_year_so_far_ends_when_its_sentence_dates_it(extract, text, figure, value):
    """A duration that measures a run is that run; the year or month so far ends at publication."""
    found = next(f for f in extract(text).figures if f.text == figure)
    assert found.time.value == value


def test_the_span_back_from_a_day():
    assert back_from(date(2008, 10, 9), "day", 9) == "2008-10-01/2008-10-09"
    assert back_from(date(1998, 2, 6), "decade", 2) == "1978/1998"
    assert back_from(date(2009, 4, 3), "month", 3) == "2009-01/2009-03"
    assert back_from(date(2009, 4, 20), "month", 3) == "2009-02/2009-04"
    assert back_from(date(2008, 6, 30), "quarter", 8) == "2006-07/2008-06"
    assert back_from(date(2008, 10, 27), "year", 1, bare=True) == "2007-10/2008-10"


def test_a_span_longer_than_the_calendar_is_no_span(extract):
    """A duration no date can bound ("a billion months") keeps the article's day rather than fail."""
    found = extract("The rock cooled over a billion months.").figures[0]
    assert (found.time.value, found.time.source) == ("2024-04-09", "published")
