"""How one figure's scope is read: restated headline figures, the ends of a change, bounded years."""
import pytest

from pipeline.time.scope import bounded_year, headline_end


HEADLINES = [  # text, headline figure, expected scope value (published 2024-04-09)
    ("UK inflation slows to 6.7%\n\nInflation held at 6.7 per cent in March, the ONS said.", "6.7%", "2024-03"),
    ("Poland to spend 4.7% of GDP on defence\n\nPoland will spend 4.7 percent of GDP next year.", "4.7%", "2025"),
    # counter-examples: a body figure with another value, and a first paragraph that is a sentence,
    # leave the headline figure to the publication date
    ("UK inflation slows to 6.7%\n\nInflation held at 6.8 per cent in March, the ONS said.", "6.7%", "2024-04-09"),
    ("Inflation slowed to 6.7%.\n\nInflation held at 6.7 per cent in March, the ONS said.", "6.7%", "2024-04-09"),
]


@pytest.mark.parametrize("text,figure,value", HEADLINES)
def test_a_headline_figure_takes_the_period_of_the_body_figure_it_restates(extract, text, figure, value):
    found = next(f for f in extract(text).figures if f.text == figure)
    assert (found.time.value if found.time else None) == value


ENDPOINTS = [  # text, figure, expected scope value (published 2024-04-09)
    ("The Bank raised rates between December 2021 and August 2023, taking them from 0.1% to 5.25%.",
     "0.1%", "2021-12"),
    ("The Bank raised rates between December 2021 and August 2023, taking them from 0.1% to 5.25%.",
     "5.25%", "2023-08"),
    # counter-example: a named period stays whole for both ends
    ("Unemployment rose from 4 percent to 4.2 percent in the second quarter of 2023.", "4 percent",
     "2023-04/2023-06"),
]


@pytest.mark.parametrize("text,figure,value", ENDPOINTS)
def test_the_ends_of_a_change_take_the_ends_of_its_span(extract, text, figure, value):
    found = next(f for f in extract(text).figures if f.text == figure)
    assert (found.time.value if found.time else None) == value


BOUNDED_YEARS = [  # text, figure, expected scope value (published 2024-02-02)
    ("The deficit would narrow to 5.1 per cent of GDP in the year starting April 1.", "5.1 per cent", "2024/2025"),
    ("India's economy is expected to grow by 7.3 percent in the fiscal year ending March 31, faster than "
     "any other large economy.", "7.3 percent", "2023/2024"),
]


@pytest.mark.parametrize("text,figure,value", BOUNDED_YEARS)
def test_a_day_that_starts_or_ends_a_year_dates_its_figures_by_that_year(extract, text, figure, value):
    found = next(f for f in extract(text, published="2024-02-02").figures if f.text == figure)
    assert (found.time.value if found.time else None) == value


@pytest.mark.parametrize("text,value", [
    ("in the year starting April 1", "2024/2025"),
    ("in the week ending April 1", "2024-04-01"),  # counter-examples: no year, or no bound
    ("a year after April 1", "2024-04-01"),
])
def test_bounded_year_reads_only_a_year_with_its_bound(resources, text, value):
    doc = resources.nlp(text)
    day = doc[len(doc) - 2:]
    assert bounded_year(day, "2024-04-01", resources.scope_words.year_bounds) == value


@pytest.mark.parametrize("title,is_headline", [("", True), ("Stocks slide in Europe", True),
                                               ("European markets close lower", False)])
def test_a_first_line_is_the_headline_only_when_it_is_the_title(resources, title, is_headline):
    doc = resources.nlp("Stocks slide in Europe\n\nThe DAX lost 2% on Monday.")
    sentences = list(doc.sents)
    assert (headline_end(doc, sentences, title) > 0) is is_headline


@pytest.mark.parametrize("text, is_headline", [
    ("GRAFTON, Vermont (AP) _\n\nThe quarry shed 40 jobs on Monday.\n\nIt had 300.", False),
    ("Quarry sheds 40 jobs\n\nGRAFTON, Vermont (AP) _ The quarry shed 40 jobs on Monday.", True),
])
def test_a_line_that_is_a_whole_dateline_is_no_headline(resources, text, is_headline):
    doc = resources.nlp(text)
    assert (headline_end(doc, list(doc.sents)) > 0) is is_headline


MOVES = [  # text, figure, expected scope value (published Tuesday 2024-04-09)
    # a date the parse hangs from the end of a move, or from the noun of its amount, dates both
    ("Worry about the recall may have caused a drop of 75 cents in Orlon's stock to $28 a share yesterday in "
     "over-the-counter trading, and partly caused a fall in Vexa's stock in Big Board trading Friday.", "75 cents",
     "2024-04-08"),
    ("Concern about the recall may have been responsible for a decline of 40 cents in Orlon's stock to $21 a share "
     "yesterday in over-the-counter trading, and partly responsible for a drop in Vexa's stock in Big Board trading "
     "on Friday.", "$21 a share", "2024-04-08"),
    # counter-example: the start of a move keeps a date of its own
    ("Orlon shares have fallen from $30 in May to $21 yesterday.", "$30", "2023-05"),
]


@pytest.mark.parametrize("text,figure,value", MOVES)
def test_the_amount_and_the_end_of_a_move_share_the_date_of_either(extract, text, figure, value):
    found = next(f for f in extract(text).figures if f.text == figure)
    assert (found.time.value if found.time else None) == value
