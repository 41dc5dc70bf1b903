"""Guard and context matches of one document looked up by where they touch a span: whether a
span's guards hold, and which context rules (qualifier, role) end right before a figure or start
right after it.
"""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from pipeline.matching.candidates import Candidate
from pipeline.matching.nearby import BEFORE_PARTS, ContextHit, NearbyHits, NearbyParts
from pipeline.nlp.onetoken import OneTokenMatcher
from pipeline.nlp.structure import clause_head
from pipeline.rules import CONTEXT_LABELS, Rule

if TYPE_CHECKING:
    from pipeline.matching.matcher import RuleMatcher


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
        """A hit of the pass over the whole document, filed under the token where it would touch a
        span: its end for ``before`` parts, its start for the others."""
        (self._ending[hit.end] if hit.part in BEFORE_PARTS else self._starting[hit.start]).append(hit)

    def ending_at(self, position: int) -> list[ContextHit]:
        """Hits that end right before token ``position``: those of the whole-document pass, and the
        one-token parts matching the token before."""
        return self._ending.get(position, []) + [h for h in self._one_token(position - 1) if h.part in BEFORE_PARTS]

    def starting_at(self, position: int) -> list[ContextHit]:
        """Hits that start at token ``position``: those of the whole-document pass, and the
        one-token parts matching that token."""
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
        self.level_nouns = matcher.level_nouns
        self._ending: dict[int, tuple[ContextHit, ...]] = {}
        self._starting: dict[int, tuple[ContextHit, ...]] = {}

    def holds(self, candidate: Candidate) -> bool:
        """Whether a matched span's guards hold and its sentence has the words its rule asks for."""
        touching = self._touching
        return (_guards_hold(candidate.rule, candidate.start, candidate.end, touching, self._matcher.nearby_guard_parts)
                and _sentence_holds(candidate.rule, touching.doc[candidate.start:candidate.end])
                and (not candidate.rule.quantifies or quantifies_last(touching.doc[candidate.start:candidate.end])))

    def ending_at(self, position: int) -> tuple[ContextHit, ...]:
        """The context rules that end right before token ``position``, where a figure starts,
        longest first: before "$2 billion" in "no more than $2 billion",
        ``qualifier-no-further-than`` comes before ``qualifier-more-than``. Looked up once per position."""
        if position not in self._ending:
            hits = self._touching.ending_at(position) + self._nearby.ending_at(position)
            self._ending[position] = self._longest(hits)
        return self._ending[position]

    def starting_at(self, position: int) -> tuple[ContextHit, ...]:
        """The context rules that start at token ``position``, right after a figure, longest
        first: "a 5 percent increase" has ``role-change-trailing-rising`` after "5 percent"."""
        if position not in self._starting:
            hits = self._touching.starting_at(position) + self._nearby.starting_at(position)
            self._starting[position] = self._longest(hits)
        return self._starting[position]

    def _longest(self, hits: list[ContextHit]) -> tuple[ContextHit, ...]:
        order = self._matcher.order
        return tuple(sorted((h for h in hits if h.rule.label in CONTEXT_LABELS),
                            key=lambda h: (-(h.end - h.start), order[h.rule.id], h.part)))


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
    ``not_in_sentence`` words (each compared with a token's lower-case text and its lemma). A
    sentence about "it" or "they" speaks of what the sentence before named, so the ``in_sentence``
    words may stand there too ("Bayer topped the index. It went up by 27.5 points")."""
    if not rule.in_sentence and not rule.not_in_sentence:
        return True
    words = _words(span.sent)
    if rule.not_in_sentence and words & set(rule.not_in_sentence):
        return False
    if not rule.in_sentence or words & set(rule.in_sentence):
        return True
    before = _sentence_before(span.sent) if _about_pronoun(span) else None
    return before is not None and bool(_words(before) & set(rule.in_sentence))


def _words(sent) -> set[str]:
    return {w for t in sent for w in (t.lower_, t.lemma_.lower())}


ANAPHORS = ("it", "they")
"""Subjects that stand for something the sentence before named."""


def _about_pronoun(span) -> bool:
    """Whether the figure's clause, or its sentence's main clause, has "it" or "they" as subject."""
    verbs = (clause_head(span.root), span.sent.root)
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ANAPHORS for v in verbs for c in v.children)


def _sentence_before(sent):
    """The sentence before ``sent``, past blank lines; None for the first."""
    i = sent.start - 1
    while i >= 0 and sent.doc[i].is_space:
        i -= 1
    return sent.doc[i].sent if i >= 0 else None


def quantifies_last(span) -> bool:
    """Whether the span's first word, a number, quantifies its last word in the parse: the last
    word is the number's head, or the head of its head and so on, within one clause (no verb on
    the way): "eighteen new wide-body jets" (eighteen -> jets), "two hundred thirty-five thousand
    residents" (two -> thousand -> residents), "a record 212 graduates" (212 -> record ->
    graduates), "2,300 and 700 homes" (700 -> 2,300 -> homes). "the 737 offers more seats" fails:
    737 is the subject of "offers". A number joined by a hyphen to a word describes the noun
    instead ("a 22,000-seat stadium", "a 52-year-old driver"). A noun the tokenizer cut at its
    hyphen is one word: the number may hang on any of its parts ("9,000 e-bikes": 9,000 -> e)."""
    if any(t.text == "-" and span[i - 1].like_num and not span[i + 1].like_num
           for i, t in enumerate(span[1:-1], start=1)):
        return False
    token, last = span[0], span[-1]
    ends, k = {last.i}, len(span) - 1
    while k >= 3 and span[k - 1].text == "-" and not span[k - 1].whitespace_ and not span[k - 2].whitespace_:
        ends.add(span[k - 2].i)  # "e-bikes", "x-ray machines" are one noun
        k -= 2
    for _ in range(MAX_CLIMB):
        if token.head.i == token.i or token.head.i in ends:
            return token.head.i in ends
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False


MAX_CLIMB = 6
"""How many heads up from a number its counted noun may be."""
