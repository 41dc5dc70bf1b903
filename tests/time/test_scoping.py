"""Every figure's time scope, from its clause, its sentence, its paragraph or the paragraph before."""
import pytest


def figure(extraction, text):
    return next(f for f in extraction.figures if f.text == text)


def test_since_scopes_figures_up_to_publication(extract):
    """The date row keeps the open interval; the figure's period ends when the article was written."""
    extraction = extract("Prices have risen 10% since 2014.")
    assert (extraction.figures[0].time.text, extraction.figures[0].time.value) == ("since 2014", "2014/2024")
    assert [d.value for d in extraction.dates if d.text == "since 2014"] in ([], ["2014/.."])


CLOSED = [  # an open interval begun by publication (2024-04-09) ends there, at its start's precision
    ("The ferry line has lost 40 percent of its riders since March 2021.", "40 percent", "2021-03/2024-04"),
    ("Since 1988, the co-operative has planted 9,000 olive trees.", "9,000 olive trees", "1988/2024"),
    # "early" or "late" narrows the start, which still opens the interval
    ("The fund has lost $161 million since early February.", "$161 million", "2024-02/2024-04"),
]


@pytest.mark.parametrize("text,figure_text,value", CLOSED)
def test_an_open_interval_begun_by_publication_is_closed_there(extract, text, figure_text, value):
    assert figure(extract(text), figure_text).time.value == value


def test_an_open_interval_stays_open_without_a_publication_date(extract):
    found = figure(extract("Since 1988, the co-operative has planted 9,000 olive trees.", published=None),
                   "9,000 olive trees")
    assert found.time is not None and found.time.value == "1988/.."


SCOPES = [  # text, figure, expected scope value and source (published 2024-04-09)
    ("Prices have risen 10% since 2014.", "10%", "2014/2024", "clause"),
    # "since then": from the date named last, even in a clause that describes a noun
    ("Wardens keep a register, which opened in 1961. Since then, 212 escapees have been found.",
     "212 escapees", "1961/2024", "clause"),
    ("Core inflation eased to 6.1 per cent from 6.2 per cent in August.", "6.2 per cent", "2023-08", "clause"),
    ("In 2023, exports rose 5%. Core inflation eased to 6.1 per cent from 6.2 per cent in August.",
     "6.1 per cent", "2023", "context"),
    # a comparison base is never the period: nothing else dates these, so they take the publication date
    ("Turnout was 66.7 percent, the highest since 1900.", "66.7 percent", "2024-04-09", "published"),
    ("Output was 6.1 percent above its level in the final quarter of 2019.", "6.1 percent", "2024-04-09",
     "published"),
    ("The index was trading under 9,000 points, which has not happened since 2004.", "9,000 points",
     "2024-04-09", "published"),
    ("The rally lifted the index above 7,000 points on Monday for the first time since before the crash of "
     "October 2008.", "7,000 points", "2024-04-08", "clause"),
    ("The rate stood at 6.43 percent, compared with 2.34 percent two years ago.", "2.34 percent", "2022", "clause"),
    # a "when" clause dates the relative clause that describes the figure
    ("The total stood at 12.1 million, nearly twice the 6.2 million who were listed as jobless when the slump "
     "began in March 2007.", "6.2 million", "2007-03", "clause"),
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
    # a participle after "with" is told in the time of the clause it hangs from
    ("Stocks rose despite a report which said that the economy shed 600,000 jobs in March, with the jobless "
     "rate reaching 8.5%.", "8.5%", "2024-03", "clause"),
    # a date on the noun a figure is the amount of belongs to that figure ("a reduction of 400 jobs by ...")
    ("The miner cut 300 jobs during 2024, leaving it within 100 jobs of its goal of a reduction of 400 jobs by "
     "the end of 2026.", "400 jobs", "2026", "clause"),
    ("The miner cut 300 jobs during 2024, leaving it within 100 jobs of its goal of a reduction of 400 jobs by "
     "the end of 2026.", "100 jobs", "2024", "clause"),
    # a date in a clause with a figure of its own is that figure's, not the one of the noun the clause describes
    ("Acme reported first-quarter results. Profit fell to $11 million because of a $2 million charge tied to a "
     "plan to cut 600 jobs by the end of 2024.", "$2 million", "2024-01/2024-03", "context"),
    ("Acme reported first-quarter results. Profit fell to $11 million because of a $2 million charge tied to a "
     "plan to cut 600 jobs by the end of 2024.", "600 jobs", "2024", "clause"),
    # months read without a year, then "of" and their year: one period of that year
    ("Sales rose 5% between March and June of 2022.", "5%", "2022-03/2022-06", "clause"),
    ("Sales rose 5% between November and January of 2022.", "5%", "2021-11/2022-01", "clause"),
    # the date of a last time frames only its sentence
    ("Acme sold 20 boats on Friday.\n\nThe last time the firm had sold boats for four weeks in a row was in the "
     "spring of 2021, when it sold 1,500.\n\nThe firm also sold 5 cars.", "5 cars", "2024-04-05", "lead"),
    # a relative clause right after a figure is about it, however the parse hangs it
    ("Gold hit a record, with the highest price being just over $2,400, which was set on April 3.", "$2,400",
     "2024-04-03", "clause"),
    # ... unless the clause has a figure of its own, whose date it is
    ("First-quarter results included fees of $19 million, which included $7 million from a bond deal in "
     "January.", "$7 million", "2024-01", "clause"),
    ("First-quarter results included fees of $19 million, which included $7 million from a bond deal in "
     "January.", "$19 million", "2024-01/2024-03", "clause"),
    # a date in a clause opened by "since" dates that clause's own figure (the others take it as a start or a base)
    ("Since Halden Group bought the brewery in May 2019 for $61 million, it has sold $14 million of its land.",
     "$61 million", "2019-05", "clause"),
    # a figure told in the present all the way up to the main verb is current: no frame carried from before
    ("Ford made its offer on Tuesday. Acme is close to a deal with Borel that is likely to give it a 30% stake.",
     "30%", "2024-04-09", "published"),
    # "now" dates its own clause's figure, even when another clause of the sentence names a period
    ("Although ferry traffic is back to 85% of its old level now, the operator lost money in the first quarter.",
     "85%", "2024-04-09", "clause"),
    # a figure told in the past is not dated by a plan or horizon of its sentence, wherever the parse hangs it
    ("The premier pledged to call an election next year after lawmakers voted 61-40 against the budget.",
     "61", "2024-04-09", "published"),
    # counter-example: a date that describes a noun of the figure's clause still dates it
    ("Yesterday the broker cut its 2025 earnings estimate for Corvel to $3.40 a share.", "$3.40 a share", "2025",
     "clause"),
    # ... but a century that describes a noun tells its age, and dates no figure
    ("The 19th-century mill employs 40 people.", "40 people", "2024-04-09", "published"),
    ("In the 19th century, the town grew to 20,000 people.", "20,000 people", "18XX", "clause"),
    # a term that falls due or runs out dates none of the figures it describes
    ("Norvel Corp. registered $90 million of 5 1/2% convertible notes due Dec. 1, 2031.", "5 1/2%", "2024-04-09",
     "published"),
    ("Holders of its 7% debentures, which will be due on June 1, 2029, may convert them.", "7%", "2024-04-09",
     "published"),
    ("The lender sold $50 million of bonds maturing in 2034.", "$50 million", "2024-04-09", "published"),
    ("The bid, valued at about $410 million, had been set to expire May 3.", "$410 million", "2024-04-09",
     "published"),
    ("Talbot Partners extended to May 3 its $31-a-share offer for Kemble Inc.", "$31-a-share", "2024-04-09",
     "published"),
    ("Lenders have extended Arbor up to $90 million in revolving loans through June.", "$90 million",
     "2024-04-09", "published"),
    ("Vexa Ltd. declared a quarterly dividend of 12 cents a share, payable May 15 to stock of record April 26.",
     "12 cents a share", "2024-04-09", "published"),
    ("Tarn Corp. directors approved a 3-for-2 split of the common, payable May 7 to stock of record April 22.",
     "3", "2024-04-09", "published"),
    ("Harlow sold $90 million of notes due 2031 in March.", "$90 million", "2024-03", "clause"),
    # counter-example: "due to" gives a cause, and the month still dates the figure
    ("Sales rose 4% in March due to a strike at the plant.", "4%", "2024-03", "clause"),
    ("In 2030, a further 45 of the jets are due to be delivered.", "45 of the jets", "2030", "clause"),
    # a date in a clause that concedes something else frames nothing of the main clause
    ("Acme's sales rose 3% on Friday. Its margin ended up 0.8%, although this comes after a deep loss yesterday.",
     "0.8%", "2024-04-05", "context"),
]


@pytest.mark.parametrize("text,figure,value,source", SCOPES)
def test_time_scope_of_figures(extract, text, figure, value, source):
    found = next(f for f in extract(text).figures if f.text == figure)
    got = (found.time.value, found.time.source) if found.time else (None, None)
    assert got == (value, source)


def test_due_said_of_a_main_clause_still_dates_its_figures(extract):
    """Not a term: what the sentence tells happens then ("two years late" in May)."""
    found = figure(extract("Deliveries to Delta are not due until May - two years late."), "two years")
    assert "May" in found.time.text and found.time.source == "clause"


CARRIED = [  # text, figure, expected scope value (published 2024-04-09)
    # a paragraph that opens without a date continues the one period of the paragraph before
    ("Inflation held at 6.7 per cent in March.\n\nCore inflation eased to 6.1 per cent.", "6.1 per cent", "2024-03"),
    ("In 2023, exports rose 5%.\n\nThe figure is below target.\n\nImports fell 2%.", "2%", "2023"),
    # counter-examples: the new paragraph names its own date, the paragraph before changed period,
    # looked back, set a horizon or dated an event (nothing dates the figure: the publication date)
    ("Inflation held at 6.7 per cent in March.\n\nIn 2019, core inflation was 1.6 per cent.", "1.6 per cent", "2019"),
    ("Inflation was 6.7 per cent in March and 6.9 per cent in February.\n\nCore inflation eased to 6.1 per cent.",
     "6.1 per cent", "2024-04-09"),
    ("A year ago, everyone expected a downturn.\n\nPrices rose 2.6 percent.", "2.6 percent", "2024-04-09"),
    ("Tariffs will rise by 2025.\n\nExports grew 3 per cent.", "3 per cent", "2024-04-09"),
    ("Bond yields fell on Friday.\n\nSpending is budgeted at $47 billion.", "$47 billion", "2024-04-09"),
    # a results period looked back to frames its own sentence only: the paragraph goes on with its period,
    # and the next paragraph takes that period
    ("Talbot Mills earned $9 million in the third quarter of 2023. In the year-earlier quarter, it earned $6 "
     "million. Shipments rose 4% to 12,000 tons.", "4%", "2023-07/2023-09"),
    ("Talbot Mills earned $9 million in the third quarter of 2023.\n\nFor the nine months, it earned $25 million. "
     "In the year-earlier period, it earned $19 million.\n\nShipments rose 4% to 31,000 tons.", "31,000 tons",
     "2023-01/2023-09"),
]


COMPANIES = ("Acme Corp. said third-quarter net fell 22%.\n\nIn the nine months, Acme's net fell 4.3% to $512 million."
             "\n\n{} dropped 3.1% to $234 million.")


@pytest.mark.parametrize("opening,value,source", [
    # a paragraph about another company takes nothing from the paragraph before (here: the lead's quarter)
    ("At Bolt Corp., net", "2024-07/2024-09", "lead"),
    ("Bolt Corp.'s net", "2024-07/2024-09", "lead"),
    # counter-example: the same company goes on with the nine months
    ("Revenue at Acme", "2024-01/2024-09", "context"),
])
def test_a_paragraph_about_another_company_starts_clean(extract, opening, value, source):
    found = next(f for f in extract(COMPANIES.format(opening), published="2024-11-04").figures
                 if f.text == "$234 million")
    assert (found.time.value, found.time.source) == (value, source)


@pytest.mark.parametrize("text,figure,value,source", [
    # a subject that names what the sentence before dated goes on about it
    ("Twenty years ago, the old bridge collapsed.\n\nThe collapse killed 43 people.", "43 people", "2004", "event"),
    ("On Monday, the airline announced 40 new orders.\n\nThese orders are worth $6 billion.", "$6 billion",
     "2024-04-08", "event"),
    # counter-example: a subject the sentence before only named is not what it dated
    ("On Monday, the index crashed.\n\nThe index is 7% below its peak.", "7%", "2024-04-09", "published"),
    # nor what a horizon dates: the costs are not those of 2025
    ("New kilns may trim the plant's fuel bills by late 2026. Before it closed the old kiln, those bills had "
     "reached nearly 40% of its outlays.", "40%", "2024-04-09", "published"),
])
def test_a_sentence_that_goes_on_about_a_dated_event_takes_its_date(extract, text, figure, value, source):
    found = next(f for f in extract(text).figures if f.text == figure)
    assert (found.time.value, found.time.source) == (value, source)


@pytest.mark.parametrize("text,figure,value", CARRIED)
def test_a_paragraph_without_a_date_continues_the_period_before(extract, text, figure, value):
    found = next(f for f in extract(text).figures if f.text == figure)
    assert (found.time.value if found.time else None) == value


def test_time_scope_from_clause_sentence_and_paragraph(extract):
    ex = extract("In 2023, it grew to $240 billion, surpassing the $200 billion mark in November, a goal "
                 "they intended to reach in 2025. China has imported energy worth $129 billion.\n\n"
                 "Exports were $5 billion.")
    assert (figure(ex, "$240 billion").time.value, figure(ex, "$240 billion").time.source) == ("2023", "clause")
    assert figure(ex, "$200 billion").time.value == "2023-11"
    assert (figure(ex, "$129 billion").time.value, figure(ex, "$129 billion").time.source) == ("2023", "context")
    assert figure(ex, "$5 billion").time.source == "published", "the frame does not cross a paragraph break"


def test_linked_figures_take_the_time_that_follows_them(extract):
    ex = extract("Russia annexed nothing. Russia's annexation of Crimea in 2014 changed trade. The share of "
                 "trade jumped from ten percent before the annexation of Crimea to 18 percent before the "
                 "invasion in 2022.")
    ten, eighteen = figure(ex, "ten percent"), figure(ex, "18 percent")
    assert (ten.time.value, ten.time.source, ten.time.text) == ("2014", "event", "before the annexation of Crimea")
    assert eighteen.time.value == "2022"
    assert ten.role == eighteen.role == "share"


def test_a_reporting_date_is_the_last_resort_for_time_scope(extract):
    alone = extract("Employers added 128,000 jobs, the department said on Friday.")
    assert (figure(alone, "128,000 jobs").time.value, figure(alone, "128,000 jobs").time.source) == ("2024-04-05", "statement")
    framed = extract("U.S. employers added 128,000 jobs in October, the department said on Friday. "
                     "The unemployment rate rose to 3.6%.")
    assert figure(framed, "3.6%").time.value == "2023-10"


def test_a_comparison_base_is_not_the_period(extract):
    ex = extract("Turnout was 66.7 percent, the highest since 1900. Sales rose 8% from a year earlier.")
    assert figure(ex, "66.7 percent").time.source == "published"
    assert figure(ex, "8%").time.source == "published"


def test_a_clause_describing_a_noun_frames_nothing_else(extract):
    ex = extract("The company, founded in 1885, employs 4,000 people.")
    assert figure(ex, "4,000 people").time.source == "published"


CARRYING = [  # text, figure, expected scope value and source (published 2024-04-09)
    # a frame set by a narrative sentence carries to the next sentences of its paragraph
    ("In March, the plant cut its workforce. It laid off 400 workers.", "400 workers", "2024-03", "context"),
    # counter-examples: a forecast horizon, a quote, words in the first person, a figure stated as current
    ("Analysts see losses through the third quarter of 2025. The company earned $40 million.", "$40 million",
     "2024-04-09", "published"),
    ("Lund Acquisition will take ownership of the studio later this month, a spokesman said. Lund is paying "
     "$12 a share in cash.", "$12 a share", "2024-04-09", "published"),
    ('"We lost the contract in March," she said. The company earned $40 million.', "$40 million",
     "2024-04-09", "published"),
    ("I think we are reliving the crash of October 1987. The index lost 2.6%.", "2.6%", "2024-04-09",
     "published"),
    ("In October, the market crashed. Hotels are only thirty percent full.", "thirty percent", "2024-04-09",
     "published"),
    # a figure told ahead or as an obligation is in no period that was over at publication ...
    ("In March, the plant cut 400 jobs. The cuts will save it $20 million a year.", "$20 million a year",
     "2024-04-09", "published"),
    ("In March, the plant cut 400 jobs. That means it must pay $2 million in severance.", "$2 million",
     "2024-04-09", "published"),
    # the present perfect tells a state up to now: only a frame of its own paragraph bounds it
    ("Sales fell 3% in March.\n\nDebt has risen to $4 billion.", "$4 billion", "2024-04-09", "published"),
    ("In March, sales fell 3%. Debt has risen to $4 billion.", "$4 billion", "2024-03", "context"),
    # ... but one told in the past in the same frame is
    ("Harlow will report results for the first quarter on Friday. Sales fell 3%.", "3%", "2024-01/2024-03",
     "context"),
    ("In March, the plant cut 400 jobs. The cuts saved it $20 million.", "$20 million", "2024-03", "event"),
    # a year that names a model is no frame: the period of the sentence before carries on
    ("Police said the van was found last month near the docks. Omar Lind's 1994 Ford Taurus had been parked "
     "there for about three weeks.", "three weeks", "2024-03", "context"),
]


@pytest.mark.parametrize("text,figure,value,source", CARRYING)
def test_only_a_narrative_frame_carries(extract, text, figure, value, source):
    found = next(f for f in extract(text).figures if f.text == figure)
    assert (found.time.value, found.time.source) == (value, source)


OWN_CLAUSE_DATES = [  # a date in a clause with a subject of its own, beside or below the figure's, is that clause's
    ("Orion Foods posted third-quarter net of $12 million. Operating profit fell 4% to $20 million, but "
     "its shares rose 30 cents in late trading yesterday.", "4%", "2024-01/2024-03"),
    ("Orion Foods posted third-quarter net of $12 million. Operating profit fell 4% to $20 million, but "
     "its shares rose 30 cents in late trading yesterday.", "30 cents", "2024-04-08"),
    # counter-examples: a participle or an infinitive without a subject frames the sentence still
    ("The deficit would narrow to 3.9 per cent of output in the year starting April 1.", "3.9 per cent",
     "2025/2026"),
    ("Barges waited an average of 2.5 days to unload at the river port in early March.", "2.5 days", "2024-03"),
]


@pytest.mark.parametrize("text,figure_text,value", OWN_CLAUSE_DATES)
def test_a_date_of_a_clause_with_its_own_subject_frames_that_clause(extract, text, figure_text, value):
    assert figure(extract(text), figure_text).time.value == value


def test_a_when_clause_dates_its_main_clause(extract):
    found = figure(extract("Tram services resumed. Forty riders were hurt when two trams collided on Thursday."),
                   "Forty riders")
    assert found.time.value == "2024-04-04"


def test_a_date_before_the_main_verb_frames_the_sentence(extract):
    text = ("Salvage crews resumed work. But on March 28, divers, wondering whether the wreck had shifted in the "
            "storm, searched the bay again and found the hull 40 feet below the surface.")
    assert figure(extract(text), "40 feet").time.value == "2024-03-28"


@pytest.mark.parametrize("text,figure,value", [
    # a paragraph without a date that goes on with the period hands it on ...
    ("In the first nine months of 2023, net rose to $40 million.\n\nOperating profit rose 9% to $52 million.\n\n"
     "Sales rose 6% to $900 million.", "$900 million", "2023-01/2023-09"),
    # ... one that takes nothing from it ends it
    ("Acme named a new chief on Monday.\n\nMs. Ruiz joined the firm in 1991.\n\nShe could not be reached for "
     "comment.\n\nIts sales rose 5% to $3 billion.", "$3 billion", "2024-04-08"),
])
def test_a_period_is_handed_on_only_through_paragraphs_that_take_it(extract, text, figure, value):
    found = next(f for f in extract(text).figures if f.text == figure)
    assert found.time.value == value


@pytest.mark.parametrize("text,value", [
    # web copy, a paragraph a sentence: a paragraph with no figure and no date goes on with a
    # period that dated a figure
    ("Acme named a new chief on Monday.\n\nIn 2023, its exports rose 5%.\n\nThe firm blamed weak demand in "
     "Asia.\n\n\"We had a hard year,\" a spokesman said.\n\nIts imports fell 2%.", "2023"),
    # counter-example: print copy, where such a paragraph ends it (the lead's Monday)
    ("Acme named a new chief on Monday. The choice surprised its staff.\n\nIn 2023, its exports rose 5%. "
     "Orders were flat.\n\nThe firm blamed weak demand in Asia. It said so in a filing.\n\nIts imports "
     "fell 2%. Its shares were little changed.", "2024-04-08"),
])
def test_web_copy_hands_a_period_on_through_paragraphs_without_figures(extract, text, value):
    found = next(f for f in extract(text).figures if f.text == "2%")
    assert found.time.value == value


@pytest.mark.parametrize("figure_text,value", [
    ("$318 million", "2031-07/2031-09"),  # the story's quarter, not the year of the purchase
    ("$264 million", "2030-07/2030-09"),  # its base: the quarter a year before
    ("$7 million", "2031-05"),  # counter-example: a figure of the participle's own clause takes its date
])
def test_a_date_of_another_events_noun_in_an_explaining_participle_frames_no_other_figure(extract, figure_text, value):
    text = ("Pell Marine said third-quarter profit fell 9% to $14 million.\n\nRevenue totaled $318 million, a 20% "
            "increase from $264 million, reflecting the company's purchase of Corran Boats earlier this year.\n\n"
            "Margins narrowed, reflecting a $7 million charge in May.")
    assert figure(extract(text, published="2031-10-28"), figure_text).time.value == value


def test_a_date_that_is_the_nouns_own_still_frames_the_sentence(extract):
    text = "The notes convert at $31 a share, representing a 19% premium over Thursday's closing price."
    assert figure(extract(text, published="2031-10-27"), "$31 a share").time.value == "2031-10-23"
