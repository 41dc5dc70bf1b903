"""Validation of rules/consistency.yml: every problem named, the checks returned complete for
pipeline/checks/ to build on."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import PipelineError
from pipeline.rules import RULES_DIR, load_consistency
from pipeline.rules.checks import CHECK_IDS, read_consistency


def test_a_broken_consistency_file_names_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "consistency.yml"
    path.write_text("checks:\n  - id: sum-of-parts\n    colour: red\n  - id: made-up\n", encoding="utf-8")
    data, problems = read_consistency(path)
    assert any("colour" in p for p in problems)
    assert any("made-up" in p for p in problems)
    assert any("needs examples" in p for p in problems)
    assert any("'growth-vs-levels' is not configured" in p for p in problems)
    assert [check["id"] for check in data["checks"]] == ["sum-of-parts"]  # an unknown id is left out
    with pytest.raises(PipelineError):
        load_consistency(path)


def test_every_check_comes_with_every_key() -> None:
    data = load_consistency(RULES_DIR / "consistency.yml")
    assert [check["id"] for check in data["checks"]] == list(CHECK_IDS)
    assert all(set(check) == {"id", "doc", "params", "examples", "counter_examples"} for check in data["checks"])


@pytest.mark.parametrize("from_to", ["{from: [from]}", "[from, to]", "{from: from, to: to}"])
def test_from_to_needs_two_lists(tmp_path: Path, from_to: str) -> None:
    path = tmp_path / "consistency.yml"
    text = (RULES_DIR / "consistency.yml").read_text(encoding="utf-8")
    path.write_text(text.replace("from_to: {from: [from], to: [to]}", f"from_to: {from_to}"), encoding="utf-8")
    assert read_consistency(path)[1] == ["[E010] consistency.yml: 'from_to' needs lists 'from' and 'to'"]


def test_a_file_that_cannot_be_read_is_named_like_every_rule_file(tmp_path: Path) -> None:
    path = tmp_path / "consistency.yml"
    path.write_text("checks: [\n", encoding="utf-8")
    data, problems = read_consistency(path)
    assert data == {"checks": [], "from_to": {}}
    assert len(problems) == 1 and problems[0].startswith(f"[E010] {path}: invalid YAML: while parsing")
    problems = read_consistency(tmp_path / "missing.yml")[1]
    assert problems == [f"[E010] {tmp_path / 'missing.yml'}: cannot read: [Errno 2] No such file or directory: "
                        f"'{tmp_path / 'missing.yml'}'"]
