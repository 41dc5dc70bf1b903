"""Properties of the whole extraction on word salad built from the forms the rules care about:
it never fails, offsets always index the text, a figure has a value or a rising range, an SI value
always has its unit, links point at other figures, claim ids are unique, and without a publication
date nothing relative is resolved. A second salad is dense with time expressions (impossible days,
open intervals, fiscal spans, relative and vague forms): every date value is EDTF or empty."""
import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import extract_articles
from pipeline.records import Article

WORDS = ["$", "€", "5", "1,000", "2,615-mile", "percent", "%", "billion", "bn", "m", "the", "in", "2022",
         "2023-02-04", "March", "May", "ago", "later", "years", "a", "decade", "-", "to", "and", "between",
         "from", "Q3", "third", "quarter", "1990s", "previous", "year", "Monday", "next", "last", "20", "days",
         "twenty-five", "half", "Rs", ".", ",", "\n\n", "(", ")", "per", "barrel", "degrees", "Celsius", "9/11",
         "１２３", "😀", "'s", "than", "more", "up", "by", "grew", "fell", "share", "of", "FY2023", "mid-2023",
         "1999-00", "19th", "century", "summer", "0", "00:00", "-5", "=1+1", "@x", "\ufeff", "\r\n",
         # money, fractions, multipliers, units, ranges, links and exclusions
         "HK$", "₹", "lakh", "crore", "Rs1,000", "RMB5bn", "$5m-$6m", "3%-4%", "147p", "pence", "cents", "won",
         "pounds", "yuan", "Hong", "Kong", "dollars", "doubled", "halve", "to", "three", "times", "as", "much",
         "one-third", "two-thirds", "one", "four", "twofold", "bpd", "bcm", "1.3-million-bpd", "knots",
         "tonnes", "litre", "acres", "or", "S-400", "iPhone", "15", "page", "3-1", "beat", "p.m.", "people"]

salad = st.lists(st.sampled_from(WORDS), max_size=50).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=salad, dated=st.booleans())
def test_extraction_holds_on_any_mix_of_forms(resources, text, dated):
    article = Article(id="p", text=text, published=date(2024, 4, 9) if dated else None)
    extraction = next(extract_articles([article], resources))
    for item in extraction.figures + extraction.dates:
        assert text[item.start:item.end] == item.text
    starts = {f.start for f in extraction.figures}
    for figure in extraction.figures:
        assert (figure.value is None) != (figure.value_low is None), "a single value or a range, never both"
        assert figure.value_low is None or figure.value_low < figure.value_high
        assert (figure.value_si is None) == (figure.unit_si == "")
        assert set(figure.linked_to) <= starts - {figure.start} and bool(figure.link) == bool(figure.linked_to)
    assert len({c.claim_id for c in extraction.claims}) == len(extraction.claims)
    if not dated:
        assert all(d.value == "" for d in extraction.dates if d.anchor.startswith("published"))
        assert all(not d.anchor.startswith("published") for d in extraction.dates)


DATE_WORDS = ["since", "until", "by", "between", "from", "to", "and", "through", "in", "on", "the", "of", "a",
              "February", "April", "May", "September", "December", "Feb.", "4", "17", "31", "1st", ",", ".",
              "2022", "2014", "1950s", "'", "’", "90s", "4/2/2022", "13/2/2022", "2/13/2022", "31/2/2022",
              "2022-02-04", "2022-02-30", "FY2012–13", "FY2012", "-", "13", "FY2023", "fiscal", "year", "first",
              "second", "half", "quarter", "Q2", "H1", "early", "mid", "late", "mid-2010s", "end", "recently",
              "soon", "these", "days", "recent", "years", "later", "earlier", "ago", "that", "same", "following",
              "previous", "this", "last", "next", "week", "month", "months", "spring", "summer", "Tuesday",
              "Friday", "'s", "yesterday", "decade", "century", "19th", "12", "three", "percent", "$", "5",
              "billion", "rose", "will", "would", "said", "expected", "highest", "than", "\n\n"]
EDTF = r"(\.\.|\d{4}(-\d\d){0,2}|\d{2,3}X+)(/(\.\.|\d{4}(-\d\d){0,2}|\d{2,3}X+))?"

date_salad = st.lists(st.sampled_from(DATE_WORDS), max_size=60).map(" ".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=date_salad, published=st.sampled_from([None, date(2024, 4, 9), date(1999, 12, 31), date(2024, 2, 29)]))
def test_date_heavy_text_never_fails_and_values_are_edtf(resources, text, published):
    article = Article(id="d", text=text, published=published)
    extraction = next(extract_articles([article], resources))
    for item in extraction.figures + extraction.dates:
        assert 0 <= item.start < item.end <= len(text) and text[item.start:item.end] == item.text
    for mention in extraction.dates:
        assert mention.value == "" or re.fullmatch(EDTF, mention.value), mention
        if published is None:
            assert not mention.anchor.startswith("published")
    for figure in extraction.figures:
        assert figure.time is None or figure.time.value == "" or re.fullmatch(EDTF, figure.time.value)
