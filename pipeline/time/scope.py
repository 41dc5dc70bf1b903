"""Gives every figure the period it refers to.

A figure takes the time expression of its own clause (preferring one that follows it before the
next figure, as in "ten percent before X to 18 percent before Y in 2022"); failing that, the one
governing its sentence's main clause; failing that, the frame carried from earlier sentences of the
paragraph ("In 2023, trade grew ... China imported $129 billion" -> 2023). A reference to an event
the article dated earlier ("before the annexation of Crimea", after "annexation of Crimea in 2014")
counts as a time expression of its clause, with the event's date. A date that hangs from a figure
("from 6.2 per cent in August", "the 19.2 percent recorded in March") belongs to that figure alone,
and a "when" clause takes the date it describes ("from 2022, when it lost $87 million"). The day of
a reporting verb ("..., the ministry said on Friday") is used only when nothing else dates the
figure, and the base of a comparison ("up 8% from a year earlier", "the highest since 1900", "above
its level in 2019") never is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from pipeline.matching.candidates import overlaps
from pipeline.nlp.structure import clause_head, clause_tense, starts_paragraph, token_strings, whole_dateline
from pipeline.records import TimeScope
from pipeline.time.since import in_since_clause, since_names_point
from pipeline.time.owners import is_base_figure
from pipeline.time.points import published_as


@dataclass(frozen=True)
class TimeMark:
    """A time expression as the scoper sees it: where it is and what period it names, and the
    figure it belongs to when it qualifies one ("from 6.2 per cent in August")."""

    span: Span
    value: str
    text: str
    source: str = ""
    owner: int | None = None
    """The start token of the figure the expression hangs from, if any."""
    reference: str = ""
    """The date's ``DateMention.reference``: "present" for "now", "at present"."""

    def scope(self, source: str) -> TimeScope:
        """The figure's scope this expression gives, from ``source`` (clause, sentence...)."""
        return TimeScope(self.text, self.value, source, self.reference)


def event_key(noun: Token) -> str:
    """'annexation of Crimea' -> 'annexation crimea': a dated event's name for later references."""
    of_objects = [g for c in noun.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return " ".join([noun.lemma_.lower()] + [g.lemma_.lower() for g in of_objects[:1]])


def dated_event(doc: Doc, mark: TimeMark) -> str:
    """The event a date is attached to ("annexation of Crimea in 2014"), or ''."""
    start = mark.span.start
    if start < 2 or doc[start - 1].lower_ not in ("in", "on"):
        return ""
    token = doc[start - 2]
    while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i != token.head.i:
        token = token.head.head
    return event_key(token) if token.pos_ == "NOUN" else ""


def event_references(sent: Span, events: dict[str, TimeMark], prepositions: set[str],
                     taken: list[Span]) -> list[TimeMark]:
    """'before the annexation of Crimea' where the article dated that annexation earlier."""
    marks, doc, lowers = [], sent.doc, token_strings(sent.doc, "LOWER")
    for i in range(sent.start, sent.end):
        if lowers[i] not in prepositions:
            continue
        token = doc[i]
        if token.dep_ != "prep":
            continue
        for noun in (c for c in token.children if c.dep_ == "pobj" and c.pos_ == "NOUN"):
            event = events.get(event_key(noun))
            subtree = sent.doc[token.i: noun.right_edge.i + 1]
            if event is None or any(overlaps(s, subtree) for s in taken):
                continue
            marks.append(TimeMark(subtree, event.value, subtree.text, "event"))
    return marks


def is_comparison_base(span: Span, bases: set[str], since_comparisons: set[str],
                       comparison_heads: frozenset[str] = frozenset()) -> bool:
    """'from a year earlier', 'than in 2022', 'compared with 2022', 'the highest since 1900', 'for
    the first time since 2014', '6.1 percent above its level in the final quarter of 2019': the
    period a figure is compared against, not the period it refers to."""
    doc, token = span.doc, span.root
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
        if token.lower_ in comparison_heads:  # "above its level in 2019"
            return True
    if in_since_clause(token):  # "the most since the club joined the top division in 1998"
        return True
    start = span.start + 1 if span[0].lower_ == "since" else span.start  # "since 2014" as one span
    if start > 1 and doc[start - 1].lower_ in ("before", "after") and doc[start - 2].lower_ == "since":
        start -= 1  # "for the first time since before the 2008 crash": since the time before it
    before = [doc[i].lower_ for i in range(max(start - 2, 0), start)]
    if not before:
        return False
    if before[-1] != "since":
        return before[-1] in bases or (len(before) == 2 and before[0] in bases and doc[start - 1].pos_ == "ADP")
    # "the highest since 1900", "than at any time since the 1950s", "has not closed above 6,500
    # since February" (the last time it did): measured against a period
    return (since_names_point(doc[start:span.end], since_comparisons)
            or any(t.lower_ in ("first", "time") for t in doc[max(start - 4, 0):start - 1])
            or any(c.dep_ == "neg" for c in clause_head(doc[start - 1]).children))


def is_start_point(span: Span, value: str, published: date | None) -> bool:
    """'will cut output by 1 million bpd from July' (published in June): "from" before a period
    that has not begun yet marks when the figure starts to apply; a comparison base is always
    already known ("up 8% from a year earlier", "from 10 million bpd in May")."""
    first = value.split("/")[0]
    return (published is not None and span.start > 0 and span.doc[span.start - 1].lower_ == "from"
            and bool(re.fullmatch(r"\d{4}(-\d\d){0,2}", first)) and first > published_as(first, published))


def bounded_year(span: Span, value: str, year_bounds: dict[str, str]) -> str:
    """'the year starting April 1' (2024-04-01) -> 2024/2025, 'the fiscal year ending March 31'
    (2024-03-31) -> 2023/2024: a day that starts or ends a year dates its figures by that year,
    written as the two calendar years it spans (one, when it starts in January or ends in
    December). Any other date keeps its value."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 2].lower_ != "year" or not is_single_day(value):
        return value
    side = year_bounds.get(doc[span.start - 1].lower_, "")
    year, month_day = int(value[:4]), value[5:]
    if not side or month_day == ("01-01" if side == "start" else "12-31"):
        return value[:4] if side else value
    return f"{year}/{year + 1}" if side == "start" else f"{year - 1}/{year}"


def when_clause_date(figure: Span, dates: dict[int, TimeMark]) -> TimeMark | None:
    """'a turnaround from 2022, when ... a net loss of $87 million': the date a "when" clause
    describes is the time of the figures in it, whatever else the sentence says."""
    verb = clause_head(figure.root)
    while verb.head.i != verb.i:
        if any(c.lower_ == "when" for c in verb.children) and verb.head.i in dates:
            return dates[verb.head.i]
        if verb.dep_ not in ("conj", "xcomp"):
            return None
        verb = clause_head(verb.head)
    return None


def sentence_frame(sent: Span, marks: list[TimeMark], reporting_verbs: set[str]) -> tuple[TimeMark | None, list[TimeMark]]:
    """The time expression governing the sentence (the one whose clause is closest to the root),
    and apart from it the dates of reporting verbs ("..., the ministry said on Friday"), which say
    when something was said rather than the period of its figures. A date that belongs to one
    figure frames nothing else."""
    valued = [m for m in marks if m.value and m.owner is None
              and not _inside_noun_modifier(clause_head(m.span.root))]
    statements = [m for m in marks if is_day(m.value) and _said_then(clause_head(m.span.root), reporting_verbs)]
    framing = [m for m in valued if m not in statements]
    frame = min(framing, key=lambda m: (_depth(clause_head(m.span.root)), m.span.start), default=None)
    return frame, statements


def _said_then(verb: Token, reporting_verbs: set[str]) -> bool:
    """A reporting verb, or a clause of when it was said: "..., police said as night fell on
    Sunday", "..., she said when the polls closed Tuesday"."""
    return verb.lemma_ in reporting_verbs or (
        verb.dep_ == "advcl" and verb.head.lemma_ in reporting_verbs
        and any(c.dep_ == "mark" and c.lower_ in ("as", "when", "after", "before") for c in verb.children))


def reported_period(marks: list[TimeMark], figures: list[Span]) -> TimeMark | None:
    """The first period (not a day) the sentence names, even one that a reported level owns
    ("held at 6.7 per cent in September"): what a statement's other figures are about, rather
    than the day it was made. The date of a base ("from 6.2 per cent in August") is not the
    period reported."""
    levels = {f.start for f in figures if not is_base_figure(f)}
    return next((m for m in marks if (m.owner is None or m.owner in levels) and m.value
                 and not is_day(m.value)), None)


def carried_period(frame: TimeMark | None, named: set[str], looking_back: frozenset[str]) -> TimeMark | None:
    """The period a paragraph hands on to the next one when that one opens without a date of its
    own ("The figure is still ... Core inflation eased to 6.1 per cent"): only from a paragraph
    that framed one period and named no other (``named``: the periods, not days, of its dates),
    and only a period. The day of an event or statement, a horizon ("by 2025")
    and a look back ("A year ago, everyone expected ...") frame their own paragraph alone."""
    if frame is None or named != {frame.value}:
        return None
    words = {w.lower() for w in frame.text.split()}
    return None if is_day(frame.value) or ".." in frame.value or words & looking_back else frame


def planned(span: Span, value: str, published: date | None, future_cues: frozenset[str]) -> bool:
    """Whether a date in a clause told ahead names a period not over at publication: "will take
    ownership later this month", "a move expected to result in a fourth-quarter charge" (in a story
    of November); "will report third-quarter results", a period over, is not."""
    end = value.split("/")[-1]
    return (published is not None and bool(end) and end >= published_as(end, published)
            and clause_tense(span, future_cues) == "future")


def is_single_day(value: str) -> bool:
    """'2024-04-05' and no week or month: the one day of a statement, an event or a dateline."""
    return is_day(value) and "/" not in value


def is_day(value: str) -> bool:
    """'2024-04-05' or a week '2024-04-01/2024-04-07': when something was said. A reporting verb
    with a year or month ("forecasts growth of 0.5% next year") names the figure's period."""
    return bool(re.fullmatch(r"\d{4}-\d\d-\d\d(/\d{4}-\d\d-\d\d)?", value))


def _inside_noun_modifier(verb: Token) -> bool:
    """A clause that describes a noun ("the company, founded in 1885, ...") frames nothing else."""
    token = verb
    while token.head.i != token.i:
        if token.dep_ in ("acl", "relcl"):
            return True
        token = token.head
    return False


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def choose_scope(figure: Span, next_start: int, marks: list[TimeMark], frame: TimeMark | None,
                 context: TimeMark | None, statements: list[TimeMark] = (),
                 reported: TimeMark | None = None, partners: frozenset[int] = frozenset()) -> TimeScope | None:
    """The period of one figure, from its clause (a date that belongs to another figure is not
    taken, one that belongs to this figure always is, and so is one of a figure of the same change,
    ``partners``), its sentence, the paragraph's frame, the period the sentence reports
    (``reported``: "held at 6.7 per cent in September, the ONS said on Wednesday, defying
    expectations of a fall to 6.6%"), or failing all of them the date its sentence was said on."""
    own = [m for m in marks if m.owner == figure.start] or [m for m in marks if m.owner in partners]
    same_clause = own
    for clause in _clauses_up(figure.root):  # "cut 412,000 jobs in June, with the rate reaching 7.9%"
        same_clause = same_clause or [m for m in marks if clause_head(m.span.root).i == clause
                                      and m.owner is None and m not in statements]
    if same_clause:
        best = min(same_clause, key=lambda m: (not figure.end <= m.span.start < next_start,
                                               _distance(figure, m.span)))
        return best.scope(best.source or "clause")
    if frame is not None:
        return frame.scope("sentence")
    if context is not None:
        return context.scope("context")
    if reported is not None and statements:
        return reported.scope("sentence")
    if statements:
        return statements[0].scope("statement")
    return None


def change_partners(figures: list[Span], parts: list[str], linked: list[tuple[int, ...]]) -> dict[int, frozenset[int]]:
    """The figures of one change, its amount and its end ("a drop of 75 cents in Orlon's stock to
    $28 a share yesterday"), by their start tokens: a date the parse hangs from one of them dates
    the move, so both; the start of a change ("from $30") is a base with a period of its own."""
    moving = ("by", "to")
    return {figure.start: frozenset(figures[j].start for j in others if parts[j] in moving)
            for figure, part, others in zip(figures, parts, linked) if part in moving}


def _clauses_up(token: Token) -> list[int]:
    """A word's clause, and when that is a participle without a subject of its own ("..., closing
    at 1,387") or after "with" ("with the rate reaching 8.5%"), the clause it hangs from."""
    verb = clause_head(token)
    clauses = [verb.i]
    if (verb.tag_ == "VBG" and verb.head.i != verb.i and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and (verb.dep_ == "pcomp" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))):
        clauses.append(clause_head(verb.head).i)
    return clauses


def restated_scopes(scopes: list[TimeScope | None], readings: list[tuple],
                    headline_end: int) -> list[TimeScope | None]:
    """A headline figure without a date of its own ("UK inflation slows to 6.7%") restates one of
    the body ("held at 6.7 per cent in September"): it takes the period of the first body figure
    with the same reading (kind, value, unit). ``headline_end`` is the token where the body starts
    (0: no headline), ``readings`` the (start token, kind, value, unit) of each figure."""
    body = [(reading[1:], scope) for reading, scope in zip(readings, scopes) if reading[0] >= headline_end]
    return [next((TimeScope(s.text, s.value, "headline") for r, s in body if r == reading[1:] and s), None)
            if scope is None and reading[0] < headline_end and reading[2] is not None else scope
            for reading, scope in zip(readings, scopes)]


def endpoint_scopes(scopes: list[TimeScope | None], parts: list[str],
                    linked: list[tuple[int, ...]]) -> list[TimeScope | None]:
    """'between December 2021 and August 2023, taking it from 0.1% to 5.25%': when the start and
    end points of a change share a span written with its two ends ("between ... and ...", "from
    ... to ..."), the start point is at its first end and the end point at its last. A named
    period ("in the second quarter", "the 12 months to September") stays whole."""
    ends = []
    for scope, part, others in zip(scopes, parts, linked):
        value = scope.value if scope else ""
        spanned = (scope is not None and part in ("from", "to") and "/" in value and ".." not in value
                   and scope.text.split()[0].lower() in ("between", "from")
                   and any(scopes[j] == scope and parts[j] != part for j in others))
        ends.append(replace(scope, value=value.split("/")[part == "to"]) if spanned else scope)
    return ends


def headline_end(doc: Doc, sentences: list[Span], title: str = "") -> int:
    """Where the body starts after a headline: a first paragraph of one sentence that does not end
    like a sentence ("Poland to spend 4.7% of GDP on defence"), followed by more text; else 0.
    When the article's metadata gives a ``title``, the first line is its headline only if it is
    that title (a first line "WASHINGTON _" or a kicker is not). A line that is a whole dateline
    ("GRAFTON, Vermont (AP) _") is none either: the body starts at the top."""
    if len(sentences) < 2 or not starts_paragraph(doc, sentences[1]):
        return 0
    if whole_dateline(sentences[0]):
        return 0
    if title.strip() and sentences[0].text.strip() != title.strip():
        return 0
    words = [t for t in sentences[0] if not t.is_space]
    return sentences[1].start if words and not ends_like_sentence(sentences[0]) and words[-1].text != ":" else 0


QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''"})


def is_narrative(sent: Span, first_person: frozenset[str]) -> bool:
    """Whether the article itself tells a sentence: no quotation marks, no subject in the first
    person ("I think we're responding to the anniversary of the crash" is someone speaking)."""
    texts, lowers, deps = (token_strings(sent.doc, attr)[sent.start:sent.end] for attr in ("ORTH", "LOWER", "DEP"))
    return not any(text in QUOTE_MARKS or (lower in first_person and dep in ("nsubj", "nsubjpass"))
                   for text, lower, dep in zip(texts, lowers, deps))


def ends_like_sentence(sent: Span) -> bool:
    """Whether a sentence ends in a full stop, a question or exclamation mark or a closing quote,
    unlike a headline or a picture's caption ("The new stadium was unveiled in March 2011")."""
    words = [t for t in sent if not t.is_space]
    return bool(words) and words[-1].text in (".", "!", "?", '"', "”", "'")


def _distance(a: Span, b: Span) -> int:
    return max(b.start - a.end, a.start - b.end, 0)
