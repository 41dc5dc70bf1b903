"""Reads a figure's surroundings: its qualifier ("around", "more than") and its role (level, change
with direction, share, target, comparison, rank), from the qualifier and role rules."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from pipeline.figures.counted import (CountReading, casualty_subject, group_members, is_included, named_part,
                                      reached_subject, refers_back)
from pipeline.matching.context import ContextHits
from pipeline.matching.nearby import ContextHit
from pipeline.nlp.structure import by_sentence, clause_head
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
            cue = f"{sibling.role_cue}@list"
            out[i] = Reading(reading.qualifier, sibling.role, sibling.direction, reading.rules + (cue,), cue)
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


LINK_PARTS = {"from": "from", "to": "to"}


def link_parts(doc: Doc, spans: list[Span], roles: list[str], fillers: set[str]) -> list[str]:
    """The part each figure plays in a change statement: "from" (start point), "to" (end point),
    "by" (the change itself), or "" for none. "from"/"to" may stand a few filler words before the
    figure ("to a record 102.3 million bpd"); a change right after another by "or" is the same
    change in other units ("gained $1.60, or 2.2%"); a level of the same kind right before a "from"
    figure in its sentence is the end point ("14% of its iPhones, up from 7 percent")."""
    parts = []
    for i, (span, role) in enumerate(zip(spans, roles)):
        word = _link_word(doc, span.start, fillers)
        if word in LINK_PARTS:
            parts.append(LINK_PARTS[word])
        elif role == "change" or (word == "or" and i and parts[-1] == "by"):
            parts.append("by")
        else:
            parts.append("")
    for i in range(1, len(parts)):
        if parts[i] == "from" and parts[i - 1] == "" and spans[i - 1].sent.start == spans[i].sent.start \
                and roles[i - 1] != "change":
            parts[i - 1] = "to"
    return parts


def _link_word(doc: Doc, start: int, fillers: set[str]) -> str:
    """The first word before a figure that is not a filler (at most three fillers are skipped)."""
    i = start - 1
    while i >= 0 and start - i <= 3 and doc[i].lower_ in fillers:
        i -= 1
    return doc[i].lower_ if i >= 0 else ""


def link_groups(doc: Doc, spans: list[Span], parts: list[str]) -> list[tuple[int, ...]]:
    """For each figure, the indices of the other figures of its change statement: a run of
    neighbouring figures of one sentence that each play a part, no part twice ("by 36 percent to
    $190 billion"; "to $240 from $195"). A figure alone in its run links to nothing."""
    groups: list[list[int]] = []
    for i, (span, part) in enumerate(zip(spans, parts)):
        previous = groups[-1] if groups else []
        joins = (part and previous and parts[previous[-1]] and previous[-1] == i - 1
                 and spans[previous[-1]].sent.start == span.sent.start
                 and (part not in {parts[j] for j in previous} or _alternative(doc, span)))
        if joins:
            previous.append(i)
        else:
            groups.append([i])
    linked: list[tuple[int, ...]] = [()] * len(spans)
    for group in groups:
        for i in group:
            linked[i] = tuple(j for j in group if j != i) if len(group) > 1 else ()
    return linked


def _alternative(doc: Doc, span: Span) -> bool:
    """The same figure in other units, after "or" ("$1.60, or 2.2%")."""
    return span.start > 0 and doc[span.start - 1].lower_ == "or"


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
                cue = f"{share.role_cue}@link"
                out[i] = Reading(reading.qualifier, "share", "", reading.rules + (cue,), cue)
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
            cue = f"{first.role_cue}@and"
            out[i] = Reading(reading.qualifier, first.role, first.direction, reading.rules + (cue,), cue)
    return out


def alternative_roles(readings: list[Reading], parts: list[str]) -> list[Reading]:
    """A change restated in other units after "or" takes the change's role and direction
    ("gained $1.60, or 2.2%": both are changes up); its rules name the cue with ``@or``."""
    out = list(readings)
    for i in range(1, len(out)):
        first, reading = out[i - 1], out[i]
        if parts[i] == parts[i - 1] == "by" and first.role_cue and not reading.role_cue:
            cue = f"{first.role_cue}@or"
            out[i] = Reading(reading.qualifier, first.role, first.direction, reading.rules + (cue,), cue)
    return out


OTHERS = "other"
"""The counted noun of "300 others", which stands for the noun of a count before it."""
PERSON = "person"
"""The counted noun of people ("40 to 50 people")."""


def carry_units(spans: list[Span], kinds: list[str], units: list[str], values: list[float | None],
                scaled: list[bool], counted: Callable[[Token], str] = lambda noun: "",
                reading: CountReading = CountReading()) -> list[str]:
    """Units a figure leaves unsaid and a neighbour gave. A bare price takes the per-unit of an
    earlier price of the same currency and size in its sentence, else of a later one but a share's
    ("$77.85 a barrel ... easing to $76.90"); a bare count takes the noun of "the number of X" its
    clause is about ("the number of job vacancies fell by 43,000"), else the noun of the whole it is
    part of ("411 of the 650 seats"), else the subject a verb of reaching measures ("cases topped
    2.5 million"), else the members of a group it sizes ("a crowd of 3,000"), else the countable
    noun its clause acts on (``clause_noun``: "adding jobs at a pace of 212,000 a month"), else
    the counted noun of the nearest count before it that is no part named after "including", in its
    sentence or, when its clause is about "that number" or it is "N of them", in an earlier one
    ("permits for 61,000 homes. That number had fallen to 19,000"). A count of "others" counts what
    they stand for, the noun of the count before it in its sentence ("killed 40 people and wounded
    300 others" -> person), or people when set beside a person ("Mateo Ruiz and 13 others"); a noun
    after "N of them" names that part (``named_part``: "12 of them children"), and a count nothing
    names that a casualty befell counts people ("at least 57 were killed"). ``counted`` names the
    unit of a countable noun ("jobs" -> job) and "" for any other; ``reading`` holds the rest."""
    out = list(units)
    sentences = by_sentence(spans)
    last_count: int | None = None  # the latest count with a unit so far
    for i, (span, kind, unit, value) in enumerate(zip(spans, kinds, units, values)):
        if kind == "count" and not unit:
            out[i] = (named_part(span, reading.plural_subject) or _number_subject(span, reading.plural_subject)
                      or _whole_unit(spans, kinds, units, i)
                      or reached_subject(span, reading.reaching_verbs, reading.change_verbs,
                                         lambda noun: counted(noun) or reading.plural_subject(noun))
                      or group_members(span, reading.members) or clause_noun(span, counted))
        if kind == "quantity" and unit.startswith("per "):
            out[i] = _rate_unit(span, unit, [j for j in sentences[span.sent.start] if j < i], kinds, units, counted)
        if kind == "money" and "/" not in unit and not scaled[i]:
            for j in sorted(sentences[span.sent.start], key=lambda j: (j > i, abs(j - i))):  # before it first
                later_share = j > i and out[j].endswith("/share")  # "rose to $18 each, while Acme fell to $21 a share"
                if out[j].startswith(unit + "/") and not later_share and value and values[j] and 0.1 <= value / values[j] <= 10:
                    out[i] = out[j]
                    break
        elif kind == "count" and not out[i] and last_count is not None:
            if spans[last_count].sent.start == span.sent.start or _number_subject(span) == "" or refers_back(span):
                out[i] = out[last_count]
        elif kind == "count" and unit == OTHERS and last_count is not None and spans[last_count].sent.start == span.sent.start:
            out[i] = out[last_count]
        elif kind == "count" and unit == OTHERS and any(t.ent_type_ == "PERSON" for t in span[-1].conjuncts):
            out[i] = PERSON  # "Mateo Ruiz and 13 others were rescued": others beside a person are people
        if kind == "count" and not out[i] and casualty_subject(span, reading.casualty_words):
            out[i] = PERSON  # "at least 57 were killed", no count before it to continue
        if kind == "count" and out[i] and out[i] != OTHERS and not is_included(span, reading.including_words):
            last_count = i
    return out


def event_units(spans: list[Span], units: list[str], event_noun: Callable[[str], str]) -> list[str]:
    """What "N times" counts when its verb names a countable event: "was arrested more than a
    dozen times" counts arrests, "the convoy was attacked five times" attacks; ``event_noun`` gives the
    counted noun of a verb's lemma ("arrest" -> arrest) or "" for a verb whose acts are not counted
    as things ("lost five times", "raised rates 14 times" stay times)."""
    out = list(units)
    for i, (span, unit) in enumerate(zip(spans, units)):
        times = span[-1]
        if unit == "time" and times.dep_ in ("npadvmod", "advmod", "dobj") and times.head.pos_ == "VERB":
            out[i] = event_noun(times.head.lemma_.lower()) or unit
    return out


def carry_currency(spans: list[Span], kinds: list[str], units: list[str], scales: set[str]) -> list[str]:
    """The currency of a bare scaled number that repeats the scale of earlier amounts of money in its
    sentence, when those amounts are all in one currency ("revenues would reach 8 trillion roubles
    (about $99bn) this year, down from 11.6 trillion in 2022" -> RUB); "" for every other figure."""
    out = [""] * len(spans)
    sentences = by_sentence(spans)
    for i, (span, kind, unit) in enumerate(zip(spans, kinds, units)):
        scale = span[-1].lower_
        if kind != "count" or unit or scale not in scales:
            continue
        currencies = {units[j].split("/")[0] for j in sentences[span.sent.start] if j < i and kinds[j] == "money"
                      and scale in {t.lower_ for t in spans[j]}}
        if len(currencies) == 1:
            out[i] = currencies.pop()
    return out


def _rate_unit(span: Span, unit: str, earlier: list[int], kinds: list[str], units: list[str],
               counted: Callable[[Token], str]) -> str:
    """The full unit of a rate whose counted noun is left unsaid ("per 100,000 people", "per
    month"): that of a rate per the same base before it in its sentence (``earlier``: the indices
    of the figures before it there, from ``by_sentence``; "1,237 cases per 100,000 inhabitants,
    above the threshold of 300 per 100,000" -> case per 100,000 people), else the countable noun
    its clause acts on ("hiring workers at 300 per week" -> worker per week), which may be singular
    as a class ("turned out a plane at the rate of 14 per month" -> plane per month)."""
    for j in reversed(earlier):
        if kinds[j] == "quantity" and units[j].endswith(" " + unit):
            return units[j]
    noun = clause_noun(span, lambda token: counted(token) or _class_noun(token))
    return f"{noun} {unit}" if noun else unit


def _class_noun(token: Token) -> str:
    """A singular noun that a rate counts as a class of things: "turned out a cargo plane at the
    rate of 14 per month" counts planes; a name or a noun with digits in it counts nothing."""
    return token.lemma_.lower() if token.tag_ == "NN" and token.is_alpha else ""


def _whole_unit(spans: list[Span], kinds: list[str], units: list[str], i: int) -> str:
    """The counted noun of the whole a bare count is part of: the count right after its "of" in the
    same sentence ("411 of the 650 seats" -> seat, "23 of NATO's 32 members" -> member)."""
    span = spans[i]
    doc = span.doc
    if i + 1 >= len(spans) or span.end >= len(doc) or doc[span.end].lower_ != "of":
        return ""
    whole = spans[i + 1]
    close = whole.start - span.end <= 6 and whole.sent.start == span.sent.start
    return units[i + 1] if close and kinds[i + 1] == "count" else ""


def clause_noun(span: Span, counted: Callable[[Token], str]) -> str:
    """The unit of the countable noun a bare count's clause acts on, its object or else its
    subject, when the number hangs from the clause through other words and so measures that noun:
    "adding jobs at a pace of 212,000 a month" -> job, "jobs grew by 212,000" -> job. A number that
    is itself the object ("workers earned 3,000 a month") measures no noun of its clause, nor does
    one whose noun has its own number ("hired 200 workers and spent 3,000")."""
    number = span.root
    verb = clause_head(number)
    if verb.i == number.i or (number.head.i == verb.i and number.dep_ in ("dobj", "attr", "nsubj", "nsubjpass")):
        return ""
    nouns = sorted((c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")),
                   key=lambda c: c.dep_ != "dobj")
    for noun in nouns:
        if (noun.i < span.start or noun.i >= span.end) and not any(c.like_num for c in noun.children):
            unit = counted(noun)
            if unit:
                return unit
    return ""


def _number_subject(span: Span, named: Callable[[Token], str] = lambda noun: "") -> str | None:
    """For a figure whose clause is about a number, its subject or its object: the counted noun
    ("the number of job vacancies fell by 43,000" -> vacancy, "brought to 14 the number of people
    held" -> person, as ``named`` names a plural), "" for a number named before ("that number had
    fallen to 19,000"), None when the clause is about no number."""
    verb = clause_head(span.root)
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")):
        if subject.lower_ in ("number", "total", "count"):
            counted = [p for prep in subject.children if prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"]
            return (named(counted[0]) or counted[0].lemma_.lower()) if counted else ""
    return None
