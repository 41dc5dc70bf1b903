"""Patterns of bounded length matched only in windows around their anchors.

spaCy's Matcher starts every pattern on every token of a document, so its cost grows with the
number of patterns times the number of tokens, even where no match can be. Most extraction
patterns hold a token every match needs and that a test on the word alone finds ("January",
a year, a currency symbol): their anchor. A pattern of at most n tokens can only match within
n tokens of one of its anchors, so these patterns run only in the windows around the words that
pass an anchor test, overlapping windows joined into one. The matches are the ones a pass over the
whole document finds: every match lies in the window of its own anchor, and matches that overlap
(which ``greedy`` filtering compares) lie in the same joined window.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.onetoken import OneTokenMatcher, is_lexical

WORD_ATTRS = ("ORTH", "TEXT", "LOWER")
"""Attributes whose tests name the words an anchor accepts."""

NUMBER_FLAGS = ("LIKE_NUM", "IS_DIGIT", "IS_CURRENCY")
"""Boolean word tests that accept few enough words to anchor on."""

WORDS_COST, PATTERN_COST, STOP_WORD_COST = 1, 3, 10
"""How often a test is expected to pass, for choosing a pattern's anchor: a list of content words
("January", "million") least often, a regex or number test more, every stop word in a list
("the", "to") far more."""


def token_reach(token: dict) -> int | None:
    """How many tokens a pattern token can match at most; None when its quantifier is unbounded."""
    op = token.get("OP", "1")
    if op in ("1", "!", "?"):
        return 1
    bounds = re.fullmatch(r"\{(\d*)(,?)(\d*)\}", op)
    if op in ("+", "*") or bounds is None or (bounds.group(2) and not bounds.group(3)):
        return None
    return int(bounds.group(3) or bounds.group(1))


def max_length(pattern: list[dict]) -> int | None:
    """How many tokens a pattern can match at most; None when a quantifier is unbounded."""
    reaches = [token_reach(token) for token in pattern]
    return None if None in reaches else sum(reaches)


def anchor_cost(token: dict, is_stop) -> int | None:
    """How often a word passes the tests of a pattern token that every match holds, as a rough
    rank (lower is rarer); None when the token is optional or repeated, or its tests on the word
    alone accept too many words (a title-case test, a word outside a list)."""
    if token.get("OP", "1") != "1":
        return None
    costs = []
    for attr, value in token.items():
        name = str(attr).upper()
        if name in WORD_ATTRS and isinstance(value, str):
            costs.append(WORDS_COST + STOP_WORD_COST * is_stop(value))
        elif name in WORD_ATTRS and isinstance(value, dict) and len(value) == 1:
            (operator, operand), = value.items()
            if operator == "IN" and all(isinstance(word, str) for word in operand):
                costs.append(WORDS_COST + STOP_WORD_COST * sum(map(is_stop, operand)))
            elif operator == "REGEX":
                costs.append(PATTERN_COST)
        elif name in NUMBER_FLAGS and value is True:
            costs.append(PATTERN_COST)
    return min(costs, default=None)


def choose_anchor(pattern: list[dict], is_stop) -> int | None:
    """The index of the pattern token to anchor on (the rarest, the first of equals), or None when
    the pattern is unbounded or has no token to anchor on."""
    if max_length(pattern) is None:
        return None
    costs = [(cost, i) for i, token in enumerate(pattern) if (cost := anchor_cost(token, is_stop)) is not None]
    return min(costs)[1] if costs else None


@dataclass
class _Group:
    """The patterns anchored on one test, and how far their matches reach before and after it."""

    matcher: Matcher
    before: int = 0
    after: int = 0


class AnchoredPatterns:
    """Patterns run only in the windows around their anchors (see the module). Patterns with the
    same anchor test form a group with its own Matcher, run only around that test's words."""

    CACHE_SIZE = 200_000

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self._tests = OneTokenMatcher(vocab)
        self._groups: dict[int, _Group] = {}
        """By the match id of the group's anchor test."""
        self._test_ids: dict[str, int] = {}
        self._checker = Matcher(vocab, validate=False)
        """Every pattern, run only on an empty span: spaCy's check that the annotations they test are set."""
        self._anchors_of: dict[int, tuple[int, ...]] = {}
        """The anchor tests a word passes, by its orth."""

    def __len__(self) -> int:
        return len(self._checker)

    def add(self, key: str, pattern: list[dict], anchor: int, greedy: str | None = None) -> None:
        """Add a pattern of bounded length; ``pattern[anchor]`` is a token every match holds."""
        test = {attr: value for attr, value in pattern[anchor].items() if attr != "OP" and is_lexical(attr)}
        if not test or max_length(pattern) is None:
            raise ValueError(f"{key}: no anchor at token {anchor} of a pattern of bounded length")
        name = repr(sorted(test.items(), key=lambda item: str(item[0])))
        if name not in self._test_ids:
            self._test_ids[name] = self.vocab.strings.add(f"anchor {name}")
            self._tests.add(self._test_ids[name], [[test]])
            self._groups[self._test_ids[name]] = _Group(Matcher(self.vocab, validate=False))
            self._anchors_of.clear()
        group = self._groups[self._test_ids[name]]
        group.matcher.add(key, [pattern], greedy=greedy)
        group.before = max(group.before, max_length(pattern[:anchor]))
        group.after = max(group.after, max_length(pattern[anchor + 1:]))
        self._checker.add(key, [pattern], greedy=greedy)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every match in ``doc``, group by group and window by window."""
        if not len(self._checker):
            return []
        self._checker(doc[0:0])
        found = []
        for test_id, positions in self.anchors(doc).items():
            group = self._groups[test_id]
            for start, end in joined_windows(positions, group.before, group.after, len(doc)):
                found += [(key, start + s, start + e)
                          for key, s, e in group.matcher(doc[start:end], allow_missing=True)]
        return found

    def anchors(self, doc: Doc) -> dict[int, list[int]]:
        """The positions of the words that pass each anchor test, by the test's match id."""
        positions: dict[int, list[int]] = defaultdict(list)
        anchors_of = self._anchors_of
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):
            tests = anchors_of.get(orth)
            if tests is None:
                if len(anchors_of) >= self.CACHE_SIZE:
                    anchors_of.clear()
                tests = anchors_of[orth] = self._tests.on(doc[i])
            for test_id in tests:
                positions[test_id].append(i)
        return positions


def joined_windows(positions: list[int], before: int, after: int, length: int) -> list[tuple[int, int]]:
    """(start, end) of the windows from ``before`` tokens before to ``after`` tokens after each
    position (in ascending order), overlapping windows joined."""
    joined: list[list[int]] = []
    for i in positions:
        start, end = max(0, i - before), min(length, i + 1 + after)
        if joined and start < joined[-1][1]:
            joined[-1][1] = end
        else:
            joined.append([start, end])
    return [(start, end) for start, end in joined]
