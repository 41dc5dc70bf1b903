"""Every extraction rule's own examples and counter-examples, run alone and within the full rule
set, and the validation of the rule files that `claims rules check` relies on."""
from __future__ import annotations

import shutil

import pytest

from pipeline.matching.matcher import RuleMatcher
from pipeline.rules import CONTEXT_LABELS, RULES_DIR, RuleSet, check_rules, load_rules

RULES = load_rules()
FIGURE_FIELDS = ("value", "unit", "value_low", "value_high", "role")
CONTEXT_FIELDS = ("qualifier", "role", "direction")


def _cases():
    for rule in RULES.rules:
        for index, example in enumerate(rule.examples):
            yield pytest.param(rule, example, id=f"{rule.id}-{index}")


def _mentions(extraction):
    return list(extraction.figures) + list(extraction.dates)


def _matches_alone(resources, rule, text):
    """Texts of the spans this rule matches when it is the only rule (guards included)."""
    doc = resources.nlp(text)
    candidates, _ = RuleMatcher(resources.nlp.vocab, RuleSet((rule,), RULES.lexicons)).match_all(doc)
    return [doc[c.start:c.end].text for c in candidates]


@pytest.mark.parametrize("rule,example", list(_cases()))
def test_rule_example(rule, example, resources, extract):
    extraction = extract(example["text"])
    if rule.label in CONTEXT_LABELS:
        figure = next((f for f in extraction.figures if f.text == example["figure"]), None)
        assert figure is not None, f"no figure {example['figure']!r} in {example['text']!r}"
        for name in CONTEXT_FIELDS:
            if name in example:
                assert getattr(figure, name) == example[name], name
        if all(example.get(k) == v for k, v in rule.sets.items()):
            assert any(r.split("@")[0] == rule.id for r in figure.rules)
        return
    expected = example.get("match")
    if expected is None:
        if rule.label == "exclude":
            assert not _matches_alone(resources, rule, example["text"])
        assert not any(rule.id in m.rules for m in _mentions(extraction)), "rule fired on a counter-example"
        return
    assert expected in _matches_alone(resources, rule, example["text"]), "rule alone does not match"
    if rule.sets.get("listed") is False:  # a date that only dates figures: no row, the figure's period
        assert not any(m.text == expected for m in extraction.dates)
        figure = next(f for f in extraction.figures if f.text == example["figure"])
        assert figure.time is not None and figure.time.value == example["time"]
        return
    if rule.label == "exclude":
        start = example["text"].index(expected)
        assert not any(f.start < start + len(expected) and start < f.end for f in extraction.figures)
        return
    mention = next((m for m in _mentions(extraction) if m.text == expected), None)
    assert mention is not None, f"{expected!r} not extracted from {example['text']!r}"
    assert rule.id in mention.rules
    for name in FIGURE_FIELDS + ("relative", "modifier", "reference"):
        if name in example:
            got = getattr(mention, name)
            want = example[name]
            assert got == pytest.approx(want) if isinstance(want, float | int) and not isinstance(want, bool) else got == want, name


def test_every_problem_is_reported_at_once(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    money = (rules / "money.yml").read_text()
    money = money.replace("    doc: A currency symbol, a number", "    colour: red\n    doc: A currency symbol, a number", 1)
    (rules / "money.yml").write_text(money)
    percent = (rules / "percent.yml").read_text().replace("id: percent-per-cent", "id: money-code-number")
    (rules / "percent.yml").write_text(percent)
    (rules / "broken.yml").write_text(
        "label: count\nrules:\n"
        "  - id: count-bad\n    pattern: [{LOWER: {IN: '@no_such_list'}}]\n"
        "    examples: [{text: 'x', match: 'x'}]\n"
        "  - id: count-bad-pattern\n    pattern: [{NOT_A_TOKEN_ATTR: 1}]\n"
        "    examples: [{text: 'x', match: null}]\n")
    _, problems = check_rules(rules)
    text = "\n".join(problems)
    assert "unknown key 'colour'" in text
    assert "'money-code-number' already used" in text
    assert "unknown lexicon '@no_such_list'" in text
    assert "needs at least one counter-example" in text
    assert "count-bad-pattern" in text and "invalid pattern" in text
    assert all(p.startswith("[E010]") for p in problems)
