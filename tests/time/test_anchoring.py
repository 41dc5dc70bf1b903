"""Date spans resolved in text order on the whole pipeline: text + publication date -> the date
mention and its value, anchored on the dates before it."""
import pytest


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
    # a year that describes the object of "since" opens the interval too, its span kept alone
    ("Since its 1972 launch, 3,100 of the tractors have been sold.", "1972", "1972/.."),
    ("Prices have fallen since the March 2009 low.", "March 2009", "2009-03/.."),
    ("The 1972 launch went well.", "1972", "1972"),
]


@pytest.mark.parametrize("text,span,value", ABSOLUTE)
def test_absolute_forms(extract, text, span, value):
    dates = {d.text: d for d in extract(text).dates}
    assert span in dates, sorted(dates)
    assert (dates[span].value, dates[span].relative) == (value, False)


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
    # "that year" is the year just named, even one that dates a figure (and anchors nothing else)
    ("Imports reached $37 million in 2021, a small share of all imports that year.", "that year", "2021"),
    ("Munero fled in June 1998 and returned later that year.", "that year", "1998"),
    ("They met on February 4, 2022. Troops moved the same day.", "the same day", "2022-02-04"),
    ("In 2023, trade surpassed the mark in November.", "November", "2023-11"),
    # a span from a day to a weekday, each end placed by the clause's tense
    ("Dune Holdings bought 154,100 Orla shares from Feb. 12 to Thursday.", "from Feb. 12 to Thursday",
     "2024-02-12/2024-04-04"),
    # counter-example: the year of a participle describing a noun sets no year for the months after it
    ("Under a plan approved in 2017, the firm had bought back shares in November.", "November", "2023-11"),
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
    ("Prices will fall in the coming months.", "the coming months"),
    ("In the past, the firm bought rivals.", "the past"),
]


@pytest.mark.parametrize("text,span", VAGUE)
def test_vague_references_have_no_value(extract, text, span):
    dates = {d.text: d for d in extract(text).dates}
    assert (dates[span].value, dates[span].relative, dates[span].modifier) == ("", True, "vague")
    assert dates[span].reference in ("past", "future")


@pytest.mark.parametrize("text,span", [
    ("The group now holds 45 percent of the shares.", "now"),
    ("These days few people read papers.", "These days"),
    ("Its current share of the market is 40 percent.", "current"),
])
def test_a_reference_to_the_present_is_the_publication_date(extract, text, span):
    dates = {d.text: d for d in extract(text).dates}
    assert (dates[span].value, dates[span].relative, dates[span].reference) == ("2024-04-09", True, "present")


def test_a_figure_stated_as_now_is_dated_by_publication(extract):
    figure = next(f for f in extract("The group now holds 45 percent of the shares.").figures)
    assert (figure.time.text, figure.time.value) == ("now", "2024-04-09")


@pytest.mark.parametrize("text,span,value", [
    # published on Tuesday 2024-04-09
    ("The company said Friday that sales fell.", "Friday", "2024-04-05"),
    ("The board will meet Thursday to vote on the offer.", "Thursday", "2024-04-11"),
    ("The court suspended the injunction issued Thursday.", "Thursday", "2024-04-04"),
    ("Relatives said they would appeal Thursday's ruling.", "Thursday", "2024-04-04"),
    # a plan made on the day the sentence opens with; a plan made for a later day
    ("On Friday, the council planned to reopen the bridge.", "Friday", "2024-04-05"),
    ("The council planned to reopen the bridge on Friday.", "Friday", "2024-04-12"),
    # a deadline set ahead, in the past tense; a time that was reached
    ("The judge has given the landlord until Friday to answer.", "until Friday", "../2024-04-12"),
    ("The council postponed the vote until Thursday.", "until Thursday", "../2024-04-11"),
    ("Its lenders have extended the credit line through February.", "through February", "../2025-02"),
    ("Output was weak through February.", "through February", "../2024-02"),
    ("It was not until Thursday that the mayor spoke.", "until Thursday", "../2024-04-04"),
    # a weekday before a plural noun; a clock time before a weekday
    ("The Sunday raids left 12 people dead.", "Sunday", "2024-04-07"),
    ("Polls closed at 8 p.m. Sunday in most regions.", "8 p.m. Sunday", "2024-04-07"),
])
def test_a_weekday_wire_copy_writes_bare_is_placed_by_its_clause(extract, text, span, value):
    assert {d.text: d.value for d in extract(text).dates}[span] == value


def test_vague_dates_are_flagged_in_the_table(extract):
    rows = [c for c in extract("Prices have recently fallen.").claims if c.kind == "date"]
    assert [(c.text, c.flags) for c in rows] == [("recently", "vague")]


NOT_DATES = [
    "The model 4000 sold well.", "He was one of 629 delegates.", "A crowd of 2000 people gathered.",
    "Theresa May said you may join the protest march.", "The Sun reported the Boeing 737 order.",
    "As soon as talks resume, prices fall.", "He bought 4 March tickets.", "The S-400 costs $500 million.",
    "Signed on 4/2/2022, the deal was vague about its order.", "They won 2-1 in the final.",
    "Inspectors found Omar Lind's 1994 Ford Taurus at the port.", "The 1987 model had a larger engine.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(extract, text):
    assert [d.text for d in extract(text).dates] == []


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


def test_relative_dates_chain_through_the_narrative(extract):
    ex = extract("They met on February 4, 2022. Troops crossed just 20 days later. Sales jumped by 54 percent "
                 "in 2023 compared with the previous year.")
    values = {d.text: (d.value, d.relative) for d in ex.dates}
    assert values["20 days later"] == ("2022-02-24", True)
    assert values["the previous year"] == ("2022", True)
    assert next(f for f in ex.figures if f.text == "54 percent").time.value == "2023"


def test_no_publication_date_leaves_relative_dates_open(extract):
    ex = extract("Two years ago, exports fell by 5 percent.", published=None)
    date = next(d for d in ex.dates if d.text == "Two years ago")
    assert date.value == "" and date.relative
