"""Dates a figure told about an event that the article dates elsewhere, and a running toll.

News tells an event once with its date and then goes on about it by name: "The ferry Santa
Lucia sank off Pelican Point on March 3. ... The sinking left 61 people dead" gives 61 people
March 3, wherever the article put the date, before or after ("Police held a suspect in the
bombings of two banks last year that killed 14 people. ... The bombs went off on April 9,
2023": the bombs' day, which the year contains). An event is found by its kind (``event_nouns``
and ``event_verbs`` in rules/lexicons.yml: a bombing, a blast and "a bomb went off" are one kind;
spaCy gives the lemmas), and it is dated by:
- a date written before its noun ("the June 4 explosion") or after it with "in" or "on" ("the
  explosion on June 4");
- a date of the clause whose verb is the event ("the tanker exploded on June 4"), whose subject
  names it ("The bombs went off on June 4") or which describes it ("the bombings which killed 30
  people on June 4"); not one of a clause that acts on it ("condemned the bombings on Tuesday");
- a figure's period, when that figure's clause has the event for its subject ("On June 4, ...
  when a car bomb exploded, killing 30 people") or is about it as below, and its own sentence or
  paragraph dates it.
A figure is about the event, named with "the", "this" or a possessive, when its clause has the
event for its subject and is told in the past ("The blast killed 30 people"), describes it ("the
blast, which wrecked the 14-story tower"), tells of the subject of a past event verb ("Dr. Hale,
48, was killed at his home" after "killed on Oct. 9": that day), or when a noun above the figure or its past verb is
"in", "at", "during" or "of" it ("the death toll in the Harbin blast, initially 9"; "There were 8
founding states at the time of the league's founding"). Such a figure takes the event's date when nothing
in its own clause dates it, or when its own date contains the event's ("last year" for a day of
last year), ``time_source`` `event`. A duration counted from the event is the span it counts:
"eight days before the murder" the eight days up to its day, "within three weeks of the slaying"
the three weeks from it, "the plan of the raid took three months" the months up to the raid.
Counter-examples: a kind the article dates twice over ("the 2019 bombing" and "the March 2021
bombing") dates none; "the toll has risen to 12" (a total to date) and "a rise in bombings" (no
one event) are no figures of the event.

A death toll brought or risen to a figure ("That lifted the toll to 31", "the toll climbed to
40") is the toll as it stood when it was reported: the day of the statement of its sentence or
of the sentence before ("..., officials said Wednesday"), else the article's day; a date of its
own clause ("rose to 40 on Tuesday") still dates it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from spacy.tokens import Span, Token

from pipeline.nlp.structure import clause_head, first_joined_verb, preposition_objects, starts_paragraph
from pipeline.records import TimeScope
from pipeline.rules import RuleSet
from pipeline.time.anchoring import DatedSpan
from pipeline.time.casualties import casualty, event_subjects, named_kinds, told_as_toll
from pipeline.time.scope import is_single_day
from pipeline.time.points import published_as

EVENT = "event"

WEAK_SOURCES = frozenset({"context", "published", "lead", "statement", "market"})
"""Scopes that say nothing of a figure's own clause: a carried frame, a default, a lead's day."""

POINT = re.compile(r"\d{4}(-\d\d){0,2}")
ABOUT = frozenset({"in", "at", "during", "of"})
"""Prepositions by which a noun is about an event: "the toll in the blast"."""


@dataclass(frozen=True)
class EventWords:
    """The words events and tolls are found by, built once from the rules."""

    kinds: dict[str, str]
    """An event noun's lemma -> its kind: bombing, blast, explosion -> blast."""
    verbs: dict[str, str]
    """A verb that is an event itself -> its kind: explode -> blast, sink -> sinking."""
    toll_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    casualties: frozenset[str]
    """Verbs and adjectives whose figure counts an event's victims: killed, wounded, dead."""
    tallies: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    """The nouns of victims and the verbs that number them: "the victims numbered 57"."""

    @classmethod
    def from_rules(cls, rules: RuleSet) -> EventWords:
        """From lexicons.yml; the reporting verbs from speech.yml."""
        kinds = {noun: kind for kind, nouns in rules.lexicons["event_nouns"].items() for noun in nouns}
        return cls(kinds, dict(rules.lexicons["event_verbs"]), frozenset(rules.lexicons["toll_nouns"]),
                   frozenset(rules.tables["speech"]["reporting_verbs"]), frozenset(rules.lexicons["toll_verbs"]),
                   (frozenset(rules.lexicons["victim_nouns"]), frozenset(rules.lexicons["victim_count_verbs"])))


def event_scopes(sentences: list[Span], figures: list[Span], scopes: list[TimeScope | None],
                 measures: tuple[list[str | None], list[float | None]], dates: list[DatedSpan], words: EventWords,
                 day: TimeScope | None, published: date | None) -> list[TimeScope | None]:
    """Every figure's scope, those about an event the article dates given its date, durations
    counted from one the span they count, and running tolls the day they were reported (see the
    module's docstring). ``measures`` are the figures' units and values."""
    units, values = measures
    dated = dated_events(dates, figures, scopes, words, published)
    out = []
    for figure, scope, unit, count in zip(figures, scopes, units, values):
        toll = _toll_scope(figure, scope, sentences, dates, words, day)
        found = _referred_event(figure, words) or _toll_event(figure, scope, sentences, dated, words)
        value = _one_value(dated.get(found[0], [])) if found else ""
        span = _event_span(figure, unit, count, dated, words) if scope is None or scope.source in WEAK_SOURCES else None
        if toll is not None or span is not None:
            out.append(toll or span)
        elif value and (scope is None or (value != scope.value and (
                scope.source in WEAK_SOURCES or _within(value, scope.value)))):
            out.append(TimeScope(found[1].text, value, EVENT))
        else:
            out.append(scope)
    return out


def dated_events(dates: list[DatedSpan], figures: list[Span], scopes: list[TimeScope | None],
                 words: EventWords, published: date | None) -> dict[str, list[str]]:
    """The dates the article gives each kind of event: "the June 4 explosion", "the tanker
    exploded on June 4", "when a car bomb exploded, killing 30" in a paragraph about June 4."""
    found: dict[str, list[str]] = {}

    def add(token: Token, value: str) -> None:
        kind = (words.verbs if token.pos_ in ("VERB", "AUX") else words.kinds).get(token.lemma_.lower())
        if kind and POINT.fullmatch(value) and (published is None or value <= published_as(value, published)):
            found.setdefault(kind, []).append(value)

    for span, mention in dates:
        if mention.value and not mention.reference:
            for token in _date_events(span):
                add(token, mention.value)
    for figure, scope in zip(figures, scopes):
        if scope is not None and scope.source in ("clause", "sentence", "context"):
            for subject in _past_subjects(figure):
                add(subject, scope.value)
            about = _referred_event(figure, words) if scope.source != "context" else None
            if about is not None:  # "the bombings which killed 30 ..., on June 4"; not a frame carried on
                add(about[1].root, scope.value)
    return found


def _date_events(span: Span) -> list[Token]:
    """What a date dates: the noun it stands before ("the June 4 explosion") or after with "in"
    or "on" ("the explosion on June 4"), and its clause's verb with that verb's subject ("The bombs
    went off on June 4", "the tanker exploded on June 4") or the noun it describes ("the bombings
    which killed 30 people on June 4"); not the object of another verb or a passive subject
    ("condemned the bombings on Tuesday", "the bombing was condemned on Tuesday" date the
    condemning)."""
    doc, root = span.doc, span.root
    tokens = []
    if root.head.pos_ == "NOUN" and root.head.i >= span.end and root.dep_ in ("compound", "nmod", "amod", "npadvmod",
                                                                             "poss"):  # "Friday's bombings"
        tokens.append(root.head)
    if span.start > 0 and doc[span.start - 1].lower_ in ("in", "on") and doc[span.start - 1].head.pos_ == "NOUN":
        tokens.append(doc[span.start - 1].head)
    verb = clause_head(root)
    if verb.pos_ in ("VERB", "AUX"):  # not the object: "condemned the bombings on Tuesday" dates the condemning
        tokens.append(verb)
        tokens += [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
        if verb.dep_ == "relcl" and verb.head.pos_ == "NOUN":  # "the bombings which killed 30 people on June 4"
            tokens.append(verb.head)
    return tokens


def _past_subjects(figure: Span) -> list[Token]:
    """The subjects of the past-tense verbs a figure's clause is, or hangs from as a participle:
    "the bomb" of "when a car bomb exploded, killing 30 people"."""
    subjects, verb = [], clause_head(figure.root)
    while verb.pos_ in ("VERB", "AUX"):
        if _told_past(verb):
            subjects += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
        if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
    return subjects


def _referred_event(figure: Span, words: EventWords) -> tuple[str, Span] | None:
    """The kind of event a figure is about, and the words that name it: a noun above the figure
    "in", "at", "during" or "of" it ("the toll in the Harbin blast, initially 9"), the subject of
    its past clause ("The blast killed 30 people"), the noun its past relative clause describes
    ("the blast, which wrecked the 14-story tower"), or an event its past verb is "in" ("9 were
    hurt in the blast")."""
    token = figure.root
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        if token.pos_ in ("NOUN", "PROPN") and not figure.start <= token.i < figure.end:
            if (kind := _event_kind(token, words)) is not None:  # "the bombings of two banks"
                return kind, _noun_phrase(token)
            if (about := _about_event(token, words)) is not None:
                return about
        token = token.head
    own = clause_head(figure.root)
    verb = first_joined_verb(own)  # "which damaged ... and shattered ..."
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ == "NOUN" and _told_past(verb):
        antecedent = _antecedent(verb.head, words)
        if (kind := _event_kind(antecedent, words)) is not None:
            return kind, _noun_phrase(antecedent)
    for subject in _past_subjects(figure):
        if (kind := _event_kind(subject, words)) is not None:
            return kind, _noun_phrase(subject)
    if _describes_subject(figure, own) and own.lemma_.lower() in words.verbs and _told_past(own):
        return words.verbs[own.lemma_.lower()], own.doc[own.i:own.i + 1]  # "Dr. Hale, 48, was killed at home"
    return next((found for v in {own.i: own, verb.i: verb}.values() if v.pos_ in ("VERB", "AUX") and _told_past(v)
                 for found in [_about_event(v, words)] if found), None)


def _describes_subject(figure: Span, verb: Token) -> bool:
    """Whether a figure tells of the subject of its clause's verb, not of what the verb did to whom:
    "Dr. Hale, 48, was killed at his home", "Lund, the father of three girls, was shot" (the
    figure of the one the event befell, on the event's day); not "Road accidents killed 300
    people" nor "Two gunmen shot him"."""
    token = figure.root
    while token.head.i != token.i and token.i != verb.i:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.i == verb.i:
            return not figure.start <= token.i < figure.end
        token = token.head
    return False


def _toll_event(figure: Span, scope: TimeScope | None, sentences: list[Span], dated: dict[str, list[str]],
                words: EventWords) -> tuple[str, Span] | None:
    """The event a count of victims is of (``casualties``): its casualty verb's subject ("The
    blasts have killed 90 people", the present perfect too), else, when nothing else is said to
    have done it ("40 were killed") and no period its paragraph opened with frames it, the one
    kind of event the article dates that its paragraph or the one before names."""
    verb = casualty(figure, words.casualties, words.tallies)
    if verb is None or not told_as_toll(verb):
        return None
    subjects = [cause for s in event_subjects(verb) for cause in _victims_of(s, words.tallies[0])]
    for subject in subjects:
        if (kind := _event_kind(subject, words)) is not None:
            return kind, _noun_phrase(subject)
    if any(s.dep_ in ("nsubj", "pobj") and s.pos_ in ("NOUN", "PROPN") and not figure.start <= s.i < figure.end
           for s in subjects):
        return None  # "Road accidents killed 300 people", "the victims of the flu numbered 900": another cause
    if scope is not None and scope.source == "context":
        return None  # "In 1996, a bomb went off at the games. One person was killed."
    named = {kind: token for kind, token in named_kinds(figure, sentences, words.kinds).items()
             if _one_value(dated.get(kind, []))}
    return next(((kind, _noun_phrase(token)) for kind, token in named.items()), None) if len(named) == 1 else None


def _victims_of(subject: Token, victim_nouns: frozenset[str]) -> list[Token]:
    """What a casualty verb's subject says caused the toll: the subject itself ("The blasts have
    killed 90"), or for victims what they are "of" ("the victims of the flu numbered 900": the
    flu); none for victims of nothing named ("the victims numbered 41")."""
    if subject.lemma_.lower() not in victim_nouns:
        return [subject]
    return preposition_objects([subject], ("of", "from"))


def _antecedent(noun: Token, words: EventWords) -> Token:
    """The noun a relative clause describes, where the parse hangs the clause on the date
    before it ("the bombings of two banks last year that killed 14": the bombings, not the
    year): the nearest event noun before that date, in the same stretch without a verb."""
    if noun.lemma_.lower() not in TIME_NOUNS:
        return noun
    for token in reversed(noun.doc[noun.sent.start:noun.left_edge.i]):
        if token.pos_ in ("VERB", "AUX"):
            break
        if token.lemma_.lower() in words.kinds:
            return token
    return noun


TIME_NOUNS = frozenset({"year", "month", "week", "day", "weekend", "summer", "winter", "spring", "autumn", "fall"})


def _about_event(noun: Token, words: EventWords) -> tuple[str, Span] | None:
    """'the toll in the Harbin blast', 'at the time of the league's founding': the event a noun is of."""
    for obj in preposition_objects([noun], ABOUT):
        if obj.lemma_.lower() == "time":  # "at the time of the league's founding"
            return next((found for c in obj.children if c.lower_ == "of" and c.dep_ == "prep"
                         for found in [_about_event(obj, words)] if found), None)
        if (kind := _event_kind(obj, words)) is not None:
            return kind, _noun_phrase(obj)
    return None


def _event_kind(noun: Token, words: EventWords) -> str | None:
    """The kind of event a noun names as one the reader knows: "the blast", "its founding", "these
    bombings"; not "a rise in bombings", a count of events."""
    known = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in noun.children)
    return words.kinds.get(noun.lemma_.lower()) if known else None


DEFINITE = frozenset({"the", "this", "these", "that", "those"})


def _noun_phrase(noun: Token) -> Span:
    return noun.doc[noun.left_edge.i:noun.i + 1]


def _told_past(verb: Token) -> bool:
    """'killed', 'were killed', 'killing' after a past verb: told in the past, not the present
    perfect of a total to date ("has killed 30")."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & {"has", "have", "will", "would", "'ll", "shall"}:
        return False
    return verb.tag_ == "VBD" or bool(auxiliaries & {"was", "were", "had"}) or (
        verb.tag_ == "VBG" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX") and _told_past(verb.head))


def _one_value(values: list[str]) -> str:
    """The most precise of the dates given one kind of event, when they all agree (each contains
    or is the next: "last year", then "Aug. 7, 1998"); '' when they name two events."""
    best = max(values, key=len, default="")
    return best if all(_within(best, v) for v in values) else ""


def _within(inner: str, outer: str) -> bool:
    """'1998-08-07' is within '1998' and '1998-08'."""
    return bool(POINT.fullmatch(inner)) and bool(POINT.fullmatch(outer)) and inner.startswith(outer)


def _event_span(figure: Span, unit: str | None, count: float | None, dated: dict[str, list[str]],
                words: EventWords) -> TimeScope | None:
    """'eight days before the murder': the eight days up to the murder's day; 'within three weeks of the
    slaying', 'three days after the crash': the days from it on; 'the plan of the bombing took three
    months': the months up to it. None for any other figure, or an event the article gives no day."""
    doc = figure.doc
    if unit not in STEPS or not count or count != int(count) or figure.end >= len(doc):
        return None
    link, verb = doc[figure.end], figure.root.head
    within = figure.start > 0 and doc[figure.start - 1].lower_ == "within"
    if link.lower_ in ("before", "after") or (link.lower_ == "of" and within):
        named = next((c for c in link.children if c.dep_ == "pobj"), None)
        kind, back = (_event_kind(named, words) if named is not None else None), link.lower_ == "before"
    elif figure.root.dep_ in ("dobj", "npadvmod") and verb.lemma_ == "take" and verb.tag_ == "VBD":
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]  # "the plan of the raid took ..."
        kind = next((words.kinds.get(t.lemma_.lower()) for s in subjects for t in s.subtree
                     if t.lemma_.lower() in words.kinds), None)
        back = True
    else:
        return None
    value = _one_value(dated.get(kind, [])) if kind else ""
    if not is_single_day(value):
        return None
    event = date.fromisoformat(value)
    other = event + relativedelta(**{STEPS[unit]: -int(count) if back else int(count)})
    first, last = sorted((event, other))
    width = {"months": 7, "years": 4}.get(STEPS[unit], 10)
    return TimeScope(figure.text, f"{first.isoformat()[:width]}/{last.isoformat()[:width]}", EVENT)


STEPS = {"day": "days", "week": "weeks", "month": "months", "year": "years"}


def _toll_scope(figure: Span, scope: TimeScope | None, sentences: list[Span], dates: list[DatedSpan],
                words: EventWords, day: TimeScope | None) -> TimeScope | None:
    """'That lifted the toll from the two blasts to 31': the day of the statement that reported
    the toll (of this sentence, else the one before in the paragraph), else the article's day;
    None for any other figure or one its own clause dates ("rose to 40 on Tuesday")."""
    root = figure.root
    if root.dep_ != "pobj" or root.head.lower_ not in ("to", "at") or (scope is not None and scope.source == "clause"):
        return None
    verb = root.head.head
    if verb.pos_ != "VERB" or not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in words.toll_nouns
                                      for c in verb.children):
        return None
    sent = figure.sent
    index = next(i for i, s in enumerate(sentences) if s.start == sent.start)
    told = [sent] + ([sentences[index - 1]] if index > 0 and not starts_paragraph(sent.doc, sent) else [])
    for said in told:
        statement = next((TimeScope(span.text, m.value, "statement") for span, m in dates
                          if said.start <= span.start < said.end and is_single_day(m.value)
                          and clause_head(span.root).lemma_.lower() in words.reporting_verbs), None)
        if statement is not None:
            return statement
    return day
