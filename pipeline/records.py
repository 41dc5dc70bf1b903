"""Typed records that flow between the stages: Article -> Figure/DateMention -> Claim.

Every record is a frozen dataclass so that a stage can never change what an earlier stage produced.
Offsets are character offsets into ``Article.text``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

FIGURE_KINDS = ("money", "percent", "quantity", "count")
KINDS = FIGURE_KINDS + ("date",)
CLAIM_KINDS = KINDS + ("quote", "statement")
"""Kinds of claims table rows; quotes and statements are rows but not figures."""


@dataclass(frozen=True)
class Article:
    """One input document with its metadata; ``published`` anchors relative dates."""

    id: str
    text: str
    title: str = ""
    source: str = ""
    published: date | None = None
    path: str = ""
    author: str = ""
    url: str = ""
    published_origin: str = "none"
    """Where ``published`` came from: cli, meta, front_matter, jsonl, html:jsonld, html:og,
    html:time, html (found by the page extractor elsewhere) or none."""


@dataclass(frozen=True)
class DateMention:
    """A time expression, normalized to an EDTF-style value ("2022-02-04", "195X", "1960/1989").

    ``value`` is empty when a relative expression has no anchor to resolve against.
    ``anchor`` names what a relative expression was resolved against ("published 2024-04-09",
    "narrative 2022-02-04").
    """

    start: int
    end: int
    text: str
    value: str
    sentence_index: int
    relative: bool = False
    """Resolved from the publication date or an earlier date ("last year", "20 days later"), so its
    value is only as right as that anchor; a date row of one is flagged ``relative``."""
    anchor: str = ""
    modifier: str = ""
    """What the value leaves out: "early", "mid", "late", "fiscal", or "vague" for a reference with
    no value ("recently")."""
    rules: tuple[str, ...] = ()
    reference: str = ""
    """"present", "past" or "future" for a reference to a time around publication rather than a
    calendar date: "now" (valued as the publication date), "recently", "soon" (no value)."""
    fiscal_quarter: int = 0
    """The company's own number for a quarter of its fiscal year that ``value`` gives in calendar
    months ("the fiscal first quarter ended Sept. 30": July to September, quarter 1), 0 otherwise."""


@dataclass(frozen=True)
class TimeScope:
    """The period a figure refers to and where that came from: in "exports rose 36 percent in
    2022", the figure's scope is ``text`` "2022", ``value`` "2022", ``source`` "clause". Checking a
    figure against a reference needs its period; a figure nothing dates takes the article's day
    (source ``published``), and has no scope (None) only without a publication date."""

    text: str
    value: str
    """EDTF, as ``DateMention.value``."""
    source: str
    """clause, sentence, context, headline, event, statement, base, lead, market, published or self
    (a date row's own date); see docs/claims-table.md for what each means."""
    reference: str = ""
    """The ``DateMention.reference`` of the date it came from: "present" for "now", "these days",
    "at present" (a figure stated as current), else "past", "future" or ""."""


@dataclass(frozen=True)
class Figure:
    """A checkable number: money, percent, quantity with a unit, or a count. "grew by around 36
    percent to $190 billion" gives two: 36 (percent, approx, a change, up) and 190000000000 (USD, a
    level), linked as the "by" and the "to" of one change."""

    start: int
    end: int
    text: str
    kind: str
    value: float | None
    """None for a range (see ``value_low`` and ``value_high``). Fractions and ratios are percents
    ("two-thirds" -> 66.667), multipliers are times ("tripled" -> 3)."""
    sentence_index: int
    value_low: float | None = None
    value_high: float | None = None
    unit: str = ""
    """ISO 4217 for money ("USD", "USD/barrel"), percent, percentage_point, times, the singular unit
    of a quantity ("mile") or the singular noun a count counts ("troop")."""
    value_si: float | None = None
    unit_si: str = ""
    qualifier: str = "exact"
    """exact, approx, more_than, at_least, less_than or at_most: "more than 10,000 troops" is a
    lower bound, which a check against a reference must treat as one."""
    role: str = "level"
    """level, change, share, target, comparison or rank."""
    direction: str = ""
    """up or down, for a change or comparison whose wording says which ("halved" is down)."""
    link: str = ""
    """The figure's part in a change statement: "from", "to", "by" (the change), or ""."""
    linked_to: tuple[int, ...] = ()
    """Start offsets of the other figures of the same change statement."""
    time: TimeScope | None = None
    rules: tuple[str, ...] = ()
    """Ids of the rules and steps that made the figure, its extraction rule first (the ``rules``
    column)."""


@dataclass(frozen=True)
class Quote:
    """Words in quotation marks with the person or body who said them and, where the text gives
    it, when ("told senators in March 2023")."""

    start: int
    end: int
    text: str
    sentence_index: int
    speaker: str
    time: TimeScope | None = None


@dataclass(frozen=True)
class Claim:
    """One row of the claims table: a figure or a dated event, with its context and provenance.

    Values are CSV-ready strings: plain numbers for figures ("190000000000"); a date row's EDTF
    value is its ``time_value`` (its ``value`` stays empty, so ``value`` holds only numbers).
    """

    claim_id: str
    article_id: str
    sentence_index: int
    start: int
    end: int
    kind: str
    text: str
    value: str
    value_low: str = ""
    value_high: str = ""
    unit: str = ""
    value_si: str = ""
    unit_si: str = ""
    qualifier: str = ""
    role: str = ""
    direction: str = ""
    link: str = ""
    linked_to: str = ""
    """The claim ids of the other figures of its change statement, joined by "; " (a Figure holds
    their offsets instead)."""
    restates: str = ""
    """For a headline or lead figure, the claim id of the body figure it restates ("$17bn" in the
    headline, "$17.1 billion" in the body), so both are reviewed as one; see claims/restates.py."""
    time_text: str = ""
    time_value: str = ""
    time_source: str = ""
    subject: str = ""
    entities: str = ""
    speaker: str = "author"
    claim_text: str = ""
    """The sentence with the claim's own clause between ⟦ ⟧, so the row reads on its own."""
    claim_type: str = ""
    checkworthiness: str = ""
    """0 to 1, how much the row deserves a check; ``checkworthiness_features`` lists what set it
    ("specific_figure (+0.35); magnitude (+0.10)")."""
    checkworthiness_features: str = ""
    sentence: str = ""
    rules: str = ""
    published: str = ""
    published_origin: str = ""
    reference_status: str = ""
    reference_value: str = ""
    reference_source: str = ""
    reference_diff: str = ""
    flags: str = ""
    """``;``-separated: relative, vague, stale, changed:old_value=..., and consistency check results
    ("consistency:sum-of-parts:ok(...)")."""


@dataclass(frozen=True)
class Extraction:
    """Everything the pipeline found in one article: what ``extract_articles`` yields, what a run
    writes as one line of ``claims.jsonl`` and what the evaluation scores against the gold."""

    article: Article
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    entities: tuple[dict, ...] = ()
    """``{"start", "end", "text", "label", "canonical"}`` per named entity, in text order."""
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = field(default=())
    """The table rows, assembled last from everything above (empty until then)."""


CLAIM_NUMBER_FIELDS = ("value", "value_low", "value_high", "value_si", "checkworthiness", "reference_value")
"""Claim fields that hold a number or nothing: JSON writes them as numbers (or null), not strings."""

REFERENCE_RESULT_COLUMNS = ("reference_status", "reference_value", "reference_source", "reference_diff")
"""What ``claims verify`` fills and ``claims run`` leaves empty: a result about the claim as last
verified, so a stale row (its figure gone from the article) is not left holding one."""

CLAIM_ID_PREFIX = "c"
"""The letter every claim id starts with (``c`` + 12 hex digits), so no tool reads an id as a number."""

REVIEW_COLUMNS = ("review_status", "reviewer", "review_note", "evidence_url", "reviewed_at")
"""Columns a reviewer fills in; the pipeline writes them empty and never overwrites them."""

CLAIM_FIELDS = tuple(Claim.__dataclass_fields__)
"""The fields of a claim, in column order."""

CLAIM_COLUMNS = CLAIM_FIELDS + REVIEW_COLUMNS
"""The column order of every claims CSV."""


def claim_cells(claim: Claim) -> tuple:
    """A claim's values in column order (``("c1f2...", "a1", 3, ...)``): ``dataclasses.astuple``
    without its deep copy of every value, which a claim, all text and whole numbers, never needs."""
    return tuple(getattr(claim, name) for name in CLAIM_FIELDS)


def record_dict(record: object) -> dict:
    """A record as a dict, a record it holds as a dict too (a figure's time scope), its tuples as
    tuples: what ``dataclasses.asdict`` gives for these records, without deep-copying text, numbers
    and dates, which are never changed in place (the copies cost more than the JSON written from them)."""
    return {name: _plain(getattr(record, name)) for name in record.__dataclass_fields__}


def _plain(value: object) -> object:
    if hasattr(type(value), "__dataclass_fields__"):
        return record_dict(value)
    if type(value) is tuple:
        return tuple(map(_plain, value))
    return value
