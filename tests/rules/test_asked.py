"""The word lists the code asks for are read from the code, and a rules folder that lacks one is
one more coded problem among all the others, naming the module that reads the list."""
from __future__ import annotations

import dataclasses
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

import pipeline.resources
from pipeline.extract import extract_articles
from pipeline.records import Article
from pipeline.rules import RULES_DIR, check_all, load_rules
from pipeline.rules import asked
from pipeline.rules.asked import asked_lists, rule_words, scan


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    copy = tmp_path / "rules"
    shutil.copytree(RULES_DIR, copy)
    return copy


def _drop_list(path: Path, key: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in (" ", "\n")), len(lines))
    path.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")


def test_a_missing_word_list_is_reported_with_every_other_problem(rules):
    _drop_list(rules / "lexicons.yml", "distributive_words")
    _drop_list(rules / "lexicons.yml", "compass_words")
    money = (rules / "money.yml").read_text(encoding="utf-8")
    (rules / "money.yml").write_text(money.replace("  - id: money-symbol-number\n",
                                                   "  - id: money-symbol-number\n    colour: red\n", 1), encoding="utf-8")

    _, problems = check_all(rules)

    assert "[E010] money.yml: rule 'money-symbol-number': unknown key 'colour'" in problems
    assert "[E010] lexicons.yml: no word list 'distributive_words', which pipeline/figures/prices.py reads" in problems
    # read through a parameter the lexicons are handed in: position_scopes(..., lexicons) -> locates(span, words)
    assert "[E010] lexicons.yml: no word list 'compass_words', which pipeline/time/positions.py reads" in problems
    with pytest.raises(Exception, match="no word list 'distributive_words'"):
        load_rules(rules)


def test_every_list_the_code_asks_for_is_in_the_repository_rules():
    ruleset = load_rules()
    for file, key, reader in asked_lists():
        found = ruleset.lexicons if file == "lexicons.yml" else ruleset.tables[Path(file).stem]
        assert key in found, (file, key, reader)


def test_the_code_is_read_for_names_written_out_bound_in_a_loop_and_handed_on(tmp_path):
    source = tmp_path / "pipeline" / "stage.py"
    source.parent.mkdir()
    source.write_text('''
KINDS = ("tall_words", "short_words")

def build(rules):
    first = rules.lexicons["round_words"]
    more = {name: rules.lexicons[name] for name in ("odd_words", "even_words")}
    kinds = [rules.lexicons[kind] for kind in KINDS]
    return first, more, kinds, places(1, rules.lexicons), \
        rule_words(rules.tables["entities"], "entities.yml", "pale_words"), \
        rule_words(rules.tables["speech"], "speech.yml", "bright_words")

def places(count, words):
    return words["far_words"], words.get("near_words", ())
''', encoding="utf-8")
    rows = scan({"pipeline/stage.py": source.read_text(encoding="utf-8")})
    assert {reader for _, _, reader in rows} == {"pipeline/stage.py"}
    assert {(file, key) for file, key, _ in rows} == {
        ("lexicons.yml", key) for key in ("round_words", "odd_words", "even_words", "tall_words", "short_words",
                                          "far_words", "near_words")} | {("entities.yml", "pale_words"),
                                                                         ("speech.yml", "bright_words")}


def test_a_list_of_a_table_the_run_loads_is_reported_missing_too(rules):
    _drop_list(rules / "entities.yml", "thing_pronouns")

    _, problems = check_all(rules)

    assert "[E010] entities.yml: no word list 'thing_pronouns', which pipeline/claims/party_reading.py reads" in problems



@pytest.fixture
def stage_module(tmp_path, monkeypatch):
    """A package of one module asking for "pale_words", scanned in place of the project's, with a
    cache of its own."""
    module = tmp_path / "pipeline" / "stage.py"
    module.parent.mkdir()
    module.write_text('def build(rules):\n    return rules.lexicons["pale_words"]\n', encoding="utf-8")
    monkeypatch.setattr(asked, "PACKAGE_DIR", module.parent)
    monkeypatch.setenv("CLAIMS_CACHE_DIR", str(tmp_path / "cache"))
    return module


def test_the_code_is_scanned_again_only_when_a_module_changed(stage_module, monkeypatch):
    module = stage_module
    scans = []
    monkeypatch.setattr(asked, "scan", lambda *args: scans.append(args) or scan(*args))
    pale = [("lexicons.yml", "pale_words", "pipeline/stage.py")]

    assert asked_lists() == pale and len(scans) == 1
    assert asked_lists() == pale and len(scans) == 1
    os.utime(module, ns=(10**18, 10**18))  # a fresh checkout: new times, the same text
    assert asked_lists() == pale and len(scans) == 1
    module.write_text(module.read_text(encoding="utf-8").replace("pale", "dark"), encoding="utf-8")  # same size
    os.utime(module, ns=(2 * 10**18, 2 * 10**18))
    assert asked_lists() == [("lexicons.yml", "dark_words", "pipeline/stage.py")] and len(scans) == 2


def test_a_module_edited_while_it_is_read_is_scanned_as_it_now_is(stage_module, monkeypatch):
    module = stage_module
    stamp = asked._modules_stamp
    stamps = []

    def stamp_then_edit(*args):
        stamps.append(stamp(*args))
        if len(stamps) == 1:  # an editor saves the module just after the run took its stamp
            module.write_text(module.read_text(encoding="utf-8").replace("pale", "dark"), encoding="utf-8")
            os.utime(module, ns=(3 * 10**18, 3 * 10**18))
        return stamps[-1]

    monkeypatch.setattr(asked, "_modules_stamp", stamp_then_edit)

    assert asked_lists() == [("lexicons.yml", "dark_words", "pipeline/stage.py")]
    monkeypatch.setattr(asked, "_modules_stamp", stamp)
    assert asked_lists() == [("lexicons.yml", "dark_words", "pipeline/stage.py")]


class RecordingLexicons(dict):
    """The lexicons, noting the name of every list read."""

    def __init__(self, lexicons: dict):
        super().__init__(lexicons)
        self.read: set[str] = set()

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)


def test_the_lists_read_in_building_and_running_the_pipeline_are_all_found_in_the_code(monkeypatch):
    ruleset = load_rules()
    recording = RecordingLexicons(ruleset.lexicons)
    monkeypatch.setattr(pipeline.resources, "load_rules", lambda _: dataclasses.replace(ruleset, lexicons=recording))
    res = pipeline.resources.build_resources()
    text = ("Harlow Mills said on Tuesday its shares rose 35 cents each to $12.40, and the town, 40 miles north of "
            "the coast, lost 3% of its jobs in the three months to June. The blast killed 12 people on May 2.")
    list(extract_articles([Article(id="t", text=text, published=date(2024, 4, 9))], res))
    asked = {key for file, key, _ in asked_lists() if file == "lexicons.yml"}
    assert len(recording.read) > 80 and recording.read <= asked, recording.read - asked


def test_a_list_a_table_lacks_is_empty():
    assert rule_words({"thing_pronouns": ["it", "its"]}, "entities.yml", "thing_pronouns") == ("it", "its")
    assert rule_words({}, "entities.yml", "thing_pronouns") == ()
