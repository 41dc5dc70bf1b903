"""Runs every rule over a parsed document in one Matcher pass.

Extraction rules yield candidate spans; their ``before``/``after``/``not_before``/``not_after``
guards must match right next to the span. Context rules (qualifier, role) are matched in the same
pass and looked up later by the token where they end (``before``) or start (``after``).
Overlapping candidates are resolved here: exclusions drop the figures they touch, then the longest
span wins, then the rule's priority, then the label order, then the rule's order in ``rules/``.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from spacy.attrs import FLAG19, FLAG63
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.matching.anchors import AnchoredPatterns, choose_anchor, max_length
from pipeline.nlp.onetoken import OneTokenMatcher, cacheable, is_one_token
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
    """A guard's or context rule's words next to where a span may stand, in tokens; ``part`` is the
    rule's key they matched (``before``, ``not_after``, ...)."""

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
        if position not in self._ending:
            self._ending[position] = [ContextHit(*self._keys[key], start, position)
                                      for key, start in self._parts.ending_at(self.doc, position)]
        return self._ending[position]

    def starting_at(self, position: int) -> list[ContextHit]:
        if position not in self._starting:
            self._starting[position] = [ContextHit(*self._keys[key], position, end)
                                        for key, end in self._parts.starting_at(self.doc, position)]
        return self._starting[position]


class Touching:
    """Guard and context matches of one document by the token where they end (``before`` parts)
    or start (the others). Parts matched over the whole document are added as found; one-token
    parts are matched only on the token next to a position asked about, once per token, and so are
    guards of several tokens but bounded length, once per position."""

    def __init__(self, doc: Doc, one_token: OneTokenMatcher, guards: NearbyParts, keys: dict[int, tuple[Rule, str]]):
        self.doc, self._one_token_parts, self._keys = doc, one_token, keys
        self.guards = NearbyHits(doc, guards, keys)
        self._ending: dict[int, list[ContextHit]] = defaultdict(list)
        self._starting: dict[int, list[ContextHit]] = defaultdict(list)
        self._on_token: dict[int, list[ContextHit]] = {}

    def add(self, hit: ContextHit) -> None:
        (self._ending[hit.end] if hit.part in BEFORE_PARTS else self._starting[hit.start]).append(hit)

    def ending_at(self, position: int) -> list[ContextHit]:
        return self._ending.get(position, []) + [h for h in self._one_token(position - 1) if h.part in BEFORE_PARTS]

    def starting_at(self, position: int) -> list[ContextHit]:
        return self._starting.get(position, []) + [h for h in self._one_token(position) if h.part not in BEFORE_PARTS]

    def _one_token(self, i: int) -> list[ContextHit]:
        if not 0 <= i < len(self.doc):
            return []
        if i not in self._on_token:
            self._on_token[i] = [ContextHit(*self._keys[key], i, i + 1) for key in self._one_token_parts.on(self.doc[i])]
        return self._on_token[i]


class ContextHits:
    """Context rules found in a document, looked up by where they touch a figure: ``before`` hits by
    the token they end at, ``after`` hits by the token they start at, the longest first (so "no
    more than" wins over "more than"), then in file order. Bounded parts of several tokens are
    matched here, next to the positions asked about."""

    def __init__(self, touching: Touching, nearby: NearbyParts, matcher: RuleMatcher):
        self._touching, self._matcher = touching, matcher
        self._nearby = NearbyHits(touching.doc, nearby, matcher.keys)
        self.subject_rules, self.governor_rules = matcher.subject_rules, matcher.governor_rules
        self._ending: dict[int, tuple[ContextHit, ...]] = {}
        self._starting: dict[int, tuple[ContextHit, ...]] = {}

    def holds(self, candidate: Candidate) -> bool:
        """Whether a matched span's guards hold and its sentence has the words its rule asks for."""
        touching = self._touching
        return (_guards_hold(candidate.rule, candidate.start, candidate.end, touching, self._matcher.nearby_guard_parts)
                and _sentence_holds(candidate.rule, touching.doc[candidate.start:candidate.end]))

    def ending_at(self, position: int) -> tuple[ContextHit, ...]:
        if position not in self._ending:
            hits = self._touching.ending_at(position) + self._nearby.ending_at(position)
            self._ending[position] = self._longest(hits)
        return self._ending[position]

    def starting_at(self, position: int) -> tuple[ContextHit, ...]:
        if position not in self._starting:
            hits = self._touching.starting_at(position) + self._nearby.starting_at(position)
            self._starting[position] = self._longest(hits)
        return self._starting[position]

    def _longest(self, hits: list[ContextHit]) -> tuple[ContextHit, ...]:
        order = self._matcher.order
        return tuple(sorted((h for h in hits if h.rule.label in CONTEXT_LABELS),
                            key=lambda h: (-(h.end - h.start), order[h.rule.id], h.part)))


class RuleMatcher:
    """Every pattern and guard of every rule, in four kinds of matcher. Patterns with an anchor (a
    word every match holds) run in AnchoredPatterns, only around their anchors. A spaCy Matcher
    runs over the whole document: the other patterns, and the guard and context parts of several
    tokens and unbounded length. A OneTokenMatcher holds the one-token guard and context parts
    ("not after a noun"), asked about only on the token next to a span. NearbyParts hold the other
    context parts, matched only next to a figure, and the guards of bounded length, matched only
    next to a span of their rule, each only where the word it ends or starts with stands."""

    def __init__(self, vocab: Vocab, rules: RuleSet):
        self.rules = rules
        self.matcher = Matcher(vocab, validate=False)  # the rules were validated on loading
        self.anchored = AnchoredPatterns(vocab)
        self.one_token = OneTokenMatcher(vocab)
        self.nearby = NearbyParts(vocab)
        self.nearby_guards = NearbyParts(vocab)
        self.nearby_guard_parts: set[tuple[str, str]] = set()
        """(rule id, part) of the guards in ``nearby_guards``."""
        self.keys: dict[int, tuple[Rule, str]] = {}
        """(rule, part) by match id, for the parts of every matcher."""
        parts = [(rule, part, pattern) for rule in rules.rules
                 for part, pattern in [("pattern", rule.pattern), *rule.guards.items()] if pattern]
        anchors = [choose_anchor(pattern, lambda word: vocab[word].is_stop) if part == "pattern" else None
                   for _, part, pattern in parts]
        places = [_place(rule, part, pattern) if anchor is None else "anchored"
                  for (rule, part, pattern), anchor in zip(parts, anchors)]
        flags = LexemeFlags(vocab, [pattern for (_, _, pattern), place in zip(parts, places) if place == "whole"],
                            [pattern for (_, _, pattern), place in zip(parts, places) if place != "whole"])
        for (rule, part, pattern), place, anchor in zip(parts, places, anchors):
            key = f"{rule.id}#{part}"
            rewritten = [flags.rewrite(token) for token in pattern]
            if place == "anchored":
                self.anchored.add(key, rewritten, anchor, greedy="LONGEST")
            elif place == "whole":
                self.matcher.add(key, [rewritten], greedy="LONGEST" if part == "pattern" else None)
            elif place == "token":
                self.one_token.add(key, [rewritten])
            elif rule.label in CONTEXT_LABELS:
                self.nearby.add(key, part, rewritten)
            else:
                self.nearby_guards.add(key, part, rewritten)
                self.nearby_guard_parts.add((rule.id, part))
            self.keys[vocab.strings[key]] = (rule, part)
        self.order = {rule.id: i for i, rule in enumerate(rules.rules)}
        self.subject_rules = tuple(r for r in rules.with_label("role") if r.subject)
        self.governor_rules = tuple(r for r in rules.with_label("role") if r.governor)

    def match(self, doc: Doc) -> tuple[list[Candidate], ContextHits]:
        """Every span an extraction rule's pattern matched, exclusions included, in text order and
        then the rules' order (so which of two rules matching the same span wins never depends on
        the order a matcher reports them in); whether its guards hold is ``ContextHits.holds``,
        asked only of the spans that may be kept."""
        touching = Touching(doc, self.one_token, self.nearby_guards, self.keys)
        spans: list[tuple[Rule, int, int]] = []
        for key, start, end in (self.matcher(doc) if len(self.matcher) else []) + self.anchored(doc):
            rule, part = self.keys[key]
            if part == "pattern":
                spans.append((rule, start, end))
            else:
                touching.add(ContextHit(rule, part, start, end))
        candidates = [Candidate(s, e, r.label, r) for r, s, e in spans]
        candidates.sort(key=lambda c: (c.start, c.end, self.order[c.rule.id]))
        return candidates, ContextHits(touching, self.nearby, self)

    def match_all(self, doc: Doc) -> tuple[list[Candidate], ContextHits]:
        """Every span an extraction rule matched with its guards holding, exclusions included."""
        candidates, hits = self.match(doc)
        return [c for c in candidates if hits.holds(c)], hits


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


def _may_be_absent(token: dict) -> bool:
    """Whether a pattern token's quantifier lets it match no token at all ("?", "*", "{,3}")."""
    op = token.get("OP", "")
    return op in ("?", "*") or bool(re.fullmatch(r"\{0?,\d*\}", op))


def _place(rule: Rule, part: str, pattern: list[dict]) -> str:
    """Where a rule part is matched: "whole" (over the whole document), "token" (one-token guard or
    context parts, on demand) or "nearby" (bounded guard and context parts of several tokens, on
    demand)."""
    if part == "pattern":
        return "whole"
    if is_one_token(pattern):
        return "token"
    return "nearby" if max_length(pattern) is not None else "whole"


def _guards_hold(rule: Rule, start: int, end: int, touching: Touching, nearby: set[tuple[str, str]]) -> bool:
    def found(part: str) -> bool:
        if part in BEFORE_PARTS:
            hits = touching.guards.ending_at(start) if (rule.id, part) in nearby else touching.ending_at(start)
        else:
            hits = touching.guards.starting_at(end) if (rule.id, part) in nearby else touching.starting_at(end)
        return any(hit.rule.id == rule.id and hit.part == part for hit in hits)

    return all(found(part) != part.startswith("not_") for part in rule.guards)


def _sentence_holds(rule: Rule, span) -> bool:
    """Whether the span's sentence holds one of the rule's ``in_sentence`` words and none of its
    ``not_in_sentence`` words (each compared with a token's lower-case text and its lemma)."""
    if not rule.in_sentence and not rule.not_in_sentence:
        return True
    words = {w for t in span.sent for w in (t.lower_, t.lemma_.lower())}
    return (not rule.in_sentence or bool(words & set(rule.in_sentence))) and not words & set(rule.not_in_sentence)


def resolve_overlaps(candidates: list[Candidate], usable: Callable[[Candidate], bool] = lambda c: True) -> list[Candidate]:
    """Drop figures that touch an exclusion, then keep the best of overlapping spans; between
    equals, the one that comes first in ``candidates``. Candidates that are not ``usable`` (their
    guards fail, say) count as absent; the test is made only of exclusions and of candidates that
    overlap none kept so far, as only those can matter."""
    exclusions = [c for c in candidates if c.label == "exclude" and usable(c)]
    kept = [c for c in candidates if c.label in EXTRACTION_LABELS and c.label != "exclude"
            and not (c.label != "date" and any(overlaps(c, x) for x in exclusions))]
    kept.sort(key=lambda c: (-(c.end - c.start), -c.rule.priority, LABEL_ORDER.index(c.label), c.start))
    taken: set[int] = set()
    chosen = []
    for cand in kept:
        if any(i in taken for i in range(cand.start, cand.end)) or not usable(cand):
            continue
        taken.update(range(cand.start, cand.end))
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def overlaps(a, b) -> bool:
    """Whether two token ranges (candidates or spans: anything with start and end) overlap."""
    return a.start < b.end and b.start < a.end
