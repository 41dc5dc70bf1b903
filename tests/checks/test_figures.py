"""The figures the checks read from claims: the measure a figure takes from the sentence before,
the words before it, the cue nearest it, and the short numbers of flags."""
from __future__ import annotations

import pytest

from pipeline.checks.figures import figures_of, fmt, last_cue
from pipeline.records import Claim


def claim(claim_id: str, sentence_index: int, start: int, text: str, sentence: str, **fields: object) -> Claim:
    return Claim(claim_id=claim_id, article_id="a", sentence_index=sentence_index, start=start, end=start + len(text),
                 text=text, sentence=sentence, **{"kind": "money", "unit": "USD", **fields})


def test_a_figure_without_a_subject_takes_the_measure_of_the_sentence_before() -> None:
    first = "In 2022, the bilateral trade grew to $190 billion."
    second = "In 2023, it grew to $240 billion, and $240 billion is a record."
    claims = [claim("b", 1, 60, "$240 billion", second, value="240000000000"),
              claim("a", 0, 30, "$190 billion", first, value="190000000000", subject="The bilateral trade"),
              claim("c", 1, 90, "$240 billion", second, value="240000000000"),
              claim("d", 0, 3, "2022", first, kind="date", value="2022"),
              claim("r", 1, 99, "$5-6 billion", second, value="", value_low="5e9", value_high="6e9")]
    figs = figures_of(claims)
    assert [(f.id, f.value, f.measure, f.own_measure) for f in figs] == [
        ("a", 190e9, "bilateral trade", True), ("b", 240e9, "bilateral trade", False),
        ("c", 240e9, "bilateral trade", False)]
    assert (figs[1].before, figs[2].before) == ("In 2023, it grew to ", "In 2023, it grew to $240 billion, and ")


def test_the_cue_nearest_the_figure_wins() -> None:
    groups = {"imports": ["import", "imported"], "exports": ["export", "exported"]}
    assert last_cue("China imported oil and exported cars worth ", groups) == ("export", "exported")
    assert last_cue("China bought goods worth ", groups) is None


@pytest.mark.parametrize("value,text", [(129e9, "129e9"), (139.70588e9, "139.7e9"), (36, "36"), (2.5, "2.5"),
                                        (4209, "4209"), (-5e6, "-5e6"), (12345678, "12.35e6")])
def test_numbers_in_flags_are_short(value: float, text: str) -> None:
    assert fmt(value) == text
