"""Date normalization and resolution as pure functions (the parser is built once)."""
from datetime import date

import pytest

from pipeline.rules import load_rules
from pipeline.time.parser import DateParser
from pipeline.time.points import Point, point_of
from pipeline.time.scope import bounded_year

PARSER = DateParser(load_rules().lexicons)
PUB = date(2024, 4, 9)


def resolve(words, kind, published=PUB, narrative=None):
    return PARSER.resolve(words.split(), kind, published, narrative, "ctx")


@pytest.mark.parametrize("words,value", [
    ("February 4 , 2022", "2022-02-04"), ("4 Feb. 2022", "2022-02-04"), ("March 2023", "2023-03"),
    ("2022 - 02 - 04", "2022-02-04"), ("Feb. 4th 2022", "2022-02-04"),
])
def test_absolute_dates(words, value):
    assert resolve(words, "absolute").value == value


def test_years_decades_intervals():
    assert resolve("early 2024", "year").value == "2024"
    assert resolve("early 2024", "year").modifier == "early"
    assert resolve("the 1950s", "decade").value == "195X"
    assert resolve("mid-2010s", "decade").value == "201X"
    assert resolve("the 1960s to the 1980s", "interval").value == "1960/1989"
    assert resolve("between 2014 and 2022", "interval").value == "2014/2022"


def test_relative_to_publication():
    assert resolve("a decade ago", "relative_publication").value == "2014"
    assert resolve("two years ago", "relative_publication").value == "2022"
    assert resolve("last year", "relative_publication").value == "2023"
    assert resolve("this month", "relative_publication").value == "2024-04"
    assert resolve("yesterday", "relative_publication").value == "2024-04-08"
    assert resolve("three months ago", "relative_publication").value == "2024-01"


def test_relative_to_narrative():
    day = Point(date(2022, 2, 4), "day")
    year = Point(date(2023, 1, 1), "year")
    later = resolve("20 days later", "relative_narrative", narrative=day)
    assert (later.value, later.relative, later.anchor) == ("2022-02-24", True, "narrative 2022-02-04 (ctx)")
    assert resolve("the previous year", "relative_narrative", narrative=year).value == "2022"
    assert resolve("the following month", "relative_narrative", narrative=day).value == "2022-03"
    assert resolve("November", "month", narrative=year).value == "2023-11"


def test_result_never_finer_than_its_anchor():
    assert resolve("20 days later", "relative_narrative", narrative=Point(date(2022, 1, 1), "year")).value == "2022"


def test_without_publication_date_relative_stays_unresolved():
    for words, kind in [("two years ago", "relative_publication"), ("last year", "relative_publication"),
                        ("20 days later", "relative_narrative"), ("November", "month")]:
        got = resolve(words, kind, published=None)
        assert got.value == "" and got.relative


def test_point_of_reads_back_values():
    assert point_of("2022-02") == Point(date(2022, 2, 1), "month")
    assert point_of("195X") is None and point_of("1960/1989") is None


def test_tense_places_a_bare_month_or_weekday_around_publication():
    assert PARSER.resolve(["October"], "month", PUB, None, tense="past").value == "2023-10"
    assert PARSER.resolve(["October"], "month", PUB, None, tense="future").value == "2024-10"
    assert PARSER.resolve(["February"], "month", PUB, None, tense="future").value == "2025-02"
    assert PARSER.resolve(["Friday"], "weekday", PUB, None, tense="past").value == "2024-04-05"
    assert PARSER.resolve(["Friday"], "weekday", PUB, None, tense="future").value == "2024-04-12"
    assert PARSER.resolve(["last", "Tuesday"], "weekday", PUB, None).value == "2024-04-02"


def test_weeks_and_quarters_are_intervals():
    assert resolve("last week", "relative_publication").value == "2024-04-01/2024-04-07"
    assert resolve("the third quarter of 2023", "quarter").value == "2023-07/2023-09"
    assert resolve("Q1", "quarter", narrative=Point(date(2022, 5, 1), "month")).value == "2022-01/2022-03"


# --- whole pipeline: text + publication date -> the date mention and its value -------------------

ABSOLUTE = [
    ("They met on February 4, 2022.", "February 4, 2022", "2022-02-04"),
    ("They met on 4 Feb. 2022.", "4 Feb. 2022", "2022-02-04"),
    ("The filing is dated 2022-02-04.", "2022-02-04", "2022-02-04"),
    ("It was signed on 13/2/2022.", "13/2/2022", "2022-02-13"),
    ("It was signed on 2/13/2022.", "2/13/2022", "2022-02-13"),
    ("Prices peaked in March 2023.", "March 2023", "2023-03"),
    ("Ties grew in 2014.", "2014", "2014"),
    ("They are closer than at any time since the 1950s.", "the 1950s", "195X"),
    ("The industry survived the lean 1990s.", "1990s", "199X"),
    ("Sales collapsed in the '90s.", "the '90s", "199X"),
    ("Trade boomed in the 19th century.", "the 19th century", "18XX"),
    ("Revenue rose in the second quarter of 2023.", "the second quarter of 2023", "2023-04/2023-06"),
    ("Revenue rose in Q2 2023.", "Q2 2023", "2023-04/2023-06"),
    ("Sales rose in the first half of 2024.", "the first half of 2024", "2024-01/2024-06"),
    ("Gas prices spiked in the summer of 2022.", "the summer of 2022", "2022-06/2022-08"),
    ("The split spanned the 1960s to the 1980s.", "the 1960s to the 1980s", "1960/1989"),
    ("Trade doubled between 2014 and 2022.", "between 2014 and 2022", "2014/2022"),
    ("Output rose from 2010 to 2015.", "from 2010 to 2015", "2010/2015"),
    ("Output rose in 2010-2015.", "2010-2015", "2010/2015"),
    ("The 2022-23 season was long.", "2022-23", "2022/2023"),
    ("Ties have grown since 2014.", "since 2014", "2014/.."),
    ("Prices have doubled since February 2022.", "since February 2022", "2022-02/.."),
    ("The cap holds until 2030.", "until 2030", "../2030"),
    ("By 2030 output will double.", "By 2030", "../2030"),
    ("By 2006, the border had been fully delimited.", "2006", "2006"),
    ("It was the highest since 1990.", "since 1990", "1990/.."),
    ("The debt was the highest ratio since the early 1960s.", "the early 1960s", "196X"),
    ("They are closer now than at any time since 2014.", "2014", "2014"),
    ("Sales fell for the first time since 2014.", "since 2014", "2014/.."),
]


@pytest.mark.parametrize("text,span,value", ABSOLUTE)
def test_absolute_forms(extract, text, span, value):
    dates = {d.text: d for d in extract(text).dates}
    assert span in dates, sorted(dates)
    assert (dates[span].value, dates[span].relative) == (value, False)


MODIFIED = [
    ("Firms were sanctioned in early 2024.", "early 2024", "2024", "early"),
    ("Growth slowed in the mid-2010s.", "the mid-2010s", "201X", "mid"),
    ("Growth slowed in the late 1990s.", "the late 1990s", "199X", "late"),
    ("Rates peak at the end of 2023.", "the end of 2023", "2023", "late"),
    ("In fiscal 2023, revenue rose.", "fiscal 2023", "2023", "fiscal"),
    ("Revenue in FY2023 rose.", "FY2023", "2023", "fiscal"),
    ("Revenue in FY2012–13 rose.", "FY2012–13", "2012/2013", "fiscal"),
]


@pytest.mark.parametrize("text,span,value,modifier", MODIFIED)
def test_modifiers_stay_apart_from_the_value(extract, text, span, value, modifier):
    dates = {d.text: d for d in extract(text).dates}
    assert (dates[span].value, dates[span].modifier) == (value, modifier)


RELATIVE = [  # published 2024-04-09, a Tuesday
    ("Just a decade ago, officials were dismissive.", "a decade ago", "2014"),
    ("Exports fell last year.", "last year", "2023"),
    ("Exports fell this month.", "this month", "2024-04"),
    ("Two years ago the talks failed.", "Two years ago", "2022"),
    ("The minister resigned yesterday.", "yesterday", "2024-04-08"),
    ("Talks ended last week.", "last week", "2024-04-01/2024-04-07"),
    ("The ministry said on Friday that exports fell.", "Friday", "2024-04-05"),
    ("Exports rose 5% earlier this year.", "earlier this year", "2024"),
    ("Prices will rise next month.", "next month", "2024-05"),
    ("They met on February 4, 2022. The invasion came 20 days later.", "20 days later", "2022-02-24"),
    ("Sales jumped in 2023 compared with the previous year.", "the previous year", "2022"),
    ("They met on February 4, 2022. The following month, talks failed.", "The following month", "2022-03"),
    ("The war began in 2022. Later that year, sanctions followed.", "that year", "2022"),
    ("They met on February 4, 2022. Troops moved the same day.", "the same day", "2022-02-04"),
    ("In 2023, trade surpassed the mark in November.", "November", "2023-11"),
]


@pytest.mark.parametrize("text,span,value", RELATIVE)
def test_relative_forms_are_resolved_and_anchored(extract, text, span, value):
    dates = {d.text: d for d in extract(text).dates}
    assert span in dates, sorted(dates)
    assert (dates[span].value, dates[span].relative) == (value, True)
    assert dates[span].anchor


VAGUE = [
    ("Prices have recently fallen.", "recently"),
    ("In recent years, sales soared.", "recent years"),
    ("Talks will resume soon.", "soon"),
    ("These days few people read papers.", "These days"),
    ("Prices will fall in the coming months.", "the coming months"),
]


@pytest.mark.parametrize("text,span", VAGUE)
def test_vague_references_have_no_value(extract, text, span):
    dates = {d.text: d for d in extract(text).dates}
    assert (dates[span].value, dates[span].relative, dates[span].modifier) == ("", True, "vague")


def test_vague_dates_are_flagged_in_the_table(extract):
    rows = [c for c in extract("Prices have recently fallen.").claims if c.kind == "date"]
    assert [(c.text, c.flags) for c in rows] == [("recently", "vague")]


NOT_DATES = [
    "The model 4000 sold well.", "He was one of 629 delegates.", "A crowd of 2000 people gathered.",
    "Theresa May said you may join the protest march.", "The Sun reported the Boeing 737 order.",
    "As soon as talks resume, prices fall.", "He bought 4 March tickets.", "The S-400 costs $500 million.",
    "Signed on 4/2/2022, the deal was vague about its order.", "They won 2-1 in the final.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(extract, text):
    assert [d.text for d in extract(text).dates] == []


def test_output_never_depends_on_the_clock(extract):
    """Everything relative resolves against the publication date given, or not at all."""
    text = ("Prices rose last year and on Feb. 4. Two years ago, in October, they fell; "
            "three months later they rose. On Friday the ministry spoke.")
    for published in ("1990-06-15", "2011-03-02"):
        dates = extract(text, published=published).dates
        assert dates and all(d.value.startswith(published[:2]) for d in dates)
    assert all(d.value == "" for d in extract(text, published=None).dates)


def test_the_calendar_parser_never_completes_a_missing_year():
    assert PARSER.resolve(["February", "4"], "absolute", None, None).value == ""


def test_since_scopes_figures_as_an_open_interval(extract):
    figure = extract("Prices have risen 10% since 2014.").figures[0]
    assert (figure.time.text, figure.time.value) == ("since 2014", "2014/..")


SCOPES = [  # text, figure, expected scope value and source (published 2024-04-09)
    ("Prices have risen 10% since 2014.", "10%", "2014/..", "clause"),
    ("Core inflation eased to 6.1 per cent from 6.2 per cent in August.", "6.2 per cent", "2023-08", "clause"),
    ("In 2023, exports rose 5%. Core inflation eased to 6.1 per cent from 6.2 per cent in August.",
     "6.1 per cent", "2023", "context"),
    ("Turnout was 66.7 percent, the highest since 1900.", "66.7 percent", None, None),
    ("Output was 6.1 percent above its level in the final quarter of 2019.", "6.1 percent", None, None),
    ("The rate stood at 6.43 percent, compared with 2.34 percent two years ago.", "2.34 percent", "2022", "clause"),
    ("The results mark a turnaround from 2022, when the company lost $87 million.", "$87 million", "2022", "clause"),
    ("The Bank forecasts growth of 0.5% next year, the governor said on Friday.", "0.5%", "2025", "clause"),
    ("Growth will be 3% this year, the governor said on Friday.", "3%", "2024", "clause"),
    ("Growth was strong, with 3% more jobs, the governor said on Friday.", "3%", "2024-04-05", "statement"),
    ("Food prices climbed 12.2 pct in the 12 months to September.", "12.2 pct", "2022-10/2023-09", "clause"),
    # "from" before a period that has not begun is a start point, before a known one a comparison base
    ("Saudi Arabia will cut output by a further 1 million bpd from July, the minister said on Sunday.",
     "1 million bpd", "2024-07", "clause"),
    ("Output rose 8% from a year earlier, the ministry said on Friday.", "8%", "2024-04-05", "statement"),
    # a statement's figures are about the period it reports, not the day it was made
    ("LONDON - Inflation held at 6.7 per cent in September, the ONS said on Wednesday, defying "
     "expectations of a fall to 6.6%.", "6.6%", "2023-09", "sentence"),
    ("Inflation eased to 6.1 per cent from 6.2 per cent in August, the ONS said on Wednesday, defying "
     "expectations of a fall to 6%.", "6%", "2024-04-03", "statement"),
    ("The cut will take output down to 9 million bpd from roughly 10 million bpd in May.",
     "10 million bpd", "2023-05", "clause"),
]


@pytest.mark.parametrize("text,figure,value,source", SCOPES)
def test_time_scope_of_figures(extract, text, figure, value, source):
    found = next(f for f in extract(text).figures if f.text == figure)
    got = (found.time.value, found.time.source) if found.time else (None, None)
    assert got == (value, source)


def test_dateparser_is_built_once_and_sees_only_candidate_spans(resources, extract, monkeypatch):
    """One calendar parser for the whole run, fed only the calendar-date spans the rules matched."""
    seen: list[str] = []
    calendar = resources.dates.words.calendar
    original = calendar.get_date_data

    def record(text, *args, **kwargs):
        seen.append(text)
        return original(text, *args, **kwargs)

    monkeypatch.setattr(calendar, "get_date_data", record)
    text = "They met on February 4, 2022 and again on 4 Feb. 2023. Prices rose 5% last year, in March 2023."
    for published in ("2024-04-09", "2020-01-01", None):
        dates = extract(text, published=published).dates
        assert resources.dates.words.calendar is calendar
    assert seen and {span.replace(" ,", ",") for span in seen} <= {d.text for d in dates}  # the span's tokens
    assert all(len(span.split()) <= 4 for span in seen)


def test_a_reporting_period_moves_whole(extract):
    text = ("Revenue rose to $1.82 billion in the three months ended September 30, from $1.36 billion a year "
            "earlier. Unemployment was 4.2 per cent in the three months to August, up 0.3 points on the "
            "previous quarter.")
    dates = {d.text: d.value for d in extract(text, published="2024-11-06").dates}
    assert dates["a year earlier"] == "2023-07/2023-09"
    assert dates["the previous quarter"] == "2024-03/2024-05"


def test_a_day_the_month_does_not_have_stays_unresolved(extract):
    assert PARSER.resolve(["June", "31"], "month", PUB, None).value == ""
    assert PARSER.resolve(["February", "30"], "month", PUB, None, tense="past").value == ""
    assert [d.value for d in extract("The deal closed on June 31.").dates] == [""]


@pytest.mark.parametrize("text", ["2014 centuries ago", "2014 century ago", "9000 years later", "3000000 days ago"])
def test_a_shift_beyond_the_calendar_stays_unresolved(extract, text):
    extraction = extract(f"It began {text}, the report said.")
    assert all(d.value == "" for d in extraction.dates if d.text.endswith(("ago", "later")))


DATELINES_AND_BASES = [  # text, date span, value (published 2024-04-09, a Tuesday)
    # a dateline is the day the story was filed, even ahead of a future clause
    ("VIENNA, April 8 (Reuters) - Saudi Arabia will cut output from July.", "April 8", "2024-04-08"),
    ("LONDON, April 8 - The bank will decide on rates.", "April 8", "2024-04-08"),
    # counter-example: not at the head of its paragraph, the future clause places it
    ("The bank will decide on rates on April 8.", "April 8", "2025-04-08"),
    # the date of the base figure of a change is already known, whatever the clause's tense
    ("Output will fall to 9 million bpd from roughly 10 million bpd in May.", "May", "2023-05"),
    ("Output will fall to 9 million bpd in May.", "May", "2024-05"),
]


@pytest.mark.parametrize("text,span,value", DATELINES_AND_BASES)
def test_datelines_and_change_bases_lie_in_the_past(extract, text, span, value):
    dates = {d.text: d.value for d in extract(text).dates}
    assert dates[span] == value, dates


HEADLINES = [  # text, headline figure, expected scope value (published 2024-04-09)
    ("UK inflation slows to 6.7%\n\nInflation held at 6.7 per cent in March, the ONS said.", "6.7%", "2024-03"),
    ("Poland to spend 4.7% of GDP on defence\n\nPoland will spend 4.7 percent of GDP next year.", "4.7%", "2025"),
    # counter-examples: a body figure with another value, and a first paragraph that is a sentence
    ("UK inflation slows to 6.7%\n\nInflation held at 6.8 per cent in March, the ONS said.", "6.7%", None),
    ("Inflation slowed to 6.7%.\n\nInflation held at 6.7 per cent in March, the ONS said.", "6.7%", None),
]


@pytest.mark.parametrize("text,figure,value", HEADLINES)
def test_a_headline_figure_takes_the_period_of_the_body_figure_it_restates(extract, text, figure, value):
    found = next(f for f in extract(text).figures if f.text == figure)
    assert (found.time.value if found.time else None) == value


CARRIED = [  # text, figure, expected scope value (published 2024-04-09)
    # a paragraph that opens without a date continues the one period of the paragraph before
    ("Inflation held at 6.7 per cent in March.\n\nCore inflation eased to 6.1 per cent.", "6.1 per cent", "2024-03"),
    ("In 2023, exports rose 5%.\n\nThe figure is below target.\n\nImports fell 2%.", "2%", "2023"),
    # counter-examples: the new paragraph names its own date, the paragraph before changed period,
    # looked back, set a horizon or dated an event
    ("Inflation held at 6.7 per cent in March.\n\nIn 2019, core inflation was 1.6 per cent.", "1.6 per cent", "2019"),
    ("Inflation was 6.7 per cent in March and 6.9 per cent in February.\n\nCore inflation eased to 6.1 per cent.",
     "6.1 per cent", None),
    ("A year ago, everyone expected a downturn.\n\nPrices rose 2.6 percent.", "2.6 percent", None),
    ("Tariffs will rise by 2025.\n\nExports grew 3 per cent.", "3 per cent", None),
    ("Bond yields fell on Friday.\n\nSpending is budgeted at $47 billion.", "$47 billion", None),
]


@pytest.mark.parametrize("text,figure,value", CARRIED)
def test_a_paragraph_without_a_date_continues_the_period_before(extract, text, figure, value):
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
