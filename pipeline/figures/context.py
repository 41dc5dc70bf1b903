"""Reads a figure's surroundings: its qualifier ("around", "more than") and its role (level, change
with direction, share, target, comparison, rank), from the qualifier and role rules, and the roles
figures share with their neighbours (a list in parentheses, a change restated after "or"). The parts
figures play in a change statement are ``links.py``'s, the units they carry ``carried_units.py``'s."""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from pipeline.matching.context import ContextHits
from pipeline.matching.nearby import ContextHit
from pipeline.nlp.structure import clause_head
from pipeline.rules import Rule


@dataclass(frozen=True)
class Reading:
    """A figure's qualifier, role and direction as read from its surroundings: "grew by around 36
    percent" reads approx, change, up. The figures around it may revise the role later
    (``endpoint_roles``, ``conjoined_roles``, ...)."""

    qualifier: str = "exact"
    role: str = "level"
    direction: str = ""
    rules: tuple[str, ...] = ()
    """Ids of the qualifier and role rules that fired, for the figure's ``rules``."""
    role_cue: str = ""
    """The id of the role rule that gave the role, if one did."""

    def with_role_of(self, cued: Reading, link: str) -> Reading:
        """This reading with the role and direction of a neighbour a rule cued, its rules naming that
        cue and how the two are linked: "grew 5.9 percent in 2021 and 2.1 percent last year" gives
        the second figure the change up of the first, by ``role-change-rising-direct@and``."""
        cue = f"{cued.role_cue}@{link}"
        return Reading(self.qualifier, cued.role, cued.direction, self.rules + (cue,), cue)


def read_context(span: Span, kind: str, sets: dict, hits: ContextHits) -> Reading:
    """Qualifier and role of one figure. A role cue next to the figure wins ("rose by a third" is a
    change); else the extraction rule's own ``sets`` (a fraction is a share, "top 10" a rank); else
    the verbs that govern the figure's clause ("would narrow to 5.1 per cent" is a target); else the
    clause's subject. A role cue before the figure may stand before its qualifier ("grew by
    around 36 percent"). A bound after the figure wins over a qualifier before it ("about 500 or
    more" is at least 500). With no qualifier around it, the extraction rule may set one ("a couple
    of hundred fans" is about 200)."""
    qualifier = _first(hits.ending_at(span.start), "qualifier", kind)
    cue_end = qualifier.start if qualifier else span.start
    if qualifier is None and level_start(span, hits.level_nouns) != span.start:  # "below the 5,000 mark"
        qualifier = _first(hits.ending_at(level_start(span, hits.level_nouns)), "qualifier", kind)
    qualifier = _first(hits.starting_at(span.end), "qualifier", kind) or qualifier  # "500 or more"
    role = (_first(hits.ending_at(cue_end), "role", kind)
            or _first(hits.starting_at(span.end), "role", kind))
    role_rule = role.rule if role else None
    if role_rule is None and "role" not in sets:
        role_rule = next((r for r in hits.governor_rules if _applies(r, kind) and _governed_by(span, r.governor)), None)
    if role_rule is None and "role" not in sets:
        role_rule = next((r for r in hits.subject_rules if _applies(r, kind) and _subject_is(span, r.subject)), None)
    fired = tuple(r.id for r in (qualifier.rule if qualifier else None, role_rule) if r is not None)
    role_sets = role_rule.sets if role_rule else sets
    return Reading(
        qualifier=qualifier.rule.sets["qualifier"] if qualifier else sets.get("qualifier", "exact"),
        role=role_sets.get("role", "level"),
        direction=role_sets.get("direction", ""),
        rules=fired,
        role_cue=role_rule.id if role_rule else "",
    )


def level_start(span: Span, level_nouns: frozenset[str]) -> int:
    """Where the noun phrase begins whose threshold noun (``level_nouns``) the figure names the
    level of: in "slid under the key 6,500-point level" or "back over the four thousand mark"
    the figure modifies the noun right after it, so the comparison word before "the" bounds the
    figure. Any other figure keeps its start: one that takes in its own noun ("over the past 5
    years") or names the amount of another thing ("well above the 190,000 forecast")."""
    doc, end = span.doc, span.end
    if end >= len(doc) or span.root.head.i != end or doc[end].lemma_.lower() not in level_nouns:
        return span.start
    i = span.start
    while i > 0 and span.start - i < MAX_LEVEL_ADJECTIVES and doc[i - 1].pos_ == "ADJ":
        i -= 1
    return i - 1 if i > 0 and doc[i - 1].lower_ == "the" else span.start


MAX_LEVEL_ADJECTIVES = 2
"""How many adjectives may stand between "the" and a level figure ("the key 6,500-point level")."""


def _first(hits: tuple[ContextHit, ...], label: str, kind: str) -> ContextHit | None:
    """The longest hit of this label that applies to this kind of figure."""
    return next((h for h in hits if h.rule.label == label and _applies(h.rule, kind)), None)


def _applies(rule: Rule, kind: str) -> bool:
    return not rule.kinds or kind in rule.kinds


def _governed_by(span: Span, lemmas: tuple[str, ...]) -> bool:
    """Whether the figure's clause verb, its auxiliaries, or the verb whose complement the clause is
    ("wants to reach 300,000", "expects revenue of ...") has one of these lemmas."""
    verb = clause_head(span.root)
    chain = [verb] + ([verb.head] if verb.dep_ in ("xcomp", "ccomp") and verb.head.i != verb.i else [])
    words = {t.lemma_.lower() for v in chain for t in [v, *(c for c in v.children if c.dep_ in ("aux", "auxpass"))]}
    return bool(words & set(lemmas))


def _subject_is(span: Span, words: tuple[str, ...]) -> bool:
    """Whether the figure's clause has one of these words as its subject ("the share ... jumped");
    the word itself, not its lemma, so that "shares" (stocks) is not "share"."""
    verb = clause_head(span.root)
    return any(child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in words for child in verb.children)


def in_parentheses(doc: Doc, span: Span) -> bool:
    """Whether the figure opens a parenthesis, perhaps after one qualifier word ("(around 23 percent")."""
    return (span.start > 0 and doc[span.start - 1].text == "(") or (
        span.start > 1 and doc[span.start - 2].text == "(" and not doc[span.start - 1].like_num)


def share_list_roles(doc: Doc, spans: list[Span], kinds: list[str], readings: list[Reading]) -> list[Reading]:
    """Parallel parentheticals share their role: in "equipment (around 23 percent of exports), cars
    (20 percent)" the bare "(20 percent)" is a share like its cued sibling in the same sentence."""
    bracketed = [in_parentheses(doc, span) for span in spans]
    cued: dict[tuple[int, str], Reading] = {}
    for span, kind, reading, inside in zip(spans, kinds, readings, bracketed):
        if inside and reading.role_cue:
            cued.setdefault((span.sent.start, kind), reading)
    out = list(readings)
    for i, (span, kind, reading, inside) in enumerate(zip(spans, kinds, readings, bracketed)):
        sibling = cued.get((span.sent.start, kind))
        if inside and sibling is not None and not reading.role_cue and reading.role == "level":
            out[i] = reading.with_role_of(sibling, "list")
    return out


def restated_qualifiers(doc: Doc, spans: list[Span], kinds: list[str], readings: list[Reading]) -> list[Reading]:
    """A figure in parentheses right after one of its kind says the same amount in other units and
    so keeps its bound: in "up to €80 million (US$87 million)" or "no further than 40 miles (64
    km)" the second figure is at most too; its rules name the bound with ``@restated``."""
    out = list(readings)
    for i in range(1, len(spans)):
        before, reading, first = spans[i - 1], out[i], out[i - 1]
        between = doc[before.end:spans[i].start]
        if (kinds[i] == kinds[i - 1] and reading.qualifier == "exact" and first.qualifier != "exact"
                and any(t.text == "(" for t in between) and all(t.is_punct or t.is_space for t in between)):
            cue = next(r for r in first.rules if r.startswith("qualifier"))
            out[i] = replace(reading, qualifier=first.qualifier, rules=reading.rules + (f"{cue}@restated",))
    return out



def endpoint_roles(readings: list[Reading], kinds: list[str], linked: list[tuple[int, ...]],
                   parts: list[str]) -> list[Reading]:
    """The end points of one change measure the same thing: a plain level linked to a share of its
    kind is a share too ("about 14% of its iPhones, up from 7 percent"); its rules name the cue with
    ``@link``."""
    out = list(readings)
    for i, reading in enumerate(readings):
        if parts[i] in ("from", "to") and reading.role == "level" and not reading.role_cue:
            share = next((readings[j] for j in linked[i] if kinds[j] == kinds[i] and parts[j] in ("from", "to")
                          and readings[j].role == "share" and readings[j].role_cue), None)
            if share is not None:
                out[i] = reading.with_role_of(share, "link")
    return out


def conjoined_roles(doc: Doc, spans: list[Span], kinds: list[str], readings: list[Reading]) -> list[Reading]:
    """A figure joined by "and" or "or" to a cued change of its kind, with no verb between them,
    is a change the same way ("the economy grew 5.9 percent in 2021 and 2.1 percent last year");
    its rules name the cue with ``@and``."""
    out = list(readings)
    for i in range(1, len(out)):
        first, reading, span, before = out[i - 1], out[i], spans[i], spans[i - 1]
        if reading.role_cue or reading.role != "level" or first.role != "change" or not first.role_cue:
            continue
        between = doc[before.end:span.start]
        joined = [t for t in between if t.lower_ in ("and", "or")]
        if (kinds[i] == kinds[i - 1] and before.sent.start == span.sent.start and joined
                and not any(t.pos_ in ("VERB", "AUX") for t in between)):
            out[i] = reading.with_role_of(first, "and")
    return out


def alternative_roles(readings: list[Reading], parts: list[str]) -> list[Reading]:
    """A change restated in other units after "or" takes the change's role and direction
    ("gained $1.60, or 2.2%": both are changes up); its rules name the cue with ``@or``."""
    out = list(readings)
    for i in range(1, len(out)):
        first, reading = out[i - 1], out[i]
        if parts[i] == parts[i - 1] == "by" and first.role_cue and not reading.role_cue:
            out[i] = reading.with_role_of(first, "or")
    return out
