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
    anchor: str = ""
    modifier: str = ""
    rules: tuple[str, ...] = ()


@dataclass(frozen=True)
class TimeScope:
    """The period a figure refers to and where that came from: clause, sentence, context, event."""

    text: str
    value: str
    source: str


@dataclass(frozen=True)
class Figure:
    """A checkable number: money, percent, quantity with a unit, or a count."""

    start: int
    end: int
    text: str
    kind: str
    value: float | None
    sentence_index: int
    value_low: float | None = None
    value_high: float | None = None
    unit: str = ""
    value_si: float | None = None
    unit_si: str = ""
    qualifier: str = "exact"
    role: str = "level"
    direction: str = ""
    link: str = ""
    """The figure's part in a change statement: "from", "to", "by" (the change), or ""."""
    linked_to: tuple[int, ...] = ()
    """Start offsets of the other figures of the same change statement."""
    time: TimeScope | None = None
    rules: tuple[str, ...] = ()


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

    Values are CSV-ready strings: plain numbers for figures ("190000000000"), EDTF for dates.
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
    time_text: str = ""
    time_value: str = ""
    time_source: str = ""
    subject: str = ""
    entities: str = ""
    speaker: str = "author"
    claim_text: str = ""
    claim_type: str = ""
    checkworthiness: str = ""
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


@dataclass(frozen=True)
class Extraction:
    """Everything the pipeline found in one article."""

    article: Article
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    entities: tuple[dict, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = field(default=())


REVIEW_COLUMNS = ("review_status", "reviewer", "review_note", "evidence_url", "reviewed_at")
"""Columns a reviewer fills in; the pipeline writes them empty and never overwrites them."""

CLAIM_COLUMNS = tuple(Claim.__dataclass_fields__) + REVIEW_COLUMNS
"""The column order of every claims CSV."""
