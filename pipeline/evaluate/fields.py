"""Normalized fields of a found item against its gold: which are scored, what each side says, if they agree."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from pipeline.evaluate.gold import RANGE_FIELDS, GoldItem, is_number
from pipeline.evaluate.matching import Prediction

VALUE_UNIT = "value+unit"
"""Value (or range) and unit both right: what a fact-checker needs before the number is usable."""

NORMALIZED_FIELDS = ("value", "value_low", "value_high", "unit", VALUE_UNIT, "time", "qualifier", "role", "direction")
"""Fields scored on matched pairs, each only where the gold item gives it (``value+unit``: a unit)."""

_VALUE_UNIT_PARTS = ("value", "value_low", "value_high", "unit")


@dataclass(frozen=True)
class FieldCheck:
    """One normalized field of one found item, compared with the gold."""

    article_id: str
    pred: Prediction
    field: str
    expected: object
    got: object

    @property
    def ok(self) -> bool:
        """Whether the extractor got the field right, numbers within a relative 1e-9 (``agrees``)."""
        return agrees(self.field, self.expected, self.got)


def predicted_field(pred: Prediction, name: str) -> object:
    """What the extractor said for a normalized field; None where the record has no such field."""
    if name == "time":
        scope = getattr(pred.source, "time", None)
        return scope.value if scope is not None else None
    return getattr(pred.source, name, None)


def agrees(name: str, expected: object, got: object) -> bool:
    """Numbers compare with a relative tolerance, as scaling "2.3 billion" in floats is inexact; all else exactly.

    ``value+unit`` compares (value, value_low, value_high, unit) part by part.
    """
    if name == VALUE_UNIT:
        return all(agrees(part, e, g) for part, e, g in zip(_VALUE_UNIT_PARTS, expected, got))
    if name in ("value",) + RANGE_FIELDS and is_number(expected):
        return is_number(got) and math.isclose(got, expected, rel_tol=1e-9)
    return got == expected


def gold_field(item: GoldItem, name: str) -> object:
    """What the gold says for a field; None where it does not say (``value+unit`` needs a unit)."""
    if name == VALUE_UNIT:
        return tuple(getattr(item, part) for part in _VALUE_UNIT_PARTS) if item.unit is not None else None
    return getattr(item, name)


def field_checks(article_id: str, pred: Prediction, item: GoldItem,
                 fields: Sequence[str] = NORMALIZED_FIELDS) -> list[FieldCheck]:
    """A check for every field in ``fields`` the gold item gives; fields it leaves out are not scored."""
    return [FieldCheck(article_id, pred, name, expected, _predicted(pred, name))
            for name in fields if (expected := gold_field(item, name)) is not None]


def _predicted(pred: Prediction, name: str) -> object:
    if name == VALUE_UNIT:
        return tuple(predicted_field(pred, part) for part in _VALUE_UNIT_PARTS)
    return predicted_field(pred, name)
