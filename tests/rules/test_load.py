"""Loading every file of rules/ at once: the repository's rules are valid, and every problem of
every file is reported together, each as one coded line."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from pipeline.rules import CHECK_IDS, RULES_DIR, check_all, check_rules, load_rules
from pipeline.rules.files import FastUniqueKeyLoader, UniqueKeyLoader


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    """A copy of the repository's rules to break."""
    copy = tmp_path / "rules"
    shutil.copytree(RULES_DIR, copy)
    return copy


def test_repository_rules_are_valid():
    files, problems = check_all(RULES_DIR)
    assert problems == []
    ruleset = files.ruleset
    assert len({r.id for r in ruleset.rules}) == len(ruleset.rules)
    assert tuple(check["id"] for check in files.consistency["checks"]) == CHECK_IDS
    assert [m["id"] for m in files.metrics["metrics"]][:1] == ["bilateral_trade"]
    assert set(ruleset.tables) == {"checkworthy", "entities", "speech"}


def test_invalid_yaml_names_the_file(rules):
    (rules / "dates.yml").write_text("label: date\nrules: [\n")
    _, problems = check_rules(rules)
    assert any("dates.yml" in p and "invalid YAML" in p for p in problems)


def test_a_key_given_twice_is_a_problem_not_a_silent_replacement(rules):
    lexicons = rules / "lexicons.yml"
    lexicons.write_text(lexicons.read_text(encoding="utf-8") + "\nmoney_nouns: [cash]\n", encoding="utf-8")
    _, problems = check_rules(rules)
    assert any("lexicons.yml" in p and "duplicate key 'money_nouns'" in p for p in problems)


def test_load_rules_raises_with_every_problem(rules):
    (rules / "extra.yml").write_text("label: nonsense\nrules: []\n")
    with pytest.raises(Exception) as info:
        load_rules(Path(rules))
    assert "extra.yml" in str(info.value) and "[E010]" in str(info.value)


def test_every_problem_of_every_file_at_once(rules):
    money = (rules / "money.yml").read_text(encoding="utf-8")
    (rules / "money.yml").write_text(money.replace("  - id: money-symbol-number\n",
                                                   "  - id: money-symbol-number\n    colour: red\n", 1), encoding="utf-8")
    units = (rules / "units.yml").read_text(encoding="utf-8")
    (rules / "units.yml").write_text(units.replace("  decade: {si: second, factor: 315576000}", "  decade: {si: second}"),
                                     encoding="utf-8")
    (rules / "speech.yml").write_text("a: [\n", encoding="utf-8")
    (rules / "consistency.yml").write_text("checks:\n  - id: made-up\n", encoding="utf-8")
    metrics = (rules / "metrics.yml").read_text(encoding="utf-8")
    (rules / "metrics.yml").write_text(metrics.replace("context_sentences: 3", "context_sentences: three"),
                                       encoding="utf-8")

    files, problems = check_all(rules)

    assert problems[:3] == [f"[E010] {rules / 'units.yml'}: unit 'decade': expected {{si, factor[, offset]}}",
                            "[E010] money.yml: rule 'money-symbol-number': unknown key 'colour'",
                            problems[2]]
    assert problems[2].startswith(f"[E010] {rules / 'speech.yml'}: invalid YAML: ")
    assert problems[3:5] == ["[E010] consistency.yml: 'from_to' needs lists 'from' and 'to'",
                             f"[E010] consistency.yml: unknown check 'made-up' (known: {', '.join(CHECK_IDS)})"]
    assert problems[5:-1] == [f"[E010] consistency.yml: check '{name}' is not configured" for name in sorted(CHECK_IDS)]
    assert problems[-1] == "[E010] metrics.yml: 'context_sentences' must be a whole number"
    assert all(p.startswith("[E010] ") and "\n" not in p for p in problems)
    assert len(files.ruleset.rules) == len(load_rules().rules) - 1  # the others still load, the broken one alone is left out
    assert files.consistency["checks"] == []


def test_a_broken_lexicon_file_is_reported_once_and_the_other_files_still_checked(rules):
    (rules / "lexicons.yml").write_text("- a\n- b\n", encoding="utf-8")
    (rules / "entities.yml").write_text("doc: people\n", encoding="utf-8")

    files, problems = check_all(rules)

    assert problems[:3] == [f"[E010] {rules / 'lexicons.yml'}: expected a mapping of lexicon name to list or mapping",
                            "[E010] entities.yml: missing or empty 'examples'",
                            "[E010] entities.yml: missing or empty 'counter_examples'"]
    # the lists the code asks of entities.yml, and none of lexicons.yml, which could not be read
    assert problems[3:] and all(p.startswith("[E010] entities.yml: no word list '") for p in problems[3:])
    assert "[E010] entities.yml: no word list 'person_pronouns', which pipeline/claims/party_reading.py reads" in problems
    assert files.ruleset.rules == ()  # rules name the lexicons' lists, so they cannot be read without them


def test_every_rule_file_reads_the_same_with_libyaml_as_with_pure_python() -> None:
    """The rules are read by libyaml's parser for speed; the pure-Python one is the reference."""
    for path in sorted(RULES_DIR.glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=FastUniqueKeyLoader) == yaml.load(text, Loader=UniqueKeyLoader), path.name


def test_a_repeated_key_is_refused_by_either_parser() -> None:
    text = "units:\n  knot: kn\nscales: [bn]\nunits:\n  mile: mi\n"
    for loader in (FastUniqueKeyLoader, UniqueKeyLoader):
        with pytest.raises(yaml.constructor.ConstructorError, match="duplicate key 'units'"):
            yaml.load(text, Loader=loader)
