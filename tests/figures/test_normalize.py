"""Figure normalization without spaCy: tables of span words -> value, range and unit, and the
range faults that must never come back (a year as the low end, two figures summed into one)."""
import pytest

from pipeline.figures.normalize import FigureNormalizer
from pipeline.rules import load_rules

NORMALIZER = FigureNormalizer(load_rules().lexicons)


def normalize(kind: str, text: str):
    words = text.split()
    return NORMALIZER.normalize(kind, words, words, {})


@pytest.mark.parametrize("kind,text,low,high", [
    ("money", "$ 5 - 6 billion", 5e9, 6e9),
    ("money", "between $ 3 and $ 4 billion", 3e9, 4e9),
    ("percent", "3 % - 4 %", 3, 4),
    ("percent", "between 3 and 4 percent", 3, 4),
    ("count", "four to five thousand troops", 4000, 5000),
    ("count", "1,000 - 2,000 people", 1000, 2000),
])
def test_ranges(kind, text, low, high):
    amount = normalize(kind, text)
    assert (amount.value, amount.value_low, amount.value_high) == (None, pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("kind,text", [
    ("percent", "2021 to 5.5 percent"),   # a year is never the low end of a range
    ("percent", "ten percent and 4 pct"),  # two figures, not a range and never their sum
    ("count", "3 - 2 win"),                # a score: the ends do not rise
    ("count", "2021 5.5 people"),
])
def test_unreadable_spans_have_no_value(kind, text):
    assert not normalize(kind, text).readable


def test_written_compounds_are_one_number():
    assert normalize("count", "twenty - five people").value == 25


def test_a_year_between_linked_figures_stays_a_date(extract):
    ex = extract("Inflation went up from 3 percent in 2021 to 5.5 percent in 2023.")
    assert [(f.text, f.value) for f in ex.figures] == [("3 percent", 3), ("5.5 percent", 5.5)]
    assert [d.value for d in ex.dates] == ["2021", "2023"]


CURRENCIES = [
    ("$190 billion", 190e9, "USD"), ("US$1.5 billion", 1.5e9, "USD"), ("HK$5 million", 5e6, "HKD"),
    ("A$2.5bn", 2.5e9, "AUD"), ("C$300m", 3e8, "CAD"), ("S$1 billion", 1e9, "SGD"), ("€40m", 4e7, "EUR"),
    ("£300m", 3e8, "GBP"), ("¥5 trillion", 5e12, "JPY"), ("₽500 billion", 5e11, "RUB"),
    ("₹2 lakh crore", 2e12, "INR"), ("RMB 5 billion", 5e9, "CNY"), ("RMB5bn", 5e9, "CNY"),
    ("Rs 300 crore", 3e9, "INR"), ("Rs1,000 crore", 1e10, "INR"), ("300 million RUB", 3e8, "RUB"),
    ("500 million yuan", 5e8, "CNY"), ("2 billion renminbi", 2e9, "CNY"), ("300 million rubles", 3e8, "RUB"),
    ("5 billion rupees", 5e9, "INR"), ("2 trillion won", 2e12, "KRW"), ("40 million pesos", 4e7, "MXN"),
    ("two billion dollars", 2e9, "USD"), ("two billion euros", 2e9, "EUR"), ("5 million pounds", 5e6, "GBP"),
    ("3 billion yen", 3e9, "JPY"), ("half a million dollars", 5e5, "USD"), ("a billion dollars", 1e9, "USD"),
    ("5 billion Hong Kong dollars", 5e9, "HKD"), ("10 billion Philippine pesos", 1e10, "PHP"),
    ("50 cents", 0.5, "USD"), ("85 pence", 0.85, "GBP"), ("45 Canadian cents", 0.45, "CAD"),
    ("seven Australian cents", 0.07, "AUD"), ("30 U.S. cents", 0.3, "USD"),
]
SCALES = [
    ("$5 thousand", 5e3), ("$500k", 5e5), ("$40m", 4e7), ("$3 mn", 3e6), ("$3 mln", 3e6),
    ("$1.5 million", 1.5e6), ("$5bn", 5e9), ("$4bln", 4e9), ("$2 billion", 2e9), ("$1.2tn", 1.2e12),
    ("$3 trillion", 3e12), ("Rs 5 lakh", 5e5), ("Rs 3 crore", 3e7), ("$1,234,567.89", 1234567.89),
    ("$0.5 billion", 5e8),
]


@pytest.mark.parametrize("text,value,unit", CURRENCIES)
def test_currency_table(extract, text, value, unit):
    figure = next(f for f in extract(f"The deal was worth {text} in total.").figures)
    assert (figure.text, figure.kind, figure.value, figure.unit) == (text, "money", pytest.approx(value), unit)


@pytest.mark.parametrize("text,value", SCALES)
def test_scale_table(extract, text, value):
    figure = next(f for f in extract(f"The deal was worth {text} in total.").figures)
    assert (figure.text, figure.value) == (text, pytest.approx(value))


@pytest.mark.parametrize("text,unit,value", [
    ("$80 a barrel", "USD/barrel", 80), ("$2 per share", "USD/share", 2), ("€300 per megawatt hour", "EUR/megawatt hour", 300),
    ("80 dollars a barrel", "USD/barrel", 80), ("50 cents a gallon", "USD/gallon", 0.5),
    ("$3.10 per diluted share", "USD/share", 3.1), ("$12.40 a common share", "USD/share", 12.4),
    ("$4 per metric ton", "USD/metric ton", 4), ("$900 per square foot", "USD/square foot", 900),
])
def test_prices_per_unit(extract, text, unit, value):
    figure = next(f for f in extract(f"Prices reached {text} in March.").figures)
    assert (figure.text, figure.unit, figure.value) == (text, unit, pytest.approx(value))


@pytest.mark.parametrize("text", ["They won 3 seats.", "He lost 30 pounds.", "The two dollar signs blurred."])
def test_currency_words_that_are_common_words(extract, text):
    assert all(f.kind != "money" for f in extract(text).figures)


def test_quantities_carry_their_si_value(extract):
    figure = next(f for f in extract("Their 2,615-mile border was delimited.").figures)
    assert (figure.value, figure.unit, figure.value_si, figure.unit_si) == (2615, "mile", pytest.approx(4208434.56), "meter")


def test_linked_figures_are_separate_and_name_each_other(extract):
    ex = extract("In 2022, bilateral trade grew by 36 percent to $190 billion. The share jumped from ten "
                 "percent to 18 percent. Oil gained $1.60, or 2.2%, to $73.34. Profits rose 5% while costs fell 3%.")
    figures = {f.text: f for f in ex.figures}
    change, level = figures["36 percent"], figures["$190 billion"]
    assert (change.role, change.direction, change.link) == ("change", "up", "by")
    assert (level.role, level.link, level.linked_to) == ("level", "to", (change.start,))
    assert (figures["ten percent"].link, figures["18 percent"].link) == ("from", "to")
    assert figures["18 percent"].role == figures["ten percent"].role == "share"
    assert (figures["2.2%"].role, figures["2.2%"].direction, figures["2.2%"].link) == ("change", "up", "by")
    assert figures["$73.34"].linked_to == (figures["$1.60"].start, figures["2.2%"].start)
    assert figures["5%"].linked_to == figures["3%"].linked_to == ()
    claims = {c.text: c for c in ex.claims}
    assert claims["$190 billion"].linked_to == claims["36 percent"].claim_id


@pytest.mark.parametrize("text", [
    "Russia sold S-400 missiles and Su-35 jets to China.", "An F-16 flew over the Boeing 737.",
    "COVID-19 spread before the G7 and G-20 summits.", "Sales of the iPhone 15 units slowed.",
    "Windows 11 users complained.", "In 2019 the firm moved; the 1990s were calm.",
    "He lives on Fifth Avenue and fought in World War II.", "See page 12 figures and section 230 protections.",
    "Readers can call 555-1234 for tickets.", "The meeting starts at 10:30 a.m. and ends at 5 p.m.",
    "Arsenal beat Chelsea 3-1 on Sunday.", "It was a 2-1 win for the visitors.",
    "The two countries agreed and both sides met.", "One of the deals was signed.",
    "Route 66 and Flight 17 are famous.",
])
def test_not_figures(extract, text):
    assert [f.text for f in extract(text).figures] == []


def test_units_left_unsaid_come_from_neighbours(extract):
    ex = extract("Brent rose to $77.85 a barrel before easing to $76.90, costing buyers $5 billion. "
                 "The number of job vacancies fell by 43,000 to 988,000. Builders got permits for 61,000 homes "
                 "in 2004 and 34,000 last year.")
    units = {f.text: f.unit for f in ex.figures}
    assert (units["$76.90"], units["$5 billion"]) == ("USD/barrel", "USD")
    assert units["43,000"] == units["988,000"] == "vacancy"
    assert units["34,000"] == "home"


def test_a_level_before_up_from_is_the_end_point_and_shares_its_role(extract):
    ex = extract("Apple now assembles about 14% of its iPhones in India, up from 7 percent a year earlier.")
    figures = {f.text: f for f in ex.figures}
    assert (figures["14%"].link, figures["7 percent"].link) == ("to", "from")
    assert figures["14%"].role == figures["7 percent"].role == "share"


@pytest.mark.parametrize("text,value,unit", [
    ("half a percent", 0.5, "percent"),
    ("a tenth of a percent", 0.1, "percent"),
    ("one - quarter percent", 0.25, "percent"),
    ("three - quarters of a percentage point", 0.75, "percentage_point"),
])
def test_a_fraction_of_a_percent_is_that_fraction_in_percent(text, value, unit):
    words = text.split()
    amount = NORMALIZER.normalize("percent", words, words, {"form": "fraction_of_percent"})
    assert (amount.value, amount.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("kind,text,value", [
    ("count", "a quarter million people", 250000),
    ("money", "three quarters billion us dollars", 750000000),
    ("count", "half a million eggs", 500000),
    ("count", "one hundred and sixteen", 116),
    ("count", "two thousand and two hundred", 2200),
])
def test_numbers_in_words_read_whole(kind, text, value):
    assert normalize(kind, text).value == pytest.approx(value)


def test_between_two_scaled_numbers_is_still_a_range():
    amount = normalize("count", "between one hundred and two hundred people")
    assert (amount.value_low, amount.value_high) == (100, 200)


def test_and_without_between_links_no_range():
    """"three hundred and four thousand" is 304,000 (British usage), never 300 to 4,000."""
    amount = normalize("count", "three hundred and four thousand voters")
    assert (amount.value, amount.value_low, amount.value_high) == (304000, None, None)


@pytest.mark.parametrize("kind,text,value,unit", [
    ("quantity", "minus 12 degrees Celsius", -12, "degree Celsius"),
    ("percent", "negative 0.25 percent", -0.25, "percent"),
    ("money", "7 dollars and 5 cents", None, "USD"),  # no form: two amounts, not one
    ("count", "four and a half million voters", 4.5e6, "voters"),
    ("count", "A two hundred dollar", 200, "dollar"),
])
def test_signs_halves_and_articles(kind, text, value, unit):
    amount = normalize(kind, text)
    assert (amount.value, amount.unit) == ((None if value is None else pytest.approx(value)), unit)


def test_a_currency_and_its_hundredths():
    words = "nine dollars and ninety - nine cents".split()
    assert NORMALIZER.normalize("money", words, words, {"form": "main_and_subunit"}).value == pytest.approx(9.99)
    words = "9 dollars 140 cents".split()
    assert NORMALIZER.normalize("money", words, words, {"form": "main_and_subunit"}).value is None


@pytest.mark.parametrize("form,text,value", [
    ("ratio", "one in twenty - five", 4),
    ("ratio", "two out of five hundred", 0.4),
    ("ratio", "3 out of 10", 30),
    ("fraction", "2/3", 66.667),
    ("fraction", "9/11", None),
])
def test_shares_read_every_word_of_their_terms(form, text, value):
    words = text.split()
    assert NORMALIZER.normalize("percent", words, words, {"form": form}).value == value


def test_a_fraction_right_before_its_scale_needs_no_article():
    assert normalize("count", "quarter million").value == 250000


@pytest.mark.parametrize("text,value", [
    ("3 million and a quarter", 3.25e6),
    ("five billion and three quarters", 5.75e9),
    ("two million and one half", 2.5e6),
])
def test_a_fraction_after_and_is_a_fraction_of_the_scale_before_it(text, value):
    amount = normalize("count", text)
    assert (amount.value, amount.unit) == (pytest.approx(value), "")


@pytest.mark.parametrize("sentence,text,value,unit", [
    ("Turnover reached 132.8 million shares on Monday.", "132.8 million shares", 132.8e6, "share"),
    ("The lender sold 2.4 million of its shares.", "2.4 million of its shares", 2.4e6, "share"),
    ("Gunmen wounded three Peruvian police officers.", "three Peruvian police officers", 3, "police officer"),
    ("The seller heard from two other bidders.", "two other bidders", 2, "bidder"),
    ("A plan backed by four of the bank's trustees passed.", "four of the bank's trustees", 4, "trustee"),
])
def test_counts_with_a_scaled_decimal_or_a_sorting_adjective(extract, sentence, text, value, unit):
    assert [(f.text, f.value, f.unit) for f in extract(sentence).figures] == [(text, pytest.approx(value), unit)]


def test_a_range_before_a_national_currency_name_is_that_currency(extract):
    figure = extract("The refit will cost 20 million to 25 million Australian dollars.").figures[0]
    assert (figure.text, figure.kind, figure.value_low, figure.value_high, figure.unit) == (
        "20 million to 25 million Australian dollars", "money", 2e7, 2.5e7, "AUD")


def test_a_number_as_subject_of_a_passive_verb_counts_what_the_sentence_names(extract):
    figures = extract("Of the twelve climbers, five were rescued and two were never found.").figures
    assert [(f.text, f.value, f.unit) for f in figures] == [
        ("twelve climbers", 12, "climber"), ("five", 5, "climber"), ("two", 2, "climber")]


def test_a_bare_change_of_a_named_index_is_points_and_a_share_price_is_not(extract):
    index = extract("The Hang Seng index slid 1.4%, or 231.56, to 16,377.80.").figures
    assert [(f.text, f.unit) for f in index] == [("1.4%", "percent"), ("231.56", "point"), ("16,377.80", "point")]
    shares = extract("Shares of Acme rose 1.25 to 31.50.").figures  # a share's price, in the article's dollars
    assert [(f.text, f.kind, f.unit) for f in shares] == [("1.25", "money", "USD"), ("31.50", "money", "USD")]


def test_an_approximation_before_a_verb_particle_qualifies_the_figure_after_it(extract) -> None:
    figures = extract("The group will sell roughly off $3 billion of its stores.").figures
    assert [(f.text, f.qualifier) for f in figures] == [("$3 billion", "approx")]


@pytest.mark.parametrize("text,figure,value,unit", [
    ("Riot police broke up a 40-strong crowd outside the stadium.", "40-strong crowd", 40, "crowd member"),
    ("Orvel sent a 1,200-strong peacekeeping force.", "1,200-strong peacekeeping force", 1200, "peacekeeping force member"),
])
def test_a_size_written_strong_before_a_group_counts_its_members(extract, text, figure, value, unit):
    found = next(f for f in extract(text).figures if f.text == figure)
    assert (found.kind, found.value, found.unit) == ("count", value, unit)
