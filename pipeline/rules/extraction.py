"""Reads and validates the extraction rules: the files of ``rules/`` with a ``label`` (money.yml,
dates.yml, qualifiers.yml, ...) and a list of rules.

Each rule has a stable hand-written ``id``, a spaCy token ``pattern`` (or adjacent-context
``before``/``after`` patterns for context rules), the attributes it ``sets``, and its own
``examples``. Patterns may name a lexicon from ``rules/lexicons.yml`` as ``"@name"`` inside
``IN``/``NOT_IN``, so word lists live in one place.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.matcher import Matcher
from spacy.vocab import Vocab

from pipeline.errors import E_RULE, PipelineError
from pipeline.rules.files import read_yaml

EXTRACTION_LABELS = ("money", "percent", "quantity", "count", "date", "exclude")
CONTEXT_LABELS = ("qualifier", "role")
LABELS = EXTRACTION_LABELS + CONTEXT_LABELS

RULE_KEYS = {"id", "doc", "pattern", "before", "after", "not_before", "not_after", "sets",
             "kinds", "subject", "governor", "examples", "priority", "in_sentence", "not_in_sentence",
             "quantifies"}
FILE_KEYS = {"label", "doc", "rules"}
EXAMPLE_KEYS = {"text", "match", "figure", "value", "unit", "qualifier", "role", "direction",
                "relative", "modifier", "reference", "value_low", "value_high", "kind", "time"}
GUARD_KEYS = ("before", "after", "not_before", "not_after")


@dataclass(frozen=True)
class Rule:
    """One rule: a pattern (or context guards) plus what it sets, and its own examples."""

    id: str
    label: str
    """The label of its file: an extraction label (money, percent, quantity, count, date, exclude)
    or a context label (qualifier, role)."""
    file: str
    pattern: tuple = ()
    """A spaCy Matcher token pattern, lexicon references ("@scales") expanded; empty for a context
    rule."""
    guards: dict = field(default_factory=dict)
    """The ``before``, ``after``, ``not_before`` and ``not_after`` token patterns it has: next to an
    extraction rule's span, or, for a context rule, the words it looks for next to a figure."""
    sets: dict = field(default_factory=dict)
    """What a match gives: ``{"unit": "percentage_point"}``, ``{"qualifier": "approx"}``, ``{"role":
    "change", "direction": "up"}``, a date ``type`` or a figure ``form`` ("range", "fraction", ...)."""
    kinds: tuple[str, ...] = ()
    """The figure kinds a context rule applies to; empty for every kind."""
    subject: tuple[str, ...] = ()
    """For a role rule: words one of which must be the subject of the figure's clause."""
    governor: tuple[str, ...] = ()
    """For a role rule: lemmas one of which must govern the figure's clause ("wants to reach
    300,000" is a target)."""
    in_sentence: tuple[str, ...] = ()
    """Words (or lemmas) one of which the figure's sentence must hold ("points" are percentage points
    only in a sentence about polls, votes, shares or rates)."""
    not_in_sentence: tuple[str, ...] = ()
    """Words (or lemmas) none of which the figure's sentence may hold ("the FTSE fell 50 points")."""
    quantifies: bool = False
    """For an extraction rule: the span's first number must quantify its last word in the parse
    (the number's dependency head, climbing through the words of the span, is the last word), so
    "30 737s" counts aircraft while "the 737 offers more seats" counts nothing."""
    priority: int = 0
    """Breaks ties between overlapping spans of one length: the higher wins."""
    doc: str = ""
    examples: tuple[dict, ...] = ()
    """The texts it must match or leave alone, with what it must find; the tests run each one."""


def read_rule_files(paths: list[Path], lexicons: dict) -> tuple[list[Rule], list[str]]:
    """The rules of the given files with their lexicon references expanded, and every problem:
    unknown keys, a rule id used twice across files, an unknown lexicon, missing examples or
    counter-examples, and patterns spaCy's own validator rejects."""
    problems: list[str] = []
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in paths:
        try:
            data = read_yaml(path)
        except PipelineError as err:
            problems.append(str(err))
            continue
        for rule, found in _parse_file(path, data, lexicons):
            problems.extend(found)
            if rule is None:
                continue
            if rule.id in seen:
                problems.append(f"[{E_RULE}] {path.name}: rule id '{rule.id}' already used in {seen[rule.id]}")
                continue
            seen[rule.id] = path.name
            rules.append(rule)
    problems.extend(_validate_patterns(rules))
    return rules, problems


def _parse_file(path: Path, data: Any, lexicons: dict) -> list[tuple[Rule | None, list[str]]]:
    where = path.name
    if not isinstance(data, dict):
        return [(None, [f"[{E_RULE}] {where}: expected a mapping with 'label' and 'rules'"])]
    problems = [f"[{E_RULE}] {where}: unknown key '{k}'" for k in sorted(set(data) - FILE_KEYS)]
    label = data.get("label")
    if label not in LABELS:
        problems.append(f"[{E_RULE}] {where}: label {label!r} is not one of {', '.join(LABELS)}")
        return [(None, problems)]
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        problems.append(f"[{E_RULE}] {where}: 'rules' must be a non-empty list")
        return [(None, problems)]
    out: list[tuple[Rule | None, list[str]]] = [(None, problems)]
    for index, raw in enumerate(raw_rules):
        out.append(_parse_rule(where, index, label, raw, lexicons))
    return out


def _parse_rule(where: str, index: int, label: str, raw: Any, lexicons: dict) -> tuple[Rule | None, list[str]]:
    if not isinstance(raw, dict):
        return None, [f"[{E_RULE}] {where}: rule #{index + 1} is not a mapping"]
    rule_id = raw.get("id")
    name = f"rule '{rule_id}'" if rule_id else f"rule #{index + 1}"
    problems = [f"[{E_RULE}] {where}: {name}: unknown key '{k}'" for k in sorted(set(raw) - RULE_KEYS)]
    if not isinstance(rule_id, str) or not rule_id:
        problems.append(f"[{E_RULE}] {where}: {name}: missing 'id'")
    if label in EXTRACTION_LABELS and not raw.get("pattern"):
        problems.append(f"[{E_RULE}] {where}: {name}: missing 'pattern'")
    if label in CONTEXT_LABELS and not any(raw.get(k) for k in ("before", "after", "subject", "governor")):
        problems.append(f"[{E_RULE}] {where}: {name}: a {label} rule needs 'before', 'after', 'subject' or 'governor'")
    examples = raw.get("examples")
    if not isinstance(examples, list) or not examples:
        problems.append(f"[{E_RULE}] {where}: {name}: needs a list of 'examples'")
        examples = []
    for ex in examples:
        if not isinstance(ex, dict) or not isinstance(ex.get("text"), str):
            problems.append(f"[{E_RULE}] {where}: {name}: every example needs a 'text'")
            continue
        problems.extend(f"[{E_RULE}] {where}: {name}: example has unknown key '{k}'"
                        for k in sorted(set(ex) - EXAMPLE_KEYS))
    if not any(_is_counter_example(ex, label, raw.get("sets") or {}) for ex in examples):
        problems.append(f"[{E_RULE}] {where}: {name}: needs at least one counter-example "
                        + ("(match: null)" if label in EXTRACTION_LABELS else "(a figure it must leave alone)"))
    pattern, expand_problems = _expand(raw.get("pattern") or [], lexicons)
    guards = {}
    for key in GUARD_KEYS:
        if raw.get(key):
            guards[key], guard_problems = _expand(raw[key], lexicons)
            expand_problems.extend(guard_problems)
    problems.extend(f"[{E_RULE}] {where}: {name}: {p}" for p in expand_problems)
    word_keys = ("subject", "governor", "in_sentence", "not_in_sentence")
    subject, governor, in_sentence, not_in_sentence = (
        _word_list(raw.get(key) or (), lexicons, expand_problems) for key in word_keys)
    if problems:
        return None, problems
    return Rule(
        id=rule_id, label=label, file=where, pattern=tuple(pattern), guards=guards,
        sets=dict(raw.get("sets") or {}), kinds=tuple(raw.get("kinds") or ()), subject=tuple(subject),
        governor=tuple(governor), in_sentence=in_sentence, not_in_sentence=not_in_sentence,
        quantifies=bool(raw.get("quantifies", False)), priority=int(raw.get("priority", 0)), doc=str(raw.get("doc", "")), examples=tuple(examples),
    ), []


def _is_counter_example(example: Any, label: str, sets: dict) -> bool:
    """Extraction rules show a text they must not match; context rules a figure they must not change."""
    if not isinstance(example, dict):
        return False
    if label in EXTRACTION_LABELS:
        return example.get("match", "") is None
    return any(key in example and example[key] != value for key, value in sets.items())


def _expand(pattern: Any, lexicons: dict) -> tuple[list, list[str]]:
    """Replace ``"@name"`` lexicon references inside IN/NOT_IN with the lexicon's words."""
    problems: list[str] = []
    if not isinstance(pattern, list):
        return [], ["a pattern must be a list of token specs"]

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            out = {}
            for key, val in node.items():
                if key in ("IN", "NOT_IN") and isinstance(val, str):
                    out[key] = _lexicon_words(val, lexicons, problems)
                elif key in ("IN", "NOT_IN") and isinstance(val, list):
                    words: list = []
                    for item in val:
                        words.extend(_lexicon_words(item, lexicons, problems) if _is_ref(item) else [item])
                    out[key] = words
                else:
                    out[key] = walk(val)
            return out
        if isinstance(node, list):
            return [walk(n) for n in node]
        return node

    return walk(pattern), problems


def _word_list(words: Any, lexicons: dict, problems: list[str]) -> tuple[str, ...]:
    """A list of words, a lexicon reference ("@share_nouns"), or a list mixing both."""
    items = [words] if isinstance(words, str) else list(words)
    out: list[str] = []
    for item in items:
        out.extend(_lexicon_words(item, lexicons, problems) if _is_ref(item) or isinstance(words, str) else [str(item)])
    return tuple(out)


def _is_ref(item: Any) -> bool:
    return isinstance(item, str) and item.startswith("@") and len(item) > 1


def _lexicon_words(ref: str, lexicons: dict, problems: list[str]) -> list[str]:
    name = ref[1:] if ref.startswith("@") else ref
    if name not in lexicons:
        problems.append(f"unknown lexicon '{ref}'")
        return []
    entry = lexicons[name]
    return [str(w) for w in (entry.keys() if isinstance(entry, dict) else entry)]


def _validate_patterns(rules: list[Rule]) -> list[str]:
    """Let spaCy's own pattern validator check every pattern and guard."""
    problems = []
    matcher = Matcher(Vocab(), validate=True)
    for rule in rules:
        for key, pattern in [("pattern", rule.pattern)] + list(rule.guards.items()):
            if not pattern:
                continue
            try:
                matcher.add(f"{rule.id}#{key}", [list(pattern)])
            except (ValueError, KeyError, TypeError) as err:
                message = " ".join(str(err).split())
                problems.append(f"[{E_RULE}] {rule.file}: rule '{rule.id}': invalid {key}: {message}")
    return problems
