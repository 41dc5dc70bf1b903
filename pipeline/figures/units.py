"""A fallback unit resolver for counted nouns the lexicons do not know ("40 knots", "5 terabytes").

quantulum3 reads units well but misreads much of news text: scale suffixes as units ("€2.5bn" is
"euro barn newton"), years as quantities, year spans as averaged ranges ("2012-13" -> 1012.5),
"45 minutes" as an angle. So it never sees a whole document: only the short span a rule already
found (a number and the noun after it), and its answer is kept only when it reads the span exactly
as a single physical quantity of one of the entities listed in ``resolver_entities``, with the value
the rules read and a unit named by no more words than the span has. Answers are cached by span text.
A span is only parsed when quantulum3 could read a unit in it at all (``may_read_unit``): most
counted nouns ("40 goals") are no unit, and that test is ten times quicker than parsing.
"""
from __future__ import annotations

import warnings
from functools import lru_cache

from pipeline.nlp.plurals import import_inflect_unchecked


class UnitResolver:
    """Built once from the lexicons; quantulum3 is imported (and its unit table loaded) only when a
    span first needs it."""

    def __init__(self, lexicons: dict):
        self.entities = frozenset(lexicons["resolver_entities"])
        self.units = dict(lexicons["units"])
        self.skipped = frozenset(lexicons["unit_skipped_surfaces"])
        self.resolve = lru_cache(maxsize=4096)(self._resolve)

    def _resolve(self, text: str, value: float) -> str:
        """The unit of a span such as "40 knots" (-> "knot"), or "" when quantulum3's reading is
        not trustworthy or names its unit by a surface the units registry leaves out as a word or
        another reading ("40 gals" is no acceleration in galileos)."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
            try:
                if not may_read_unit(text):
                    return ""
                quantities = parser.parse(text)
            except Exception:  # noqa: BLE001 - a third-party parser failing on odd text is no reading
                return ""
        if len(quantities) != 1:
            return ""
        quantity = quantities[0]
        name = quantity.unit.name
        unit_words = len(text.split()) - 1
        if (quantity.surface != text or quantity.unit.entity.name not in self.entities
                or quantity.value != value or not 0 < len(name.split()) <= max(unit_words, 1)
                or name in self.skipped):
            return ""
        return self.units.get(name, name)


MAX_UNITS = 4
"""How many units (with operators between them: "km/h", "kg m") quantulum3 reads after a number."""


@lru_cache(maxsize=1)
def _unit_pieces() -> tuple[frozenset[str], frozenset[str], int]:
    """quantulum3's unit names and symbols, and the operators and exponent words its regex allows
    between and after them, in lower case; and the length of the longest. Its unit regex is
    compiled here too (most of a second), with the rest of its loading, rather than on the first
    span that passes ``may_read_unit``."""
    from quantulum3 import load, regex

    regex.units_regex("en_US")
    units = load.units("en_US")
    names = frozenset(key.lower() for key in (*units.surfaces, *units.symbols))
    operators = frozenset(op.lower() for op in regex.operators("en_US")) | {" squared", " cubed"}
    return names, operators, max(map(len, names | operators))


def may_read_unit(text: str) -> bool:
    """Whether quantulum3 could read a unit after a number in ``text``. Its regex reads a number
    (ending in a digit, once number words are digits), then one to four unit names or symbols,
    with operators and exponents between and after them, to the end of what it reads; a quantity
    that is the whole span must so reach the span's end. So a unit can only be read if, after some
    digit, the rest of the text splits into one to four names or symbols, operators and characters
    that are no letters. Text that is not ASCII is always let through (the regex ignores case
    beyond ``str.lower``)."""
    from quantulum3 import parser

    import_inflect_unchecked()
    text = parser.clean_text(text)
    text = parser.substitute_values(text, parser.extract_spellout_values(text))[0].lower()
    if not text.isascii():
        return True
    names, operators, longest = _unit_pieces()
    beyond = MAX_UNITS + 1  # "more than MAX_UNITS"
    # units[i]: bit k set when text[i:] splits so with k unit names (k = beyond: more)
    units = [0] * (len(text) + 1)
    units[len(text)] = 1
    for i in range(len(text) - 1, -1, -1):
        found = 0 if text[i].isalpha() else units[i + 1]
        for end in range(i + 1, min(i + longest, len(text)) + 1):
            piece, rest = text[i:end], units[end]
            if piece in operators:
                found |= rest
            if piece in names:
                shifted = rest << 1
                found |= (shifted & ((1 << beyond) - 1)) | ((1 << beyond) if shifted >> beyond else 0)
        units[i] = found
    wanted = ((1 << beyond) - 1) & ~1  # one to MAX_UNITS names
    return any(units[i + 1] & wanted for i, char in enumerate(text) if char.isdigit())
