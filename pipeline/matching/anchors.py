"""Patterns matched only in windows around their anchors.

spaCy's Matcher starts every pattern on every token of a document, so its cost grows with the
number of patterns times the number of tokens, even where no match can be. Most extraction
patterns hold a token every match needs and that a test on the word alone finds ("January",
a year, a currency symbol): their anchor. A match can only lie within so many tokens of one of its
anchors, so these patterns run only in the windows around the words that pass an anchor test,
overlapping windows joined into one. How many tokens: a pattern token matches at most one token,
or a bounded number ("{,3}"), or, when repeated ("+", "*"), no more than the longest run of
consecutive words in the document that pass its own test on the word (a run of numbers, of scale
words); a pattern with a repeated token that tests nothing on the word is not anchored. The matches
are the ones a pass over the whole document finds: every match lies in the window of its own
anchor, and matches that overlap (which ``greedy`` filtering compares) lie in the same joined
window. A pattern that is its anchor's word alone ({"LOWER": "percent"}) matches every word that
passes the anchor test, with no Matcher run at all.

Most windows hold no match: a Matcher run costs about as much for them, its tests called on every
word of the window. A pattern's other required tokens that test the word too ("of" in "three of
the five", a month before a day) must each be passed by a word on their side of the anchor within
the pattern's reach. Such patterns form a group of their own per anchor test: an anchor where no
pattern of that group finds them opens no window, and the group's Matcher runs only in the windows
of the others. Every match still lies in the window of its own anchor, which is kept, so the
matches are the same.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.attrs import ORTH
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.nlp.caches import BoundedCache
from pipeline.nlp.onetoken import OneTokenMatcher, is_lexical

WORD_ATTRS = ("ORTH", "TEXT", "LOWER")
"""Attributes whose tests name the words an anchor accepts."""

NUMBER_FLAGS = ("LIKE_NUM", "IS_DIGIT", "IS_CURRENCY")
"""Boolean word tests that accept few enough words to anchor on."""

WORDS_COST, PATTERN_COST, STOP_WORD_COST = 1, 3, 10
"""How often a test is expected to pass, for choosing a pattern's anchor: a list of content words
("January", "million") least often, a regex or number test more, every stop word in a list
("the", "to") far more."""

REQUIRED_OPS = ("1", "+")
"""Quantifiers of a token every match holds at least once."""


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
    if token.get("OP", "1") not in REQUIRED_OPS:
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


def word_test(token: dict) -> dict:
    """The tests of a pattern token on the word alone (its text, lower-case form, flags)."""
    return {attr: value for attr, value in token.items() if attr != "OP" and is_lexical(attr)}


def is_selective(token: dict) -> bool:
    """Whether a pattern token holds a word test that few words pass: a word, a list or a regex of
    the word, a number flag, or a rule's word-list or regex flag set (what ``LexemeFlags`` makes of
    a list or regex); not a list of words the word must not be, which nearly every word passes."""
    return anchor_cost(token, lambda word: False) is not None or (
        token.get("OP", "1") in REQUIRED_OPS and any(isinstance(attr, int) and value is True for attr, value in token.items()))


def is_word_alone(pattern: list[dict]) -> bool:
    """Whether a pattern is one token, once, tested on the word alone ({"LOWER": "percent"}): its
    matches are the words that pass its test, which needs no Matcher."""
    return len(pattern) == 1 and pattern[0].get("OP", "1") == "1" and \
        len(word_test(pattern[0])) == len(pattern[0]) - ("OP" in pattern[0])


def choose_anchor(pattern: list[dict], is_stop) -> int | None:
    """The index of the pattern token to anchor on (the rarest, the first of equals), or None when
    the pattern has none or repeats a token that tests nothing on the word."""
    if any(token_reach(token) is None and not word_test(token) for token in pattern):
        return None
    costs = [(cost, i) for i, token in enumerate(pattern) if (cost := anchor_cost(token, is_stop)) is not None]
    return min(costs)[1] if costs else None


@dataclass(frozen=True)
class Reach:
    """How many tokens a match may hold on one side of its anchor: ``fixed``, plus the longest run,
    in the document, of words passing each of the ``repeated`` word tests (by match id)."""

    fixed: int
    repeated: tuple[int, ...] = ()

    def within(self, runs: dict[int, int]) -> int:
        """The reach in a document whose longest run of each repeated test's words is ``runs``."""
        return self.fixed + sum(runs.get(test, 0) for test in self.repeated)


@dataclass
class _Group:
    """The patterns anchored on one word test, with the reach of each before and after it, and
    either all with other required word tests or none."""

    matcher: Matcher
    reaches: list[tuple[Reach, Reach]] = field(default_factory=list)
    needs: list[tuple[tuple[int, ...], tuple[int, ...]]] = field(default_factory=list)
    """For each pattern, the word tests of its other required tokens (``is_selective``) before and
    after the anchor, by match id; empty in a group of patterns that have none."""
    words: list[int] = field(default_factory=list)
    """The match ids of the patterns that are the anchor's word alone, which match every word that
    passes the anchor test, with no Matcher run."""


class AnchoredPatterns:
    """Patterns run only in the windows around their anchors (see the module). Patterns with the
    same anchor test form a group with its own Matcher, run only around that test's words (two
    groups when some of them hold other required word tests and some none)."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self._tests = OneTokenMatcher(vocab)
        """The anchors' and repeated tokens' word tests, by match id."""
        self._repeated: set[int] = set()
        self._groups: dict[tuple[int, bool], _Group] = {}
        """By the match id of the group's anchor test and whether its patterns need other words."""
        self._checker = Matcher(vocab, validate=False)
        """Every pattern, run only on an empty span: spaCy's check that the annotations they test are set."""
        self._tests_of: BoundedCache = BoundedCache()
        """The word tests a word passes, by its orth."""

    def __len__(self) -> int:
        return len(self._checker)

    def add(self, key: str, pattern: list[dict], anchor: int, greedy: str | None = None) -> None:
        """Add a pattern; ``pattern[anchor]`` is a token every match holds, tested on the word."""
        if pattern[anchor].get("OP", "1") not in REQUIRED_OPS or not word_test(pattern[anchor]):
            raise ValueError(f"{key}: token {anchor} is no anchor (a required token tested on the word)")
        anchor_id = self._test_id(pattern[anchor])
        own = pattern[anchor].get("OP", "1") == "+"  # the anchor's own run, less the anchor word
        before, after = self._reach(pattern[:anchor]), self._reach(pattern[anchor + 1:])
        if own:
            before = Reach(before.fixed - 1, (*before.repeated, anchor_id))
            after = Reach(after.fixed - 1, (*after.repeated, anchor_id))
            self._repeated.add(anchor_id)
        needs = tuple(tuple(self._test_id(token) for token in side if is_selective(token) and word_test(token))
                      for side in (pattern[:anchor], pattern[anchor + 1:]))
        group = self._group(anchor_id, needs != ((), ()))
        self._checker.add(key, [pattern], greedy=greedy)
        if is_word_alone(pattern):
            group.words.append(self.vocab.strings.add(key))
            return
        group.matcher.add(key, [pattern], greedy=greedy)
        group.reaches.append((before, after))
        if needs != ((), ()):
            group.needs.append(needs)

    def _group(self, anchor_id: int, needy: bool) -> _Group:
        if (anchor_id, needy) not in self._groups:
            self._groups[anchor_id, needy] = _Group(Matcher(self.vocab, validate=False))
        return self._groups[anchor_id, needy]

    def _reach(self, tokens: list[dict]) -> Reach:
        fixed, repeated = 0, []
        for token in tokens:
            reach = token_reach(token)
            if reach is not None:
                fixed += reach
            elif word_test(token):
                repeated.append(self._test_id(token))
                self._repeated.add(repeated[-1])
            else:
                raise ValueError(f"a repeated pattern token that tests nothing on the word: {token}")
        return Reach(fixed, tuple(repeated))

    def _test_id(self, token: dict) -> int:
        self._tests_of.clear()  # the words' answers may change with a new test
        return self._tests.add_test(word_test(token))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every match in ``doc``, group by group and window by window."""
        if not len(self._checker):
            return []
        self._checker(doc[0:0])
        passing = self.passing(doc)
        runs = {test: longest_run(passing[test]) for test in self._repeated if test in passing}
        found = []
        for (test, needy), group in self._groups.items():
            positions = passing.get(test)
            if not positions:
                continue
            found += [(key, i, i + 1) for key in group.words for i in positions]
            if not group.reaches:
                continue
            before = max(reach.within(runs) for reach, _ in group.reaches)
            after = max(reach.within(runs) for _, reach in group.reaches)
            if needy:
                positions = viable(positions, group, passing, runs)
            for start, end in joined_windows(positions, before, after, len(doc)):
                found += [(key, start + s, start + e)
                          for key, s, e in group.matcher(doc[start:end], allow_missing=True)]
        return found

    def passing(self, doc: Doc) -> dict[int, list[int]]:
        """The positions of the words that pass each word test, by the test's match id."""
        positions: dict[int, list[int]] = defaultdict(list)
        tests_of = self._tests_of
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):
            tests = tests_of.get(orth)
            if tests is None:
                tests = tests_of.put(orth, self._tests.on(doc[i]))
            for test in tests:
                positions[test].append(i)
        return positions


def viable(positions: list[int], group: _Group, passing: dict[int, list[int]], runs: dict[int, int]) -> list[int]:
    """The anchors around which some pattern of the group finds a word passing each of its other
    required word tests, before the anchor for the tokens before it and after it for the others,
    within the pattern's reach."""
    sides = list(dict.fromkeys(  # patterns that ask the same words as far away are tried once
        (reach_before.within(runs), reach_after.within(runs), before, after)
        for (reach_before, reach_after), (before, after) in zip(group.reaches, group.needs)
        if all(test in passing for test in before + after)))  # a test no word passes rules a pattern out
    return [i for i in positions if any(found_around(i, side, passing) for side in sides)]


def found_around(i: int, side: tuple[int, int, tuple[int, ...], tuple[int, ...]], passing: dict[int, list[int]]) -> bool:
    """Whether each test of ``before`` is passed by a word at most ``reach_before`` tokens before
    position ``i``, and each of ``after`` by a word at most ``reach_after`` tokens after it."""
    reach_before, reach_after, before, after = side
    for test in before:
        found = passing[test]
        k = bisect_left(found, i - reach_before)
        if k == len(found) or found[k] >= i:
            return False
    for test in after:
        found = passing[test]
        k = bisect_left(found, i + 1)
        if k == len(found) or found[k] > i + reach_after:
            return False
    return True


def longest_run(positions: list[int]) -> int:
    """The most consecutive numbers in an ascending list."""
    longest = run = 0
    for i, position in enumerate(positions):
        run = run + 1 if i and position == positions[i - 1] + 1 else 1
        longest = max(longest, run)
    return longest


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
