"""Reading rules/lexicons.yml with the units table of rules/units.yml joined to it."""
from __future__ import annotations

import shutil
from pathlib import Path

from pipeline.rules import RULES_DIR
from pipeline.rules.lexicons import read_lexicons


def copy_rules(tmp_path: Path) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    return rules


def test_the_units_table_joins_the_lexicons() -> None:
    lexicons, problems = read_lexicons(RULES_DIR)
    assert problems == []
    assert lexicons["unit_conversions"]["mile"] == {"si": "meter", "factor": 1609.344}
    assert "degree" in lexicons["units_without_si"] and "scales" in lexicons


def test_each_unit_without_si_and_factor_is_named_and_the_lists_stay_usable(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    units = (rules / "units.yml").read_text(encoding="utf-8")
    units = units.replace("  decade: {si: second, factor: 315576000}", "  decade: {si: second}")
    (rules / "units.yml").write_text(units.replace("  barrel: {si: cubic meter,", "  barrel: {si: 3,"), encoding="utf-8")
    lexicons, problems = read_lexicons(rules)
    assert problems == [f"[E010] {rules / 'units.yml'}: unit 'barrel': expected {{si, factor[, offset]}}",
                        f"[E010] {rules / 'units.yml'}: unit 'decade': expected {{si, factor[, offset]}}"]
    assert "scales" in lexicons and "decade" not in lexicons["unit_conversions"]


def test_a_units_file_without_its_parts_names_each(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    (rules / "units.yml").write_text("no_si: [degree]\n", encoding="utf-8")
    assert read_lexicons(rules)[1] == [
        f"[E010] {rules / 'units.yml'}: expected 'conversions': unit -> {{si, factor[, offset]}}",
        f"[E010] {rules / 'units.yml'}: expected 'registry' with kinds, prefixed, skip, skip_surfaces, rename",
        f"[E010] {rules / 'units.yml'}: expected 'readings': word -> unit"]


def test_lexicons_that_are_no_mapping_cannot_be_used_and_the_units_are_still_checked(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    (rules / "lexicons.yml").write_text("- a\n", encoding="utf-8")
    (rules / "units.yml").write_text("conversions: [\n", encoding="utf-8")
    lexicons, problems = read_lexicons(rules)
    assert lexicons is None
    assert problems[0] == f"[E010] {rules / 'lexicons.yml'}: expected a mapping of lexicon name to list or mapping"
    assert problems[1].startswith(f"[E010] {rules / 'units.yml'}: invalid YAML: ") and len(problems) == 2


def test_the_units_come_from_pint_with_the_news_readings_winning() -> None:
    lexicons, _ = read_lexicons(RULES_DIR)
    units, conversions = lexicons["units"], lexicons["unit_conversions"]
    assert units["mph"] == "mile per hour" and conversions["mile per hour"] == {"si": "meter per second", "factor": 0.44704}
    assert units["kilometres"] == "kilometer" and units["ghz"] == "gigahertz" and units["kwh"] == "kilowatt hour"
    assert units["c"] == "degree Celsius"  # pint: coulomb
    assert units["nm"] == "nanometer" and lexicons["unit_cased_readings"]["Nm"] == "newton meter"  # only as written
    assert conversions["degree Celsius"] == {"si": "kelvin", "factor": 1.0, "offset": 273.15}
    assert "GHz" in lexicons["unit_symbols"] and "in" not in units and "quarter" not in units


def test_the_units_of_time_a_rate_is_per_come_from_pint_with_their_prefixes_and_symbols() -> None:
    lexicons, _ = read_lexicons(RULES_DIR)
    times, conversions = lexicons["rate_times"], lexicons["unit_conversions"]
    assert times["ms"] == times["milliseconds"] == "millisecond" and times["h"] == times["hr"] == "hour"
    assert conversions["millisecond"] == {"si": "second", "factor": 0.001}
    assert "a" not in times  # pint's symbol of the year is the article
    assert "ms" not in lexicons["units"]  # "5 MS patients" stays no quantity


def test_a_unit_symbol_with_a_plural_s_is_its_unit_unless_that_form_is_a_word_or_another_unit() -> None:
    lexicons, _ = read_lexicons(RULES_DIR)
    units = lexicons["units"]
    assert units["kms"] == "kilometer" and units["cms"] == "centimeter" and units["yds"] == "yard"
    assert "atms" not in units and "dms" not in units  # cash machines and direct messages
    assert units["mins"] == "minute" and units["hrs"] == "hour"  # the news readings of time
