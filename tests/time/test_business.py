"""Business periods resolved from the article's reporting frame: the resolvers alone, then whole
earnings paragraphs, where "a year ago" compares with the frame's quarter only when its sentence is
about a reporting period."""
from datetime import date

import pytest

from pipeline.time.business import last_closed_quarter, period_end
from pipeline.time.points import Point
from tests.time.date_fixture import resolve

Q3_2023 = Point(date(2023, 7, 1), "month", 3)
NINE_MONTHS_2023 = Point(date(2023, 1, 1), "month", 9)
YEAR_TO_SEPTEMBER = Point(date(2022, 10, 1), "month", 12)


@pytest.mark.parametrize("published, first", [
    (date(1989, 11, 2), date(1989, 7, 1)), (date(2024, 1, 15), date(2023, 10, 1)), (date(2024, 4, 1), date(2024, 1, 1)),
])
def test_the_last_quarter_closed_at_publication(published, first):
    assert last_closed_quarter(published) == Point(first, "month", 3)


def test_a_period_ends_in_its_last_month():
    assert period_end(NINE_MONTHS_2023) == date(2023, 9, 1)


@pytest.mark.parametrize("words, frame, value", [
    ("the latest quarter", Q3_2023, "2023-07/2023-09"),
    ("the quarter", None, "2024-01/2024-03"),  # before any frame: the last quarter closed at publication
    ("the current quarter", Q3_2023, "2024-04/2024-06"),  # the one publication falls in
    ("the latest period", NINE_MONTHS_2023, "2023-01/2023-09"),  # the frame's own length
    ("the nine months", Q3_2023, "2023-01/2023-09"),  # the year to date, ending with the frame
    ("the year-ago quarter", Q3_2023, "2022-07/2022-09"),
    ("the year - earlier period", NINE_MONTHS_2023, "2022-01/2022-09"),
    ("the corresponding period last year", Q3_2023, "2022-07/2022-09"),
    ("last year 's quarter", Q3_2023, "2022-07/2022-09"),
    ("year - earlier", Q3_2023, "2022-07/2022-09"),  # "compared with year-earlier profit"
    ("the 2021 period", Q3_2023, "2021-07/2021-09"),
    ("the same period of 2021", None, "2021"),  # no frame to take the months from: the year named
    ("the 2021 third quarter", None, "2021-07/2021-09"),
    ("the year - earlier second quarter", Q3_2023, "2022-04/2022-06"),
])
def test_reporting_periods_come_from_the_frame(words, frame, value):
    assert resolve(words, "reporting_period", narrative=frame).value == value


@pytest.mark.parametrize("words, value", [
    ("the fiscal first quarter ended Sept. 30", "2023-07/2023-09"),  # the company's calendar, not January
    ("its fourth quarter ended Aug. 26 , 2022", "2022-06/2022-08"),
    ("the six months ended Oct. 1", "2023-04/2023-09"),  # a 52-week year's half to September
    ("the quarter ending June 30", "2024-04/2024-06"),  # "ending": the next one
])
def test_fiscal_periods_keep_the_company_calendar(words, value):
    assert resolve(words, "fiscal_quarter").value == value


@pytest.mark.parametrize("words, frame, value", [
    ("the fiscal year", None, "2024"), ("the latest fiscal year", None, "2023"), ("the full year", None, "2024"),
    ("the full year", YEAR_TO_SEPTEMBER, "2022-10/2023-09"),  # after "the year ended Sept. 30"
])
def test_fiscal_years(words, frame, value):
    assert resolve(words, "fiscal_year", narrative=frame).value == value


def test_year_end_is_the_year_late():
    resolution = resolve("year - end", "year_end")
    assert (resolution.value, resolution.modifier) == ("2024", "late")


@pytest.mark.parametrize("words, value", [
    ("the weekend", "2024-04-06/2024-04-07"), ("last weekend", "2024-04-06/2024-04-07"),
    ("next weekend", "2024-04-13/2024-04-14"),
])
def test_weekends_from_publication(words, value):
    assert resolve(words, "weekend").value == value  # published Tuesday, April 9, 2024


def test_without_publication_date_nothing_is_guessed():
    assert resolve("the latest quarter", "reporting_period", published=None).value == ""
    assert resolve("the weekend", "weekend", published=None).value == ""


EARNINGS = ("The bank reported a third-quarter loss of $70.7 million for the quarter ended Sept. 30, 2023.\n\n"
            "The thrift had net income of $132,000, or three cents a share, a year ago.\n\n"
            "The bulk of the charge is a write-off at the unit. It plans to open ten branches in 2025.\n\n"
            "Separately, the chairman said he resigned last year.\n\n"
            "New loans were $6.6 million in the quarter compared with $361.8 million a year ago.")


def _dates(extract, text, published="2023-11-02"):
    return [(d.text, d.value) for d in extract(text, published=published).dates]


def test_a_year_ago_in_a_quarterly_sentence_is_the_year_ago_quarter(extract):
    dates = _dates(extract, EARNINGS)
    assert dates[2] == ("a year ago", "2022-07/2022-09")  # right after the frame was set
    assert ("the quarter", "2023-07/2023-09") in dates
    assert dates[-1] == ("a year ago", "2022-07/2022-09")  # the sentence names the quarter


def test_a_year_ago_away_from_any_reporting_period_stays_the_year(extract):
    assert ("last year", "2022") in _dates(extract, EARNINGS)


def test_a_forecast_quarter_does_not_replace_the_frame(extract):
    text = ("Net income rose 8% in the third quarter of 2023.\n\n"
            "Analysts expect the slump to continue into the fourth quarter.\n\n"
            "Sales in the latest quarter were $2 billion, up from $1.8 billion a year earlier.")
    dates = dict(_dates(extract, text))
    assert dates["the latest quarter"] == "2023-07/2023-09"
    assert dates["a year earlier"] == "2022-07/2022-09"


def test_the_nine_months_compare_with_the_nine_months_before(extract):
    text = ("Profit for the quarter ended Sept. 30 rose 19%.\n\n"
            "For the nine months, net rose 18% to $2 billion from $1.69 billion a year earlier.")
    dates = dict(_dates(extract, text))
    assert dates["the nine months"] == "2023-01/2023-09"
    assert dates["a year earlier"] == "2022-01/2022-09"


@pytest.mark.parametrize("words, number", [
    ("the fiscal first quarter ended Sept. 30", 1), ("its fourth quarter ended Aug. 26 , 2022", 4),
    ("the fiscal - second quarter ended Oct. 31", 2), ("the quarter ended Sept. 30", 0),  # no number: none kept
    ("the six months ended Oct. 1", 0),  # a half is no quarter
])
def test_a_company_quarter_keeps_its_own_number(words, number):
    assert resolve(words, "fiscal_quarter").point.fiscal_quarter == number


def test_periods_taken_from_a_company_quarter_keep_its_number():
    fiscal_first = Point(date(2023, 7, 1), "month", 3, fiscal_quarter=1)
    assert resolve("the latest period", "reporting_period", narrative=fiscal_first).point.fiscal_quarter == 1
    assert resolve("the year-ago quarter", "reporting_period", narrative=fiscal_first).point.fiscal_quarter == 1
    assert resolve("a year earlier", "relative_narrative", narrative=fiscal_first).point.fiscal_quarter == 1
    assert resolve("the nine months", "reporting_period", narrative=fiscal_first).point.fiscal_quarter == 0


def test_a_quarter_reported_before_its_calendar_months_end_is_the_company_quarter_just_closed(extract):
    text = ("The grocer reported a 30% drop in fourth-quarter profit, hurt by higher freight costs.\n\n"
            "It earned $12 million, compared with $17 million a year earlier. Sales in the latest period rose 4%.")
    dates = {d.text: d for d in extract(text, published="2023-11-02").dates}
    assert (dates["fourth-quarter"].value, dates["fourth-quarter"].fiscal_quarter) == ("2023-07/2023-09", 4)
    assert (dates["a year earlier"].value, dates["a year earlier"].fiscal_quarter) == ("2022-07/2022-09", 4)
    assert (dates["the latest period"].value, dates["the latest period"].fiscal_quarter) == ("2023-07/2023-09", 4)


def test_a_calendar_quarter_ahead_or_over_stays_the_calendar_one(extract):
    ahead = ("Analysts expect sales to slow in the fourth quarter.", "2023-11-02")
    over = ("The miner reported a 12% rise in third-quarter output.", "2023-11-02")
    for text, published in (ahead, over):
        (quarter,) = [d for d in extract(text, published=published).dates if "quarter" in d.text]
        assert quarter.fiscal_quarter == 0


def test_a_year_ended_in_the_sentence_compares_years_not_the_quarter(extract):
    text = ("The printer maker reported fourth-quarter net of $3 million.\n\n"
            "Net for the year ended Aug. 31 was $9 million, down from $11 million last year.")
    assert ("last year", "2022") in _dates(extract, text)


@pytest.mark.parametrize("sentence, value", [
    # compared with in a sentence about the reporting period: the year-ago quarter
    ("In the 2023 period, freight costs were lower than a year ago.", "2022-07/2022-09"),
    # a statement's "a year ago" stays the year
    ("The quarterly dividend was set a year ago.", "2022"),
])
def test_a_year_ago_in_a_quarterly_story_is_the_quarter_only_when_compared_with(extract, sentence, value):
    text = "The brewer posted a 12% gain in third-quarter net income.\n\nShipments were steady. " + sentence
    assert ("a year ago", value) in _dates(extract, text)


def test_a_sentence_of_no_figure_does_not_part_a_year_ago_from_the_frame(extract):
    text = ("Orvik Savings said it plans to cut 40 jobs in the wake of a third-quarter loss of $3.4 million.\n\n"
            "The lender said the cuts should help it meet new capital rules set by regulators.\n\n"
            "A year ago, Orvik had profit of $1.1 million, or 17 cents a share.")
    dates = _dates(extract, text, published="2023-10-26")
    assert ("third-quarter", "2023-07/2023-09") in dates
    assert ("A year ago", "2022-07/2022-09") in dates


def test_a_year_ago_quarter_is_no_anchor_for_the_next_year_earlier(extract):
    text = ("The miller earned $5 million for the fiscal first quarter ended Sept. 30.\n\n"
            "It had a loss of $2 million a year ago. The mill ran at full capacity.\n\n"
            "Sales were $48 million, compared with $41 million a year earlier.")
    dates = [(d.text, d.value, d.fiscal_quarter) for d in extract(text, published="2023-10-26").dates]
    assert dates[-1] == ("a year earlier", "2022-07/2022-09", 1)


@pytest.mark.parametrize("published, value", [
    ("1989-10-26", "1989-07/1989-09"),  # its calendar first quarter ended seven months before: the quarter just closed
    ("2024-05-02", "2024-01/2024-03"),  # the last quarter closed is the calendar's own
])
def test_a_fiscal_quarter_reported_in_the_past_is_the_company_quarter_just_closed(extract, published, value):
    text = "Pinecrest Airways said its profit jumped 41% in the fiscal first quarter, helped by busier routes."
    (quarter,) = [d for d in extract(text, published=published).dates if "quarter" in d.text]
    assert (quarter.text, quarter.value, quarter.fiscal_quarter) == ("the fiscal first quarter", value, 1)


def test_a_fiscal_quarter_ahead_is_not_taken_for_the_one_just_closed(extract):
    text = "Pinecrest Airways expects traffic to recover in the fiscal first quarter."
    (quarter,) = [d for d in extract(text, published="1989-10-26").dates if "quarter" in d.text]
    assert quarter.fiscal_quarter == 0 and quarter.value != "1989-07/1989-09"


@pytest.mark.parametrize("opening, look_back", [("A year earlier", "A year earlier"), ("A year ago", "A year ago"),
                                                ("A year before", "A year before"),
                                                ("In the year-earlier period", "the year-earlier period")])
def test_a_look_back_in_a_sentence_of_results_compares_with_the_frame_after_any_number_of_sentences(extract, opening,
                                                                                                     look_back):
    text = ("Marston Tool said it expects a third-quarter loss of $6 million.\n\nIt will take a $2.5 million "
            "charge for a recall.\n\nIt will also write off $1.3 million of stock.\n\nThe company blamed weak "
            "demand from farm suppliers.\n\n" + opening + ", net income was $3.2 million on sales of $51 million.")
    assert (look_back, "2022-07/2022-09") in _dates(extract, text, published="2023-11-01")


def test_last_year_in_a_sentence_of_results_far_from_the_frame_stays_the_year(extract):
    text = ("Marston Tool posted a third-quarter loss of $6 million.\n\nIt took a $2.5 million charge.\n\n"
            "It sold a plant for $4 million.\n\nLast year, net income was $3.2 million on sales of $51 million.")
    assert ("Last year", "2022") in _dates(extract, text, published="2023-11-01")


def test_a_look_back_in_a_sentence_of_results_that_names_a_month_compares_with_the_month(extract):
    text = ("Output grew at a 3.1% rate in the second quarter.\n\nExports rose 2%.\n\nImports fell 1%.\n\n"
            "Home sales in May were 4.2% lower than a year earlier.")
    assert ("a year earlier", "2022-05") in _dates(extract, text, published="2023-07-27")
