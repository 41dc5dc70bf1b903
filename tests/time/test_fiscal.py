"""A company's fiscal calendar stated in an article reads its fiscal years, quarters and halves on
that calendar; periods named with the day they end take in the month they began in."""
import pytest

from tests.time.date_fixture import resolve


def _dates(extract, text, published):
    return {d.text: d for d in extract(text, published=published).dates}


@pytest.mark.parametrize("statement", [
    "Marlow Tools, whose fiscal year ends Aug. 31, makes drill bits.",
    "Marlow Tools earned $4 million for the year ended Aug. 26, 2023.",
    "Marlow Tools said its fiscal year, which ended in August, was its best.",
    "Marlow Tools earned $1 million in its fourth quarter ended Aug. 31.",
    "Marlow Tools said fiscal 2024 began on Sept. 1.",
])
def test_a_stated_calendar_reads_fiscal_years_on_it(extract, statement):
    text = statement + "\n\nThe tool maker expects sales of $90 million in the current fiscal year."
    found = _dates(extract, text, "2023-11-14")["the current fiscal year"]
    assert (found.value, found.modifier) == ("2024", "fiscal")  # the year to August 2024, by its name


def test_fiscal_periods_of_a_company_whose_year_ends_in_august(extract):
    text = ("Dunmore Foods, whose fiscal year ends Aug. 31, said sales rose 6% in the fiscal fourth quarter.\n\n"
            "Sales in the latest fiscal year were $2.1 billion. The grocer expects sales to grow 5% in "
            "the current fiscal year.")
    dates = _dates(extract, text, "1989-10-12")
    assert dates["the fiscal fourth quarter"].value == "1989-06/1989-08"
    assert dates["the fiscal fourth quarter"].fiscal_quarter == 4
    assert dates["the latest fiscal year"].value == "1989"
    assert dates["the current fiscal year"].value == "1990"


def test_the_fiscal_year_is_the_one_the_reported_quarter_ends(extract):
    text = ("Corbin Paper estimated that its net for its second quarter ended March 31 fell by 40%.\n\n"
            "The mill said the drop will mean lower net for the fiscal year.")
    assert _dates(extract, text, "1989-05-08")["the fiscal year"].value == "1989"  # October 1988 to September 1989
    text = ("Corbin Paper, whose fiscal year ends June 30, said net rose 40% in its first quarter ended Sept. 30.\n\n"
            "The mill expects higher net for the fiscal year.")
    assert _dates(extract, text, "1989-11-06")["the fiscal year"].value == "1990"


def test_a_half_reported_before_its_calendar_months_end_is_the_company_half(extract):
    text = ("Helmsley Optics, whose fiscal year ends Aug. 31, reported net of $8 million for the first half.")
    assert _dates(extract, text, "1990-03-20")["the first half"].value == "1989-09/1990-02"


def test_a_fiscal_half_is_the_company_half(extract):
    text = ("Helmsley Optics, whose fiscal year ends Aug. 31, posted a loss in the fiscal first half.")
    assert _dates(extract, text, "1989-11-20")["the fiscal first half"].value == "1988-09/1989-02"


@pytest.mark.parametrize("text", [
    "Dunmore Foods said sales rose 6% in the current fiscal year.",  # no calendar stated
    "Dunmore Foods, whose fiscal year ends Dec. 31, said sales rose 6% in the current fiscal year.",  # the calendar's
    "The year started in March with a rally. Dunmore Foods said sales rose 6% in the current fiscal year.",
])
def test_without_a_stated_company_calendar_fiscal_years_stay_calendar_years(extract, text):
    assert _dates(extract, text, "1990-11-14")["the current fiscal year"].value == "1990"


def test_a_fiscal_year_named_keeps_its_name(extract):
    text = "Dunmore Foods, whose fiscal year ends Aug. 31, said sales rose 6% in fiscal 1990."
    found = _dates(extract, text, "1990-11-14")["fiscal 1990"]
    assert (found.value, found.modifier) == ("1990", "fiscal")


def test_a_calendar_quarter_with_its_year_stays_the_calendar_one(extract):
    text = ("Dunmore Foods, whose fiscal year ends Aug. 31, said sales rose 6% in the third quarter of 1989.")
    assert _dates(extract, text, "1989-11-14")["the third quarter of 1989"].value == "1989-07/1989-09"


@pytest.mark.parametrize("words, value", [
    ("the six months ended Aug. 14", "2023-02/2023-08"),  # began on Feb. 15
    ("the six months ended Aug. 31", "2023-03/2023-08"),
    ("the quarter ended Aug. 26", "2023-06/2023-08"),  # began in the last week of May
    ("the quarter ended Oct. 1", "2023-07/2023-09"),  # a 52-week year's quarter to September
    ("the 12 weeks ended Oct. 7", "2023-07-16/2023-10-07"),  # by days
])
def test_a_period_ended_mid_month_takes_in_the_month_it_began_in(words, value):
    assert resolve(words, "fiscal_quarter").value == value
