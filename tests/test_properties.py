"""Properties of the whole extraction on word salad built from the forms the rules care about:
it never fails, offsets always index the text, a figure has a value or a rising range, an SI value
always has its unit, links point at other figures, claim ids are unique, and without a publication
date nothing relative is resolved."""
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
