"""The parser: one resolver per rule type, modifiers kept apart, one dateparser that never reads the clock."""
import pytest

from tests.time.date_fixture import PARSER
from pipeline.rules import load_rules
from pipeline.time.parser import RESOLVERS


def test_every_date_rule_type_has_a_resolver():
    assert {rule.sets["type"] for rule in load_rules().with_label("date")} == set(RESOLVERS)


def test_an_unknown_type_is_an_error():
    with pytest.raises(ValueError, match="unknown date type"):
        PARSER.resolve(["2022"], "fortnight", None, None)


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
