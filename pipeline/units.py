"""A fallback unit resolver for counted nouns the lexicons do not know ("40 knots", "5 terabytes").

quantulum3 reads units well but misreads much of news text: scale suffixes as units ("€2.5bn" is
"euro barn newton"), years as quantities, year spans as averaged ranges ("2012-13" -> 1012.5),
"45 minutes" as an angle. So it never sees a whole document: only the short span a rule already
found (a number and the noun after it), and its answer is kept only when it reads the span exactly
as a single physical quantity of one of the entities listed in ``resolver_entities``, with the value
the rules read and a unit named by no more words than the span has. Answers are cached by span text.
"""
from __future__ import annotations

import warnings
from functools import lru_cache


class UnitResolver:
    """Built once from the lexicons; quantulum3 is imported (and its unit table loaded) only when a
    span first needs it."""

    def __init__(self, lexicons: dict):
        self.entities = frozenset(lexicons["resolver_entities"])
        self.units = dict(lexicons["units"])
        self.resolve = lru_cache(maxsize=4096)(self._resolve)

    def _resolve(self, text: str, value: float) -> str:
        """The unit of a span such as "40 knots" (-> "knot"), or "" when quantulum3's reading is
        not trustworthy."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
            try:
                quantities = parser.parse(text)
            except Exception:  # noqa: BLE001 - a third-party parser failing on odd text is no reading
                return ""
        if len(quantities) != 1:
            return ""
        quantity = quantities[0]
        name = quantity.unit.name
        unit_words = len(text.split()) - 1
        if (quantity.surface != text or quantity.unit.entity.name not in self.entities
                or quantity.value != value or not 0 < len(name.split()) <= max(unit_words, 1)):
            return ""
        return self.units.get(name, name)
