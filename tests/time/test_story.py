"""An undated figure of a results or statistics story takes the period the story gives its measure."""
import pytest

RESULTS = ("Brandvik Foods profit climbs\n\nBrandvik Foods posted a 14% rise in second-quarter profit, helped by "
           "its frozen meals.\n\nNet profit is 310 million crowns.\n\n\"It was a good spring for us,\" the chief "
           "executive told reporters.\n\nRevenue is up 6% at 2.9 billion crowns.\n\nIts operating margin is 11.2%."
           "\n\nBrandvik expects revenue of about 3 billion crowns in the third quarter.\n\nBrandvik predicts "
           "that sales will grow 5%.\n\nIts debt has risen to 1.4 billion crowns.\n\nThe group's equity ratio is "
           "38%.\n\nHalsnes Kitchen Inc., a rival, said its revenue is 1.1 billion crowns.")

STATISTICS = ("Tarrow jobless rate rises\n\nThe unemployment rate in Tarrow rose to 6.1% in May, the statistics bureau "
              "said on Thursday.\n\nEconomists had forecast no change.\n\nAmong people under 25, the rate "
              "is 14.2%.\n\nUnemployment in the capital is 4.8%.\n\nThe central bank's main interest rate is 3.5%.")


def figure_of(extract, text, published, figure):
    """The figure of ``text`` written ``figure``, read as published on ``published``."""
    return next(f for f in extract(text, published=published).figures if f.text == figure)


@pytest.mark.parametrize("figure,value,source", [
    ("310 million crowns", "2025-04/2025-06", "lead"),  # a result in the present, past a quote
    ("6%", "2025-04/2025-06", "lead"),
    ("11.2%", "2025-04/2025-06", "lead"),
    # counter-examples: a forecast, a level now, a measure the story did not date, another company
    ("5%", "2025-07-24", "published"),
    ("1.4 billion crowns", "2025-07-24", "published"),
    ("38%", "2025-07-24", "published"),
    ("1.1 billion crowns", "2025-07-24", "published"),
])
def test_a_result_of_the_story_takes_its_quarter(extract, figure, value, source):
    found = figure_of(extract, RESULTS, "2025-07-24", figure)
    assert (found.time.value, found.time.source) == (value, source)


@pytest.mark.parametrize("figure,value", [
    ("14.2%", "2025-05"),  # the rate the story dated, in the present
    ("4.8%", "2025-05"),  # "unemployment" names the jobless rate's measure
    ("3.5%", "2025-06-07"),  # counter-example: another rate (a level now)
])
def test_a_statistic_of_the_story_takes_its_month(extract, figure, value):
    found = figure_of(extract, STATISTICS, "2025-06-07", figure)
    assert found.time.value == value


def test_a_change_noun_measures_what_qualifies_it(extract):
    text = ("Velmar Cement has reported a second-quarter profit increase of 9%.\n\nIts revenue is 820 million euros."
            "\n\nIts cement plant in Porto employs 900 people.")
    found = figure_of(extract, text, "2025-07-30", "820 million euros")
    assert (found.time.value, found.time.source) == ("2025-04/2025-06", "lead")


@pytest.mark.parametrize("figure,value", [
    ("9%", "2031-07/2031-09"),  # the quarter's revenue, not the day its news came
    ("6%", "2031-10-21"),  # counter-example: a move of the shares that day
])
def test_a_result_takes_the_quarter_rather_than_the_day_of_the_lead(extract, figure, value):
    text = ("Lumen Paper beat forecasts on Tuesday with a 15% rise in third-quarter profit.\n\nRevenue rose 9% to "
            "$2.2bn.\n\nIts shares jumped 6% in Oslo.")
    found = figure_of(extract, text, "2031-10-21", figure)
    assert found.time.value == value


CHARGES = ("Kestrel Mills expects to post a loss of $12 million to $14 million for the third quarter.\n\n"
           "The Toledo paper maker said it will record a $6.2 million reserve for its box unit, including a "
           "$2.4 million charge related to a lost lawsuit and $1.1 million in legal fees that won't be "
           "recovered.\n\nKestrel also plans to write off roughly $2.8 million in costs of a closed "
           "mill.\n\nIt will spend $40 million on a new mill next year.")


@pytest.mark.parametrize("figure,value", [
    ("$6.2 million", "2031-07/2031-09"),  # a charge told ahead of results still to come
    ("$2.4 million", "2031-07/2031-09"),
    ("$1.1 million", "2031-07/2031-09"),  # part of the reserve, however the parse hangs it
    ("$2.8 million", "2031-07/2031-09"),  # "write off"
    ("$40 million", "2032"),  # counter-example: a plan, no charge
])
def test_a_charge_is_of_the_period_whose_results_will_hold_it(extract, figure, value):
    found = figure_of(extract, CHARGES, "2031-11-03", figure)
    assert found.time.value == value


def test_an_addition_to_reserves_is_a_result_of_the_quarter(extract):
    text = ("Harlow Savings said it plans to shed 90 jobs after a third-quarter loss of $4.2 million, reflecting a "
            "$9 million addition to its bad-debt reserves.")
    found = figure_of(extract, text, "2031-10-25", "$9 million")
    assert found.time.value == "2031-07/2031-09"


def test_a_charge_told_ahead_after_results_already_reported_is_not_dated_by_them(extract):
    text = ("Kestrel Mills lost $12 million in the third quarter.\n\nIt will take a $3 million charge "
            "when it sells its box unit.")
    found = figure_of(extract, text, "2031-11-03", "$3 million")
    assert found.time.value != "2031-07/2031-09"


WRITE_DOWNS = ("Dunmere Thrift will close 12 branches.\n\nIt reported a third-quarter loss of $41 million.\n\n"
               "The bulk of the pretax charge is a $26 million write-off of mortgage servicing rights.\n\nThe "
               "latest results also include unusual write-downs, which had an after-tax effect of $5.5 million."
               "\n\nIt also booked $3.2 million of charges for closed branches.\n\nThe thrift has assets of "
               "$2.1 billion.")


@pytest.mark.parametrize("figure,value", [
    ("$26 million", "2031-07/2031-09"),  # "write-off", however the parse splits it at the hyphen
    ("$5.5 million", "2031-07/2031-09"),  # told in a clause about the write-downs
    ("$3.2 million", "2031-07/2031-09"),  # an amount "of" charges
    ("$2.1 billion", "2031-11-02"),  # counter-example: a level now, no charge
])
def test_a_write_off_or_an_amount_of_charges_is_of_the_quarter(extract, figure, value):
    found = figure_of(extract, WRITE_DOWNS, "2031-11-02", figure)
    assert found.time.value == value
