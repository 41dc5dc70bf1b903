"""Runs every rule over a parsed document in one Matcher pass.

Extraction rules yield candidate spans; their ``before``/``after``/``not_before``/``not_after``
guards must match right next to the span. Context rules (qualifier, role) are matched in the same
pass and looked up later by the token where they end (``before``) or start (``after``).
Overlapping candidates are resolved here: exclusions drop the figures they touch, then the longest
span wins, then the rule's priority, then the label order.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.attrs import FLAG19, FLAG63
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.rules import CONTEXT_LABELS, EXTRACTION_LABELS, Rule, RuleSet

LABEL_ORDER = ("date", "money", "percent", "quantity", "count")
"""Which label wins between equally long spans of equal priority."""


@dataclass(frozen=True)
class Candidate:
    """A span a rule matched, in tokens; ``label`` is the kind it was matched as."""

    start: int
    end: int
    label: str
    rule: Rule


@dataclass(frozen=True)
class ContextHit:
    """A context rule's words next to where a figure may stand, in tokens."""

    rule: Rule
    start: int
    end: int


@dataclass(frozen=True)
class ContextHits:
    """Context rules found in a document, indexed by where they touch a figure: ``before`` hits by
    the token they end at, ``after`` hits by the token they start at, the longest first (so "no
    more than" wins over "more than"), then in file order."""

    ending_at: dict[int, tuple[ContextHit, ...]]
    starting_at: dict[int, tuple[ContextHit, ...]]
    subject_rules: tuple[Rule, ...]
    governor_rules: tuple[Rule, ...]


class RuleMatcher:
    """One spaCy Matcher holding every pattern and guard of every rule."""

    def __init__(self, vocab: Vocab, rules: RuleSet):
        self.rules = rules
        self.matcher = Matcher(vocab, validate=False)  # the rules were validated on loading
        self._keys: dict[int, tuple[Rule, str]] = {}
        parts = [(rule, part, pattern) for rule in rules.rules
                 for part, pattern in [("pattern", rule.pattern), *rule.guards.items()] if pattern]
        flags = LexemeFlags(vocab, [pattern for _, _, pattern in parts])
        for rule, part, pattern in parts:
            key = f"{rule.id}#{part}"
            self.matcher.add(key, [[flags.rewrite(token) for token in pattern]],
                             greedy="LONGEST" if part == "pattern" else None)
            self._keys[vocab.strings[key]] = (rule, part)

    def match_all(self, doc: Doc) -> tuple[list[Candidate], ContextHits]:
        """Every span an extraction rule matched with its guards holding, exclusions included."""
        ends: dict[tuple[str, str], set[int]] = defaultdict(set)
        starts: dict[tuple[str, str], set[int]] = defaultdict(set)
        spans: list[tuple[Rule, int, int]] = []
        context: list[tuple[str, ContextHit]] = []
        for key, start, end in self.matcher(doc):
            rule, part = self._keys[key]
            if part == "pattern":
                spans.append((rule, start, end))
            elif rule.label in CONTEXT_LABELS:
                context.append((part, ContextHit(rule, start, end)))
            else:
                ends[(rule.id, part)].add(end)
                starts[(rule.id, part)].add(start)
        candidates = [Candidate(s, e, r.label, r) for r, s, e in spans
                      if _guards_hold(r, s, e, ends, starts) and _sentence_holds(r, doc[s:e])]
        return candidates, self._context_hits(context)

    def _context_hits(self, context: list[tuple[str, ContextHit]]) -> ContextHits:
        order = {rule.id: i for i, rule in enumerate(self.rules.rules)}
        ending_at: dict[int, list[ContextHit]] = defaultdict(list)
        starting_at: dict[int, list[ContextHit]] = defaultdict(list)
        for part, hit in context:
            (ending_at[hit.end] if part == "before" else starting_at[hit.start]).append(hit)

        def longest(hit: ContextHit) -> tuple[int, int]:
            return -(hit.end - hit.start), order[hit.rule.id]

        return ContextHits(
            ending_at={k: tuple(sorted(v, key=longest)) for k, v in ending_at.items()},
            starting_at={k: tuple(sorted(v, key=longest)) for k, v in starting_at.items()},
            subject_rules=tuple(r for r in self.rules.with_label("role") if r.subject),
            governor_rules=tuple(r for r in self.rules.with_label("role") if r.governor),
        )


LEXICAL_ATTRS = {"LOWER": True, "ORTH": False, "TEXT": False}
"""Token attributes that are a function of the word alone (True: of its lowercase form)."""

FREE_FLAGS = range(FLAG19, FLAG63 + 1)
"""The lexeme flag bits spaCy leaves for applications."""


@dataclass(frozen=True)
class WordTest:
    """Whether a word (or its lowercase form) is in a list or matches a regex: a lexeme flag getter."""

    lower: bool
    words: frozenset[str] | None = None
    regex: str | None = None

    def __call__(self, word: str) -> bool:
        text = word.lower() if self.lower else word
        return text in self.words if self.words is not None else bool(re.search(self.regex or "", text))


class LexemeFlags:
    """Word-list (``IN``/``NOT_IN``) and ``REGEX`` tests on a token's own text, turned into lexeme
    flags: spaCy then computes each once per distinct word, in C, instead of calling a Python
    predicate for every token and pattern state, which made matching the slowest step after
    parsing. Rewritten patterns match exactly what the originals match. spaCy has 45 free flag
    bits, so the tests that run most get them (those on a pattern's first token, regexes first)
    and any others stay predicates."""

    def __init__(self, vocab: Vocab, patterns: list[list[dict]]):
        cost: Counter[WordTest] = Counter()
        for pattern in patterns:
            for position, token in enumerate(pattern):
                for _, _, test in self._tests(token):
                    # a test on a pattern's first token runs on every token of every document;
                    # later ones only where a match has begun. A regex costs more than a set lookup.
                    cost[test] += (100 if position == 0 else 1) * (3 if test.regex is not None else 1)
        taken = {flag for flag in FREE_FLAGS if flag in vocab.lex_attr_getters}
        free = [flag for flag in FREE_FLAGS if flag not in taken]
        self.flags: dict[WordTest, int] = {}
        for (test, _), flag in zip(sorted(cost.items(), key=lambda item: -item[1]), free):
            self.flags[test] = vocab.add_flag(test, flag)

    def rewrite(self, token: dict) -> dict:
        """The token pattern with every test that has a flag replaced by a check of that flag."""
        rewritten = dict(token)
        for attr, negated, test in self._tests(token):
            if test in self.flags:
                del rewritten[attr]
                rewritten[self.flags[test]] = not negated
        return rewritten

    @staticmethod
    def _tests(token: dict) -> list[tuple[str, bool, WordTest]]:
        """(attribute, negated, test) for each single word-list or regex test in a token pattern."""
        tests = []
        for attr, value in token.items():
            if attr.upper() not in LEXICAL_ATTRS or not isinstance(value, dict) or len(value) != 1:
                continue
            (operator, operand), = value.items()
            lower = LEXICAL_ATTRS[attr.upper()]
            if operator in ("IN", "NOT_IN") and all(isinstance(word, str) for word in operand):
                tests.append((attr, operator == "NOT_IN", WordTest(lower, words=frozenset(operand))))
            elif operator == "REGEX":
                tests.append((attr, False, WordTest(lower, regex=operand)))
        return tests


def _guards_hold(rule: Rule, start: int, end: int, ends: dict, starts: dict) -> bool:
    checks = {
        "before": lambda: start in ends[(rule.id, "before")],
        "not_before": lambda: start not in ends[(rule.id, "not_before")],
        "after": lambda: end in starts[(rule.id, "after")],
        "not_after": lambda: end not in starts[(rule.id, "not_after")],
    }
    return all(checks[kind]() for kind in rule.guards)


def _sentence_holds(rule: Rule, span) -> bool:
    """Whether the span's sentence holds one of the rule's ``in_sentence`` words and none of its
    ``not_in_sentence`` words (each compared with a token's lower-case text and its lemma)."""
    if not rule.in_sentence and not rule.not_in_sentence:
        return True
    words = {w for t in span.sent for w in (t.lower_, t.lemma_.lower())}
    return (not rule.in_sentence or bool(words & set(rule.in_sentence))) and not words & set(rule.not_in_sentence)


def resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Drop figures that touch an exclusion, then keep the best of overlapping spans."""
    exclusions = [c for c in candidates if c.label == "exclude"]
    kept = [c for c in candidates if c.label in EXTRACTION_LABELS and c.label != "exclude"
            and not (c.label != "date" and any(overlaps(c, x) for x in exclusions))]
    kept.sort(key=lambda c: (-(c.end - c.start), -c.rule.priority, LABEL_ORDER.index(c.label), c.start))
    taken: set[int] = set()
    chosen = []
    for cand in kept:
        if any(i in taken for i in range(cand.start, cand.end)):
            continue
        taken.update(range(cand.start, cand.end))
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def overlaps(a, b) -> bool:
    """Whether two token ranges (candidates or spans: anything with start and end) overlap."""
    return a.start < b.end and b.start < a.end
