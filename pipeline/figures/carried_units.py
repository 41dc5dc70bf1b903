"""Units a figure leaves unsaid, carried from its neighbours and its clause: a bare price takes the
per-unit of a price beside it ("$77.85 a barrel ... easing to $76.90"), a bare count the noun of
the whole it is part of, of what its clause counts or of the count before it ("411 of the 650
seats"), "N times" the event its verb names, a bare scaled number the currency of the amounts
before it."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from pipeline.figures.counted import (CountReading, casualty_count, group_members, is_included, named_part,
                                      reached_subject, refers_back)
from pipeline.nlp.structure import by_sentence, clause_head

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
    ("permits for 61,000 homes. That number had fallen to 19,000"), unless a casualty befell it
    and not the count before (``_continues``). A count of "others" counts what
    they stand for, the noun of the count before it in its sentence ("killed 40 people and wounded
    300 others" -> person), or people when set beside a person ("Mateo Ruiz and 13 others") or
    when a casualty befell them ("her brother and 10 others drowned", "injured 300 others"); a noun
    after "N of them" names that part (``named_part``: "12 of them children"), and a count nothing
    names that a casualty befell counts people ("at least 57 were killed"). ``counted`` names the
    unit of a countable noun ("jobs" -> job) and "" for any other; ``reading`` holds the rest."""
    out = list(units)
    sentences = by_sentence(spans)
    last_count: int | None = None  # the latest count with a unit so far
    for i, (span, kind, unit, value) in enumerate(zip(spans, kinds, units, values)):
        if kind == "count" and not unit:
            out[i] = (named_part(span, reading.plural_subject) or _number_subject(span, reading.number_nouns, reading.plural_subject)
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
        elif kind == "count" and not out[i] and last_count is not None and _continues(spans[last_count], span, reading):
            if spans[last_count].sent.start == span.sent.start or _number_subject(span, reading.number_nouns) == "" or refers_back(span):
                out[i] = out[last_count]
        elif kind == "count" and unit == OTHERS and last_count is not None and spans[last_count].sent.start == span.sent.start:
            out[i] = out[last_count]
        elif kind == "count" and unit == OTHERS and (any(t.ent_type_ == "PERSON" for t in span[-1].conjuncts)
                                                     or casualty_count(span, reading.casualty_words)):
            out[i] = PERSON  # "Mateo Ruiz and 13 others", "her brother and 10 others drowned": people
        if kind == "count" and not out[i] and casualty_count(span, reading.casualty_words):
            out[i] = PERSON  # "at least 57 were killed", no count before it to continue
        if kind == "count" and out[i] and out[i] != OTHERS and not is_included(span, reading.including_words):
            last_count = i
    return out


def _continues(earlier: Span, span: Span, reading: CountReading) -> bool:
    """Whether a bare count may take the noun of the count before it: not when a casualty befell
    what it counts and the earlier count is what another verb acts on, whose noun then names no
    people ("the floods destroyed 900 homes and injured 40" counts people, "claimed 64 lives and
    injured 1,300" too), unless a casualty befell that one too ("killed 140 rebels and wounded 300"
    counts rebels) or it points back to it ("Nine of them died"); "Of the 12 climbers, five were
    rescued" counts climbers."""
    return (not casualty_count(span, reading.casualty_words) or earlier.root.dep_ != "dobj"
            or casualty_count(earlier, reading.casualty_words) or refers_back(span))


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


def _number_subject(span: Span, nouns: frozenset[str], named: Callable[[Token], str] = lambda noun: "") -> str | None:
    """For a figure whose clause is about a number (one of ``nouns``), its subject or its object: the counted noun
    ("the number of job vacancies fell by 43,000" -> vacancy, "brought to 14 the number of people
    held" -> person, as ``named`` names a plural), "" for a number named before ("that number had
    fallen to 19,000"), None when the clause is about no number."""
    verb = clause_head(span.root)
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")):
        if subject.lower_ in nouns:
            counted = [p for prep in subject.children if prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"]
            return (named(counted[0]) or counted[0].lemma_.lower()) if counted else ""
    return None
