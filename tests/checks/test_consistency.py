"""Consistency checks: every check's examples and counter-examples from rules/consistency.yml run
through the whole pipeline, the seed article, and the checks built from the file."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.checks.consistency import check_consistency, load_checks
from pipeline.checks.kinds import CHECKS
from pipeline.errors import PipelineError
from pipeline.records import Claim, DateMention

CHECK_LIST = load_checks()
REPO = Path(__file__).resolve().parents[2]


def cases(kind: str):
    for check in CHECK_LIST.checks:
        for index, example in enumerate(getattr(check, kind)):
            yield pytest.param(check, example, id=f"{check.id}-{index}")


def consistency_flags(extraction) -> list[tuple[str, str]]:
    return [(c.text, flag) for c in extraction.claims for flag in c.flags.split(";") if flag.startswith("consistency:")]


@pytest.mark.parametrize("check,example", list(cases("examples")))
def test_check_example(check, example, extract) -> None:
    found = consistency_flags(extract(example["text"], published=example.get("published", "2024-04-09")))
    assert (example["figure"], example["flag"]) in found, found


def test_a_change_of_another_measure_beside_the_pair_is_not_checked_against_it(extract) -> None:
    found = consistency_flags(extract("Pretax profit rose 12% to $41 million from $36.6 million on a 30% rise in sales."))
    assert {flag for _, flag in found} == {"consistency:from-to-change:ok(36.6e6->41e6=+12%,tol 0.5 points)"}


@pytest.mark.parametrize("check,example", list(cases("counter_examples")))
def test_check_counter_example(check, example, extract) -> None:
    found = consistency_flags(extract(example["text"], published=example.get("published", "2024-04-09")))
    assert not [flag for _, flag in found if flag.startswith(f"consistency:{check.id}:")], found


def test_every_check_is_configured_with_examples_and_counter_examples() -> None:
    assert [c.id for c in CHECK_LIST.checks] == list(CHECKS)
    assert all(c.examples and c.counter_examples and c.doc for c in CHECK_LIST.checks)


def test_seed_article_totals_and_shares_add_up(extract) -> None:
    text = (REPO / "corpus" / "articles" / "putin-xi-unholy-alliance.txt").read_text(encoding="utf-8")
    found = consistency_flags(extract(text))
    assert sorted(found) == sorted([
        ("$240 billion", "consistency:sum-of-parts:ok(129e9+111e9=240e9,tol 2%)"),
        ("$129 billion", "consistency:sum-of-parts:ok(129e9+111e9=240e9,tol 2%)"),
        ("$111 billion", "consistency:sum-of-parts:ok(129e9+111e9=240e9,tol 2%)"),
        ("23 percent", "consistency:shares-over-100:ok(23+20+15=58<=100)"),
        ("20 percent", "consistency:shares-over-100:ok(23+20+15=58<=100)"),
        ("15 percent", "consistency:shares-over-100:ok(23+20+15=58<=100)"),
    ])


def claim(claim_id: str, start: int, text: str, **fields: object) -> Claim:
    return Claim(claim_id=claim_id, article_id="a", sentence_index=fields.pop("sentence_index", 0), start=start,
                 end=start + len(text), text=text, **{"kind": "date", "value": "", **fields})


def test_date_arithmetic_in_months_and_earlier_is_a_pure_function_of_claims_and_dates() -> None:
    dates = [DateMention(0, 12, "May 31, 2023", "2023-05-31", 0),
             DateMention(40, 55, "three months later", "2023-08-31", 1, relative=True),
             DateMention(60, 75, "August 30, 2023", "2023-08-30", 1)]
    claims = [claim(f"d{i}", d.start, d.text, sentence_index=d.sentence_index, value=d.value) for i, d in enumerate(dates)]
    checks = replace(CHECK_LIST, checks=tuple(c for c in CHECK_LIST.checks if c.id == "date-arithmetic"))
    flagged = check_consistency(claims, dates, checks, {"three": 3})
    assert flagged[0].flags == ""
    assert flagged[1].flags == "consistency:date-arithmetic:mismatch(2023-05-31+3 months=2023-08-31!=2023-08-30)"
    assert flagged[2].flags == flagged[1].flags
    assert check_consistency(claims, dates, checks, {"three": 3}) == flagged


def test_a_broken_consistency_file_is_one_error_listing_its_problems(tmp_path: Path) -> None:
    path = tmp_path / "consistency.yml"
    path.write_text("checks:\n  - id: sum-of-parts\n    colour: red\n  - id: made-up\n", encoding="utf-8")
    with pytest.raises(PipelineError) as caught:
        load_checks(path)
    assert str(caught.value).startswith(f"[E010] {path}: 11 problem(s):\n")
    assert "unknown key 'colour'" in str(caught.value) and "unknown check 'made-up'" in str(caught.value)


def test_the_checks_are_built_from_the_validated_file() -> None:
    sum_of_parts = CHECK_LIST.checks[0]
    assert (sum_of_parts.id, sum_of_parts.params["tolerance"]) == ("sum-of-parts", 0.02)
    assert isinstance(sum_of_parts.examples, tuple) and isinstance(sum_of_parts.counter_examples, tuple)
    assert CHECK_LIST.from_to == {"from": ["from"], "to": ["to"]}
