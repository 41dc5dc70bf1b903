"""Turns parsed articles into figures and dates: match the rules, normalize each span, read its
qualifier and role, resolve dates in text order, and give every figure its time scope."""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import NamedTuple

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from pipeline.checks.consistency import check_consistency
from pipeline.claims.assemble import assemble_claims
from pipeline.claims.describe import DescribeWords
from pipeline.errors import InternalError, internal_error
from pipeline.figures.carried_units import carry_currency, carry_units, event_units
from pipeline.figures.context import (alternative_roles, conjoined_roles, endpoint_roles, read_context, restated_qualifiers,
                                      share_list_roles)
from pipeline.figures.counted import CountReading, cased_lemma, joined_measures, linked_measures, with_compound_nouns
from pipeline.figures.links import link_groups, link_parts
from pipeline.figures.prices import per_unit_money
from pipeline.figures.dollars import US_DOLLAR, bare_price_currency, exchange_rate, local_cents, local_dollars, named_currency
from pipeline.figures.normalize import Amount
from pipeline.matching.candidates import Candidate, resolve_overlaps
from pipeline.nlp.parse import parse_articles
from pipeline.nlp.structure import index_sentences, keep_text
from pipeline.records import FIGURE_KINDS, Article, Extraction, Figure
from pipeline.resources import Resources
from pipeline.time.anchoring import resolve_dates
from pipeline.time.periods import PeriodFigures, PeriodWords, figure_periods

BATCH_SIZE = 32

Outcome = Extraction | InternalError
"""What extracting one article gives: its extraction, or the failure that stands in for it."""


def extract_articles(articles: Iterable[Article], res: Resources, batch_size: int = BATCH_SIZE) -> Iterator[Extraction]:
    """Parse articles with ``nlp.pipe`` in batches and extract each one; yields in input order, as
    each is done, so memory stays flat however many articles come through."""
    for doc, article in parse_articles(articles, res.nlp, batch_size):
        yield extract_doc(doc, article, res)


def extract_guarded(articles: Iterable[Article], res: Resources,
                    batch_size: int = BATCH_SIZE) -> Iterator[Outcome]:
    """``extract_articles`` where nothing an article holds stops the others: an article whose
    parsing or extraction raises becomes an InternalError in its place ("said; said #! August"
    once broke the speaker finder), and the rest go on. Every engine extracts through this, in the
    process that extracts. ``nlp.pipe`` parses in batches, so when it raises, the articles of its
    batch are parsed again one by one; a failure of the input itself (reading ``articles``) is no
    article's, and is raised."""
    fed: deque[Article] = deque()  # given to nlp.pipe, not yet answered
    input_failed = False

    def feed() -> Iterator[Article]:
        nonlocal input_failed
        source = iter(articles)
        while True:
            try:
                article = next(source)
            except StopIteration:
                return
            except BaseException:
                input_failed = True
                raise
            fed.append(article)
            yield article

    remaining = feed()
    while True:
        try:
            for doc, article in parse_articles(remaining, res.nlp, batch_size):
                fed.popleft()
                yield _attempt(article, lambda: extract_doc(doc, article, res))
            return
        except Exception:
            if input_failed:
                raise
            while fed:
                alone = fed.popleft()
                yield _attempt(alone, lambda: next(extract_articles([alone], res)))


def _attempt(article: Article, extraction: Callable[[], Extraction]) -> Outcome:
    try:
        return extraction()
    except Exception as error:
        return internal_error(article.path or article.id, error)


def extract_doc(doc: Doc, article: Article, res: Resources) -> Extraction:
    """One article's figures, dates, entities, quotes and claims rows from its parsed ``doc``, for
    a caller that parses on its own (``extract_articles`` parses in batches and calls this). ``doc``
    must be ``article.text`` parsed by ``res.nlp``: every offset is into that text. ``doc`` gets
    faster sentence look-ups (``index_sentences``) and its text (``keep_text``) on the way."""
    sentences = list(doc.sents)
    index_sentences(doc, sentences)
    keep_text(doc, article.text)
    matched, hits = res.matcher.match(doc)
    amounts: dict[tuple[int, int, str], Amount] = {}

    def usable(cand: Candidate) -> bool:
        # A span whose words hold no readable number ("third quarter", "2021 to 5.5 percent") is no
        # figure; like one whose guards fail, it counts as unmatched, so that a shorter reading can win.
        if not hits.holds(cand):
            return False
        if cand.label not in FIGURE_KINDS:
            return True
        if _key(cand) not in amounts:
            amounts[_key(cand)] = _amount(doc[cand.start:cand.end], cand, res)
        return amounts[_key(cand)].readable

    candidates = resolve_overlaps(matched, usable)
    sent_index = {s.start: i for i, s in enumerate(sentences)}
    measured = _carry_currency([_resolve_unit(doc[c.start:c.end], c, amounts[_key(c)], res)
                                for c in candidates if c.label != "date"], res)
    measured = _joined_measures(_bare_prices(_exchange_rates(_local_dollars(doc, _written_money(measured, res), res), res),
                                             res), res)
    spans = [m.span for m in measured]
    date_spans = resolve_dates(doc, sentences, [c for c in candidates if c.label == "date"], spans,
                               article.published, res.dates, res.anchor_words)
    dates = [dated.mention for dated in date_spans if dated.mention.rules[0] not in res.anchor_words.unlisted_rules]
    readings = share_list_roles(doc, spans, [m.kind for m in measured],
                                [read_context(m.span, m.kind, m.cand.rule.sets, hits) for m in measured])
    readings = restated_qualifiers(doc, spans, [m.kind for m in measured], readings)
    carried = carry_units(spans, [m.kind for m in measured],
                          per_unit_money(spans, [m.kind for m in measured], [m.amount.unit for m in measured], res.rules.lexicons),
                          [m.amount.value for m in measured], [_has_scale(m.span, res) for m in measured],
                          lambda noun: _countable(noun, res), _count_reading(res))
    carried = event_units(spans, carried, lambda verb: verb if verb in res.counted_events else "")
    measured = [m._replace(amount=replace(m.amount, unit=unit)) for m, unit in zip(measured, carried)]
    parts = link_parts(doc, spans, [r.role for r in readings], set(res.rules.lexicons["link_fillers"]))
    linked = link_groups(doc, spans, parts)
    measured = _linked_measures(measured, parts, linked, res)
    readings = endpoint_roles(alternative_roles(readings, parts), [m.kind for m in measured], linked, parts)
    readings = conjoined_roles(doc, spans, [m.kind for m in measured], readings)
    period_figures = PeriodFigures(spans, [m.kind for m in measured], [m.amount.unit for m in measured],
                                   [m.amount.value for m in measured], [m.amount.unit_si for m in measured])
    scopes = figure_periods(doc, sentences, period_figures, date_spans, (parts, linked), article,
                            PeriodWords(res.scope_words, res.fallback_words, res.base_words, res.market_words,
                                        res.event_words, res.story_words, res.rules.lexicons))
    figures = tuple(
        Figure(start=span.start_char, end=span.end_char, text=span.text, kind=kind, value=amount.value,
               sentence_index=sent_index[span.sent.start], value_low=amount.value_low,
               value_high=amount.value_high, unit=amount.unit, value_si=amount.value_si,
               unit_si=amount.unit_si, qualifier=reading.qualifier, role=reading.role,
               direction=reading.direction or _own_direction(amount, reading.role),
               link=part if others else "", linked_to=tuple(spans[j].start_char for j in others), time=scope,
               rules=rules + reading.rules)
        for (span, cand, amount, kind, rules), reading, scope, part, others
        in zip(measured, readings, scopes, parts, linked)
    )
    entities = res.entities.canonical_entities(doc)
    reported = res.speakers.attribute(doc, entities, dates)
    extraction = Extraction(article=article, figures=figures, dates=tuple(dates), entities=tuple(entities),
                            quotes=tuple(reported.quotes))
    words = DescribeWords(frozenset(res.rules.lexicons["event_prepositions"]),
                          frozenset(res.rules.lexicons["target_nouns"]), res.speakers.verbs,
                          frozenset(res.rules.lexicons["multiplier_units"]), res.rules.lexicons["transaction_nouns"])
    claims = check_consistency(assemble_claims(doc, extraction, res.checkworthiness, reported, words,
                                               res.speakers.party_words),
                               extraction.dates, res.checks, res.rules.lexicons["number_words"])
    return replace(extraction, claims=claims)


class Measured(NamedTuple):
    """A figure on its way through ``extract_doc``: its span, the candidate that matched it, its
    amount, and its kind and rule ids, which a fallback may change ("40 knots", matched as a count,
    becomes a quantity)."""

    span: Span
    cand: Candidate
    amount: Amount
    kind: str
    rules: tuple[str, ...]


RESOLVER_RULE = "unit-resolver"
"""Named in the ``rules`` column of a count the fallback unit resolver turned into a quantity."""


def _resolve_unit(span: Span, cand: Candidate, amount: Amount, res: Resources) -> Measured:
    """A count of a noun the lexicons do not know may be a measure ("40 knots", "5 terabytes"):
    the fallback resolver names its unit, and it becomes a quantity."""
    unit = _unit_of_count(span, cand, amount, res)
    if not unit:
        return Measured(span, cand, amount, cand.label, (cand.rule.id,))
    measure = replace(amount, unit=unit, **res.figures.to_si(amount.value, unit))
    return Measured(span, cand, measure, "quantity", (cand.rule.id, RESOLVER_RULE))


CARRIED_CURRENCY_RULE = "currency-of-sentence"
"""Named in the ``rules`` column of a bare scaled number that took its currency from the money
amounts of its sentence."""


def _carry_currency(measured: list[Measured], res: Resources) -> list[Measured]:
    """Bare scaled numbers that repeat the scale of their sentence's money, in its one currency,
    are money ("8 trillion roubles ... down from 11.6 trillion")."""
    currencies = carry_currency([m.span for m in measured], [m.kind for m in measured],
                                [m.amount.unit for m in measured], set(res.figures.scales))
    return [m._replace(amount=replace(m.amount, unit=code), kind="money", rules=m.rules + (CARRIED_CURRENCY_RULE,))
            if code else m for m, code in zip(measured, currencies)]


WRITTEN_MONEY_RULE = "currency-of-article"
"""Named in the ``rules`` column of a count of a currency name that is also a common word, which
the article writes as money elsewhere."""


def _written_money(measured: list[Measured], res: Resources) -> list[Measured]:
    """A currency name that is also a common word ("marks", "crowns"), counted alone with no scale
    word, is money where the article writes that word as money elsewhere: after "fined 60,000
    marks ($33,000)", "a gift of 12,500 marks" further down is DEM, no count of marks."""
    ambiguous = res.rules.lexicons["ambiguous_currency_words"]
    written = {m.span[-1].lower_ for m in measured if m.kind == "money" and m.span[-1].lower_ in ambiguous}
    return [m._replace(kind="money", amount=replace(m.amount, unit=ambiguous[m.span[-1].lower_], value_si=None, unit_si=""),
                       rules=m.rules + (WRITTEN_MONEY_RULE,))
            if m.kind == "count" and m.span[-1].lower_ in written else m for m in measured]


JOINED_UNIT_RULE = "unit-of-range-end"
"""Named in the ``rules`` column of a bare number that takes the unit of the quantity it is joined to,
as a range's or a change's other end."""


def _joined_measures(measured: list[Measured], res: Resources) -> list[Measured]:
    """Bare numbers joined to a measured quantity or counted thing right after them take its kind
    and unit ("from 3,000 to 4,500 kilometers")."""
    return _take_units(measured, joined_measures([m.span for m in measured], [m.kind for m in measured],
                                                 [m.amount.unit for m in measured], res.figures.range_links), res)


def _linked_measures(measured: list[Measured], parts: list[str], linked: list[tuple[int, ...]],
                     res: Resources) -> list[Measured]:
    """A bare end of a change takes the kind and unit of its measured other end ("from 14 years to
    10" is 10 years), a bare change those of the count it leads to (``linked_measures``)."""
    return _take_units(measured, linked_measures([m.kind for m in measured], [m.amount.unit for m in measured],
                                                 parts, linked), res)


def _take_units(measured: list[Measured], sources: list[int | None], res: Resources) -> list[Measured]:
    """Each figure with a source index takes that figure's kind and unit, its SI value read anew."""
    return [m if j is None else m._replace(
        amount=replace(m.amount, unit=measured[j].amount.unit, **res.figures.to_si(m.amount.value, measured[j].amount.unit)),
        kind=measured[j].kind, rules=m.rules + (JOINED_UNIT_RULE,)) for m, j in zip(measured, sources)]


def _local_dollars(doc: Doc, measured: list[Measured], res: Resources) -> list[Measured]:
    """A bare "$" in the article's own dollar, where the article says which (``local_dollars``):
    "AU$1.2 billion ... $40 million" is AUD twice; "$500 million (US$350 million)" is no USD. A
    currency name written alone in the currency of the one land the article names with it
    (``named_currency``): "40 million guilders" in a report on the Netherlands is NLG. A land is
    named by a word the article writes capitalised only, as nationalities are: "financial" or
    "gold" in lower case names no Luxembourg franc nor gold franc. Cents in the one other currency
    the article's money is in (``local_cents``): "R24.87 a litre ... a 63-cent increase" is ZAR."""
    money = [i for i, m in enumerate(measured) if m.kind == "money"]
    if not money:
        return measured
    marks = [res.figures.currency_mark([t.text for t in measured[i].span]) for i in money]
    codes = [measured[i].amount.unit.partition("/")[0] for i in money]
    restated = [k > 0 and measured[i].span.start - measured[money[k - 1]].span.end <= 3
                and doc[measured[money[k - 1]].span.end:measured[i].span.start].text.strip().startswith("(")
                for k, i in enumerate(money)]  # "C$500 million ($370 million)": the second restates the first
    equivalents = [k + 1 < len(money) and restated[k + 1] and marks[k + 1] not in ("", "$") and codes[k + 1] == "USD"
                   for k in range(len(money))]
    restatements = [restated[k] and marks[k] == "$" and codes[k - 1] != "USD" for k in range(len(money))]
    nationalities = res.figures.nationalities
    words = {doc.vocab.strings[lower] for lower in set(doc.to_array(LOWER).tolist())}  # no Token per word
    named = {nationalities[word]["dollar"] for word in words if "dollar" in nationalities.get(word, {})}
    decided = local_dollars(marks, codes, equivalents, restatements, res.figures.dollar_codes, named)
    written = {doc.vocab.strings[orth] for orth in set(doc.to_array(ORTH).tolist())}
    lands = [nationalities[word] for word in words if word in nationalities and word not in written]  # "Dutch", never "gold"
    names = [_currency_word(measured[i].span, res) for i in money]  # "6.70 guilders a share": guilders
    decided = [named_currency(name.lower_, name.i > span.start and doc[name.i - 1].lower_ in nationalities, lands,
                              res.figures.dollar_codes) or code
               for code, span, name in zip(decided, (measured[i].span for i in money), names)]
    subunits = res.figures.currency_subunits
    in_cents = [not mark and not any(t.lower_ in nationalities for t in measured[i].span)
                and any(subunits.get(t.lower_) == US_DOLLAR for t in measured[i].span) for i, mark in zip(money, marks)]
    sentences = [measured[i].span.sent.start for i in money]
    decided = local_cents(decided, in_cents, set(subunits.values()) - {US_DOLLAR},
                          [k - 1 if k and sentences[k - 1] == sentences[k] else None for k in range(len(money))])
    changed = list(measured)
    for i, code, old in zip(money, decided, codes):
        if code != old:
            amount = measured[i].amount
            changed[i] = measured[i]._replace(amount=replace(amount, unit=code + amount.unit[len(old):]))
    return changed


BARE_PRICE = "bare_price"
"""The ``form`` of the rules that read a share price quoted with no currency sign."""


def _exchange_rates(measured: list[Measured], res: Resources) -> list[Measured]:
    """Exchange rates ("the won slid to 1,392 per dollar") in the currency their sentence names per
    the one after the number (``exchange_rate``); a rate whose sentence names no other currency
    keeps its number alone."""
    names = res.figures.currency_words
    out = []
    for m in measured:
        if m.cand.rule.sets.get("form") == EXCHANGE_RATE:
            sent = m.span.sent
            before = [t.lower_ for t in sent if t.i < m.span.start]
            after = [t.lower_ for t in sent if t.i >= m.span.end]
            m = m._replace(amount=replace(m.amount, unit=exchange_rate(m.span[-1].lower_, before, after, names)))
        out.append(m)
    return out


EXCHANGE_RATE = "exchange_rate"
"""The form of a rule's match that is an exchange rate."""


def _bare_prices(measured: list[Measured], res: Resources) -> list[Measured]:
    """Share prices quoted with no sign ("fell 3 to 41") in the article's own currency
    (``bare_price_currency``): dollars in a New York report, pence in a London one."""
    bare = [m.cand.rule.sets.get("form") == BARE_PRICE for m in measured]
    if not any(bare):
        return measured
    code, factor = bare_price_currency([m.amount.unit.partition("/")[0] for m, b in zip(measured, bare)
                                        if m.kind == "money" and not b], res.rules.lexicons["subunit_share_quotes"])
    return [m._replace(amount=replace(m.amount, unit=code, value=round(m.amount.value * factor, 6)))
            if b and m.amount.value is not None else m for m, b in zip(measured, bare)]


def _currency_word(span: Span, res: Resources) -> Token:
    """The word of a money span that names its currency: the last one the lexicons know as a
    currency name, which a price per unit is followed by ("4.10 guilders a share"), else the last."""
    return next((t for t in reversed(span) if t.lower_ in res.figures.currency_words), span[-1])


def _has_scale(span: Span, res: Resources) -> bool:
    return any(t.lower_ in res.figures.scales for t in span)


def _countable(noun: Token, res: Resources) -> str:
    """The unit of a plural noun whose counts are claims ("jobs" -> job, "people" -> person), "" for any other noun."""
    if noun.tag_ not in ("NNS", "NNPS") or noun.lower_ not in res.figures.count_nouns:
        return ""
    return res.figures.counted_noun(noun.text, noun.lemma_)


def _count_reading(res: Resources) -> CountReading:
    """The verbs of reaching and change, the member nouns of groups, casualty words and the nouns of a
    number, from the lexicons: "a crowd of 3,000" counts people (``member_nouns``), a singular group
    noun only (tagged a name at the head of a sentence); "bookings climbed to 9,400" counts
    bookings, a plural subject that is no money ("revenues") nor a level ("prices", ``measured_plurals``)."""
    lexicons = res.rules.lexicons
    members = lexicons["member_nouns"]
    not_counted = frozenset(lexicons["money_nouns"]) | frozenset(lexicons["measured_plurals"])

    def plural_subject(noun: Token) -> str:
        if noun.tag_ != "NNS" or noun.lower_ in not_counted or noun.lemma_.lower() in not_counted:
            return ""
        return res.figures.counted_noun(noun.text, noun.lemma_)

    return CountReading(frozenset(lexicons["reaching_verbs"]),
                        lambda noun: members.get(noun.lower_, "") if noun.tag_ in ("NN", "NNP") else "",
                        frozenset(lexicons["rising_verbs"]) | frozenset(lexicons["falling_verbs"]), plural_subject,
                        *(frozenset(lexicons[name]) for name in ("casualty_words", "including_words", "number_nouns")))


def _own_direction(amount: Amount, role: str) -> str:
    """A multiplier's own direction ("halved" is down) where the figure is a change or a goal."""
    return amount.direction if role in ("change", "target") else ""


def _key(cand: Candidate) -> tuple[int, int, str]:
    return cand.start, cand.end, cand.rule.id


def _unit_of_count(span: Span, cand: Candidate, amount: Amount, res: Resources) -> str:
    """The unit the fallback resolver reads in a count of a noun the lexicons do not count
    ("40 knots" -> "knot"), or ""."""
    if cand.label != "count" or amount.value is None or span[-1].lower_ in res.figures.count_nouns:
        return ""
    return res.units.resolve(span.text, amount.value)


def _amount(span: Span, cand: Candidate, res: Resources) -> Amount:
    """The figure's value and unit; none for a count that is no whole number ("118.40 points",
    "2.5 viewers": counts are whole) unless its noun is a unit ("37.8 microgrammes"). A rate of
    things per one of something whose things are a unit the fallback resolver reads ("37.8
    microgrammes per gramme") is no count of them: none, so that the measure alone is read."""
    words = [t.text for t in span]
    amount = res.figures.normalize(cand.label, words, [cased_lemma(t) for t in span], cand.rule.sets)
    if cand.rule.sets.get("form") == "count_rate" and amount.value is not None:
        things = span[:[t.lower_ for t in span].index("per")]
        if res.units.resolve(things.text, amount.value):
            return Amount(None, unit=amount.unit)
    if cand.label == "count" and not res.figures.whole_count(words, amount) \
            and not _unit_of_count(span, cand, amount, res):
        return Amount(None, unit=amount.unit)
    return replace(amount, unit=with_compound_nouns(span, amount.unit, res.figures.scales)) if cand.label == "count" else amount
