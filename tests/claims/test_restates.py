"""Headline and lead figures that restate a body figure (pipeline/claims/restates.py): the
``restates`` column, on articles written for these tests."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from pipeline.claims.restates import opening_ends, restated, with_restatements, written_step
from pipeline.extract import extract_articles
from pipeline.records import Article, Claim
from tests.claims.claims_fixture import claims_by_text


def _rows(resources, text: str, title: str = "") -> dict[str, Claim]:
    return claims_by_text(resources, text, title, published=date(2024, 3, 4))


HARBOUR = (
    "Harbour authority earns $17bn from shipping fees\n\n"
    "The Harbour Authority of Westport collected shipping fees of $17.1 billion in 2023, its annual report "
    "showed on Monday.\n\n"
    "Fees from container ships rose 8 percent. The authority expects fees of $19.4 billion in 2024.\n"
)


def test_a_rounded_headline_figure_restates_the_body_figure(resources):
    rows = _rows(resources, HARBOUR)
    assert rows["$17bn"].restates == rows["$17.1 billion"].claim_id
    assert rows["$17.1 billion"].restates == ""
    assert rows["$19.4 billion"].restates == "" and rows["8 percent"].restates == ""


def test_a_lead_figure_restates_the_later_figure_of_its_value_and_period(resources):
    text = ("Ferry operator carries more travellers\n\n"
            "Bluewater Ferries carried 2.3 million passengers in 2025, the operator said on Tuesday.\n\n"
            "It plans to carry 2.3 million passengers in 2026 as well. The company said its ships carried "
            "2.3 million passengers in 2025, up from 1.9 million in 2024.\n")
    lead, *body = [row for row in next(extract_articles(
        [Article(id="t", text=text, published=date(2026, 3, 4))], resources)).claims if "passengers" in row.text]
    assert [row.time_value for row in body] == ["2026", "2025"]
    assert lead.restates == body[1].claim_id  # the 2026 figure has the lead's value, not its period
    assert [row.restates for row in body] == ["", ""]


def test_the_lead_is_the_paragraph_after_a_dateline_on_its_own_line(resources):
    text = ("MARLOW, Okla. (AP) _\n\nBluewater Ferries carried 2.3 million passengers in 2025.\n\n"
            "The ships carried 2.3 million passengers in 2025, up from 1.9 million.\n")
    doc = resources.nlp(text)
    assert opening_ends(doc, list(doc.sents), "") == (0, text.index("The ships"))


def test_a_lead_figure_restates_no_other_value_of_its_unit_and_period():
    lead = _figure("l", 0, "4%", "4", kind="percent", unit="percent", time_value="2024-05", role="level")
    body = _figure("b", 50, "4.2%", "4.2", kind="percent", unit="percent", time_value="2024-05", role="level")
    assert restated(lead, [body], in_lead=True) is None
    assert restated(lead, [replace(body, text="4%", value="4", role="change")], in_lead=True) is None
    assert restated(lead, [replace(body, text="4%", value="4")], in_lead=True).claim_id == "b"


def test_a_headline_figure_of_another_value_or_unit_restates_nothing(resources):
    text = ("Council spends 12% more on roads\n\n"
            "Riverton council spent $4 million on roads in 2023, 9 percent more than in 2022.\n")
    rows = _rows(resources, text)
    assert rows["12%"].restates == "" and rows["$4 million"].restates == ""


def _figure(claim_id: str, start: int, text: str, value: str, **cells) -> Claim:
    return Claim(claim_id=claim_id, article_id="t", sentence_index=start, start=start, end=start + len(text),
                 kind=cells.pop("kind", "money"), text=text, value=value, unit=cells.pop("unit", "USD"), **cells)


@pytest.mark.parametrize("text, value, step", [
    ("$17bn", 17e9, 1e9), ("$17.1 billion", 17.1e9, 1e8), ("6.7%", 6.7, 0.1), ("1,000 jobs", 1000, 1000),
    ("2,615-mile", 2615, 1), ("two-thirds", 66.667, 0.0)])
def test_the_step_a_figure_is_written_to(text, value, step):
    assert written_step(text, value) == pytest.approx(step)


def test_two_body_figures_of_different_values_that_both_round_to_the_headline_leave_it_alone():
    headline = _figure("h", 0, "7%", "7", kind="percent", unit="percent")
    body = [_figure("a", 50, "6.7%", "6.7", kind="percent", unit="percent"),
            _figure("b", 90, "7.2%", "7.2", kind="percent", unit="percent")]
    assert restated(headline, body, in_lead=False) is None
    assert restated(headline, [*body, _figure("c", 120, "7%", "7", kind="percent", unit="percent")],
                    in_lead=False).claim_id == "c"


def test_a_dated_headline_figure_needs_the_same_period_and_no_other_party():
    headline = _figure("h", 0, "$17bn", "17000000000", time_value="2022", time_source="clause")
    body = _figure("b", 50, "$17.1 billion", "17100000000", time_value="2023", time_source="clause")
    assert restated(headline, [body], in_lead=False) is None
    assert restated(replace(headline, time_source="published"), [body], in_lead=False) == body
    assert restated(replace(headline, time_source="published", entities="Westport"),
                    [replace(body, entities="Eastport")], in_lead=False) is None


def test_a_headline_figure_restating_the_lead_joins_the_body_figure_the_lead_restates():
    rows = [_figure("h", 0, "$2m", "2000000"), _figure("l", 30, "$2 million", "2000000", time_value="2023"),
            _figure("b", 90, "$2 million", "2000000", time_value="2023")]
    marked = {row.claim_id: row.restates for row in with_restatements(rows, 20, 60)}
    assert marked == {"h": "b", "l": "b", "b": ""}
