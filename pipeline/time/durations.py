"""Dates a figure counted over a span that ends at publication: "in the past two decades", "for 13 years".

"The index lost over 1,500 points in the past eight days", "the tractor has sold 3,100 units over
its 35-year history", "his company has been sending travellers on safaris for 13 years": the figure
is a count over a span measured back from the time of writing, so its period is that span, ending
at publication ("1,500 points" -> the eight days to the publication date; "13 years" in an article
of 1998 -> 1985/1998). Two things mark such a span in a figure's clause:
- "the past/last" before a number of time units ("in the past nine days", "over the last two
  decades"; "in the past year" is the twelve months to the publication month);
- a duration figure ("13 years", "35-year") in a clause of the present perfect ("has been sending
  ... for 13 years", "has sold ... over its 35-year history", "have worked on it seven years").
Every figure of that clause takes the span (``time_source`` `span`), the duration itself too.

A duration that measures a run back from the figure's own time ("after six straight days of
losses", "a four-week winning streak", "after ten years of boom", "the lowest figure for almost
two decades"; ``run_nouns`` in rules/lexicons.yml, or a mass noun when a date of its sentence
gives the end: "Ending 140 years of family rule, shareholders voted on Tuesday") is that run, ending at the time its sentence
gives it (the day, month or year it is dated by, else publication): ``run_scopes``.

A year or month that runs to the time of writing ("so far this year", "this year-to-date", "thus
far this month"; ``to_date_phrases``) is the part of it up to publication: ``to_date_scopes``; and
an open interval begun by then ("since 1950") ends there: ``closed_at_publication``.

Counter-examples: "the strike lasted 13 years" and "served for two years", told in the simple
past, end at no known time; "the last two years of the plan" is no clause's span from now; a
figure its sentence dates ("rose 5% in 2023 after two decades of decline") keeps its date.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from spacy.tokens import Span, Token

from pipeline.nlp.structure import LOOKING_AHEAD_AUXILIARIES, clause_head, described_by_age
from pipeline.records import TimeScope
from pipeline.time.fallback import PUBLISHED
from pipeline.time.points import YEAR, published_as
from pipeline.time.scope import is_single_day

SPAN = "span"
"""``time_source`` of a figure counted over a span that ends at publication."""
CONDITIONS = frozenset({"if", "unless", "once", "until"})
"""Words that make a clause a condition on what is to come ("if, after five years, ...")."""

UNIT_DAYS = {"day": 1, "week": 7}
UNIT_MONTHS = {"month": 1, "quarter": 3}
UNIT_YEARS = {"year": 1, "decade": 10}

OUTSIDE_CLAUSE = frozenset({"context", PUBLISHED, "sentence", "market"})
"""A figure its own clause does not date: a carried frame, the default, the frame of another
clause of its sentence ("After a revision Friday, the economy has added 210,000 jobs a month for
the last four months": the four months, not Friday), or a market report's session ("Fund holders
pulled $90 million over the past two months" in a morning paper: the two months). A "now" of its clause only says the span runs
to the time of writing ("has run the port for nine years now")."""

LOOKING_BACK = frozenset({"past", "last"})

STATEMENT = "statement"
"""``time_source`` of a figure dated by the day of the statement that told it: a look back in its
clause ends that day ("prices rose 20 cents in the past three weeks, a survey said on Sunday")."""

DATING = frozenset({"clause", "sentence"})
"""A figure's own clause or sentence dates it."""


def span_scopes(figures: list[Span], scopes: list[TimeScope | None], units: list[str | None],
                values: list[float | None], published: date | None,
                words: tuple[dict[str, float], frozenset[str]]) -> list[TimeScope | None]:
    """Every figure's scope, those counted over a span that ends at publication given that span:
    "The index lost over 1,500 points in the past eight days" (published 2008-10-09) ->
    2008-10-02/2008-10-09. ``units`` and ``values`` are each figure's unit and value, ``words``
    the number words and the nouns of a tenure ("a 12-year veteran of the force")."""
    if published is None:
        return list(scopes)
    number_words, tenure_nouns = words
    durations: dict[int, TimeScope] = {}  # clause head -> the span of a duration told in the present perfect
    tenures: dict[int, TimeScope] = {}  # figure start -> the span of a tenure held until now
    for figure, unit, value, scope in zip(figures, units, values, scopes):
        if (unit not in {**UNIT_DAYS, **UNIT_MONTHS, **UNIT_YEARS} or not value or described_by_age(figure)
                or not _within_calendar(published, unit, value)):
            continue  # "Ada Lund, 52 years old, had led it for six months": not the 52 years
        back = TimeScope(figure.text, back_from(published, unit, value), SPAN)
        if _tenure(figure, tenure_nouns):
            tenures[figure.start] = back
        elif present_perfect(figure.root) or (scope is not None and scope.source == PUBLISHED
                                              and past_perfect(figure.root)):
            durations.setdefault(clause_head(figure.root).i, back)
    looked_back: dict[int, list[LookBack]] = {}  # clause head -> each look back of the clause
    for sent in {figure.sent.start: figure.sent for figure in figures}.values():
        for noun, count in looked_back_units(sent, number_words):
            looked_back.setdefault(clause_head(noun).i, []).append(
                (noun.i, noun.doc[_phrase_start(noun):noun.i + 1].text, _unit(noun) or "", count))
    out = []
    for figure, scope in zip(figures, scopes):
        clause = clause_head(figure.root).i
        told = _end_day(scope.value) if scope is not None and scope.source == STATEMENT else None
        if figure.start in tenures and scope is not None and scope.source == PUBLISHED:
            out.append(tenures[figure.start])
        elif told is not None and clause in looked_back:  # "20 cents in the past three weeks, a survey said Sunday"
            out.append(_look_back(looked_back[clause], figure, min(told, published)))
        elif scope is None or (scope.source not in OUTSIDE_CLAUSE and scope.reference != "present") or not (
                clause in durations or clause in looked_back):  # "has run the port for nine years now": the nine years
            out.append(scope)
        else:
            out.append(durations.get(clause) or _look_back(looked_back[clause], figure, published))
    return out


LookBack = tuple[int, str, str, float]
"""A look back of a clause: the position of its unit, its words, its unit and its count ("the past
three weeks": week, 3; a bare "the past year": 0)."""


def _look_back(found: list[LookBack], figure: Span, end: date) -> TimeScope:
    """The span of the look back nearest a figure in its clause, back from ``end`` (publication, or
    the day of the statement that told it): "205,000 a month over the last four months and 180,000
    over the last three months" gives 180,000 the three months."""
    _, text, unit, count = min(found, key=lambda back: (back[0] < figure.start, abs(back[0] - figure.start)))
    return TimeScope(text, back_from(end, unit, count, bare=count == 0), SPAN)


def _within_calendar(published: date, unit: str, count: float) -> bool:
    """Whether a span of ``count`` units back from publication starts after the first year of the
    calendar ("a billion months" is no span a date can bound)."""
    days = count * (UNIT_DAYS.get(unit) or UNIT_MONTHS.get(unit, 0) * 31 or UNIT_YEARS.get(unit, 0) * 366)
    return abs(days) < (published - date(1, 1, 1)).days


def back_from(published: date, unit: str, count: float, bare: bool = False) -> str:
    """The span of ``count`` units that ends at publication: 13 years from 1998-09-07 ->
    '1985/1998', two decades -> '1978/1998', nine days from 2008-10-09 -> '2008-10-01/2008-10-09',
    three months from 2009-04-03 -> '2009-01/2009-03', eight quarters from 2008-06-30 -> '2006-07/2008-06' (whole months: the month of writing counts
    once more than half of it is gone, from 2009-04-20 -> '2009-02/2009-04'); a bare "the past year" -> the twelve months
    to the publication month ('2007-10/2008-10')."""
    if unit in UNIT_DAYS:
        first = published - timedelta(days=round(count * UNIT_DAYS[unit]) - 1)
        return f"{first.isoformat()}/{published.isoformat()}"
    if unit in UNIT_MONTHS and not bare:  # whole months: the month of writing only once most of it is gone
        last = published if published.day > 15 else published - relativedelta(months=1)
        first = last - relativedelta(months=round(count * UNIT_MONTHS[unit]) - 1)
        return f"{first.year:04d}-{first.month:02d}/{last.year:04d}-{last.month:02d}"
    if bare:
        first = published - relativedelta(months=12)
        return f"{first.year:04d}-{first.month:02d}/{published.year:04d}-{published.month:02d}"
    return f"{published.year - round(count * UNIT_YEARS[unit]):04d}/{published.year:04d}"


def present_perfect(token: Token) -> bool:
    """Whether a word's clause is told in the present perfect: "has sold", "have worked", "has
    been sending", "has insisted" (the parse may tag the participle as a past tense), "as it has for
    decades" (the verb left out); not the future perfect ("will have dragged it into a six-year
    war"), which ends at no time the text gives, nor "has" with an object ("has 40 years of
    service")."""
    verb = clause_head(token)
    if verb.lemma_ == "have" and verb.tag_ in ("VBZ", "VBP") and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "acomp") for c in verb.children):
        return True  # the verb left out: "rules the islands, as it has for nearly a century"
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return (bool(auxiliaries & {"has", "have", "'ve"}) and not auxiliaries & {"will", "would", "shall", "'ll"}
            and (verb.tag_ in ("VBN", "VBD") or "been" in auxiliaries))


def past_perfect(token: Token) -> bool:
    """Whether a word's clause is told in the past perfect: "had been its treasurer for only
    eight months", "had run the mill for 20 years". Nothing else dating it, the span runs to the
    news the article tells, which is the time of writing."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in clause_head(token).children)


def _tenure(figure: Span, tenure_nouns: frozenset[str]) -> bool:
    """'a 12-year veteran of the force', 'a 30-year employee': a duration that qualifies a noun of
    someone's time in a post (``tenure_nouns`` in rules/lexicons.yml) is that time, up to now.
    Not "a 30-year loan" nor "a 10-year program"."""
    head = figure.root.head
    return figure.root.dep_ in ("amod", "compound", "nummod", "npadvmod") and head.lemma_.lower() in tenure_nouns


def looked_back_units(sent: Span, number_words: dict[str, float]) -> list[tuple[Token, float]]:
    """'in the past nine days', 'over the last two decades', 'In the past year': a time-unit noun
    with "past" or "last" before it, and its count, as the object of a preposition. A bare unit
    is one of it ("over the past decade": ten years, "in the past week": seven days), but a bare
    year is 0, read as the twelve months to the publication month."""
    found = []
    for noun in sent:
        if _unit(noun) is None or noun.dep_ != "pobj":
            continue
        modifiers = [c for c in noun.children if c.i < noun.i]
        if not any(c.lower_ in LOOKING_BACK for c in modifiers) or _of_a_year(noun):
            continue
        numbers = [c for c in modifiers if c.dep_ == "nummod"]
        if numbers:
            count = number_words.get(numbers[0].lower_) or _number(numbers[0].text)
            if count:
                found.append((noun, count))
        elif noun.tag_ == "NN" and any(c.lower_ == "the" for c in modifiers):  # not "last year", the calendar year
            found.append((noun, 0 if _unit(noun) == "year" else 1))
    return found


def _of_a_year(noun: Token) -> bool:
    """'the last three months of 2021', 'the final two weeks of last year': the end of a year the
    text names, not a span back from now."""
    return any(g.dep_ == "pobj" and (g.lemma_.lower() == "year" or YEAR.match(g.text))
               for c in noun.children if c.lower_ == "of" for g in c.children)


def _unit(noun: Token) -> str | None:
    lemma = noun.lemma_.lower()
    return lemma if lemma in {**UNIT_DAYS, **UNIT_MONTHS, **UNIT_YEARS} else None


def _phrase_start(noun: Token) -> int:
    return min(c.i for c in noun.children if c.i < noun.i)


def _number(text: str) -> float:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return 0.0


def run_scopes(figures: list[Span], scopes: list[TimeScope | None], units: list[str | None],
               values: list[float | None], published: date | None,
               words: tuple[frozenset[str], frozenset[str]]) -> list[TimeScope | None]:
    """Every figure's scope, a duration that measures a run given the run: "posted gains on
    Friday, marking a four-week winning streak" -> the four weeks to that Friday (Monday to
    Friday weeks, as trading weeks are counted); "after ten years of boom" (1998) -> 1988/1998;
    "the weakest reading in almost two decades", dated last month (1998-01) -> 1978/1998; "Ending
    140 years of family rule, shareholders voted on Tuesday" -> the 140 years to that Tuesday
    (``dated_run``); "Her fourth column in three weeks ran on Monday", "Lund, wrapping up a
    three-day visit, said ..." -> the days to that Monday or to the day of writing
    (``counted_back``); "after 14 months, there is no word of him" -> the 14 months to the day of
    writing (``followed_run``). Not a duration of something else ("a 10-year program", "a two-year
    contract") nor a run that ends after publication. ``words`` are ``run_nouns`` and
    ``ending_verbs`` of rules/lexicons.yml."""
    run_nouns, ending_verbs = words
    out = list(scopes)
    for i, (figure, scope, unit, value) in enumerate(zip(figures, scopes, units, values)):
        if scope is None or not value or unit not in {**UNIT_DAYS, **UNIT_MONTHS, **UNIT_YEARS}:
            continue
        end = _end_day(scope.value)
        counted = counted_back(figure.root, ending_verbs) or followed_run(figure.root)
        if end is None or (published is not None and end > published) or not (
                counted or measures_run(figure.root, run_nouns) or dated_run(figure.root, scope)):
            continue
        if unit == "week" and not counted:  # a streak of trading weeks
            first = end - timedelta(days=end.weekday() + 7 * (round(value) - 1))
            out[i] = TimeScope(scope.text, f"{first.isoformat()}/{end.isoformat()}", SPAN, scope.reference)
        else:
            out[i] = TimeScope(scope.text, back_from(end, unit, value), SPAN, scope.reference)
    return out


def measures_run(noun: Token, run_nouns: frozenset[str]) -> bool:
    """'six straight days of losses', 'a two-year boom', 'a four-week long positive streak', 'the
    weakest reading in almost two decades', 'the highest level in five years':
    a time unit that counts a run (a noun of ``run_nouns`` it measures or that it is "of"), or
    the span a superlative reaches back over. "a 12-year low" is a level of one day."""
    if noun.dep_ in ("compound", "nmod", "amod", "npadvmod") and noun.head.lemma_.lower() in run_nouns:
        return True
    if any(g.lemma_.lower() in run_nouns for c in noun.children if c.lower_ == "of" for g in c.children):
        return True
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ not in ("for", "in", "over"):
        return False
    compared = preposition.head
    return compared.tag_ in ("JJS", "RBS") or any(c.tag_ in ("JJS", "RBS") for c in compared.children)


def counted_back(noun: Token, ending_verbs: frozenset[str]) -> bool:
    """Whether a time unit counts the span up to its clause's time: one an ordinal count reaches
    back over ("her fourth column in three weeks", "the sixth loss in nine quarters": the nth within
    the span that ends now), or one that measures what a verb of ``ending_verbs`` ends ("wrapping up
    a three-day visit", "closing a two-week tour": the visit's days end on the day told). Not "a
    three-day visit" begun or planned, nor "the third in a row"."""
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "within", "over"):
        counted = noun.head.head  # "her fourth column in three weeks", or "posted its fifth loss in seven quarters"
        nouns = [counted] if counted.pos_ == "NOUN" else [c for c in counted.children if c.dep_ in ("dobj", "attr")]
        return any(c.dep_ == "amod" and c.ent_type_ == "ORDINAL" for n in nouns if n.pos_ == "NOUN" for c in n.children)
    measured = noun.head
    return noun.dep_ in ("compound", "nmod", "amod", "npadvmod") and measured.dep_ == "dobj" and (
        measured.head.lemma_.lower() in ending_verbs)


def followed_run(noun: Token) -> bool:
    """Whether a time unit measures what went on up to its clause's time, after "after": "after
    14 months, there is still no word of him", "said on Monday that the suspect had admitted
    nothing after three days of questioning", "joined the union after a six-year process" (the
    span that ends when the clause happened). Not a time still to come ("after two years, the
    rate will rise"; "agreed to pay $10 a share if, after five years, the stock is below $40")
    nor an age ("after a 10-year-old was found")."""
    measured = noun.head if noun.dep_ in ("compound", "nmod", "amod", "npadvmod", "nummod") and \
        noun.head.pos_ == "NOUN" else noun
    if measured.dep_ != "pobj" or measured.head.lower_ != "after":
        return False
    verb = clause_head(measured.head)
    return not any((c.dep_ == "aux" and c.lower_ in LOOKING_AHEAD_AUXILIARIES)
                   or (c.dep_ == "mark" and c.lower_ in CONDITIONS) for c in verb.children)


def dated_run(noun: Token, scope: TimeScope) -> bool:
    """Whether a time unit counts what went on up to an event its clause or sentence dates: "of" a
    mass noun without a determiner, "Ending 140 years of family rule, shareholders voted on
    Tuesday to sell" (the 140 years to that Tuesday). Undated, such a duration is as often an
    amount ("a bonus of six months of base pay"); not "two years of the plan" (a part of
    something), "five years of age" (an age) nor "three years of talks"."""
    return scope.source in DATING and any(
        g.tag_ == "NN" and g.lemma_.lower() != "age" and not any(d.dep_ in ("det", "poss", "nummod") for d in g.children)
        for c in noun.children if c.lower_ == "of" for g in c.children)


def _end_day(value: str) -> date | None:
    """The last day of a period given as a day, month or year ('1998-01' -> 1998-01-31), or of
    a closed interval of them; None for anything else."""
    last = value.split("/")[-1]
    if not re.fullmatch(r"\d{4}(-\d\d){0,2}", last):
        return None
    year, month, day = (int(part) for part in (last.split("-") + ["0", "0"])[:3])
    if not month:
        return date(year, 12, 31)
    return date(year, month, day or calendar.monthrange(year, month)[1])


def to_date_scopes(figures: list[Span], scopes: list[TimeScope | None], published: date | None,
                   phrases: tuple[str, ...], day: TimeScope | None = None) -> list[TimeScope | None]:
    """Every figure's scope, one of the current year or month that its clause says runs to the time
    of writing given that part of it: "shares have plunged 68% so far this year" (2009-02-23) ->
    2009-01-01/2009-02-23; "down 12% year to date", which nothing else dates, the same. "Sales
    rose 4% this year" stays the year, and "the largest order so far" its own time. The part ends
    on the day the article speaks for (``day``: its dateline's, else publication)."""
    if published is None:
        return list(scopes)
    if day is not None and is_single_day(day.value):
        published = date.fromisoformat(day.value)
    year, month = published.isoformat()[:4], published.isoformat()[:7]
    out = []
    for figure, scope in zip(figures, scopes):
        said = phrase_in_clause(figure, phrases)
        if scope is not None and said and (scope.value in (year, month) or
                                           (scope.source == PUBLISHED and "year" in said)):
            first = f"{month}-01" if scope.value == month else f"{year}-01-01"
            out.append(TimeScope(scope.text or said, f"{first}/{published.isoformat()}", SPAN, scope.reference))
        else:
            out.append(scope)
    return out


def phrase_in_clause(figure: Span, phrases: tuple[str, ...]) -> str:
    """The phrase of ``phrases`` the figure's clause holds ("so far", "year to date"), hyphens read
    as spaces, or ''."""
    verb = clause_head(figure.root)
    words = " " + " ".join(t.lower_ for t in verb.subtree if t.text not in ("-", "–") and not t.is_space) + " "
    return next((phrase for phrase in phrases if f" {phrase} " in words), "")


def closed_at_publication(scopes: list[TimeScope | None], published: date | None) -> list[TimeScope | None]:
    """Every figure's scope, an open interval that began by publication closed there, at its start's
    precision: "the co-operative has planted 9,000 olive trees since 1988" (2024-04-09) -> 1988/2024;
    "sales tripled since October 2022" (2024-03-10) -> 2022-10/2024-03. What the figure says holds
    up to the time of writing, and a checker needs the end. "from 2026" (not begun) stays 2026/..;
    "../2030" has no start to close from."""
    if published is None:
        return list(scopes)
    out = []
    for scope in scopes:
        start = scope.value[:-3] if scope is not None and scope.value.endswith("/..") else ""
        if start and "/" not in start and start.replace("X", "0") <= published_as(start, published):
            end = published_as(start, published) if "X" not in start else str(published.year)
            scope = replace(scope, value=f"{start}/{end}")
        out.append(scope)
    return out
