"""Resolves an article's date spans in text order, each against the dates set before it.

"20 days later" and "the previous year" count from the last date the article set, "that year" from
the last one it named; a month or quarter without its year ("in November") from the last one its
paragraph set. Only dates that set
the time of their sentence become anchors: not the base of a comparison ("the smallest since
2020"), not an open interval ("since March 2022"), not a date inside a clause that describes a
noun ("accounts, which go back to 1929, ...") or a noun's modifier ("the 2008 crisis"), nor a date
that qualifies a figure ("the 11.1 per cent peak reached in October 2022"). A date after "since",
"until" or "by" becomes an open interval whose span takes in that word.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from pipeline.matching.candidates import Candidate
from pipeline.nlp.structure import clause_head, clause_tense, in_dateline, paragraph_numbers
from pipeline.records import DateMention
from pipeline.rules import RuleSet
from pipeline.time.business import FRAME_TYPES, compares_with_frame, last_closed_quarter, sets_frame
from pipeline.time.fiscal import fiscal_year_end
from pipeline.time.parser import DateParser
from pipeline.time.points import YEAR, Point
from pipeline.time.owners import is_base_figure, owning_figure
from pipeline.time.scope import is_comparison_base, is_single_day
from pipeline.time.since import since_value_is_point

CALENDAR_TYPES = ("month", "period_to", "quarter", "half", "season", "calendar_year")
"""Calendar names without a year ("in November", "the first quarter"): they take the year of a date
set earlier in their paragraph, else the publication's, else the last one the article mentioned."""

DEICTIC_WORDS = ("this", "last", "next", "coming")
"""Words that place a calendar name from the publication date ("last September"), not a paragraph's year."""

NARROWING = ("early", "mid", "late")
"""Modifiers that narrow a date without moving it: "since early September" still opens at September."""


@dataclass(frozen=True)
class AnchorWords:
    """The word lists anchoring looks words up in, as sets built once rather than per article."""

    comparison_bases: frozenset[str]
    since_comparisons: frozenset[str]
    future_cues: frozenset[str]
    framing_prepositions: frozenset[str]
    narrative_words: frozenset[str]
    deadline_verbs: frozenset[str]
    open_bounds: dict[str, str]
    fiscal_bounds: dict[str, str]
    unlisted_rules: frozenset[str]

    @classmethod
    def from_rules(cls, rules: RuleSet) -> AnchorWords:
        """From lexicons.yml; ``open_bounds`` tells which side of an interval a word before a date
        leaves open ("since" the start, "until" and "by" the end); ``unlisted_rules`` are the date
        rules with ``listed: false``, whose match only dates figures ("since then" repeats a date
        the text already gave) and is no date row of its own."""
        lexicon = {name: frozenset(rules.lexicons[name]) for name in
                   ("comparison_bases", "since_comparisons", "future_cues", "framing_prepositions",
                    "narrative_words", "deadline_verbs")}
        unlisted = frozenset(rule.id for rule in rules.rules if rule.sets.get("listed") is False)
        return cls(**lexicon, open_bounds=dict(rules.lexicons["open_bounds"]),
                   fiscal_bounds=dict(rules.lexicons["fiscal_bounds"]), unlisted_rules=unlisted)


class DatedSpan(NamedTuple):
    """A date's span in the document (taking in "since", "until" or "by") and its mention."""

    span: Span
    mention: DateMention


def resolve_dates(doc: Doc, sentences: list[Span], dates: list[Candidate], figures: list[Span],
                  published: date | None, parser: DateParser, words: AnchorWords) -> list[DatedSpan]:
    """The value of every date candidate, in text order, each anchored on the dates before it:
    "They met on February 4, 2022. ... 20 days later" -> 2022-02-24; "In 2023, trade surpassed the
    mark in November" -> 2023-11. ``figures`` are the figure spans: a date one of them owns ("6.2
    per cent in August") anchors nothing after it."""
    sent_index = {s.start: i for i, s in enumerate(sentences)}
    told = telling_index(sentences, figures, dates)
    paragraph_of = paragraph_numbers(doc, sentences)
    mentions = []
    article_anchor: tuple[Point, str] | None = None
    mentioned: tuple[Point, str] | None = None  # the last date named, a figure's or a base too, for "that year"
    paragraph_anchor: tuple[Point, str, bool | int] | None = None  # the sentence it holds for, or True
    paragraph = -1
    frame: tuple[Point, str, int] | None = None  # the reporting frame: the last period results were given for
    fiscal_end = fiscal_year_end(sentences, parser.words, words.fiscal_bounds)  # "its fiscal year ends Aug. 31"
    figures_in: dict[int, list[Span]] = defaultdict(list)  # by the start of their sentence
    for figure in figures:
        figures_in[figure.sent.start].append(figure)
    for cand in dates:
        span = _trim(doc[cand.start:cand.end])
        sent_start = span.sent.start
        if paragraph_of[sent_start] != paragraph:
            paragraph, paragraph_anchor = paragraph_of[sent_start], None
        kind = cand.rule.sets["type"]
        if paragraph_anchor and paragraph_anchor[2] not in (True, sent_start):
            paragraph_anchor = None  # a year inside an earlier sentence framed only that sentence
        follows_narrative = any(t.lower_ in words.narrative_words for t in span)  # "the following spring"
        deictic = any(t.lower_ in DEICTIC_WORDS for t in span)  # "last September"
        if kind in CALENDAR_TYPES and deictic:
            anchor = None  # the publication date, or nothing
        elif kind in CALENDAR_TYPES and not follows_narrative and (paragraph_anchor or published):
            anchor = paragraph_anchor[:2] if paragraph_anchor else None
        elif kind == "relative_narrative" and any(t.lower_ in ("that", "then") for t in span):
            anchor = mentioned or article_anchor  # "that year", "since then": the date just named, even a figure's
        else:
            anchor = article_anchor
        if kind == "relative_narrative" and _names_quarter(span) and not (anchor and anchor[0].months == 3):
            anchor = frame[:2] if frame else reported_quarter(anchor, published)  # "the prior quarter's pace"
        year_back = False  # the frame's period a year before: a comparison base, never the next anchor
        if kind in FRAME_TYPES:  # "the latest quarter", "the year-ago period"
            anchor = frame[:2] if frame else None
        elif compares_with_frame(span, parser.words, frame, (sent_index[sent_start], told), figures_in[sent_start]):
            # "from $85 million a year ago" in a quarterly report
            kind, anchor, year_back = "relative_narrative", frame[:2], True
        owner = owning_figure(span, figures_in[sent_start])
        comparison = year_back or is_comparison_base(span, words.comparison_bases, words.since_comparisons)
        tense = "past" if in_dateline(span) else clause_tense(span, words.future_cues)
        tense = "past" if comparison and tense != "future" else tense  # "up from 10 percent in May"
        tense = "past" if span.root.dep_ == "poss" else tense  # "Wednesday's ruling" names what happened
        if owner is not None and is_base_figure(owner):  # "will fall to 9 million from 10 million in May"
            tense = "past"
        if not tense and _ends_past_range(span, mentions, published):  # "bought from March 14 to Thursday"
            tense = "past"
        if tense == "past" and _sets_deadline(span, words.deadline_verbs):  # "has given them until Friday"
            tense = "future"
        if kind == "future_ref" and tense == "past":
            continue  # "the trickle soon became a flood": soon after a past event, no time after publication
        resolution = parser.resolve([t.text for t in span], kind, published, *(anchor or (None, "")),
                                    tense, cand.rule.sets.get("order", ""), fiscal_end)
        value = resolution.value
        if sets_frame(kind, resolution.point, [t.lower_ for t in span], tense, comparison, frame, published):
            frame = (resolution.point, span.text, sent_index[sent_start])
        # "the worst defeat since 1935" is still 1935/..; "than at any time since the 1950s" a point
        point = since_value_is_point(span, words.since_comparisons)
        side = (_open_side(span, value, tense, words.open_bounds, point)
                if value and ".." not in value and resolution.modifier in ("", "fiscal", *NARROWING) else "")
        if side != "start" and resolution.modifier in NARROWING:
            side = ""  # "since early September" opens at September; "until late 2025" stays a point
        if resolution.point is not None and not side:  # "the survey, which started in 1962. Since then, ..."
            mentioned = (resolution.point, span.text)
        if (resolution.point is not None and not side and not comparison and not _describes_noun(span, cand)
                and owner is None):
            article_anchor = (resolution.point, span.text)
            if not resolution.relative and _frames(span, resolution.point, words.framing_prepositions):
                paragraph_anchor = (*article_anchor, _carries_on(span, resolution.point) or sent_start)
        if side:
            if span.start and span.doc[span.start - 1].lower_ in words.open_bounds:  # "since 2014" as one span
                span = span.doc[span.start - 1:span.end]
            value = f"{value.split('/')[0]}/.." if side == "start" else f"../{value.split('/')[-1]}"
        mentions.append(DatedSpan(span, DateMention(
            start=span.start_char, end=span.end_char, text=span.text, value=value,
            sentence_index=sent_index[span.sent.start], relative=resolution.relative, anchor=resolution.anchor,
            modifier=resolution.modifier, rules=(cand.rule.id,), reference=resolution.reference,
            fiscal_quarter=resolution.point.fiscal_quarter if resolution.point and not side else 0,
        )))
    return mentions


def telling_index(sentences: list[Span], figures: list[Span], dates: list[Candidate]) -> list[int]:
    """Each sentence's place among the sentences that tell a figure or name a date: a sentence of
    neither does not part "a year ago" from the results it compares with ("Orvik posted a
    third-quarter loss of $3 million. The lender said the cuts should help it meet new rules. A
    year ago, Orvik had profit of $1.1 million": the third quarter a year before)."""
    telling = {figure.sent.start for figure in figures}
    starts = [s.start for s in sentences]
    for cand in dates:
        telling.add(starts[bisect_right(starts, cand.start) - 1])
    index, out = -1, []
    for start in starts:
        index += start in telling
        out.append(index)
    return out


def _names_quarter(span: Span) -> bool:
    """'the previous quarter', 'the following quarter': a quarter moved from another."""
    return any(t.lower_ == "quarter" for t in span)


def reported_quarter(anchor: tuple[Point, str] | None, published: date | None) -> tuple[Point, str] | None:
    """The quarter "the previous quarter" steps back from when no quarter was named before it:
    the one an article reports on, the last closed by the day the article last set (its
    dateline's), else by publication: "output rose 4.4% in the quarter, well up on the prior
    quarter's 1.9%" in a story of late January is about October to December, so the previous quarter is
    July to September, not the three months before the story's day."""
    day = anchor[0].day if anchor and anchor[0].granularity == "day" else published
    return (last_closed_quarter(day), anchor[1] if anchor else "") if day else anchor


def _sets_deadline(span: Span, deadline_verbs: frozenset[str]) -> bool:
    """Whether the date is a deadline its clause's verb sets ahead, after "until" or "through" ("has
    given the firm until Friday to reply", "postponed the vote until Tuesday", "has extended
    credit lines through January"): then it lies ahead of the publication date whatever the verb's
    tense."""
    before = span.doc[span.start - 1] if span.start else None
    return (before is not None and before.lower_ in ("until", "till", "through")
            and clause_head(span.root).lemma_ in deadline_verbs)


def _trim(span: Span) -> Span:
    """A date span never ends in punctuation ("between August and September," before a clause)."""
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].is_punct:
        end -= 1
    return span.doc[span.start:end]


def _frames(span: Span, point: Point, framing: frozenset[str]) -> bool:
    """Whether a year sets the year of the bare months after it: "In 2023, ... in November" does;
    "by the end of 2024", "for 2025", "until 2030" name a horizon and do not, nor does a year of a
    participle that describes a noun ("under a program approved in 1987, it had bought shares
    through Sept. 29"). Relative expressions never do ("next year"). Days and months always may."""
    if point.granularity != "year" or span.start == span.sent.start:
        return True
    return span.doc[span.start - 1].lower_ in framing and clause_head(span.root).dep_ != "acl"


def _carries_on(span: Span, point: Point) -> bool:
    """'In 2023, ...': a year at the head of its sentence frames the rest of the paragraph; a year
    elsewhere ("the economy grew 5.9 percent in 2021") frames only its own sentence. Days and
    months always carry on."""
    return point.granularity != "year" or span.start - span.sent.start <= 1


def _describes_noun(span: Span, cand: Candidate) -> bool:
    """'the 2008 crisis' (a rule that sets ``attributive``), 'accounts, which go back to 1929': a
    date that qualifies a noun. (A participle keeps its date: "a statement issued on February 4,
    2022" dates an event.)"""
    if cand.rule.sets.get("attributive"):
        return True
    token = clause_head(span.root)
    while token.head.i != token.i:
        if token.dep_ == "relcl":
            return True
        token = token.head
    return False


def _ends_past_range(span: Span, mentions: list[DatedSpan], published: date | None) -> bool:
    """'bought from March 14 to Thursday': the second end of a range whose first end is a day on or
    before publication, in a clause the parse gives no tense (a participle), is placed as in a past
    clause, before publication, not the nearest Thursday after it. "The show runs from April 2 to
    Friday" (a schedule in the present) keeps the nearest Friday."""
    if not mentions or published is None or span.start < 2:
        return False
    first, mention = mentions[-1]
    opener = span.doc[first.start - 1].lower_ if first.start > 0 else ""
    return (first.end == span.start - 1 and (opener, span.doc[span.start - 1].lower_) in RANGE_WORDS
            and is_single_day(mention.value) and mention.value <= published.isoformat())


RANGE_WORDS = frozenset({("from", "to"), ("from", "through"), ("from", "until"), ("between", "and")})


def _open_side(span: Span, value: str, tense: str, open_bounds: dict[str, str], point: bool) -> str:
    """'start' for "since 2014", 'end' for "until 2030" and a deadline "by 2030", else ''. The
    base of a comparison ("the highest since 1900"), a past "by 2006" and "by" before anything but
    a bare year ("by December", "by the end of 2024": a point the text names) stay points."""
    bound = _bounding_word(span)
    word = bound.lower_ if bound is not None else ""
    side = open_bounds.get(word, "")
    if point or (word == "by" and (tense == "past" or not any(YEAR.match(t.text) for t in span))):
        return ""
    return "" if side == "end" and "/" in value else side  # "by 2025-26" names the fiscal year itself


def _bounding_word(span: Span) -> Token | None:
    """The word that may make a date one end of an interval: the one right before it ("since
    2014", "until 2030"; "up" of "losses of $3 billion up to 2030"), the span's own first word
    ("since then"), or a "since" whose object the date describes ("since its 1972 launch", "since
    the March 2009 low": from that event on)."""
    root = span.root
    noun = root.head
    if (root.dep_ in ("nummod", "compound", "amod", "nmod") and noun.i >= span.end and noun.dep_ == "pobj"
            and noun.head.lower_ == "since" and noun.head.i < span.start):
        return noun.head
    if span[0].lower_ == "since":
        return span[0]
    if span.start > 1 and span.doc[span.start - 1].lower_ == "to" and span.doc[span.start - 2].lower_ == "up":
        return span.doc[span.start - 2]
    return span.doc[span.start - 1] if span.start else None
