"""The period of a figure that nothing in its text dates: the time of the lead's news, or the article's day."""
import pytest

from pipeline.time.fallback import narrated_past

FALLBACKS = [  # text, figure, expected scope value and source (published 2024-04-09, a Tuesday)
    # stated as current: the publication date, marked as a default
    ("The airline has 412 orders for the jet.", "412 orders", "2024-04-09", "published"),
    ("Hotels are only thirty percent full.", "thirty percent", "2024-04-09", "published"),
    # a dateline's day is the day the article speaks for
    ("Fleet report\n\nApril 8, 2024\n\nThe carrier employs 5,200 people.", "5,200 people", "2024-04-08", "published"),
    ("DENTON, Tex., April 5 (AP) --\n\nThe carrier employs 5,200 people.", "5,200 people", "2024-04-05",
     "published"),
    # a time with no date dates nothing: the article's day all the same
    ("Recent share sales have lifted the charity's reserves to $3.4 million, its treasurer said.", "$3.4 million",
     "2024-04-09", "published"),
    # a past-tense close or move takes the trading day the lead names
    ("MARLOW, Okla. (AP) _\n\nShares in Europe closed lower on Monday as banks slid.\n\nThe DAX lost 2.1%.",
     "2.1%", "2024-04-08", "lead"),  # the lead is the sentence after a dateline on its own line
    ("Shares in Europe closed lower on Monday as banks slid.\n\nThe DAX lost 2.1%, closing at 17,900 points.",
     "2.1%", "2024-04-08", "lead"),
    # the lead is the story's first sentence, past the lines a web page puts above it
    ("Fleet report\n\nBy Dana Quill\nBusiness reporter\n\nPage last updated at 09:40 GMT, Friday, 5 April 2024"
     "\n\nThe carrier posted a 9% rise in first-quarter profit.\n\nIts cargo volumes fell 4%.", "4%",
     "2024-01/2024-03", "lead"),
    # past the paragraphs that name other periods
    ("Shares in Europe closed lower on Monday as banks slid.\n\nIn March and in February, volumes were thin."
     "\n\nThe DAX lost 2.1%, closing at 17,900 points.", "17,900 points", "2024-04-08", "lead"),
    # counter-examples: a present-tense figure in the same report, a lead that names when something
    # was said, a lead that names two periods, a lead that looks back, a caption
    ("Shares in Europe closed lower on Monday as banks slid.\n\nThe index is 4% below its peak.", "4%",
     "2024-04-09", "published"),
    ("Exports were weak, the ministry said on Monday.\n\nImports fell 3%.", "3%", "2024-04-09", "published"),
    ("Sales were flat in March and rose in February.\n\nMargins fell 2%.", "2%", "2024-04-09", "published"),
    ("A decade ago, the plant was closed.\n\nOutput fell 5%.", "5%", "2024-04-09", "published"),
    ("Jet maker report\n\nThe plane was revealed in January 2024\n\nAbout 5,000 people watched the flight.",
     "5,000 people", "2024-04-09", "published"),
    # ... and a lead that names a period not over only as what a plan will bring
    ("Harlow Co. said it will offer early retirement to 900 employees in a move expected to result in a "
     "second-quarter charge.\n\nChairman Ann Lee called the program part of the company's three-year plan to cut "
     "costs.", "three-year", "2024-04-09", "published"),
    # a sentence about the figures just given is of their period
    ("Acme posted first-quarter results.\n\nThe miner earned $40 million, or 50 cents a share. The figures "
     "include $12 million in costs for a mine closure.", "$12 million", "2024-01/2024-03", "context"),
    ("Acme posted first-quarter results.\n\nThe miner earned $40 million. The results reflect a charge of $9 "
     "million.", "$9 million", "2024-01/2024-03", "context"),
    # ... and so is one about the loss or the gain just given, which "stems from" no base
    ("Acme posted first-quarter results.\n\nThe miner lost $40 million. The loss stems from $12 million of "
     "write-downs on its $2 billion loan book.", "$12 million", "2024-01/2024-03", "context"),
    # ... not of the base they were compared with
    ("Acme posted first-quarter results.\n\nThe miner earned $40 million, up from $31 million in the year-ago "
     "quarter. These results include a $6 million tax gain.", "$6 million", "2024-01/2024-03", "context"),
]


@pytest.mark.parametrize("text,figure,value,source", FALLBACKS)
def test_an_undated_figure_takes_the_lead_time_or_the_article_day(extract, text, figure, value, source):
    found = next(f for f in extract(text).figures if f.text == figure)
    assert (found.time.value, found.time.source) == (value, source)


def test_without_a_publication_date_an_undated_figure_has_no_period(extract):
    assert extract("The airline has 412 orders.", published=None).figures[0].time is None


@pytest.mark.parametrize("text,word,past", [
    ("The index fell 3% on the day.", "fell", True),
    ("The index was down 3%.", "was", True),
    ("The index ended the day down, closing at 900 points.", "closing", True),
    ("The jet has sold 2,400 units.", "sold", False),
    ("The carrier operates 52 aircraft.", "operates", False),
])
def test_narrated_past_reads_the_tense_of_a_clause(resources, text, word, past):
    doc = resources.nlp(text)
    assert narrated_past(next(t for t in doc if t.text == word)) is past


def test_now_dates_a_figure_as_the_article_day_in_its_own_words(extract):
    """"now" is the text's own period for the figure, not a default: the reviewer sees the word."""
    time = extract("The airline now has 412 orders.").figures[0].time
    assert (time.text, time.value, time.source) == ("now", "2024-04-09", "clause")
