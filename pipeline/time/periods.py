"""Every figure's period, reading by reading in a fixed order: the dates its sentence and paragraph
give it, then the article's lead or day for a figure nothing dates, then the readings that
correct a general one ("compared with $2.4 billion a year earlier" dates only the base, "killed 57
people on March 2" takes the event's day, "the 45% state-owned maker" holds at publication).
Each reading takes the scopes so far and returns them, so a later one sees what the earlier ones
decided; the order is the one ``extract_doc`` has always run them in."""
from __future__ import annotations

from typing import Mapping, NamedTuple

from spacy.tokens import Doc, Span

from pipeline.records import Article, TimeScope
from pipeline.time.ages import age_scopes
from pipeline.time.anchoring import DatedSpan
from pipeline.time.bases import BaseWords, base_scopes, comparison_bases
from pipeline.time.casualties import joined_toll_scopes
from pipeline.time.durations import closed_at_publication, run_scopes, span_scopes, to_date_scopes
from pipeline.time.events import EventWords, event_scopes
from pipeline.time.fallback import (FallbackWords, alternative_scopes, article_day, fallback_scopes, lead_sentence, lead_time,
                                    referred_scopes)
from pipeline.time.holdings import HolderWords, stake_scopes
from pipeline.time.market import MarketWords, market_scopes
from pipeline.time.newsday import lead_news_scopes, news_day
from pipeline.time.positions import position_scopes
from pipeline.time.reported import reported_scopes
from pipeline.time.revised import revised_scopes
from pipeline.time.scope import change_partners, endpoint_scopes, headline_end, restated_scopes
from pipeline.time.scoping import ScopeWords, scope_figures
from pipeline.time.since_clauses import since_clause_scopes
from pipeline.time.story import StoryWords, story_scopes


class PeriodWords(NamedTuple):
    """The vocabularies the period readings use, built once with the resources."""
    scope: ScopeWords
    fallback: FallbackWords
    base: BaseWords
    market: MarketWords
    event: EventWords
    story: StoryWords
    lexicons: Mapping[str, list[str]]


class PeriodFigures(NamedTuple):
    """The article's figures as the period readings see them, one entry per figure in text order:
    "$20.6 million" is its span, kind ``money``, unit ``USD``, value 20600000 and SI unit ``USD``."""
    spans: list[Span]
    kinds: list[str]
    units: list[str]
    values: list[float | None]
    units_si: list[str]


def figure_periods(doc: Doc, sentences: list[Span], figures: PeriodFigures, date_spans: list[DatedSpan],
                   links: tuple[list[str], list[tuple[int, ...]]], article: Article,
                   words: PeriodWords) -> list[TimeScope | None]:
    """The period of every figure of ``doc``, in the figures' order; ``links`` are the parts and
    linked groups of figures read together ("rose 6% to $20.6 million from $22 million")."""
    spans, kinds, units, values = figures.spans, figures.kinds, figures.units, figures.values
    parts, linked = links
    lexicons, published = words.lexicons, article.published
    body_start = headline_end(doc, sentences, article.title)
    scopes = restated_scopes(scope_figures(doc, sentences, spans, date_spans, words.scope, published,
                                           change_partners(spans, parts, linked)),
                             [(span.start, kind, value, unit) for span, kind, value, unit in zip(spans, kinds, values, units)],
                             body_start)
    day = article_day(date_spans, sentences, body_start, published)
    lead = lead_time(date_spans, sentences, spans, body_start, published, words.fallback)
    news = None if lead else news_day(date_spans, sentences, body_start, published, words.fallback, words.market)
    scopes = lead_news_scopes(spans, fallback_scopes(spans, endpoint_scopes(scopes, parts, linked), day, lead or news),
                              news, lead_sentence(sentences, date_spans, body_start))
    measures, to_date = list(zip(kinds, units)), tuple(lexicons["to_date_phrases"])
    bases = comparison_bases(spans, measures, words.base)
    scopes = reported_scopes(spans, kinds, scopes, date_spans, published)
    scopes = referred_scopes(spans, market_scopes(spans, scopes, date_spans, day, published, words.market),
                             bases, frozenset(lexicons["result_nouns"]))
    scopes = span_scopes(spans, scopes, units, values, published,
                         (lexicons["number_words"], frozenset(lexicons["tenure_nouns"])))
    scopes = run_scopes(spans, scopes, units, values, published,
                        (frozenset(lexicons["run_nouns"]), frozenset(lexicons["ending_verbs"])))
    scopes = to_date_scopes(spans, scopes, published, to_date, day)
    scopes = story_scopes(spans, kinds, scopes, bases, published, words.story)
    scopes = since_clause_scopes(spans, scopes, date_spans, published.isoformat() if published else "",
                                 (to_date, words.event.casualties))
    scopes = closed_at_publication(alternative_scopes(spans, scopes, date_spans), published)
    scopes = base_scopes(spans, scopes, bases, words.base, published)
    scopes = joined_toll_scopes(spans, event_scopes(sentences, spans, scopes, (units, values), date_spans, words.event,
                                                    day, published), words.event.casualties)
    scopes = age_scopes(spans, revised_scopes(spans, scopes, date_spans), units, day)
    scopes = stake_scopes(spans, scopes, measures, day,
                          HolderWords(frozenset(lexicons["holding_participles"]), frozenset(lexicons["size_nouns"])))
    return position_scopes(spans, scopes, figures.units_si, day, lexicons)
