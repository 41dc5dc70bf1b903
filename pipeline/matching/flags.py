"""Word-list and regex tests of rule patterns turned into spaCy lexeme flags, computed once per
distinct word instead of once per token and pattern state.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.attrs import FLAG19, FLAG63
from spacy.vocab import Vocab

LEXICAL_ATTRS = {"LOWER": True, "ORTH": False, "TEXT": False}
"""Token attributes that are a function of the word alone (True: of its lowercase form)."""

FREE_FLAGS = range(FLAG19, FLAG63 + 1)
"""The lexeme flag bits spaCy leaves for applications."""


@dataclass(frozen=True)
class WordTest:
    """Whether a word (or its lowercase form) is in a list or matches a regex: a lexeme flag getter,
    called for every flag on every word the vocabulary meets for the first time."""

    lower: bool
    words: frozenset[str] | None = None
    regex: str | None = None
    pattern: re.Pattern = field(init=False, repr=False, compare=False)
    """``regex`` compiled once, not looked up in ``re``'s cache on every call."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern", re.compile(self.regex or ""))

    def __call__(self, word: str) -> bool:
        text = word.lower() if self.lower else word
        return text in self.words if self.words is not None else self.pattern.search(text) is not None


class LexemeFlags:
    """Word-list (``IN``/``NOT_IN``) and ``REGEX`` tests on a token's own text, turned into lexeme
    flags: spaCy then computes each once per distinct word, in C, instead of calling a Python
    predicate for every token and pattern state, which made matching the slowest step after
    parsing. Rewritten patterns match exactly what the originals match. spaCy has 45 free flag
    bits, so the tests that run most get them and any others stay predicates: first those a match
    of a pattern run over the whole document may begin with (tested on every token), then those
    the most ``spot_patterns`` (run only on a few tokens near figures and anchors) may begin with,
    regexes first, then by how many patterns use them."""

    def __init__(self, vocab: Vocab, patterns: list[list[dict]], spot_patterns: list[list[dict]] = ()):
        everywhere, uses = self._count(patterns)
        spot_openers, spot = self._count(spot_patterns)
        taken = {flag for flag in FREE_FLAGS if flag in vocab.lex_attr_getters}
        free = [flag for flag in FREE_FLAGS if flag not in taken]

        def cost(test: WordTest) -> tuple[bool, int, bool, int, int]:
            # a test a match may begin with runs on every token a matcher is run over (once: the
            # matcher caches a predicate per token), later ones only where a match has begun; a
            # regex costs more than a set lookup
            return everywhere[test] > 0, spot_openers[test], test.regex is not None, uses[test], spot[test]

        self.flags: dict[WordTest, int] = {}
        for test, flag in zip(sorted(dict.fromkeys([*uses, *spot]), key=cost, reverse=True), free):
            self.flags[test] = vocab.add_flag(test, flag)

    @classmethod
    def _count(cls, patterns: list[list[dict]]) -> tuple[Counter[WordTest], Counter[WordTest]]:
        """How many patterns may begin with each test (up to their first required token), and how
        many use it at all."""
        opening, uses = Counter(), Counter()
        for pattern in patterns:
            first = True
            for token in pattern:
                for _, _, test in cls._tests(token):
                    uses[test] += 1
                    opening[test] += first
                first = first and _may_be_absent(token)
        return opening, uses

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
        """(attribute, negated, test) for each single word-list or regex test in a token pattern. A
        list with words left out ({"IN": fractions, "NOT_IN": ["quarter"]}), which spaCy reads as
        both tests holding, is the one list of the words in the first and not in the second."""
        tests = []
        for attr, value in token.items():
            if attr.upper() not in LEXICAL_ATTRS or not isinstance(value, dict):
                continue
            lower = LEXICAL_ATTRS[attr.upper()]
            if value.keys() == {"IN", "NOT_IN"} and all(isinstance(word, str) for words in value.values() for word in words):
                tests.append((attr, False, WordTest(lower, words=frozenset(value["IN"]) - frozenset(value["NOT_IN"]))))
            if len(value) != 1:
                continue
            (operator, operand), = value.items()
            if operator in ("IN", "NOT_IN") and all(isinstance(word, str) for word in operand):
                tests.append((attr, operator == "NOT_IN", WordTest(lower, words=frozenset(operand))))
            elif operator == "REGEX":
                tests.append((attr, False, WordTest(lower, regex=operand)))
        return tests


def _may_be_absent(token: dict) -> bool:
    """Whether a pattern token's quantifier lets it match no token at all ("?", "*", "{,3}")."""
    op = token.get("OP", "")
    return op in ("?", "*") or bool(re.fullmatch(r"\{0?,\d*\}", op))
