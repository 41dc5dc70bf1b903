"""Reading the data tables of rules/ (checkworthy, entities, speech)."""
from __future__ import annotations

import shutil
from pathlib import Path

from pipeline.rules import RULES_DIR
from pipeline.rules.tables import read_tables


def test_the_tables_by_stem() -> None:
    tables, problems = read_tables(RULES_DIR)
    assert problems == [] and set(tables) == {"checkworthy", "entities", "speech"}
    assert all(table["doc"] and table["examples"] and table["counter_examples"] for table in tables.values())


def test_each_missing_key_and_each_broken_table_is_a_problem(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    (rules / "entities.yml").write_text("doc: people\nexamples: []\n", encoding="utf-8")
    (rules / "speech.yml").write_text("- a\n", encoding="utf-8")
    tables, problems = read_tables(rules)
    assert problems == ["[E010] entities.yml: missing or empty 'examples'",
                        "[E010] entities.yml: missing or empty 'counter_examples'",
                        "[E010] speech.yml: expected a mapping"]
    assert tables["speech"] == {} and tables["entities"]["doc"] == "people"
