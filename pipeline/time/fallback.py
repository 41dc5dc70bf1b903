"""The period of a figure that nothing in its text dates: the time of the article's news, or its day.

A news article's lead sentence says when its news happened ("US stock markets dropped to
twelve-year lows on Thursday", "Acme reported that second-quarter profit grew 14%"). A figure
told in the past tense later on without a date of its own ("The Nasdaq lost 2.9%", "Profit
climbed to $64 million") belongs to that news: it takes the lead's time, ``time_source`` `lead`.
A figure stated as current ("The airline now has 212 jets", "Hotels are only forty percent full")
is checked against the day the article speaks for: the date of its dateline ("VIENNA, June 4
(Reuters) - ...", or a line that holds only a date under the headline), else the publication
date, ``time_source`` `published`, so a reviewer sees the period was a default. A figure of a
sentence about the figures just given ("Acme earned $46.9 million. The figures include $12
million in costs ...") is of their period instead (``referred_scopes``); a figure said another way
("$3.1 million, or 44 cents a share") is of the period of the figure it restates
(``alternative_scopes``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span, Token

from pipeline.nlp.structure import by_sentence, clause_head, in_dateline, whole_dateline
from pipeline.records import TimeScope
from pipeline.rules import RuleSet
from pipeline.time.anchoring import DatedSpan
from pipeline.time.owners import is_base_figure, owning_figure, restates_as_alternative
from pipeline.time.scope import ends_like_sentence, is_comparison_base, is_day, is_narrative, is_single_day, planned

PUBLISHED = "published"
"""``time_source`` of a figure dated by the article's own day."""

LEAD = "lead"
"""``time_source`` of a past-tense figure dated by the time of the news its lead reports."""

UNDATED_SOURCES = frozenset({"context", PUBLISHED})
"""``time_source`` of a scope the figure's own sentence did not give: a frame carried from an
earlier sentence, or the article's day."""

PAST_AUXILIARIES = frozenset({"was", "were", "had", "did"})


@dataclass(frozen=True)
class FallbackWords:
    """The reporting verbs, whose day is when something was said rather than when the news
    happened, the words of a comparison base ("from", "than", "above its level in"), those of a
    look back ("ago", "earlier") and the pronouns of someone speaking ("I", "we")."""

    reporting_verbs: frozenset[str]
    comparison_bases: frozenset[str]
    since_comparisons: frozenset[str]
    comparison_heads: frozenset[str]
    looking_back: frozenset[str]
    first_person: frozenset[str]
    future_cues: frozenset[str]

    @classmethod
    def from_rules(cls, rules: RuleSet) -> FallbackWords:
        """From speech.yml and lexicons.yml."""
        lexicons = rules.lexicons
        return cls(frozenset(rules.tables["speech"]["reporting_verbs"]), frozenset(lexicons["comparison_bases"]),
                   frozenset(lexicons["since_comparisons"]), frozenset(lexicons["comparison_heads"]),
                   frozenset(lexicons["relative_back"]), frozenset(lexicons["first_person"]),
                   frozenset(lexicons["future_cues"]))


def article_day(dates: list[DatedSpan], sentences: list[Span], body_start: int,
                published: date | None) -> TimeScope | None:
    """The day the article speaks for: its dateline's date ("VIENNA, June 4 (Reuters) -", or a
    line under the headline that holds only "February 24, 2009"), when that is a day on or before
    publication; else the publication date; None without either."""
    lead_end = _lead(sentences, dates, body_start).end if sentences else 0
    for span, mention in dates:
        if span.start >= lead_end:
            break
        if _is_dateline(span) and is_single_day(mention.value) and _not_after(mention.value, published):
            return TimeScope(mention.text, mention.value, PUBLISHED)
    return TimeScope("", published.isoformat(), PUBLISHED) if published else None


def lead_time(dates: list[DatedSpan], sentences: list[Span], figures: list[Span], body_start: int,
              published: date | None, words: FallbackWords) -> TimeScope | None:
    """When the news of the article happened, as its lead sentence says: a day that dates a verb
    ("closed lower on Monday"), else the one period it names ("Unisys's announcement Friday of a
    loss for the third quarter"; a lead that names two periods gives none), else its first day.
    Not a dateline, the day something was said ("..., the company said on Tuesday"), a comparison
    base ("the lowest since 1997") or the date of one ("from 6.2 per cent in August"), a look back ("A year ago, everyone expected a downturn"), an open interval, a week,
    anything after publication or a period not over that a clause told ahead names ("a move
    expected to result in a fourth-quarter charge"); nor the lead of someone speaking (a quote,
    "I think ...")."""
    lead = lead_sentence(sentences, dates, body_start)
    if lead is None or not told_lead(lead, body_start, words):
        return None
    in_lead = [f for f in figures if lead.start <= f.start < lead.end]
    found = []  # (scope, span, whether a comparison base owns it)
    for span, mention in dates:
        value = mention.value
        if (not lead.start <= span.start < lead.end or not value or _is_dateline(span) or ".." in value
                or not _not_after(value.split("/")[0], published) or planned(span, value, published, words.future_cues)
                or (is_day(value) and "/" in value)  # a week
                or any(t.lower_ in words.looking_back for t in span)
                or is_comparison_base(span, words.comparison_bases, words.since_comparisons, words.comparison_heads)):
            continue
        if is_day(value) and clause_head(span.root).lemma_.lower() in words.reporting_verbs:
            continue
        owner = owning_figure(span, in_lead)
        found.append((TimeScope(mention.text, value, LEAD), span, owner is not None and is_base_figure(owner)))
    periods = {scope.value for scope, _, _ in found if not is_day(scope.value)}
    free = [(scope, span) for scope, span, owned in found if not owned]
    period = next((scope for scope, _ in free if not is_day(scope.value)), None) if len(periods) == 1 else None
    return next((scope for scope, span in free if is_day(scope.value) and _dates_verb(span)),
                period or (free[0][0] if free and not periods else None))


def lead_sentence(sentences: list[Span], dates: list[DatedSpan], body_start: int) -> Span | None:
    """The article's lead: the first sentence of the body that is more than a date line or a
    dateline; None for an article without sentences."""
    return _lead(sentences, dates, body_start) if sentences else None


def told_lead(lead: Span, body_start: int, words: FallbackWords) -> bool:
    """Whether the lead is one the article tells: a sentence of the body that ends like one, not
    a caption or a heading, and not someone speaking (a quote, "I think ...")."""
    return lead.end > body_start and ends_like_sentence(lead) and is_narrative(lead, words.first_person)


def fallback_scopes(figures: list[Span], scopes: list[TimeScope | None], day: TimeScope | None,
                    lead: TimeScope | None) -> list[TimeScope | None]:
    """Every figure's scope, the undated ones given the lead's time when they are told in the
    past tense ("The Nasdaq Composite lost 41.2 points, or 2.9%") and the article's day
    otherwise ("The new freighter can fly for 4,800 nautical miles"). A figure whose clause names
    a time with no date ("recent purchases have lifted its reserves to $3 million", "it will soon
    charge $5") counts as undated: every figure gets a period. Without the article's day, such a
    time is kept as the text gives it ("Two years ago", which nothing can resolve)."""
    return [scope if scope is not None and (scope.value or day is None)
            else lead if lead is not None and narrated_past(figure.root) else day
            for figure, scope in zip(figures, scopes)]


def referred_scopes(figures: list[Span], scopes: list[TimeScope | None], bases: list[bool],
                    result_nouns: frozenset[str]) -> list[TimeScope | None]:
    """Every figure's scope, those of a sentence about the results just given given their period:
    "Acme earned $46.9 million in the third quarter. The figures include $12 million in costs"
    (subject "the figures", "the results", "these numbers": ``result_nouns``) -> the third
    quarter, the period of the last figure of the sentence before, where nothing in the
    sentence itself dated it (its scope is the article's day or a carried frame). Not that of a
    base the sentence before compared with: after "the mill earned $7.1 million, up from $5.2
    million in the year-ago quarter", "These results include a $1.9 million land sale" is of the
    $7.1 million's quarter (``bases``: the figures compared with, ``bases.comparison_bases``)."""
    out = list(scopes)
    sentences = by_sentence(figures)
    starts = sorted(sentences)
    for position, start in enumerate(starts[1:], 1):
        before = [i for i in sentences[starts[position - 1]] if not bases[i]]
        referred = scopes[before[-1]] if before else None
        if referred is None or figures[before[-1]].sent.end != start:
            continue  # only the sentence right before
        for i in sentences[start]:
            if scopes[i] is not None and scopes[i].source in UNDATED_SOURCES \
                    and _about_results(figures[i].root, result_nouns):
                out[i] = referred
    return out


def alternative_scopes(figures: list[Span], scopes: list[TimeScope | None],
                       dates: list[DatedSpan]) -> list[TimeScope | None]:
    """Every figure's scope, a figure said another way ("$410,000, or six cents a share") given
    the period of the figure it restates: the two are one amount. A date right after the pair is
    both figures' ("had net income of $410,000, or six cents a share, a year earlier": the
    year-ago quarter for $410,000 too); otherwise the restating figure takes the first one's ("a
    first-quarter loss of $3.1 million, or 44 cents a share": the quarter for 44 cents a share;
    "net was $12 million, or 80 cents a share, up 9% from $11 million, or 73 cents a share, a year
    earlier": the six months for 80 cents a share, not the look back of the base after it)."""
    out = list(scopes)
    date_starts = {span.start for span, _ in dates}
    for i in range(1, len(figures)):
        first, second = figures[i - 1], figures[i]
        if not restates_as_alternative(first, second):
            continue
        after = second.end + (second.end < len(second.doc) and second.doc[second.end].is_punct)
        if after in date_starts and out[i] is not None:
            out[i - 1] = out[i]
        else:
            out[i] = out[i - 1]
    return out


def _about_results(token: Token, result_nouns: frozenset[str]) -> bool:
    """Whether a word's clause has for its subject "the figures", "these results" and the like."""
    verb = clause_head(token)
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in result_nouns
               and any(d.dep_ == "det" and d.lower_ in ("the", "these", "those") for d in c.children)
               for c in verb.children)


def narrated_past(token: Token) -> bool:
    """Whether the clause of a word is told in the simple past ("fell 3%", "was down 7%", "had
    lost"), looking through participles and infinitives up to the verb they hang from ("...,
    closing at 8,579.19", "fell 3% to end the day at 7,114.3"). The present perfect ("has sold 2,400 units") and the present are not."""
    verb = clause_head(token)
    while (verb.tag_ in ("VBG", "VBN", "VB") and verb.head.i != verb.i  # "fell 3% to end the day at 7,114"
           and not any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children)):
        verb = clause_head(verb.head)
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return False  # a clause of "if" supposes: "would not be surprised if its share rose to 30%"
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return (verb.tag_ == "VBD" and not auxiliaries) or bool(auxiliaries & PAST_AUXILIARIES)


def _dates_verb(span: Span) -> bool:
    """'closed lower on Monday', 'signed a plan Friday': a day that hangs from a verb, maybe
    through its preposition (not from a noun: "the announcement Friday of a loss")."""
    token = span.root.head if span.root.head.pos_ == "ADP" else span.root
    return token.head.pos_ in ("VERB", "AUX")


def _lead(sentences: list[Span], dates: list[DatedSpan], body_start: int) -> Span:
    """The first sentence of the body that is more than a date line or a dateline, past the lines
    a web page puts above its story ("By Dana Quill", "Page last updated at 09:40 GMT, Friday, 3
    May 2024", a caption): those do not end like a sentence, and the story starts after them. The
    first line of the body when no sentence follows it (``sentences`` is not empty)."""
    body = (sent for sent in sentences
            if sent.end > body_start and not _only_date(sent, dates) and not whole_dateline(sent))
    return next((sent for sent in body if not _page_line(sent)), sentences[-1])


def _page_line(sent: Span) -> bool:
    """Whether a sentence is a line of its own that does not end like a sentence: a byline, an
    update line, a caption; or nothing but spaces."""
    words = [t.i for t in sent if not t.is_space]
    if not words or ends_like_sentence(sent):
        return not words
    doc, last = sent.doc, words[-1]
    end = last + 1
    while end < len(doc) and doc[end].is_space:
        end += 1
    return end == len(doc) or "\n" in doc[last].whitespace_ + doc[last + 1:end].text_with_ws


def _not_after(value: str, published: date | None) -> bool:
    return published is None or value <= published.isoformat()


def _only_date(sent: Span, dates: list[DatedSpan]) -> bool:
    return any(_covers(span, sent) for span, _ in dates)


def _is_dateline(span: Span) -> bool:
    """'VIENNA, June 4 (Reuters) -' or a line that is nothing but the date."""
    return in_dateline(span) or _covers(span, span.sent)


def _covers(span: Span, sent: Span) -> bool:
    """Whether a date span holds every word of a sentence ("February 24, 2009." on its own line).
    A span outside the sentence holds none of it, and its words are not read."""
    if span.end <= sent.start or span.start >= sent.end:
        return False
    words = [t for t in sent if not (t.is_space or t.is_punct)]
    return bool(words) and span.start <= words[0].i and words[-1].i < span.end
