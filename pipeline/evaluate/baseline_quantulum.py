"""quantulum3 alone, as a reference point for the evaluation.

Its quantities are mapped to our kinds with as little help as possible, so the side-by-side scores
show what an off-the-shelf quantity parser gets right on news text and where it goes wrong:
- a currency becomes ``money`` with its ISO 4217 code;
- a percentage (or percentage point, basis point) becomes ``percent``;
- a dimensionless number followed by a plural noun becomes a ``count`` of that noun;
- anything else becomes a ``quantity`` with quantulum3's unit name.
Whatever it gets wrong ("€2.5bn" read as euros times bits times newtons) stays in its output.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

import inflect

from pipeline.evaluate.fields import VALUE_UNIT

if TYPE_CHECKING:
    from quantulum3.classes import Quantity

BASELINE_NAME = "quantulum3"
BASELINE_FIELDS = ("value", "value_low", "value_high", "unit", VALUE_UNIT)
"""The fields the baseline is scored on: value and unit (range ends count, though it never gives
them). Qualifier, role, direction and time it cannot give, so they are not scored."""

_PERCENT_UNITS = {"percentage": "percent", "percentage point": "percentage_point", "basis point": "basis_point"}
_SPELLING = (("metre", "meter"), ("litre", "liter"))
"""British spellings quantulum3 uses for unit names; only the spelling is changed, never the unit."""

_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_NOT_NOUNS = frozenset({"as", "has", "his", "is", "its", "less", "plus", "this", "thus", "us", "was", "does"})
"""Words ending in "s" that a plural-noun test would otherwise take for a counted noun."""


@dataclass(frozen=True)
class BaselineFigure:
    """One quantulum3 quantity in our terms. It has no range ends ("$21-23 billion" comes out as one
    value), qualifier, role, direction or time; the scorer reads those as absent."""

    start: int
    end: int
    text: str
    kind: str
    value: float | None
    unit: str


@cache
def _parser() -> ModuleType:
    """Import quantulum3 once, without its warning that the optional classifier is not installed."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Classifier dependencies not installed", category=UserWarning)
        from quantulum3 import parser
    return parser


@cache
def _inflect() -> inflect.engine:
    return inflect.engine()


def quantulum_figures(text: str) -> list[BaselineFigure]:
    """Every quantity quantulum3 finds in ``text``, with offsets into ``text``."""
    return [to_figure(quantity, text) for quantity in _parser().parse(text)]


def to_figure(quantity: Quantity, text: str) -> BaselineFigure:
    """Map one quantulum3 ``Quantity`` to our kinds and units (see the module docstring)."""
    start, end = quantity.span
    unit = quantity.unit
    common = {"start": start, "end": end, "text": text[start:end], "value": float(quantity.value)}
    if unit.entity.name == "currency":
        return BaselineFigure(kind="money", unit=getattr(unit, "currency_code", None) or "", **common)
    if unit.name in _PERCENT_UNITS:
        return BaselineFigure(kind="percent", unit=_PERCENT_UNITS[unit.name], **common)
    if unit.entity.name == "dimensionless" and (noun := _counted_noun(text, end)):
        return BaselineFigure(kind="count", unit=noun, **common)
    return BaselineFigure(kind="quantity", unit=_spelled(unit.name), **common)


def _counted_noun(text: str, end: int) -> str:
    """The singular of the plural noun right after a bare number ("10,000 troops" -> "troop"), or ""."""
    match = _NEXT_WORD.match(text, end)
    if not match or match.group(1).lower() in _NOT_NOUNS:
        return ""
    return _inflect().singular_noun(match.group(1).lower()) or ""


def _spelled(name: str) -> str:
    """quantulum3's unit name in our spelling; its "dimensionless" is no unit at all."""
    if name == "dimensionless":
        return ""
    for british, ours in _SPELLING:
        name = name.replace(british, ours)
    return name
