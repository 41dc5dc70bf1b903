"""Loads and validates every file of ``rules/`` at once, reporting every problem of every file,
each as one coded line: the extraction rules with the lexicons and tables the extractor needs,
and the data the consistency checks and ``claims verify`` build on."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import rule_problems
from pipeline.rules.asked import missing_lists
from pipeline.rules.checks import CONSISTENCY_FILE, read_consistency
from pipeline.rules.extraction import Rule, read_rule_files
from pipeline.rules.files import RULES_DIR
from pipeline.rules.lexicons import CURRENCIES_FILE, LEXICON_FILE, UNITS_FILE, read_lexicons
from pipeline.rules.metrics import METRICS_FILE, read_metrics
from pipeline.rules.tables import TABLE_FILES, read_tables

DATA_FILES = (LEXICON_FILE, CURRENCIES_FILE, UNITS_FILE, CONSISTENCY_FILE, METRICS_FILE, *TABLE_FILES)
"""The files of rules/ that are not extraction rules; every other ``*.yml`` there is."""


@dataclass(frozen=True)
class RuleSet:
    """All rules and lexicons, loaded and validated once (``load_rules``): the matcher, the
    normalizers and the resolvers are all built from this one set."""

    rules: tuple[Rule, ...]
    lexicons: dict[str, Any]
    tables: dict[str, Any] = field(default_factory=dict)
    """The TABLE_FILES by stem ("entities", "speech", "checkworthy")."""

    def with_label(self, *labels: str) -> tuple[Rule, ...]:
        """The rules of these labels in file order: ``with_label("role")`` for the role rules."""
        return tuple(r for r in self.rules if r.label in labels)


@dataclass(frozen=True)
class RuleFiles:
    """Every file of rules/ as loaded: the extractor's rule set, and the validated data of
    consistency.yml and metrics.yml (see ``read_consistency``, ``read_metrics``)."""

    ruleset: RuleSet
    consistency: dict[str, Any]
    metrics: dict[str, Any]


def load_rules(rules_dir: Path = RULES_DIR) -> RuleSet:
    """The extraction rules, lexicons and tables, for building the extractor; raise one
    PipelineError listing all their problems if any."""
    ruleset, problems = check_rules(rules_dir)
    if problems:
        raise rule_problems(str(rules_dir), problems)
    return ruleset


def check_rules(rules_dir: Path = RULES_DIR) -> tuple[RuleSet, list[str]]:
    """The extraction rules, lexicons and tables that loaded, and every problem found in them."""
    lexicons, problems = read_lexicons(rules_dir)
    ruleset, found = _read_ruleset(rules_dir, lexicons)
    return ruleset, problems + found


def check_all(rules_dir: Path = RULES_DIR) -> tuple[RuleFiles, list[str]]:
    """Every file of ``rules_dir`` and every problem in any of them, in file-kind order (lexicons
    and units, extraction rules, tables, consistency.yml, metrics.yml), for ``claims rules check``
    and the tests: one broken file does not hide the problems of another."""
    lexicons, problems = read_lexicons(rules_dir)
    ruleset, ruleset_problems = _read_ruleset(rules_dir, lexicons)
    consistency, consistency_problems = read_consistency(rules_dir / CONSISTENCY_FILE)
    metrics, metric_problems = read_metrics(rules_dir / METRICS_FILE, lexicons)
    return (RuleFiles(ruleset, consistency, metrics),
            problems + ruleset_problems + consistency_problems + metric_problems)


def _read_ruleset(rules_dir: Path, lexicons: dict[str, Any] | None) -> tuple[RuleSet, list[str]]:
    """The extraction rules and tables, and a problem for each word list the code asks for that
    neither lexicons.yml nor a table defines (``missing_lists``). The rules are not read without
    lexicons (lexicons.yml could not be read), since they name its lists."""
    rules: list[Rule] = []
    problems: list[str] = []
    if lexicons is not None:
        paths = [path for path in sorted(rules_dir.glob("*.yml")) if path.name not in DATA_FILES]
        rules, problems = read_rule_files(paths, lexicons)
    tables, table_problems = read_tables(rules_dir)
    return RuleSet(tuple(rules), lexicons or {}, tables), problems + table_problems + missing_lists(lexicons, tables)
