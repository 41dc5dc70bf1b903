"""Which figures of an article's headline and lead restate a figure of its body (the ``restates``
column): "Rail fares to rise 5%" over "fares will go up by 4.9 percent in March", so that a
reviewer checks the figure once, where the body states it in full.

A headline or lead figure restates the body figure of the same kind and unit whose value it is at
its own precision, its last written digit ("$17bn" is $17.1 billion rounded to whole billions;
trailing zeros are rounding, so "1,000" stands for 500 to 1,500); its period is compared only
when its own clause gives one, since a headline rarely dates its figure. A lead is written in full
sentences, like the body, where one unit often measures several things ("inflation was 4.2% in
May" after "unemployment rose to 4% in May"): a lead figure restates only a body figure of the same
value, period and role. Directions and parties must not differ.
When more than one body figure fits, one with the same value wins; fits of different values leave the
figure alone, because a wrong group would carry a verdict to a figure nobody checked.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from pipeline.nlp.structure import starts_paragraph, whole_dateline
from pipeline.records import FIGURE_KINDS, Claim
from pipeline.time.scope import headline_end

OWN_PERIOD_SOURCES = frozenset({"clause", "sentence", "statement", "base"})
"""Time sources that say the figure's own sentence dates it ("to rise 5% in March")."""

WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def opening_ends(doc: Doc, sentences: list[Span], title: str) -> tuple[int, int]:
    """The character offsets where the headline ends and where the lead (the body's first
    paragraph, after any dateline on a line of its own) ends; 0 for a part the article does not
    have. A lead is only a lead with more text after it."""
    body = headline_end(doc, sentences, title)
    body_start = doc[body].idx if body else 0
    first = next((i for i, sent in enumerate(sentences) if sent.start_char >= body_start and not whole_dateline(sent)),
                 None)
    if first is None:
        return body_start, 0
    after = next((sent for sent in sentences[first + 1:] if starts_paragraph(doc, sent)), None)
    return body_start, after.start_char if after is not None else 0


def with_restatements(rows: Sequence[Claim], headline_end_char: int, lead_end_char: int) -> tuple[Claim, ...]:
    """``rows`` with ``restates`` set on each headline or lead figure that restates a body figure:
    the claim id of that body figure. A headline figure that restates the lead names the body
    figure the lead restates, so every group has one main row."""
    figures = [row for row in rows if row.kind in FIGURE_KINDS and _number(row.value) is not None]
    after_lead = [b for b in figures if b.start >= lead_end_char]
    after_headline = [b for b in figures if b.start >= headline_end_char]
    lead = {row.claim_id: found.claim_id for row in figures if headline_end_char <= row.start < lead_end_char
            if (found := restated(row, after_lead, in_lead=True))}
    headline = {row.claim_id: found.claim_id for row in figures if row.start < headline_end_char
                if (found := restated(row, after_headline, in_lead=False))}
    mains = lead | {claim: lead.get(body, body) for claim, body in headline.items()}
    return tuple(replace(row, restates=mains[row.claim_id]) if row.claim_id in mains else row for row in rows)


def restated(figure: Claim, body: Sequence[Claim], in_lead: bool) -> Claim | None:
    """The body figure a headline figure (or, ``in_lead``, a lead figure) restates, if exactly one
    value fits (see the module's doc)."""
    value = _number(figure.value)
    half = 0.0 if in_lead else written_step(figure.text, value) / 2 * (1 + 1e-9)
    fits = [b for b in body if b.kind == figure.kind and b.unit == figure.unit
            and abs(_number(b.value) - value) <= half and _same_period(figure, b, in_lead)
            and (not in_lead or b.role == figure.role)
            and not _differ(figure.direction, b.direction) and not _disjoint(figure.entities, b.entities)]
    exact = [b for b in fits if _number(b.value) == value]
    if exact:
        return exact[0]
    return fits[0] if len({_number(b.value) for b in fits}) == 1 else None


def written_step(text: str, value: float) -> float:
    """How far apart the values a figure's writing can tell are: its last written digit, in the
    figure's scale. "$17bn" -> 1e9, "$17.1 billion" -> 1e8, "6.7%" -> 0.1, "1,000" -> 1000
    (trailing zeros of a whole number are rounding). A figure written in words ("two-thirds")
    tells its exact value only: 0."""
    found = WRITTEN_NUMBER.search(text)
    mantissa = float(found.group(0).replace(",", "")) if found else 0.0
    if not mantissa:
        return 0.0
    if found.group(1) is not None:
        step = 10.0 ** -len(found.group(1))
    else:
        digits = found.group(0).replace(",", "")
        step = 10.0 ** (len(digits) - len(digits.rstrip("0")))
    return step * abs(value / mantissa)


def _number(cell: str) -> float | None:
    try:
        return float(cell) if cell else None
    except ValueError:
        return None


def _same_period(figure: Claim, body: Claim, required: bool) -> bool:
    if required or figure.time_source in OWN_PERIOD_SOURCES:
        return bool(figure.time_value) and figure.time_value == body.time_value
    return True


def _differ(first: str, second: str) -> bool:
    return bool(first and second and first != second)


def _disjoint(first: str, second: str) -> bool:
    names = [{name for name in cell.split("; ") if name} for cell in (first, second)]
    return bool(names[0] and names[1] and not names[0] & names[1])
