"""Guard and context parts of several tokens but bounded length ("more than", "up from"), matched
only in the few tokens next to a position asked about, and the hits they make there.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.matching.anchors import max_length
from pipeline.nlp.onetoken import OneTokenMatcher, cacheable
from pipeline.rules import Rule


class ContextHit(NamedTuple):
    """A guard's or context rule's words next to where a span may stand, in tokens; ``part`` is the
    rule's key they matched (``before``, ``not_after``, ...). A named tuple, made in half the time
    of a frozen dataclass: one is made for every one-token part a word passes ("not after a noun")."""

    rule: Rule
    part: str
    start: int
    end: int


BEFORE_PARTS = ("before", "not_before")
"""Guard and context parts that must end where a span starts; the others start where it ends."""


class NearbyParts:
    """Context parts of several tokens but of bounded length ("more than", "up from"), matched only
    in the few tokens before (``before`` parts) or after a position asked about: context is only
    ever asked about next to a figure. A part that must end (``before``) or start (the others)
    with a given word ("than", "from") runs only where that word stands (see EdgeGroups)."""

    def __init__(self, vocab: Vocab):
        self.before, self.after = EdgeGroups(vocab, last=True), EdgeGroups(vocab, last=False)

    def add(self, key: str, part: str, pattern: list[dict]) -> None:
        """Add a rule part on the side of a span it touches: ``before`` and ``not_before`` parts
        must end where the span starts, the others start where it ends."""
        (self.before if part in BEFORE_PARTS else self.after).add(key, pattern)

    def ending_at(self, doc: Doc, position: int) -> list[tuple[int, int]]:
        """(match id, start) of the parts that end at ``position``."""
        if position <= 0:
            return []
        return [(key, start) for key, start, _ in self.before.at(doc, position)]

    def starting_at(self, doc: Doc, position: int) -> list[tuple[int, int]]:
        """(match id, end) of the parts that start at ``position``."""
        if position >= len(doc):
            return []
        return [(key, end) for key, _, end in self.after.at(doc, position)]


class EdgeGroups:
    """Patterns matched only against one edge: each match must end where ``at`` is asked (``last``)
    or start there. Patterns whose token at that edge is required and has tests a OneTokenMatcher
    can answer (on the word, its lemma, tag, ...) are grouped by those tests, each group with its
    own Matcher, run only when the token at the edge passes them; the others run every time."""

    def __init__(self, vocab: Vocab, last: bool):
        self.vocab, self.last = vocab, last
        self._tests = OneTokenMatcher(vocab)
        self._groups: dict[int | None, list] = {}
        """[Matcher, reach] by the match id of the edge test, None for patterns without one."""
        self._patterns: dict[int, list[list[dict]]] = {}

    def __len__(self) -> int:
        return len(self._patterns)

    def get(self, key: int | str) -> tuple[None, list[list[dict]]] | None:
        """As ``Matcher.get``: the patterns added under ``key``."""
        patterns = self._patterns.get(self.vocab.strings.add(key) if isinstance(key, str) else key)
        return None if patterns is None else (None, patterns)

    def add(self, key: str, pattern: list[dict]) -> None:
        """Add a pattern to the group of its edge token's tests where ``edge_variants`` can make
        that token required and a OneTokenMatcher can answer its tests; else to the patterns that
        run every time."""
        self._patterns.setdefault(self.vocab.strings.add(key), []).append(pattern)
        variants = edge_variants(pattern, self.last)
        for variant in variants or [pattern]:
            edge = variant[-1] if self.last else variant[0]
            test = {attr: value for attr, value in edge.items() if attr != "OP"}
            group = None
            if variants and test and cacheable(test):
                group = self._tests.add_test(test)
            if group not in self._groups:
                self._groups[group] = [Matcher(self.vocab, validate=False), 0]
            self._groups[group][0].add(key, [variant])
            self._groups[group][1] = max(self._groups[group][1], max_length(variant))

    def at(self, doc: Doc, position: int) -> list[tuple[int, int, int]]:
        """(match id, start, end) of the matches that end (``last``) or start at ``position``."""
        edge = doc[position - 1] if self.last else doc[position]
        found = []
        for group in (*self._tests.on(edge), None):
            if group not in self._groups:
                continue
            matcher, reach = self._groups[group]
            first = max(0, position - reach) if self.last else position
            # the pass over the whole document has checked that the annotations they test are set
            window = doc[first:position] if self.last else doc[position:position + reach]
            found += [(key, first + start, first + end) for key, start, end in matcher(window, allow_missing=True)
                      if (first + end == position if self.last else start == 0)]
        return list(dict.fromkeys(found))  # two variants of a pattern may match the same span


MAX_VARIANTS = 8


def edge_variants(pattern: list[dict], last: bool) -> list[list[dict]]:
    """The pattern as patterns whose last (``last``) or first token is required, matching the same
    spans together: optional tokens at that edge ("than" in "more (than)") are spelled out, each
    variant with one more or one fewer. Empty when that makes more than MAX_VARIANTS or leaves no
    token."""
    tokens = pattern[::-1] if last else list(pattern)
    variants: list[list[dict]] = [[]]  # edge tokens spelled out so far, from the edge inwards
    while tokens:
        op = tokens[0].get("OP", "1")
        if op == "1":
            break
        counts = {"?": range(2)}.get(op)
        bounds = re.fullmatch(r"\{(\d*),(\d+)\}", op)
        if counts is None and bounds:
            counts = range(int(bounds.group(1) or 0), int(bounds.group(2)) + 1)
        if counts is None or len(variants) * len(counts) > MAX_VARIANTS:
            return []
        plain = {attr: value for attr, value in tokens[0].items() if attr != "OP"}
        variants = [variant + [plain] * count for variant in variants for count in counts]
        tokens = tokens[1:]
    if not tokens:
        return []
    return [(tokens[::-1] + variant[::-1]) if last else (variant + tokens) for variant in variants]


class NearbyHits:
    """The hits of NearbyParts in one document, each position matched once."""

    def __init__(self, doc: Doc, parts: NearbyParts, keys: dict[int, tuple[Rule, str]]):
        self.doc, self._parts, self._keys = doc, parts, keys
        self._ending: dict[int, list[ContextHit]] = {}
        self._starting: dict[int, list[ContextHit]] = {}

    def ending_at(self, position: int) -> list[ContextHit]:
        """The parts that end right before token ``position``, matched there the first time it is
        asked about."""
        if position not in self._ending:
            self._ending[position] = [ContextHit(*self._keys[key], start, position)
                                      for key, start in self._parts.ending_at(self.doc, position)]
        return self._ending[position]

    def starting_at(self, position: int) -> list[ContextHit]:
        """The parts that start at token ``position``, matched there the first time it is asked about."""
        if position not in self._starting:
            self._starting[position] = [ContextHit(*self._keys[key], position, end)
                                        for key, end in self._parts.starting_at(self.doc, position)]
        return self._starting[position]
