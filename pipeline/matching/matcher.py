"""Runs every rule over a parsed document in one Matcher pass.

Extraction rules yield candidate spans (``pipeline.matching.candidates``, which also resolves their
overlaps); their ``before``/``after``/``not_before``/``not_after`` guards must match right next to
the span. Context rules (qualifier, role) are matched in the same pass and looked up later by the
token where they end (``before``) or start (``after``), in ``pipeline.matching.context``.
"""
from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.matching.anchors import AnchoredPatterns, choose_anchor, max_length
from pipeline.matching.candidates import Candidate, joined_number, without_compound_number
from pipeline.matching.context import ContextHits, Touching
from pipeline.matching.flags import LexemeFlags
from pipeline.matching.nearby import ContextHit, NearbyParts
from pipeline.nlp.onetoken import OneTokenMatcher, is_one_token
from pipeline.rules import CONTEXT_LABELS, Rule, RuleSet


FIGURE_LABELS = ("money", "percent", "quantity", "count")


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
            # a rule checked on the parse keeps every match: the longest may fail the check ("5
            # people Monday") where a shorter one holds ("5 people")
            greedy = "LONGEST" if part == "pattern" and not rule.quantifies else None
            if place == "anchored":
                self.anchored.add(key, rewritten, anchor, greedy=greedy)
            elif place == "whole":
                self.matcher.add(key, [rewritten], greedy=greedy)
            elif place == "token":
                self.one_token.add(key, [rewritten])
            elif rule.label in CONTEXT_LABELS:
                self.nearby.add(key, part, rewritten)
            else:
                self.nearby_guards.add(key, part, rewritten)
                self.nearby_guard_parts.add((rule.id, part))
            self.keys[vocab.strings[key]] = (rule, part)
        self.order = {rule.id: i for i, rule in enumerate(rules.rules)}
        self.number_words = dict(rules.lexicons["number_words"])
        self.and_scales = frozenset(rules.lexicons["and_scales"])
        self.fractions = frozenset(rules.lexicons["fractions"])
        self.subject_rules = tuple(r for r in rules.with_label("role") if r.subject)
        self.governor_rules = tuple(r for r in rules.with_label("role") if r.governor)
        self.level_nouns = frozenset(rules.lexicons["level_nouns"])

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
        candidates = [Candidate(s, without_compound_number(doc, s, e) if r.label in FIGURE_LABELS else e, r.label, r)
                      for r, s, e in spans]
        candidates += self._joined(doc, candidates)
        candidates.sort(key=lambda c: (c.start, c.end, self.order[c.rule.id]))
        return candidates, ContextHits(touching, self.nearby, self)

    def _joined(self, doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
        """The figure spans widened over the rest of a number in words that their rule cut at "and"
        or a hyphen ("one hundred and sixteen", see ``joined_number``), as further candidates: the
        longest that holds wins, the span as matched where it does not. Several rules often match
        the same span ("$5 million" as money by three of them), which is read once."""
        joined = []
        widened: dict[tuple[int, int], tuple[int, int]] = {}
        for cand in candidates:
            if cand.label in FIGURE_LABELS:
                span = (cand.start, cand.end)
                if span not in widened:
                    widened[span] = joined_number(doc, cand.start, cand.end, self.number_words, self.and_scales,
                                                  self.fractions)
                start, end = widened[span]
                if (start, end) != span:
                    joined.append(Candidate(start, end, cand.label, cand.rule))
        return joined

    def match_all(self, doc: Doc) -> tuple[list[Candidate], ContextHits]:
        """Every span an extraction rule matched with its guards holding, exclusions included."""
        candidates, hits = self.match(doc)
        return [c for c in candidates if hits.holds(c)], hits


def _place(rule: Rule, part: str, pattern: list[dict]) -> str:
    """Where a rule part is matched: "whole" (over the whole document), "token" (one-token guard or
    context parts, on demand) or "nearby" (bounded guard and context parts of several tokens, on
    demand)."""
    if part == "pattern":
        return "whole"
    if is_one_token(pattern):
        return "token"
    return "nearby" if max_length(pattern) is not None else "whole"
